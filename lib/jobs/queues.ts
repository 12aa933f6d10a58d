import "server-only";
import { z } from "zod";
import type { Queue } from "pg-boss";

// Every queue of the job system, its retry policy and the shape of its payload. A queue is
// created (or its options brought up to date) by every process that starts a boss, so adding
// one here is all a new job needs besides its handler (lib/jobs/handlers.ts).
// Payloads carry ids only, never names or other personal data: jobs are kept for days.

export const QUEUES = {
  /** Incremental alert recompute for the students whose attendance changed (one school). */
  recomputeStudents: "alerts.recompute-students",
  /** Full alert recompute of one school (rules changed, very large import). */
  recomputeSchool: "alerts.recompute-school",
  /** Nightly full recompute of every school (scheduled). */
  recomputeNightly: "alerts.recompute-nightly",
  /** Referrals past their response deadline or close to it: mark and notify (scheduled). */
  referralDeadlines: "referrals.deadlines",
  /** Emails telling users they have new notifications (only when SMTP is configured). */
  notificationEmail: "notifications.email",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Nightly full recompute, after the day's attendance and imports are in. */
export const NIGHTLY_CRON = "0 2 * * *";
export const NIGHTLY_TZ = "America/Lima";

/** The referral deadlines check: every 15 minutes, so an overdue referral is escalated promptly. */
export const DEADLINES_CRON = "*/15 * * * *";

// A failed recompute is retried with exponential backoff (30 s, ~1 min, ~2 min, … capped at an
// hour); after the last try the job stays "failed" for inspection and the nightly run catches up.
const RECOMPUTE_RETRY = { retryLimit: 6, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 };

// Jobs sent inside a transaction are never deduplicated when sent: the waiting job they would be
// folded into may start before that transaction commits and miss its data. Only the nightly run,
// sent by the scheduler outside any transaction, keeps at most one waiting ("short" policy);
// so does the referral deadlines check.
export const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, "name">> = {
  [QUEUES.recomputeStudents]: { policy: "standard", expireInSeconds: 600, ...RECOMPUTE_RETRY },
  [QUEUES.recomputeSchool]: { policy: "standard", expireInSeconds: 600, ...RECOMPUTE_RETRY },
  [QUEUES.recomputeNightly]: {
    policy: "short",
    expireInSeconds: 300,
    retryLimit: 3,
    retryDelay: 300,
    retryBackoff: true,
  },
  // An SMTP server that is down is retried for about a day; the in-app notification is there
  // meanwhile, committed before this job ever ran.
  [QUEUES.notificationEmail]: {
    policy: "standard",
    expireInSeconds: 120,
    retryLimit: 8,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 3 * 3600,
  },
  // Also scheduled; a missed run is caught up by the next one a quarter of an hour later.
  [QUEUES.referralDeadlines]: {
    policy: "short",
    expireInSeconds: 300,
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
  },
};

export const ZRecomputeStudentsJob = z.object({
  schoolId: z.guid(),
  studentIds: z.array(z.guid()).min(1),
});
export type TRecomputeStudentsJob = z.infer<typeof ZRecomputeStudentsJob>;

export const ZRecomputeSchoolJob = z.object({ schoolId: z.guid() });
export type TRecomputeSchoolJob = z.infer<typeof ZRecomputeSchoolJob>;

export const ZRecomputeNightlyJob = z.object({}).loose();

export const ZReferralDeadlinesJob = z.object({}).loose();

export const ZNotificationEmailJob = z.object({ notificationIds: z.array(z.guid()).min(1) });
export type TNotificationEmailJob = z.infer<typeof ZNotificationEmailJob>;
