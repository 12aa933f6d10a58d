import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { backupDatabase } from "../../lib/db/backup/backup";
import { countData, FILLED_BY_MIGRATIONS, restoreDatabase, RestoreRefused } from "../../lib/db/backup/restore";
import { BackupFormatError, verifyBackupFile } from "../../lib/db/backup/format";
import { enqueueAlertRecompute, pgJobDb } from "../../lib/jobs/enqueue";
import { withPgClient } from "../../lib/imports/pg";
import { ROLES } from "../../scripts/lib/embedded-postgres";
import { TEMPLATE_MIGRATED, withDatabase, withRole } from "../helpers/global-setup";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// [BACKUP] npm run db:backup / db:restore (decision 024): the seeded pilot database, backed up
// and restored into a new database, comes back with every table's rows and the audit log as it
// was, the audit log still append-only and its sequence past the restored rows; a database
// that holds data is never overwritten without --force; a damaged file is refused before the
// target is touched.

let source: TestDatabase;
let dir: string;
let file: string;
const created: string[] = [];
/** The database of the first test's restore; the second test changes it. */
let restored: { url: string; ownerUrl: string };

async function newDatabase(template?: string): Promise<{ url: string; ownerUrl: string }> {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  const name = `restore_${randomBytes(5).toString("hex")}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" OWNER ${ROLES.owner}${template ? ` TEMPLATE "${template}"` : ""}`);
  await admin.end();
  created.push(name);
  const url = withDatabase(inject("pgAdminUrl"), name);
  return { url: withRole(url, "app"), ownerUrl: withRole(url, "owner") };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Rows of every table of the app's schema and of pg-boss's jobs. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ t: string }>(
    url,
    `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' UNION ALL SELECT 'pgboss.job' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM ${t}`))[0].n;
  return counts;
}

const auditLog = (url: string) => query(url, `SELECT * FROM audit_log ORDER BY id`);

beforeAll(async () => {
  source = await createTestDatabase({ seeded: true });
  // A job waiting in the queue is part of what a backup keeps.
  const [student] = await query<{ id: string; schoolId: string }>(
    source.url,
    `SELECT id, "schoolId" FROM student LIMIT 1`,
  );
  await withPgClient((client) =>
    enqueueAlertRecompute(pgJobDb(client), { schoolId: student.schoolId, studentIds: [student.id] }),
  );
  dir = await mkdtemp(path.join(os.tmpdir(), "permanencia-backup-"));
  file = path.join(dir, "permanencia.backup.gz");
  await backupDatabase(source.ownerUrl, file);
}, 120_000);

afterAll(async () => {
  await source.drop();
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
});

describe("[BACKUP] backup and restore", () => {
  it("a restore into a new database keeps every table's rows, the audit log, its triggers and its sequence", async () => {
    const { header, trailer } = await verifyBackupFile(file);
    expect(header.tables.map((t) => t.name)).toContain("public.audit_log");
    expect(trailer.rows["pgboss.job"]).toBeGreaterThan(0);

    const target = (restored = await newDatabase());
    const result = await restoreDatabase(target.ownerUrl, file);
    expect(result).toMatchObject({ jobsRestored: true, laterMigrations: 0 });
    expect(await rowCounts(target.ownerUrl)).toEqual(await rowCounts(source.ownerUrl));
    const restoredLog = await auditLog(target.ownerUrl);
    expect(restoredLog.length).toBeGreaterThan(0);
    expect(restoredLog).toEqual(await auditLog(source.ownerUrl));

    // Still append-only, even for the owner of the table; new entries follow the restored ones.
    await expect(
      query(target.ownerUrl, `UPDATE audit_log SET action = 'x' WHERE id = $1`, [restoredLog[0].id]),
    ).rejects.toThrow();
    await expect(query(target.ownerUrl, `DELETE FROM audit_log`)).rejects.toThrow();
    const [next] = await query<{ id: string }>(
      target.url,
      `INSERT INTO audit_log (action, entity) VALUES ('test.after-restore', 'Test') RETURNING id::text`,
    );
    expect(BigInt(next.id)).toBeGreaterThan(BigInt(restoredLog.at(-1)!.id as string));
    // The guards switched off while loading are on again, like every other trigger of the schema.
    const triggers = await query<{ tgname: string; tgenabled: string }>(
      target.ownerUrl,
      `SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pgboss.%'`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(
      expect.arrayContaining(["risk_answer_signed_is_final", "audit_log_no_truncate"]),
    );
    expect(triggers.filter((t) => t.tgenabled !== "O")).toEqual([]);
    // The app role reads and writes the restored tables as before (grants made by the migrations).
    expect((await query<{ n: number }>(target.url, `SELECT count(*)::int AS n FROM student`))[0].n).toBeGreaterThan(0);
  });

  it("refuses a database that holds data unless forced, and then replaces it", async () => {
    const target = restored;
    await query(target.url, `INSERT INTO audit_log (action, entity) VALUES ('test.local-change', 'Test')`);
    const before = await rowCounts(target.ownerUrl);

    const refused = await restoreDatabase(target.ownerUrl, file).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect((refused as RestoreRefused).rows["public.audit_log"]).toBe(before["public.audit_log"]);
    expect(await rowCounts(target.ownerUrl)).toEqual(before);

    await restoreDatabase(target.ownerUrl, file, { force: true });
    expect(await auditLog(target.ownerUrl)).toEqual(await auditLog(source.ownerUrl));
  }, 120_000);

  it("a freshly migrated database counts as empty: only the migrations' reference rows are in it", async () => {
    const migrated = await newDatabase(TEMPLATE_MIGRATED);
    expect(await countData(migrated.ownerUrl)).toEqual({});
    const filled = Object.entries(await rowCounts(migrated.ownerUrl))
      .filter(([t, n]) => n > 0 && t !== "public._prisma_migrations")
      .map(([t]) => t);
    expect(filled.sort()).toEqual([...FILLED_BY_MIGRATIONS].sort());
  });

  it("a damaged or cut file is refused before the target is touched", async () => {
    const target = await newDatabase(TEMPLATE_MIGRATED);
    const text = gunzipSync(await readFile(file));
    const damaged = Buffer.from(text);
    // One character of a row changed: the gzip stream is valid, the checksum is not.
    const at = damaged.indexOf("\nTABLE public.student\n") + 200;
    damaged[at] = damaged[at] === 0x41 ? 0x42 : 0x41;
    const cut = text.subarray(0, Math.floor(text.length / 2));
    for (const [name, bytes] of [
      ["damaged", damaged],
      ["cut", cut],
    ] as const) {
      const bad = path.join(dir, `${name}.backup.gz`);
      await writeFile(bad, gzipSync(bytes));
      await expect(restoreDatabase(target.ownerUrl, bad)).rejects.toBeInstanceOf(BackupFormatError);
    }
    expect(await query(target.ownerUrl, `SELECT 1 FROM _prisma_migrations LIMIT 1`)).toHaveLength(1);
    expect(await countData(target.ownerUrl)).toEqual({});
  }, 60_000);
});
