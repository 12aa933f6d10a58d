import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db";
import { prepareDatabase } from "../lib/db/prepare";
import { startWorker, type JobWorker } from "../lib/jobs/worker";
import { getSeedBlocker, seedDemo } from "../prisma/seed";
import { withClientAddressHook } from "./lib/client-address-env";
import { markDemo } from "./lib/database";
import { seedAnchor } from "./lib/seed-on-first-run";
import { newSecret } from "./lib/secret";
import { createDatabaseIfMissing, freePort, startCluster, urlFor } from "./lib/embedded-postgres";

// Web server for Playwright (playwright.config.ts `webServer`): a throwaway embedded
// PostgreSQL with the demo seed (or E2E_DATABASE_URL and E2E_DATABASE_OWNER_URL), `next build`
// (skipped with E2E_SKIP_BUILD=1), then the job worker and `next start`, as `npm start` runs
// them: the server as the app role, migrations and the worker's maintenance as the owner.
// SIGTERM stops Next, the worker and the cluster.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = Number(process.env.PORT ?? 3100);
const baseUrl = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

let child: ChildProcess | undefined;
let worker: JobWorker | undefined;
let stopCluster = async () => {};
let tmp: string | undefined;
let stopping = false;
// Where the specs find this server's database (E2E_STATE_FILE, set by playwright.config.ts), to
// check what the server itself stored rather than what the browser believes it sent.
const stateFile = process.env.E2E_STATE_FILE;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  await worker?.stop().catch(() => {});
  await stopCluster();
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
// embedded-postgres also stops its clusters on SIGTERM and then exits on its own, which can
// win the race against shutdown(): remove the temp directory on any exit.
process.on("exit", () => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (stateFile) rmSync(stateFile, { force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(nextBin, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function openDatabase(): Promise<{ url: string; ownerUrl: string }> {
  const external = process.env.E2E_DATABASE_URL;
  if (external) {
    // Someone else's database: migrate it, and seed only if it is already marked for demo
    // use and empty (never mark it here).
    const ownerUrl = process.env.E2E_DATABASE_OWNER_URL || external;
    await prepareDatabase(ownerUrl);
    return { url: external, ownerUrl };
  }
  tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-e2e-"));
  await chmod(tmp, 0o755); // the `postgres` user must reach the data directory when run as root
  const cluster = await startCluster({
    dataDir: path.join(tmp, "data"),
    port: await freePort(),
    persistent: false,
    durable: false,
  });
  stopCluster = cluster.stop;
  await createDatabaseIfMissing(cluster.adminUrl(), "permanencia_e2e");
  const ownerUrl = urlFor(cluster.port, "permanencia_e2e", "owner");
  await prepareDatabase(ownerUrl);
  await markDemo(ownerUrl);
  return { url: urlFor(cluster.port, "permanencia_e2e", "app"), ownerUrl };
}

try {
  const { url: databaseUrl, ownerUrl } = await openDatabase();
  const db = createPrismaClient(ownerUrl);
  const blocker = await getSeedBlocker(db);
  if (blocker) console.log(`e2e: sin carga de demostración (${blocker})`);
  else {
    const started = Date.now();
    const summary = await seedDemo(db, seedAnchor());
    console.log(
      `e2e: datos de demostración en ${((Date.now() - started) / 1000).toFixed(1)} s`,
      JSON.stringify(summary),
    );
  }
  await db.$disconnect();
  // The app role's address: the specs read with the same rights as the server.
  if (stateFile) await writeFile(stateFile, JSON.stringify({ databaseUrl }), { mode: 0o600 });

  const { E2E_DATABASE_OWNER_URL: _owner, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    // A fresh secret per run: the throwaway server never shares one with anybody.
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? newSecret(),
    NEXTAUTH_URL: baseUrl,
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const built = await run(["build"], env);
    if (built !== 0) throw new Error(`next build terminó con código ${built}`);
  }
  process.env.DATABASE_URL = databaseUrl;
  worker = await startWorker({ connectionString: ownerUrl });
  const host = new URL(baseUrl).hostname;
  const code = await run(["start", "--port", String(port), "--hostname", host], {
    ...env,
    NODE_OPTIONS: withClientAddressHook(process.env.NODE_OPTIONS),
  });
  await shutdown(code);
} catch (error) {
  console.error("e2e:", error instanceof Error ? error.message : error);
  await shutdown(1);
}
