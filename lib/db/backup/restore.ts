import "server-only";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { installJobSchema } from "../../jobs/boss";
import { migrate, readMigrations } from "../migrate";
import {
  appTablesInOrder,
  columnsOf,
  GUARDS_OFF_WHILE_LOADING,
  JOB_TABLES,
  jobSchemaVersion,
  qualified,
  resetSequences,
} from "./catalog";
import { checkTrailer, readBackup, verifyBackupFile, type BackupHeader } from "./format";

// `npm run db:restore`: the backup of backup.ts into a database that holds no data (decision
// 024). The file is read whole and checked first (checksum, row counts), before anything is
// touched. Then the database's schemas are made again: the migrations the backup was taken
// with (later ones run afterwards, as on any upgrade), pg-boss's schema, and every table's rows
// in one transaction, parents first, with foreign keys, CHECKs and the checks at commit on.
// A failure rolls the rows back and leaves the schema empty, ready for another attempt.

export class RestoreRefused extends Error {
  constructor(
    message: string,
    /** Rows found in the target, by table (when it was refused for not being empty). */
    readonly rows: Record<string, number> = {},
  ) {
    super(message);
  }
}

/** Reference rows the migrations themselves write: they do not make a database "not empty". */
export const FILLED_BY_MIGRATIONS = [
  "public.holiday",
  "public.referral_deadline",
  "public.risk_instrument",
  "public.risk_item",
];

export type RestoreResult = {
  header: BackupHeader;
  rows: Record<string, number>;
  /** Whether pg-boss's jobs were restored (the same pg-boss schema version is needed). */
  jobsRestored: boolean;
  /** Migrations of this version newer than the backup, still to be applied. */
  laterMigrations: number;
};

/** Rows of data in the database (tables with none left out); empty means nothing to lose. */
export async function countData(ownerUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const jobs = (await jobSchemaVersion(client)) === null ? [] : JOB_TABLES;
    const tables = [...(await appTablesInOrder(client)), ...jobs].filter((t) => !FILLED_BY_MIGRATIONS.includes(t));
    const found: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(table)}`);
      if (rows[0].n > 0) found[table] = rows[0].n;
    }
    return found;
  } finally {
    await client.end();
  }
}

/** The backup's migrations must be this version's first ones, unchanged. */
async function checkMigrations(header: BackupHeader): Promise<{ until: string; later: number }> {
  const known = await readMigrations();
  const theirs = header.migrations;
  if (theirs.length === 0)
    throw new RestoreRefused("La copia no registra migraciones: no es una base de la aplicación.");
  theirs.forEach((m, i) => {
    if (known[i]?.name !== m.name)
      throw new RestoreRefused(
        `La copia se hizo con la migración ${m.name}, que esta versión de la aplicación no tiene ` +
          `(o no en ese orden): restáurela con la versión que la creó.`,
      );
    if (known[i].checksum !== m.checksum)
      throw new RestoreRefused(`La migración ${m.name} de la copia no es la de esta versión (otro contenido).`);
  });
  return { until: theirs[theirs.length - 1].name, later: known.length - theirs.length };
}

/** Empties the database: the app's schema and pg-boss's, as a new database has them. */
async function resetSchemas(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // A running app holds locks on the tables: say so instead of waiting for it.
    await client.query(`SET lock_timeout = '10s'`);
    await client.query(`BEGIN;
      DROP SCHEMA IF EXISTS pgboss CASCADE;
      DROP SCHEMA IF EXISTS public CASCADE;
      CREATE SCHEMA public AUTHORIZATION pg_database_owner;
      GRANT USAGE ON SCHEMA public TO PUBLIC;
      COMMENT ON SCHEMA public IS 'standard public schema';
      COMMIT`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if ((error as { code?: string }).code === "55P03")
      throw new RestoreRefused(
        "Otra conexión está usando la base de datos: detenga la aplicación y vuelva a intentarlo.",
      );
    throw error;
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(
  ownerUrl: string,
  file: string,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  const { header, trailer } = await verifyBackupFile(file);
  const { until, later } = await checkMigrations(header);
  const data = await countData(ownerUrl);
  if (Object.keys(data).length > 0 && !opts.force)
    throw new RestoreRefused("La base de datos de destino tiene datos; no se reemplazan sin --force.", data);

  await resetSchemas(ownerUrl);
  await migrate(ownerUrl, undefined, { until });
  await installJobSchema(ownerUrl);
  const jobsRestored = await loadRows(ownerUrl, file, header);
  return { header, rows: trailer.rows, jobsRestored, laterMigrations: later };
}

/** Every table's rows in one transaction; false when pg-boss's jobs had to be left out. */
async function loadRows(ownerUrl: string, file: string, header: BackupHeader): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "permanencia-restore" });
  await client.connect();
  try {
    await client.query("BEGIN");
    // pg-boss's jobs fit only the schema version they were written with.
    const jobsFit = header.jobSchemaVersion !== null && header.jobSchemaVersion === (await jobSchemaVersion(client));
    const loaded = header.tables.filter((t) => jobsFit || !JOB_TABLES.includes(t.name));
    for (const { name, columns } of loaded) {
      const live = await columnsOf(client, name);
      const missing = columns.filter((c) => !live.includes(c));
      if (missing.length)
        throw new RestoreRefused(`La tabla ${name} no tiene las columnas ${missing.join(", ")} de la copia.`);
    }
    // The backup's reference rows replace those the migrations wrote (children first).
    for (const { name } of [...loaded].reverse()) {
      const { rows } = await client.query(`SELECT 1 FROM ${qualified(name)} LIMIT 1`);
      if (rows.length) await client.query(`DELETE FROM ${qualified(name)}`);
    }
    const guards = Object.entries(GUARDS_OFF_WHILE_LOADING);
    for (const [table, triggers] of guards)
      for (const t of triggers) await client.query(`ALTER TABLE ${qualified(table)} DISABLE TRIGGER ${qualified(t)}`);

    const columnsByTable = new Map(loaded.map((t) => [t.name, t.columns]));
    const counted: Record<string, number> = {};
    let copy: { table: string; stream: ReturnType<typeof copyIn> } | undefined;
    for await (const section of readBackup(file)) {
      if (section.kind === "rows" && columnsByTable.has(section.table)) {
        if (copy?.table !== section.table) {
          const list = columnsByTable.get(section.table)!.map(qualified).join(", ");
          copy = {
            table: section.table,
            stream: copyIn(client, `COPY ${qualified(section.table)} (${list}) FROM STDIN`),
          };
        }
        await copy.stream.write(section.chunk);
      } else if (section.kind === "table-end") {
        counted[section.table] = section.rows;
        if (copy?.table === section.table) {
          const copied = await copy.stream.end();
          if (copied !== section.rows) throw new Error(`${section.table}: ${copied} rows copied of ${section.rows}`);
          copy = undefined;
        }
      } else if (section.kind === "end") {
        // The file could have changed since it was checked: the same checks again before COMMIT.
        checkTrailer(section, counted);
      }
    }

    for (const [table, triggers] of guards)
      for (const t of triggers) await client.query(`ALTER TABLE ${qualified(table)} ENABLE TRIGGER ${qualified(t)}`);
    await resetSequences(
      client,
      loaded.map((t) => t.name),
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return jobsFit;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** COPY … FROM STDIN fed chunk by chunk; the server's refusal (a foreign key, a CHECK) fails the next step. */
function copyIn(client: pg.Client, sql: string) {
  const stream = client.query(copyFrom(sql));
  let failed: Error | undefined;
  stream.on("error", (error: Error) => (failed = error));
  const check = () => {
    if (failed) throw failed;
  };
  return {
    write: async (chunk: Buffer) => {
      check();
      await new Promise<void>((resolve, reject) => stream.write(chunk, (e) => (e ? reject(e) : resolve())));
      check();
    },
    end: async (): Promise<number> => {
      check();
      await new Promise<void>((resolve, reject) => {
        stream.once("error", reject);
        stream.end(() => resolve());
      });
      check();
      return stream.rowCount;
    },
  };
}
