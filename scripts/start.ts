import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { migrate } from "../lib/db/migrate";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

// `npm start` (production): requires DATABASE_URL and NEXTAUTH_SECRET, applies pending
// migrations, then serves the built app. Nothing embedded starts here.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const missing = ["DATABASE_URL", "NEXTAUTH_SECRET"].filter((name) => !process.env[name]);
if (missing.length) {
  console.error(`Faltan variables de entorno: ${missing.join(", ")} (ver README).`);
  process.exit(1);
}
await migrate(process.env.DATABASE_URL!);
const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
