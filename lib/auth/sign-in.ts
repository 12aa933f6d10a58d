import { z } from "zod";

// Shared by the login form (client) and the credentials provider (server): one schema, and
// the Spanish messages the provider throws so the form can tell them apart.

/** Field messages are keys under `auth.errors` in messages/<locale>/auth.json. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254, "emailInvalid").pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired").max(200, "passwordRequired"),
});

export type SignInInput = z.infer<typeof signInSchema>;

/**
 * The only messages sign-in ever answers with. Unknown email, wrong password and inactive
 * account share one message, so the answer never tells whether an account exists.
 */
export const SIGN_IN_ERRORS = {
  invalidCredentials: "Correo o contraseña incorrectos.",
  rateLimited:
    "Demasiados intentos de inicio de sesión. Espere unos minutos e inténtelo de nuevo; si sigue sin poder entrar, avise al administrador.",
} as const;

export type SignInErrorKey = keyof typeof SIGN_IN_ERRORS;

export function signInErrorKey(message: string | null | undefined): SignInErrorKey {
  return message === SIGN_IN_ERRORS.rateLimited ? "rateLimited" : "invalidCredentials";
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Where to go after signing in: a path on this site, or "/". Anything that could leave the
 * origin (`//host`, `/\host`, a scheme, control characters) falls back to the home page.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 512) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  try {
    const url = new URL(value, "http://same.origin");
    if (url.origin !== "http://same.origin") return "/";
    // Back to the login page (or next-auth's endpoints) would only loop.
    if (/^\/(login|api\/auth)(\/|$)/.test(url.pathname)) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/**
 * next-auth's redirect callback: an absolute URL on `baseUrl`'s origin or a path on this site,
 * anything else (another host, a malformed URL) goes to the home page. Never throws.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  let path: unknown = url;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== new URL(baseUrl).origin) return baseUrl;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    // Not absolute: a path, checked below.
  }
  const safe = safeCallbackPath(path);
  // The login page itself is a valid destination here (sign-out leads to it).
  const target = safe === "/" && typeof path === "string" && /^\/login(\?|$)/.test(path) ? path : safe;
  return `${baseUrl.replace(/\/$/, "")}${target}`;
}

/**
 * Whether a `callbackUrl` sent to next-auth's endpoints can be read at all: a path on this site
 * or an absolute http(s) URL of reasonable length. Anything else is refused with 400 before
 * next-auth sees it (it would answer 500 to some malformed values).
 */
export function isReadableCallbackUrl(value: string): boolean {
  if (value.length > 512 || /[\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value, "http://same.origin");
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** What the sign-in form shows after a submission (with or without JavaScript). */
export type SignInFormState = {
  error: SignInErrorKey | "unexpected" | null;
  /** Field messages (keys under `auth.errors`) for a submission that skipped browser validation. */
  fieldErrors?: Partial<Record<keyof SignInInput, string>>;
  /** The email typed, so a page rendered without JavaScript keeps it. Never the password. */
  email: string;
};
