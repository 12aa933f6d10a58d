import "server-only";
import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { NotificationKind } from "../generated/prisma/enums";
import { enqueueNotificationEmail, prismaJobDb } from "../jobs/enqueue";
import { isMailEnabled } from "../mail/config";

// Writing notifications. Always called inside the transaction of the change it announces (a
// referral transition, the deadlines job), so a rolled-back change notifies nobody and a
// committed one always has its notifications. No authorization here: the caller has already
// authorized its change, and the audience is computed from the data (referralAudience).

export type NotifyInput = {
  userIds: readonly string[];
  kind: NotificationKind;
  referralId?: string;
  caseId?: string;
  schoolId?: string;
  /**
   * Unique per user: a second notify with the same key for the same user inserts nothing.
   * Use it for anything that may run twice (jobs), e.g. `referral:<id>:REFERRAL_OVERDUE`.
   */
  dedupeKey?: string;
};

/**
 * Inserts one notification per distinct user, skipping (userId, dedupeKey) pairs that exist.
 * The case and school default to the referral's. Returns how many rows were inserted. When
 * email is on (SMTP configured), the same transaction queues a `notifications.email` job for
 * the new rows, so the emails go out after the commit and never for a rolled-back change;
 * `email: false` skips it (the demo seed, which has no job schema yet).
 */
export async function notifyUsers(
  tx: Prisma.TransactionClient,
  input: NotifyInput,
  opts: { email?: boolean } = {},
): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const referralId = input.referralId ?? null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO notification ("userId", kind, "referralId", "caseId", "schoolId", "dedupeKey")
    SELECT u.id, ${input.kind}::"NotificationKind", ${referralId}::uuid,
           COALESCE(${input.caseId ?? null}::uuid, r."caseId"),
           COALESCE(${input.schoolId ?? null}::uuid, r."schoolId"),
           ${input.dedupeKey ?? null}
      FROM unnest(${userIds}::uuid[]) AS u(id)
      LEFT JOIN referral r ON r.id = ${referralId}::uuid
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING
    RETURNING id::text AS id`;
  if (rows.length > 0 && opts.email !== false && isMailEnabled()) {
    await enqueueNotificationEmail(
      prismaJobDb(tx as Tx),
      rows.map((r) => r.id),
    );
  }
  return rows.length;
}

export type ReferralAudience = "caseTeam" | "agency" | "coordinators";

/**
 * Who hears about a referral, as active user ids (sorted):
 * - caseTeam: the case's assigned team plus the referral's sender;
 * - agency: the AGENCY_STAFF of the receiving agency (while the agency itself is active);
 * - coordinators: the COORDINATORs whose schools include the referral's school.
 * An unknown referral has no audience.
 */
export async function referralAudience(
  tx: Prisma.TransactionClient,
  referralId: string,
  audience: ReferralAudience,
): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(AUDIENCE_SQL[audience](referralId));
  return rows.map((r) => r.id);
}

const AUDIENCE_SQL: Record<ReferralAudience, (referralId: string) => Prisma.Sql> = {
  caseTeam: (id) => Prisma.sql`
    SELECT DISTINCT u.id::text AS id
      FROM referral r
      JOIN app_user u ON u.active AND (
             u.id = r."createdById"
             OR u.id IN (SELECT ca."userId" FROM case_assignment ca WHERE ca."caseId" = r."caseId"))
     WHERE r.id = ${id}::uuid
     ORDER BY 1`,
  agency: (id) => Prisma.sql`
    SELECT u.id::text AS id
      FROM referral r
      JOIN agency a ON a.id = r."agencyId" AND a.active
      JOIN app_user u ON u."agencyId" = a.id AND u.active AND u.role = 'AGENCY_STAFF'
     WHERE r.id = ${id}::uuid
     ORDER BY 1`,
  coordinators: (id) => Prisma.sql`
    SELECT u.id::text AS id
      FROM referral r
      JOIN user_school us ON us."schoolId" = r."schoolId"
      JOIN app_user u ON u.id = us."userId" AND u.active AND u.role = 'COORDINATOR'
     WHERE r.id = ${id}::uuid
     ORDER BY 1`,
};

/** The dedupe key of "this referral, this kind": one such notification per user, ever. */
export const referralDedupeKey = (referralId: string, kind: NotificationKind) => `referral:${referralId}:${kind}`;
