import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { startWorker } from "../lib/jobs/worker";
import { withClientAddressHook } from "./lib/client-address-env";
import { resolveDatabase } from "./lib/database";
import { nextDevArgs } from "./lib/dev-server";
import { installationSecret } from "./lib/secret";
import { seedIfDemoAndEmpty } from "./lib/seed-on-first-run";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

// `npm run dev`: embedded PostgreSQL (unless DATABASE_URL), migrations, demo seed on the
// first run only, the job worker (lib/jobs) in this process, then `next dev`. Ctrl-C stops all.
// The server listens on localhost only (HOST=0.0.0.0 opens it to the network) and connects as
// the app role; the owner role stays in this process (migrations, pg-boss maintenance).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const database = await resolveDatabase();
console.log(database.embedded ? "PostgreSQL embebido listo (.data/postgres)" : "Usando DATABASE_URL");
await seedIfDemoAndEmpty(database.ownerUrl);
// The worker's handlers use lib/db, which reads DATABASE_URL on first use; pg-boss's own
// maintenance (DDL included) runs as the owner.
process.env.DATABASE_URL = database.url;
const worker = await startWorker({ connectionString: database.ownerUrl });

const port = process.env.PORT || "3000";
const { DATABASE_OWNER_URL: _owner, ...env } = process.env;
// Next runs as a direct child (not through npx) so stopping this script stops it too.
const child = spawn(process.execPath, [NEXT_BIN, ...nextDevArgs(process.env)], {
  stdio: "inherit",
  env: {
    ...env,
    DATABASE_URL: database.url,
    NODE_OPTIONS: withClientAddressHook(process.env.NODE_OPTIONS),
    // This installation's own secret (.data/nextauth-secret) unless one is given.
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? installationSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await worker.stop().catch((error: Error) => console.error(`[trabajos] ${error.message}`));
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
