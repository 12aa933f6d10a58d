import "server-only";
import type { PgBoss } from "pg-boss";
import { QUEUE_NAMES, startBoss } from "./boss";
import { withHandlers, type JobHandlers } from "./handlers";
import { QUEUES, type QueueName } from "./queues";

// `npm run cli -- run-jobs`: runs every waiting job once, here and now, then stops. Retries that
// are waiting out their backoff are brought forward first: whoever runs this wants the queue
// empty. A job that fails here goes back to waiting with its backoff, so it is not retried again
// by the same run, and the loop ends. Safe beside a running worker: each job is claimed by
// exactly one of them (SELECT … FOR UPDATE SKIP LOCKED). With `periodic`, the short periodic
// checks the worker would schedule (referral deadlines) are queued first, so a server without
// the worker can run this command from cron instead.

export type QueueRunCounts = { completed: number; failed: number };
export type RunJobsSummary = {
  queues: Record<QueueName, QueueRunCounts>;
  /** Retries that were waiting for their backoff and were run now. */
  retriesBroughtForward: number;
  ms: number;
};

export async function runJobsOnce(
  opts: { handlers?: Partial<JobHandlers>; connectionString?: string; periodic?: boolean } = {},
): Promise<RunJobsSummary> {
  const started = performance.now();
  const handlers = withHandlers(opts.handlers);
  const queues = Object.fromEntries(QUEUE_NAMES.map((n) => [n, { completed: 0, failed: 0 }])) as Record<
    QueueName,
    QueueRunCounts
  >;
  const boss = await startBoss("runner", opts.connectionString);
  try {
    const retriesBroughtForward = await bringRetriesForward(boss);
    // "short" policy: if one is already waiting, this sends nothing.
    if (opts.periodic) await boss.send(QUEUES.referralDeadlines, {});
    // Passes until one finds nothing: a job may queue others (in this queue or an earlier one).
    for (let found = true; found; ) {
      found = false;
      for (const name of QUEUE_NAMES) {
        while (true) {
          const [job] = await boss.fetch(name);
          if (!job) break;
          found = true;
          try {
            const output = await handlers[name](job.data, { id: job.id, name });
            await boss.complete(name, job, output);
            queues[name].completed++;
          } catch (error) {
            await boss.fail(name, job, { message: (error as Error).message ?? String(error) });
            queues[name].failed++;
          }
        }
      }
    }
    return { queues, retriesBroughtForward, ms: Math.round(performance.now() - started) };
  } finally {
    await boss.stop({ graceful: false, timeout: 5_000 });
  }
}

async function bringRetriesForward(boss: PgBoss): Promise<number> {
  const now = new Date();
  let moved = 0;
  for (const name of QUEUE_NAMES) {
    for (let after: string | undefined; ; ) {
      const page = await boss.findJobs(name, { queued: true, limit: 1000, after });
      for (const job of page) {
        if (job.state === "retry" && job.startAfter > now) {
          moved += (await boss.update(name, undefined, { id: job.id, startAfter: now })).updated;
        }
      }
      if (page.length < 1000) break;
      after = page[page.length - 1].id;
    }
  }
  return moved;
}
