import "server-only";
import type { Account, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { isHttpsRequest } from "./client-address";
import { authOptions } from "./options";
import { sessionLimits } from "./session-policy";
import {
  cookieExpiry,
  decodeSessionToken,
  encodeSessionToken,
  readSessionCookie,
  SESSION_COOKIE,
  sessionCookieName,
  sessionCookies,
} from "./session-token";

// Issues the session the way next-auth's credentials callback does (next-auth 4.24,
// core/routes/callback.js): the same token through the same `jwt` callback, encrypted by
// next-auth's own `encode` with the same secret, in the cookie next-auth reads (same name,
// flags and chunking; session-token.ts), then the same `signIn` event. This lets the login form
// sign in through a server action, which works before the page hydrates (plain form POST).

/** Sets the session cookie for a user whose credentials were just verified. */
export async function startSession(user: User): Promise<void> {
  const account: Account = { providerAccountId: user.id, type: "credentials", provider: "credentials" };
  const defaultToken: JWT = { name: user.name, email: user.email, picture: user.image, sub: user.id };
  const token = authOptions.callbacks?.jwt
    ? await authOptions.callbacks.jwt({ token: defaultToken, user, account, isNewUser: false, trigger: "signIn" })
    : defaultToken;
  const limits = sessionLimits();
  const value = await encodeSessionToken(token, limits.maxSeconds);

  const h = await headers();
  const name = sessionCookieName(isHttpsRequest((n) => h.get(n)));
  const jar = await cookies();
  const expires = cookieExpiry(token.authTime!, token.seenAt!, limits);
  for (const c of sessionCookies(name, value, expires, jar.getAll())) jar.set(c.name, c.value, c.options);

  try {
    await authOptions.events?.signIn?.({ user, account, isNewUser: false });
  } catch (error) {
    // next-auth logs a failing event and carries on; the session is already valid.
    console.error("signIn event failed", error);
  }
}

/** Removes the session cookie (whole or chunked, plain or __Secure-) from the browser. */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) if (c.name.includes(SESSION_COOKIE)) jar.delete(c.name);
}

/** The decoded session token of the current request, or null (no cookie, or not ours). */
export async function currentSessionToken(): Promise<JWT | null> {
  const cookie = readSessionCookie((await cookies()).getAll());
  return cookie ? decodeSessionToken(cookie.value) : null;
}
