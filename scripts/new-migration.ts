import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startCluster, urlFor } from "./lib/embedded-postgres";

// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that turns the committed schema (git HEAD) into the working-tree schema.
// Prisma 7's CLI needs a schema-engine binary that cannot always be downloaded, so the diff
// uses Prisma 6.19.3's WebAssembly engine, installed once into .cache/prisma6.
// See docs/decisions/002-migration-runner.md.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Uso: npm run db:new-migration -- <nombre_en_snake_case>");
  process.exit(2);
}

const root = process.cwd();
const tool = path.join(root, ".cache", "prisma6");
if (!existsSync(path.join(tool, "node_modules", "prisma"))) {
  await mkdir(tool, { recursive: true });
  await writeFile(path.join(tool, "package.json"), '{ "private": true }\n');
  execFileSync("npm", ["install", "--no-save", "prisma@6.19.3", "@prisma/adapter-pg@6.19.3", "pg@8"], {
    cwd: tool,
    stdio: "inherit",
  });
}

// The wasm engine still opens its adapter, so a throwaway cluster gives it something to reach.
const tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-diff-"));
await chmod(tmp, 0o755);
const port = await freePort();
const cluster = await startCluster({ dataDir: path.join(tmp, "data"), port, persistent: false, durable: false });
try {
  const url = urlFor(port);
  const adapt = (schema: string) =>
    schema
      .replace('provider = "prisma-client"', 'provider = "prisma-client-js"')
      .replace(/\n\s*output\s*=.*\n/, "\n")
      .replace(
        /datasource db \{\n\s*provider = "postgresql"\n/,
        `datasource db {\n  provider = "postgresql"\n  url = "${url}"\n`,
      );
  const head = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
  await writeFile(path.join(tool, "old.prisma"), adapt(head));
  await writeFile(
    path.join(tool, "new.prisma"),
    adapt(await readFile(path.join(root, "prisma", "schema.prisma"), "utf8")),
  );
  await writeFile(
    path.join(tool, "prisma.config.ts"),
    `import { PrismaPg } from "@prisma/adapter-pg";\nexport default { experimental: { adapter: true }, engine: "js", adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(url)} }) };\n`,
  );
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      "old.prisma",
      "--to-schema-datamodel",
      "new.prisma",
      "--script",
    ],
    {
      cwd: tool,
      encoding: "utf8",
      env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" },
    },
  );
  if (!sql.trim() || /This is an empty migration/.test(sql)) {
    console.log("Sin cambios: schema.prisma coincide con el de HEAD.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Migración escrita en ${path.relative(root, dir)}/migration.sql`);
  }
} finally {
  await cluster.stop();
  await rm(tmp, { recursive: true, force: true });
}
