import "server-only";
import { rename, rm } from "node:fs/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { appTablesInOrder, columnsOf, JOB_TABLES, jobSchemaVersion, qualified } from "./catalog";
import { BackupWriter, type BackupHeader, type BackupTrailer } from "./format";

// `npm run db:backup`: a logical backup written by the app itself (decision 024), for the
// embedded PostgreSQL 17, whose package ships no pg_dump. One REPEATABLE READ, READ ONLY
// transaction, so every table is read at the same instant: what the file holds is a state the
// database was in, foreign keys included, while the app keeps running.

export type BackupResult = { file: string; header: BackupHeader; trailer: BackupTrailer };

/**
 * Writes the backup of the database at `ownerUrl` (the owner role reads every table) to `file`,
 * which appears only once complete.
 */
export async function backupDatabase(ownerUrl: string, file: string): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "permanencia-backup" });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const jobs = await jobSchemaVersion(client);
    const names = [...(await appTablesInOrder(client)), ...(jobs === null ? [] : JOB_TABLES)];
    const tables: BackupHeader["tables"] = [];
    for (const name of names) tables.push({ name, columns: await columnsOf(client, name) });
    const { rows } = await client.query<{ db: string; version: string }>(
      `SELECT current_database() AS db, current_setting('server_version') AS version`,
    );
    const header: BackupHeader = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: rows[0].db,
      serverVersion: rows[0].version,
      migrations: migrations.rows,
      jobSchemaVersion: jobs,
      tables,
    };
    const writer = new BackupWriter(partial);
    await writer.header(header);
    for (const { name, columns } of tables) {
      const list = columns.map(qualified).join(", ");
      // The query form: COPY cannot read a partitioned table (pg-boss's jobs) directly.
      const stream = client.query(copyTo(`COPY (SELECT ${list} FROM ${qualified(name)}) TO STDOUT`));
      await writer.table(name, stream);
    }
    const trailer = await writer.end();
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, header, trailer };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}
