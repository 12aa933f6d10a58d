import "server-only";
import type { Account, User } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { authOptions } from "./options";

// Issues the session the way next-auth's credentials callback does (next-auth 4.24,
// core/routes/callback.js): the same token through the same `jwt` callback, encrypted by
// next-auth's own `encode` with the same secret and lifetime, in the cookie next-auth reads
// (same name, flags and chunking), then the same `signIn` event. This lets the login form
// sign in through a server action, which works before the page hydrates (plain form POST).

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60; // next-auth's own default
// next-auth splits a cookie above 4096 bytes minus an estimated 163 for its attributes.
const CHUNK_SIZE = 4096 - 163;

/** next-auth's choice (core/init.js + utils/detect-origin.js): secure cookies when its URL is https. */
function usesSecureCookies(h: Headers): boolean {
  if (authOptions.useSecureCookies !== undefined) return authOptions.useSecureCookies;
  const trustHost = process.env.VERCEL ?? process.env.AUTH_TRUST_HOST;
  const proto = h.get("x-forwarded-proto") === "http" ? "http" : "https";
  const origin =
    process.env.NEXTAUTH_URL ?? (trustHost ? `${proto}://${h.get("x-forwarded-host") ?? h.get("host")}` : undefined);
  if (!origin) return false; // next-auth then assumes http://localhost:3000
  return !origin.startsWith("http") || origin.startsWith("https://");
}

/** Sets the session cookie for a user whose credentials were just verified. */
export async function startSession(user: User): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  // next-auth refuses to run without a secret in production; so does this.
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const maxAge = authOptions.session?.maxAge ?? DEFAULT_MAX_AGE;
  const account: Account = { providerAccountId: user.id, type: "credentials", provider: "credentials" };
  const defaultToken: JWT = { name: user.name, email: user.email, picture: user.image, sub: user.id };
  const token = authOptions.callbacks?.jwt
    ? await authOptions.callbacks.jwt({ token: defaultToken, user, account, isNewUser: false, trigger: "signIn" })
    : defaultToken;
  const value = await encode({ token, secret, maxAge });

  const secure = usesSecureCookies(await headers());
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const chunks =
    value.length <= CHUNK_SIZE
      ? [{ name, value }]
      : Array.from({ length: Math.ceil(value.length / CHUNK_SIZE) }, (_, i) => ({
          name: `${name}.${i}`,
          value: value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
        }));
  const jar = await cookies();
  // A stale session left in the browser (whole or in chunks) would be read together with the new one.
  for (const old of jar.getAll()) {
    if (old.name.startsWith(name) && !chunks.some((c) => c.name === old.name)) jar.delete(old.name);
  }
  const expires = new Date(Date.now() + maxAge * 1000);
  for (const c of chunks) jar.set(c.name, c.value, { httpOnly: true, sameSite: "lax", path: "/", secure, expires });

  try {
    await authOptions.events?.signIn?.({ user, account, isNewUser: false });
  } catch (error) {
    // next-auth logs a failing event and carries on; the session is already valid.
    console.error("signIn event failed", error);
  }
}

/**
 * Ends the session the way next-auth's sign-out does: the session cookie (whole or in chunks)
 * is removed. The token itself stays valid until it expires, as with next-auth; every request
 * re-reads the user anyway (session.ts).
 */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name)) jar.delete(c.name);
  }
}
