import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { AgencyType, Locale, Role } from "../generated/prisma/enums";
import { nowInSeconds, sessionClaims, sessionTimeout, type SessionClaims } from "./session-policy";
import { decodeSessionToken, readSessionCookie, type CookieValue } from "./session-token";
import type { SessionUser } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  agencyId: string | null;
  agencyType: AgencyType | null;
  schoolIds: string[];
};

/**
 * The user as authorization must see them *now*: one query by primary key. A deactivated
 * user, or one whose agency was deactivated, loses access on their next request, and a
 * change of role or schools applies immediately, whatever the session token still says.
 * With `sessionId`, the query also requires that session to be unrevoked (decision 020).
 */
async function selectUser(userId: string, sessionId?: string): Promise<SessionUser | null> {
  if (!UUID.test(userId) || (sessionId !== undefined && !UUID.test(sessionId))) return null;
  const session =
    sessionId === undefined
      ? Prisma.empty
      : Prisma.sql`JOIN user_session s ON s.id = ${sessionId}::uuid AND s."userId" = u.id AND s."revokedAt" IS NULL`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.id::text AS id, u.email, u.name, u.role::text AS role, u.locale::text AS locale,
           a.id::text AS "agencyId", a.type::text AS "agencyType",
           COALESCE(array_agg(us."schoolId"::text ORDER BY us."schoolId") FILTER (WHERE us."schoolId" IS NOT NULL), '{}') AS "schoolIds"
      FROM app_user u
      ${session}
      LEFT JOIN agency a ON a.id = u."agencyId" AND a.active
      LEFT JOIN user_school us ON us."userId" = u.id
     WHERE u.id = ${userId}::uuid AND u.active
     GROUP BY u.id, a.id`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, schoolIds: [...row.schoolIds] };
}

/** A user by id as authorization sees them now (tests and commands build a SessionUser this way). */
export function loadSessionUser(userId: string): Promise<SessionUser | null> {
  return selectUser(userId);
}

/**
 * The user a session token stands for, or null once the session has ended: idle or past its
 * absolute limit by the token's own timestamps, or revoked in the database.
 */
export async function loadUserForSession(claims: SessionClaims, now = nowInSeconds()): Promise<SessionUser | null> {
  if (sessionTimeout(claims, now)) return null;
  return selectUser(claims.id, claims.sid);
}

/** The user behind a request's cookies (the session cookie, decoded and checked), or null. */
export async function userFromCookies(list: readonly CookieValue[], now?: number): Promise<SessionUser | null> {
  const cookie = readSessionCookie(list);
  if (!cookie) return null;
  const claims = sessionClaims(await decodeSessionToken(cookie.value));
  return claims ? loadUserForSession(claims, now) : null;
}

/** The signed-in user, re-read from the database; deduplicated within one request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  return userFromCookies((await cookies()).getAll());
});

/** For pages and actions that need a signed-in user: otherwise go to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
