import { createReadStream } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { migrate } from "../../lib/db/migrate";
import type { ImportProgress } from "../../lib/imports/types";
import { createDatabaseIfMissing, freePort, startCluster, urlFor } from "../lib/embedded-postgres";
import { attendanceStatuses, rosterCsv, SCHOOL_DAYS, STUDENTS, writeAttendanceCsv, writeCopyText } from "./import-data";

// `npm run bench:import`: a UGEL-scale attendance load (50,000 students × 60 school days =
// 3,000,000 rows) through the same core as `npm run cli -- import-attendance`, against a raw
// PostgreSQL COPY of the same rows into an identical empty table (same columns, indexes and
// foreign keys) on the same database. Target: import ≤ 1.5 × COPY.
// Runs in a throwaway embedded cluster, or in BENCH_DATABASE_URL (a local admin URL; a
// database named permanencia_bench_import is created and dropped there).

const TARGET_RATIO = 1.5;
const DB_NAME = "permanencia_bench_import";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stopCluster = async () => {};
  const tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-bench-import-"));
  await chmod(tmp, 0o755);
  if (!adminUrl) {
    const port = await freePort();
    const cluster = await startCluster({ dataDir: path.join(tmp, "data"), port, persistent: false, durable: false });
    adminUrl = urlFor(port);
    stopCluster = cluster.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await createDatabaseIfMissing(adminUrl, DB_NAME);
  const u = new URL(adminUrl);
  u.pathname = `/${DB_NAME}`;
  const url = u.toString();
  // The import core reads DATABASE_URL (lib/db and its pg connection), like the CLI does.
  process.env.DATABASE_URL = url;
  const { importRosterForSchool } = await import("../../lib/system/import-roster-core");
  const { importAttendanceForSchool } = await import("../../lib/system/import-attendance-core");
  const { db } = await import("../../lib/db");
  const client = new pg.Client({ connectionString: url });
  try {
    await migrate(url);
    await client.connect();
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
    const settings = (
      await client.query<{ f: string; s: string }>(
        "SELECT current_setting('fsync') AS f, current_setting('synchronous_commit') AS s",
      )
    ).rows[0];
    const school = (
      await client.query<{ id: string; codigoModular: string; name: string }>(
        `INSERT INTO school ("codigoModular", name, region, province, district) VALUES ('9000001', 'IE Benchmark', 'La Libertad', 'Trujillo', 'Trujillo')
       RETURNING id, "codigoModular", name`,
      )
    ).rows[0];
    const origin = { via: "cli" as const, userAgent: "bench:import" };

    log(`Roster: ${STUDENTS.toLocaleString("en-US")} students…`);
    const roster = new TextEncoder().encode(rosterCsv());
    let t0 = performance.now();
    const rosterResult = await importRosterForSchool(school, null, { fileName: "nomina.csv", bytes: roster }, origin);
    const rosterMs = performance.now() - t0;
    if (rosterResult.created !== STUDENTS) throw new Error(`roster import created ${rosterResult.created}`);

    log(`Generating ${(STUDENTS * SCHOOL_DAYS).toLocaleString("en-US")} attendance rows…`);
    const statuses = attendanceStatuses();
    const csvFile = path.join(tmp, "asistencia.csv");
    const csvBytes = await writeAttendanceCsv(csvFile, statuses);
    const ids = await client.query<{ n: string; id: string }>(
      `SELECT "documentNumber" AS n, id FROM student WHERE "schoolId" = $1`,
      [school.id],
    );
    const idByDni = new Map(ids.rows.map((r) => [r.n, r.id]));
    const { dniOf } = await import("./import-data");
    const studentIds = Array.from({ length: STUDENTS }, (_, i) => idByDni.get(dniOf(i))!);
    const copyFile = path.join(tmp, "attendance.copy");
    await writeCopyText(copyFile, statuses, studentIds, school.id);

    // Raw COPY before and after the import, each into a fresh twin of `attendance` (same
    // columns, indexes and foreign keys): the machine is shared, bracketing evens out noise.
    const rawCopy = async (table: string) => {
      await client.query(`CREATE TABLE ${table} (LIKE attendance INCLUDING ALL)`);
      await client.query(`ALTER TABLE ${table} ADD FOREIGN KEY ("studentId", "schoolId") REFERENCES student(id, "schoolId") ON DELETE CASCADE,
                          ADD FOREIGN KEY ("recordedById") REFERENCES app_user(id)`);
      await client.query("CHECKPOINT");
      log(`Raw COPY into ${table}…`);
      const start = performance.now();
      await client.query("BEGIN");
      const copy = client.query(copyFrom(`COPY ${table} ("studentId", "date", "schoolId", "status") FROM STDIN`));
      await pipeline(createReadStream(copyFile, { highWaterMark: 1 << 20 }), copy);
      await client.query("COMMIT");
      const ms = performance.now() - start;
      await client.query(`DROP TABLE ${table}`);
      return ms;
    };
    const copyBeforeMs = await rawCopy("attendance_copy_before");

    await client.query("CHECKPOINT");
    log("Import through the CLI core…");
    const phases: Partial<Record<ImportProgress["phase"], number>> = {};
    const rssAtStart = process.memoryUsage().rss;
    let importPeakRss = rssAtStart;
    const sampler = setInterval(() => (importPeakRss = Math.max(importPeakRss, process.memoryUsage().rss)), 50);
    t0 = performance.now();
    const bytes = await readFile(csvFile);
    let committedAt = 0;
    const result = await importAttendanceForSchool(school, null, { fileName: "asistencia.csv", bytes }, origin, (p) => {
      phases[p.phase] ??= performance.now() - t0;
      if (p.phase === "write" && p.done === p.total && p.total > 0) committedAt = performance.now() - t0;
    });
    const totalMs = performance.now() - t0;
    clearInterval(sampler);
    const importMs = committedAt || totalMs;
    const rows = STUDENTS * SCHOOL_DAYS;
    if (result.inserted !== rows) throw new Error(`attendance import inserted ${result.inserted}, expected ${rows}`);
    const stored = Number((await client.query(`SELECT count(*) AS n FROM attendance`)).rows[0].n);
    const copyAfterMs = await rawCopy("attendance_copy_after");
    const copyMs = (copyBeforeMs + copyAfterMs) / 2;

    log("Re-import of the same file (staging path, nothing changes)…");
    await client.query("CHECKPOINT");
    t0 = performance.now();
    const again = await importAttendanceForSchool(
      school,
      null,
      { fileName: "asistencia.csv", bytes: await readFile(csvFile) },
      origin,
    );
    const againMs = performance.now() - t0;
    if (again.unchanged !== rows) throw new Error(`re-import left ${again.unchanged} unchanged, expected ${rows}`);

    const ratio = importMs / copyMs;
    const rss = process.resourceUsage().maxRSS / 1024;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const out = [
      `PostgreSQL ${version} (fsync=${settings.f}, synchronous_commit=${settings.s}), Node ${process.version}, ${os.cpus().length} cores`,
      `roster import        ${STUDENTS.toLocaleString("en-US")} students        ${seconds(rosterMs).padStart(9)}   ${perSecond(STUDENTS, rosterMs)}`,
      `attendance file      ${rows.toLocaleString("en-US")} rows, ${(csvBytes / 1024 / 1024).toFixed(1)} MB CSV`,
      `import (CLI core)    parse+validate ${seconds(phases.write ?? 0)}, write+commit ${seconds(importMs - (phases.write ?? 0))}`,
      `import total         ${seconds(importMs).padStart(9)}   ${perSecond(rows, importMs)}   (${stored.toLocaleString("en-US")} rows stored)`,
      `raw COPY             ${seconds(copyMs).padStart(9)}   ${perSecond(rows, copyMs)}   (mean of ${seconds(copyBeforeMs)} before and ${seconds(copyAfterMs)} after the import)`,
      `ratio import / COPY  ${ratio.toFixed(2)}   (target ≤ ${TARGET_RATIO})   ${ratio <= TARGET_RATIO ? "OK" : "OVER TARGET"}`,
      `alert recompute      ${seconds(totalMs - importMs).padStart(9)}   (after commit, ${STUDENTS.toLocaleString("en-US")} students; not part of the ratio)`,
      `re-import same file  ${seconds(againMs).padStart(9)}   staging + merge, 0 inserted, 0 updated, ${again.unchanged.toLocaleString("en-US")} unchanged`,
      `peak RSS             ${rss.toFixed(0)} MB for the whole benchmark; during the import ${mb(importPeakRss)} (${mb(rssAtStart)} before it)`,
    ];
    process.stdout.write(`${out.join("\n")}\n`);
    process.exitCode = ratio <= TARGET_RATIO ? 0 : 1;
  } finally {
    await client.end().catch(() => {});
    await db.$disconnect().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    await stopCluster();
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

await main();
// embedded-postgres exits through async-exit-hook on "beforeExit" with code 0, which would
// hide a missed target: exit explicitly.
process.exit(process.exitCode ?? 0);
