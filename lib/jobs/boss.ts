import "server-only";
import { PgBoss } from "pg-boss";
import { grantJobSchema } from "../db/roles";
import { DEADLINES_CRON, NIGHTLY_CRON, NIGHTLY_TZ, QUEUE_OPTIONS, QUEUES, type QueueName } from "./queues";

// pg-boss on the application's own PostgreSQL, in its own schema. It installs and upgrades that
// schema itself on start() (Prisma's migrations only ever see `public`). Three kinds of
// instances, each with only the duties it needs:
//   sender  — any process that enqueues (the web app, the import CLI): sends only;
//   worker  — the launcher of `npm run dev` / `npm start`: runs jobs, fires the schedules
//             (nightly recompute, referral deadlines), and does pg-boss's maintenance (expiry, retention);
//   runner  — `npm run cli -- run-jobs`: drains the queues once and stops;
//   installer — installs or upgrades the schema, then stops (run as the owner role).
// Only the installer and the worker (both connected as the owner role, decision 020) create or
// migrate pg-boss's schema or do its maintenance, which includes DDL; senders and runners
// connect as the app role, which may only read and write pg-boss's tables.
// pg-boss polls for work and this app never enables LISTEN/NOTIFY, so every connection can go
// through PgBouncer in transaction mode (docs/decisions/009-job-queue.md).

export const JOB_SCHEMA = "pgboss";
export const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

/**
 * SQLSTATEs of a server that is going away: 57P01 it terminated the connection (shutdown,
 * pg_terminate_backend), 57P03 it refuses new work while shutting down or starting up.
 */
const SERVER_GOING_AWAY = new Set(["57P01", "57P03"]);

export type BossRole = "sender" | "worker" | "runner" | "installer";

export function createBoss(role: BossRole, connectionString = process.env.DATABASE_URL): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const isWorker = role === "worker";
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    application_name: `permanencia-jobs-${role}`,
    max: isWorker ? 4 : 2,
    // Anyone else fails fast on a missing or outdated schema instead of attempting DDL.
    migrate: isWorker || role === "installer",
    supervise: isWorker,
    schedule: isWorker,
    registerInstance: isWorker,
    instanceName: isWorker ? "worker" : undefined,
  });
  // Without a listener an EventEmitter "error" would crash the process (e.g. a dropped connection).
  // A server going away is not worth a line — Ctrl-C and the embedded cluster's own exit hook
  // stop the database while the worker still polls — since pg-boss simply polls again, and an
  // outage that lasts shows as refused connections.
  boss.on("error", (error) => {
    const code = (error as Error & { code?: string }).code;
    if (!code || !SERVER_GOING_AWAY.has(code)) console.error(`[trabajos] ${role}: ${error.message}`);
  });
  if (isWorker) boss.on("warning", (warning) => console.warn(`[trabajos] ${warning.message}`));
  return boss;
}

/**
 * Creates every queue that does not exist yet, brings the options of existing ones up to date and
 * registers the schedules. Idempotent; every role runs it once after start().
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of QUEUE_NAMES) {
    const { policy, ...options } = QUEUE_OPTIONS[name];
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, { policy, ...options });
  }
  await boss.schedule(QUEUES.recomputeNightly, NIGHTLY_CRON, {}, { tz: NIGHTLY_TZ });
  await boss.schedule(QUEUES.referralDeadlines, DEADLINES_CRON, {}, { tz: NIGHTLY_TZ });
}

/** A started boss with its queues in place. */
export async function startBoss(role: BossRole, connectionString?: string): Promise<PgBoss> {
  const boss = createBoss(role, connectionString);
  await boss.start();
  try {
    await ensureQueues(boss);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  return boss;
}

/**
 * Installs (or upgrades) pg-boss's schema and the queues, lets the app role use them, then
 * disconnects. Run as the owner role before any sender starts.
 */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = await startBoss("installer", ownerUrl);
  await boss.stop({ graceful: false, timeout: 5_000 });
  await grantJobSchema(ownerUrl, JOB_SCHEMA);
}

// The sender of this process, started on first use like the Prisma client (lib/db.ts), and kept
// across hot reloads in development so connections are not leaked.
const g = globalThis as unknown as { __permanenciaJobSender?: Promise<PgBoss> };

export function getSender(): Promise<PgBoss> {
  if (!g.__permanenciaJobSender) {
    const started = startBoss("sender");
    g.__permanenciaJobSender = started;
    // A failed start (database down) must not stay cached: the next save tries again.
    started.catch(() => {
      if (g.__permanenciaJobSender === started) g.__permanenciaJobSender = undefined;
    });
  }
  return g.__permanenciaJobSender;
}

/** Stops this process's sender, if one was started (tests, commands that exit). */
export async function stopSender(): Promise<void> {
  const started = g.__permanenciaJobSender;
  g.__permanenciaJobSender = undefined;
  if (!started) return;
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: false, timeout: 5_000 });
}
