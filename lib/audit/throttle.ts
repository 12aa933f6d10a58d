import "server-only";
import type { RequestOrigin, SessionUser } from "../auth/types";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { writeAudit, type AuditEntry } from "./write-audit";

// Some audited events can be repeated at will by whoever causes them: a failed sign-in, a read
// refused as "not found". Each one is worth a row until someone hammers the server, when rows
// would bury the log. So per key (an action and an actor or address) at most
// AUDIT_THROTTLE.max rows are written per window; the rest are counted in `audit_throttle` and
// the count is written into the first row of the next window (`details.suppressedBefore`).
// The last row a window allows says so (`details.throttled`). Decision 020.

export const AUDIT_THROTTLE = { max: 20, windowMinutes: 15 } as const;

export type ThrottleVerdict = {
  /** Whether this event's row is written. */
  write: boolean;
  /** Events of the key's previous window that got no row (reported once, by this one). */
  suppressedBefore: number;
  /** This row is the last the window allows. */
  lastInWindow: boolean;
};

/** Counts one event for `key` (atomically, across processes) and says whether to write it. */
export async function admitAuditEvent(
  db: Pick<Tx, "$queryRaw">,
  key: string,
  limits: { max: number; windowMinutes: number } = AUDIT_THROTTLE,
): Promise<ThrottleVerdict> {
  const rows = await db.$queryRaw<{ count: number; previousSuppressed: number }[]>`
    INSERT INTO audit_throttle AS t (key, "windowStart", count, "previousSuppressed")
    VALUES (${key.slice(0, 200)}, now(), 1, 0)
    ON CONFLICT (key) DO UPDATE SET
      "previousSuppressed" = CASE WHEN t."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                                  THEN GREATEST(t.count - ${limits.max}::int, 0) ELSE t."previousSuppressed" END,
      count = CASE WHEN t."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                   THEN 1 ELSE t.count + 1 END,
      "windowStart" = CASE WHEN t."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                           THEN now() ELSE t."windowStart" END
    RETURNING count, "previousSuppressed"`;
  const { count, previousSuppressed } = rows[0];
  return {
    write: count <= limits.max,
    suppressedBefore: count === 1 ? previousSuppressed : 0,
    lastInWindow: count === limits.max,
  };
}

/**
 * writeAudit for events an outsider can repeat: at most AUDIT_THROTTLE.max rows per `key`
 * and window. Returns whether a row was written.
 */
export async function writeThrottledAudit(
  db: Tx,
  key: string,
  actor: Pick<SessionUser, "id" | "role"> | null,
  entry: AuditEntry,
  origin?: RequestOrigin,
): Promise<boolean> {
  const verdict = await admitAuditEvent(db, key);
  if (!verdict.write) return false;
  await writeAudit(db, actor, { ...entry, details: throttledDetails(entry.details, verdict) }, origin);
  return true;
}

/** An entry's details plus what the throttle has to say (suppressed count, last row of the window). */
export function throttledDetails(details: AuditEntry["details"], verdict: ThrottleVerdict): AuditEntry["details"] {
  const extra: Record<string, Prisma.InputJsonValue> = {};
  if (verdict.suppressedBefore > 0) extra.suppressedBefore = verdict.suppressedBefore;
  if (verdict.lastInWindow) extra.throttled = { ...AUDIT_THROTTLE };
  if (Object.keys(extra).length === 0) return details;
  const base = details && typeof details === "object" && !Array.isArray(details) ? details : {};
  return { ...base, ...extra };
}
