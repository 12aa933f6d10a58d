// The Content-Security-Policy of every page (decision 020), sent by proxy.ts with a fresh nonce
// per request. Next.js reads the nonce from the request's policy and puts it on its own
// scripts, so only those run: an injected <script>, an inline handler or a script from another
// origin does not. 'strict-dynamic' lets those scripts load the chunks they import.

export type CspOptions = {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and the overlay injects styles. */
  dev: boolean;
  /** The site is served over TLS: ask the browser to upgrade any stray http:// subresource. */
  https: boolean;
};

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives: string[] = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> and stylesheets only from here (or with the nonce); style="" attributes are
    // allowed: they cannot run code, and React renders computed widths that way.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    ...(dev ? [] : ["style-src-attr 'unsafe-inline'"]),
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // A service worker or web worker from this site: with 'strict-dynamic', script-src alone
    // would ignore 'self' for them.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
