import { decode, encode, type JWT } from "next-auth/jwt";
import {
  nowInSeconds,
  REFRESH_AFTER_SECONDS,
  sessionClaims,
  sessionLimits,
  sessionTimeout,
  type SessionLimits,
} from "./session-policy";

// The session cookie exactly as next-auth 4 writes and reads it (core/lib/cookie.js and
// core/routes/callback.js): an encrypted JWT from next-auth's own `encode` with the same secret,
// under `next-auth.session-token` (`__Secure-` over TLS), split in chunks past ~4 KB. Shared by
// the sign-in action (session-cookie.ts), the per-request read (session.ts) and the proxy that
// keeps an active session's `seenAt` fresh (proxy.ts). No database here: the proxy imports it.

export const SESSION_COOKIE = "next-auth.session-token";
export const sessionCookieName = (secure: boolean): string => `${secure ? "__Secure-" : ""}${SESSION_COOKIE}`;

// next-auth splits a cookie above 4096 bytes minus an estimated 163 for its attributes.
const CHUNK_SIZE = 4096 - 163;

export type CookieValue = { name: string; value: string };
export type CookieToSet = CookieValue & {
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
};

export function sessionSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
}

/** The session cookie among a request's cookies, whole or reassembled from its chunks. */
export function readSessionCookie(cookies: readonly CookieValue[]): CookieValue | null {
  for (const name of [sessionCookieName(true), sessionCookieName(false)]) {
    const whole = cookies.find((c) => c.name === name);
    if (whole) return { name, value: whole.value };
    const chunks = cookies
      .filter((c) => c.name.startsWith(`${name}.`))
      .map((c) => ({ index: Number(c.name.slice(name.length + 1)), value: c.value }))
      .filter((c) => Number.isInteger(c.index))
      .sort((a, b) => a.index - b.index);
    if (chunks.length) return { name, value: chunks.map((c) => c.value).join("") };
  }
  return null;
}

/** The token, or null when it is missing, forged, expired or made with another secret. */
export async function decodeSessionToken(value: string): Promise<JWT | null> {
  const secret = sessionSecret();
  if (!secret || !value) return null;
  try {
    return await decode({ token: value, secret });
  } catch {
    return null;
  }
}

export async function encodeSessionToken(token: JWT, maxAgeSeconds: number): Promise<string> {
  const secret = sessionSecret();
  // next-auth refuses to run without a secret in production; so does this.
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return encode({ token, secret, maxAge: maxAgeSeconds });
}

/**
 * The cookies that carry `value` under `name` (chunked like next-auth when long), plus
 * deletions of stale chunks the browser still holds, which would be read with the new value.
 */
export function sessionCookies(
  name: string,
  value: string,
  expires: Date,
  existing: readonly CookieValue[],
): CookieToSet[] {
  const options = {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    expires,
  } as const;
  const chunks =
    value.length <= CHUNK_SIZE
      ? [{ name, value }]
      : Array.from({ length: Math.ceil(value.length / CHUNK_SIZE) }, (_, i) => ({
          name: `${name}.${i}`,
          value: value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
        }));
  const stale = existing
    .filter((c) => c.name.startsWith(name) && !chunks.some((k) => k.name === c.name))
    .map((c) => ({ name: c.name, value: "", options: { ...options, expires: new Date(0) } }));
  return [...stale, ...chunks.map((c) => ({ ...c, options }))];
}

/** When the cookie should leave the browser: at the idle timeout, never past the absolute limit. */
export function cookieExpiry(authTime: number, seenAt: number, limits: SessionLimits): Date {
  return new Date(Math.min(seenAt + limits.idleSeconds, authTime + limits.maxSeconds) * 1000);
}

/**
 * For a request carrying a current session whose `seenAt` is over a minute old: the cookies
 * with `seenAt` moved to now (the idle timeout counts from the last request). Null when
 * there is nothing to do; a timed-out session is left for the app to refuse.
 */
export async function refreshedSessionCookies(
  cookies: readonly CookieValue[],
  now = nowInSeconds(),
  limits = sessionLimits(),
): Promise<CookieToSet[] | null> {
  const cookie = readSessionCookie(cookies);
  if (!cookie) return null;
  const token = await decodeSessionToken(cookie.value);
  const claims = sessionClaims(token);
  if (!token || !claims || sessionTimeout(claims, now, limits)) return null;
  if (now - claims.seenAt < REFRESH_AFTER_SECONDS) return null;
  const value = await encodeSessionToken({ ...token, seenAt: now }, claims.authTime + limits.maxSeconds - now);
  return sessionCookies(cookie.name, value, cookieExpiry(claims.authTime, now, limits), cookies);
}
