import { createRequire } from "node:module";
import { parseTrustedProxies } from "../lib/auth/client-address";
import { sessionLimits } from "../lib/auth/session-policy";
import { prepareDatabase } from "../lib/db/prepare";
import { appRoleProblem } from "../lib/db/roles";
import { startWorker } from "../lib/jobs/worker";
import { withClientAddressHook } from "./lib/client-address-env";
import { secretProblem } from "./lib/secret";
import { startWebProcesses, webProcessCount } from "./lib/web-processes";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

// `npm start` (production): requires DATABASE_URL (the app role), DATABASE_OWNER_URL (the
// owner role) and NEXTAUTH_SECRET; applies pending migrations and pg-boss's schema as the
// owner, refuses an app role that could alter the audit log, starts the job worker (lib/jobs)
// once, in this process, then serves the built app from one Next server process per core
// (WEB_CONCURRENCY overrides; see scripts/lib/web-processes.ts). Arguments after `--` go to
// every `next start`. Nothing embedded starts here. The owner's connection string never
// reaches the web server processes.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
const { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, ...rest } = process.env;
if (!appUrl) fail("Falta la variable de entorno DATABASE_URL (rol de la aplicación; ver README).");
if (!ownerUrl) fail("Falta la variable de entorno DATABASE_OWNER_URL (rol dueño de las tablas; ver README).");
const secretRefused = secretProblem(process.env.NEXTAUTH_SECRET);
if (secretRefused) fail(`${secretRefused} Genere uno con: openssl rand -base64 48 (ver README).`);
try {
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  sessionLimits();
} catch (error) {
  fail((error as Error).message);
}
await prepareDatabase(ownerUrl);
const roleRefused = await appRoleProblem(appUrl);
if (roleRefused) fail(roleRefused);
const worker = await startWorker({ connectionString: ownerUrl });
const port = process.env.PORT ?? "3000";
const processes = webProcessCount();
console.log(`[web] ${processes} proceso(s) del servidor en el puerto ${port}`);
const web = startWebProcesses({
  nextBin: NEXT_BIN,
  args: ["start", "--port", port, ...process.argv.slice(2)],
  processes,
  env: { ...rest, DATABASE_URL: appUrl, NODE_OPTIONS: withClientAddressHook(process.env.NODE_OPTIONS) },
});

// Next and the worker stop side by side; the worker lets a running job finish first.
let workerStopped: Promise<void> | undefined;
const stopWorker = () =>
  (workerStopped ??= worker.stop().catch((error: Error) => console.error(`[trabajos] ${error.message}`)));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    web.stop(signal);
    void stopWorker();
  });
void web.exited.then((code) => stopWorker().then(() => process.exit(code)));
