import "server-only";
import { JOB_SCHEMA, QUEUE_NAMES, startBoss } from "./boss";
import { withHandlers, type JobHandlers } from "./handlers";

// The long-running worker: started by the launcher of `npm run dev` and `npm start` beside the
// Next server (not inside it, so a web process that is scaled or restarted never runs jobs
// twice or drops one half done). pg-boss polls each queue every 2 s; a handler that throws
// fails that attempt and the job is retried per its queue's policy.

export type JobWorker = { stop: () => Promise<void> };

export async function startWorker(
  opts: { handlers?: Partial<JobHandlers>; connectionString?: string; quiet?: boolean } = {},
): Promise<JobWorker> {
  const handlers = withHandlers(opts.handlers);
  const log = opts.quiet ? () => {} : (line: string) => console.log(`[trabajos] ${line}`);
  const boss = await startBoss("worker", opts.connectionString);
  try {
    for (const name of QUEUE_NAMES) {
      await boss.work(name, { batchSize: 1 }, async ([job]) => {
        const started = performance.now();
        try {
          const output = await handlers[name](job.data, { id: job.id, name });
          log(`${name} ${job.id} listo en ${Math.round(performance.now() - started)} ms ${JSON.stringify(output)}`);
          return output;
        } catch (error) {
          console.error(
            `[trabajos] ${name} ${job.id} falló (intento ${job.retryCount + 1}): ${(error as Error).message ?? error}`,
          );
          throw error;
        }
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  log(`cola iniciada (pg-boss, esquema ${JOB_SCHEMA}): ${QUEUE_NAMES.join(", ")}`);
  return {
    // Waits for a running job to finish (up to 20 s) so a stop never leaves one half done;
    // a job cut off anyway is retried after its expiry.
    stop: () => boss.stop({ graceful: true, timeout: 20_000 }),
  };
}
