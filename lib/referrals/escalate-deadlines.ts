import "server-only";
import { auditAction } from "../audit/write-audit";
import { SYSTEM_ACTOR, systemOrigin, type SystemSource } from "../audit/system-actor";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { notifyUsers, referralAudience, referralDedupeKey } from "../notifications/notify";

// The referral deadlines check, run every 15 minutes by the `referrals.deadlines` job (and by
// `npm run cli -- run-jobs`). It is system work: nobody asked for it, so it authorizes
// nothing and audits with no actor (lib/audit/system-actor.ts). Idempotent: a referral is
// marked overdue once (`overdueAt IS NULL` in the UPDATE's where) and every notification
// carries a dedupe key per referral and kind, so a second run — or two workers at once —
// notifies nobody twice. Only referrals still SENT (no answer yet) are looked at.

/** Reminders go out this long before the deadline... */
export const DUE_SOON_LEAD_HOURS = 24;
// ...or, when the whole window is shorter than twice that (URGENT: 24 h), once half of it is
// gone: a reminder at the moment of sending would only repeat "you have a new referral".

export type DeadlineCheckSummary = {
  /** Referrals found past their deadline and marked by this run. */
  overdue: number;
  /** Referrals whose agency was reminded by this run. */
  dueSoon: number;
  /** Notifications written by this run. */
  notified: number;
};

type Marked = { id: string; schoolId: string; dueAt: Date };

/** One run, in its own transaction (all or nothing; the job is retried on failure). */
export async function runReferralDeadlineCheck(
  db: Db,
  opts: { now?: Date; source?: SystemSource } = {},
): Promise<DeadlineCheckSummary> {
  return db.$transaction((tx) => checkReferralDeadlines(tx, opts.now ?? new Date(), systemOrigin(opts.source)), {
    timeout: 60_000,
  });
}

/**
 * The check inside a caller's transaction, as of `now`; `origin` is a system origin text.
 * `email: false` writes the notifications without queueing their emails (the demo seed).
 */
export async function checkReferralDeadlines(
  tx: Prisma.TransactionClient,
  now: Date,
  origin: string,
  opts: { email?: boolean } = {},
): Promise<DeadlineCheckSummary> {
  let notified = 0;

  // Overdue: still SENT past its deadline. The case team and the school's coordinators hear.
  const overdue = await tx.$queryRaw<Marked[]>`
    UPDATE referral SET "overdueAt" = ${now}
     WHERE status = 'SENT' AND "dueAt" < ${now} AND "overdueAt" IS NULL
    RETURNING id::text AS id, "schoolId"::text AS "schoolId", "dueAt"`;
  for (const r of overdue.sort(byId)) {
    const userIds = [
      ...(await referralAudience(tx, r.id, "caseTeam")),
      ...(await referralAudience(tx, r.id, "coordinators")),
    ];
    const n = await notifyUsers(
      tx,
      { userIds, kind: "REFERRAL_OVERDUE", referralId: r.id, dedupeKey: referralDedupeKey(r.id, "REFERRAL_OVERDUE") },
      opts,
    );
    notified += n;
    await tx.auditLog.create({
      data: {
        actorId: SYSTEM_ACTOR,
        actorRole: SYSTEM_ACTOR,
        action: auditAction("referral.overdue"),
        entity: "Referral",
        entityId: r.id,
        schoolId: r.schoolId,
        origin,
        details: { dueAt: r.dueAt.toISOString(), notified: n },
      },
    });
  }

  // Due soon: still SENT, deadline ahead and within the lead. The agency hears, once.
  const dueSoon = await tx.$queryRaw<Marked[]>`
    SELECT r.id::text AS id, r."schoolId"::text AS "schoolId", r."dueAt"
      FROM referral r
     WHERE r.status = 'SENT' AND r."dueAt" > ${now}
       AND r."dueAt" - ${now}::timestamptz
           <= LEAST(make_interval(hours => ${DUE_SOON_LEAD_HOURS}::int), (r."dueAt" - r."sentAt") / 2)
       AND NOT EXISTS (SELECT 1 FROM notification n WHERE n."referralId" = r.id AND n.kind = 'REFERRAL_DUE_SOON')
     ORDER BY r.id`;
  let reminded = 0;
  for (const r of dueSoon) {
    const n = await notifyUsers(
      tx,
      {
        userIds: await referralAudience(tx, r.id, "agency"),
        kind: "REFERRAL_DUE_SOON",
        referralId: r.id,
        dedupeKey: referralDedupeKey(r.id, "REFERRAL_DUE_SOON"),
      },
      opts,
    );
    if (n === 0) continue;
    reminded++;
    notified += n;
    await tx.auditLog.create({
      data: {
        actorId: SYSTEM_ACTOR,
        actorRole: SYSTEM_ACTOR,
        action: auditAction("referral.dueSoon"),
        entity: "Referral",
        entityId: r.id,
        schoolId: r.schoolId,
        origin,
        details: { dueAt: r.dueAt.toISOString(), notified: n },
      },
    });
  }

  return { overdue: overdue.length, dueSoon: reminded, notified };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
