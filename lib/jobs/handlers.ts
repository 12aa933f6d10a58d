import "server-only";
import { computeAlerts, computeAlertsForStudents } from "../alerts/compute";
import { db } from "../db";
import { sendNotificationEmails } from "../notifications/send-email";
import { runReferralDeadlineCheck } from "../referrals/escalate-deadlines";
import {
  QUEUES,
  ZRecomputeNightlyJob,
  ZRecomputeSchoolJob,
  ZRecomputeStudentsJob,
  ZNotificationEmailJob,
  ZReferralDeadlinesJob,
  type QueueName,
} from "./queues";

// What each queue does. A handler gets the job's payload unchecked (it parses it) and returns
// an object pg-boss stores as the job's output; a throw fails this attempt and pg-boss retries
// the job per its queue's policy (queues.ts). The worker and `run-jobs` take a handler map, so a
// test can swap one handler without touching the rest.

export type JobInfo = { id: string; name: QueueName };
export type JobHandler = (data: unknown, job: JobInfo) => Promise<object | null>;
export type JobHandlers = Record<QueueName, JobHandler>;

export const DEFAULT_HANDLERS: JobHandlers = {
  [QUEUES.recomputeStudents]: async (data, job) =>
    computeAlertsForStudents(db, ZRecomputeStudentsJob.parse(data), { job: job.name }),
  [QUEUES.recomputeSchool]: async (data, job) => computeAlerts(db, ZRecomputeSchoolJob.parse(data), { job: job.name }),
  [QUEUES.recomputeNightly]: async (data, job) => {
    ZRecomputeNightlyJob.parse(data);
    return computeAlerts(db, {}, { job: job.name });
  },
  [QUEUES.referralDeadlines]: async (data, job) => {
    ZReferralDeadlinesJob.parse(data);
    return runReferralDeadlineCheck(db, { source: { job: job.name } });
  },
  [QUEUES.notificationEmail]: async (data) => sendNotificationEmails(db, ZNotificationEmailJob.parse(data)),
};

/** The default handlers with some replaced. */
export function withHandlers(overrides: Partial<JobHandlers> = {}): JobHandlers {
  return { ...DEFAULT_HANDLERS, ...overrides };
}
