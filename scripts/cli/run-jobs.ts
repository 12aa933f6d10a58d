import { db } from "../../lib/db";
import { runJobsOnce } from "../../lib/jobs/run-once";
import { resolveDatabase } from "../lib/database";

// `npm run cli -- run-jobs`
// Runs the referral deadlines check and every waiting job of every queue once (retries waiting
// out their backoff included), prints a JSON summary and exits: 0 when every job succeeded, 1 when one failed (it stays
// queued for its next retry). For servers without the worker, a cron line, or to check by hand.
export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    console.error("Uso: npm run cli -- run-jobs");
    return 2;
  }
  const database = await resolveDatabase();
  // The handlers use lib/db, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = database.url;
  try {
    const summary = await runJobsOnce({ periodic: true });
    console.log(JSON.stringify(summary));
    return Object.values(summary.queues).some((q) => q.failed > 0) ? 1 : 0;
  } finally {
    await db.$disconnect().catch(() => {});
    await database.stop();
  }
}
