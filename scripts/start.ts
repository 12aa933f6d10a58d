import { createRequire } from "node:module";
import { migrate } from "../lib/db/migrate";
import { startWorker } from "../lib/jobs/worker";
import { secretProblem } from "./lib/secret";
import { startWebProcesses, webProcessCount } from "./lib/web-processes";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

// `npm start` (production): requires DATABASE_URL and NEXTAUTH_SECRET, applies pending
// migrations once, starts the job worker (lib/jobs) once, in this process, then serves the
// built app from one Next server process per core (WEB_CONCURRENCY overrides; see
// scripts/lib/web-processes.ts). Arguments after `--` go to every `next start`.
// Nothing embedded starts here.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
if (!process.env.DATABASE_URL) {
  console.error("Falta la variable de entorno DATABASE_URL (ver README).");
  process.exit(1);
}
const secretRefused = secretProblem(process.env.NEXTAUTH_SECRET);
if (secretRefused) {
  console.error(`${secretRefused} Genere uno con: openssl rand -base64 48 (ver README).`);
  process.exit(1);
}
await migrate(process.env.DATABASE_URL!);
const worker = await startWorker();
const port = process.env.PORT ?? "3000";
const processes = webProcessCount();
console.log(`[web] ${processes} proceso(s) del servidor en el puerto ${port}`);
const web = startWebProcesses({
  nextBin: NEXT_BIN,
  args: ["start", "--port", port, ...process.argv.slice(2)],
  processes,
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
