import "server-only";
import type { Tx } from "../db";
import { sessionLimits } from "./session-policy";

// The server side of sessions (decision 020): each sign-in is a `user_session` row whose id the
// cookie carries, and the per-request user read (session.ts) accepts a cookie only while its
// row is unrevoked. Revoking a row ends every copy of that cookie at once.

type Db = Pick<Tx, "$queryRaw" | "$executeRaw">;

/** Opens a session for a user whose credentials were just checked; returns its id. */
export async function createSession(db: Db, userId: string): Promise<string> {
  const { maxSeconds } = sessionLimits();
  // Rows past the absolute limit can never be used again; dropping them keeps the table small.
  await db.$executeRaw`
    DELETE FROM user_session
     WHERE "userId" = ${userId}::uuid AND "createdAt" < now() - make_interval(secs => ${maxSeconds}::int)`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO user_session ("userId") VALUES (${userId}::uuid) RETURNING id::text`;
  return rows[0].id;
}

/** Sign-out: ends this one session (every copy of its cookie). */
export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE user_session SET "revokedAt" = now()
     WHERE id = ${sessionId}::uuid AND "userId" = ${userId}::uuid AND "revokedAt" IS NULL`;
  return n > 0;
}

/** Password change, deactivation, an administrator's «cerrar sesiones»: ends all of a user's sessions. */
export async function revokeAllSessions(db: Db, userId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE user_session SET "revokedAt" = now() WHERE "userId" = ${userId}::uuid AND "revokedAt" IS NULL`;
}

/** Sessions that could still be in use (not revoked, within the absolute limit), per user. */
export async function openSessionCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const { maxSeconds } = sessionLimits();
  const rows = await db.$queryRaw<{ userId: string; n: number }[]>`
    SELECT "userId"::text AS "userId", count(*)::int AS n FROM user_session
     WHERE "userId" = ANY(${userIds}::uuid[]) AND "revokedAt" IS NULL
       AND "createdAt" >= now() - make_interval(secs => ${maxSeconds}::int)
     GROUP BY "userId"`;
  return new Map(rows.map((r) => [r.userId, r.n]));
}
