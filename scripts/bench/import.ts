import { createReadStream } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { prepareDatabase } from "../../lib/db/prepare";
import type { ImportProgress } from "../../lib/imports/types";
import {
  createDatabaseIfMissing,
  freePort,
  ROLES,
  startCluster,
  urlFor,
  type ClusterRole,
} from "../lib/embedded-postgres";
import { startProbes } from "./import-probes";
import {
  attendanceStatuses,
  dniOf,
  rosterCsv,
  SCHOOL_DAYS,
  smallWeekCsv,
  STUDENTS,
  writeAttendanceCsv,
  writeCopyText,
} from "./import-data";

// `npm run bench:import`: a UGEL-scale attendance load (50,000 students × 60 school days =
// 3,000,000 rows) through the same core as `npm run cli -- import-attendance`, against two raw
// PostgreSQL COPYs of the same rows on the same database, each into an empty table (the import
// runs as the app role, the COPYs as the superuser):
// - an identical twin of `attendance` (same columns, indexes and foreign keys): import ≤ 1.5 ×;
// - a table with only the primary key, the physical limit a user meets: import ≤ 2.0 ×.
// While the import runs, a tutor saves a section's sheet in a loop (the daily path must not
// wait for the import). Then the same file again (nothing may change) and a small file.
// Runs in a throwaway embedded cluster, or in BENCH_DATABASE_URL (a local admin URL; a
// database named permanencia_bench_import is created and dropped there).

const TARGET_TWIN = 1.5;
const TARGET_PK_ONLY = 2.0;
const DB_NAME = "permanencia_bench_import";
const SMALL_RUNS = 10;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`;
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
  // The bench database as one of the cluster's roles (password = name, as ensureClusterRoles
  // makes them): migrated by the owner, imported into by the app role (as the web upload and
  // `npm run cli` do), set up and measured by the superuser (raw COPYs, CHECKPOINT).
  const as = (role: ClusterRole) => {
    const u = new URL(adminUrl);
    u.pathname = `/${DB_NAME}`;
    if (role !== "admin") [u.username, u.password] = [ROLES[role], ROLES[role]];
    return u.toString();
  };
  const url = as("admin");
  const appUrl = as("app");
  // The import core reads DATABASE_URL (lib/db and its pg connection), like the CLI does.
  process.env.DATABASE_URL = appUrl;
  const { importRosterForSchool } = await import("../../lib/system/import-roster-core");
  const { importAttendanceForSchool } = await import("../../lib/system/import-attendance-core");
  const { db } = await import("../../lib/db");
  const client = new pg.Client({ connectionString: url });
  try {
    await prepareDatabase(as("owner"));
    await client.connect();
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
    const settings = (
      await client.query<{ f: string; s: string; b: string }>(
        "SELECT current_setting('fsync') AS f, current_setting('synchronous_commit') AS s, current_setting('shared_buffers') AS b",
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
    const studentIds = Array.from({ length: STUDENTS }, (_, i) => idByDni.get(dniOf(i))!);
    const copyFile = path.join(tmp, "attendance.copy");
    await writeCopyText(copyFile, statuses, studentIds, school.id);

    // Raw COPYs before and after the import, each into a fresh empty table: the machine is
    // shared, bracketing evens out noise.
    const rawCopy = async (table: string, keys: "twin" | "pk-only") => {
      if (keys === "twin") {
        await client.query(`CREATE TABLE ${table} (LIKE attendance INCLUDING ALL)`);
        await client.query(`ALTER TABLE ${table} ADD FOREIGN KEY ("studentId", "schoolId") REFERENCES student(id, "schoolId") ON DELETE CASCADE,
                            ADD FOREIGN KEY ("recordedById") REFERENCES app_user(id)`);
      } else {
        await client.query(`CREATE TABLE ${table} (LIKE attendance INCLUDING DEFAULTS)`);
        await client.query(`ALTER TABLE ${table} ADD PRIMARY KEY ("studentId", "date")`);
      }
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
    const twinBeforeMs = await rawCopy("attendance_copy_before", "twin");
    const pkBeforeMs = await rawCopy("attendance_pk_before", "pk-only");

    // A tutor of one section saving that section's sheet for a day outside the file, over and over.
    const probes = await startProbes(appUrl, school.id);
    const idle = await probes.idle(10);

    await client.query("CHECKPOINT");
    log("Import through the CLI core…");
    const phases: Partial<Record<ImportProgress["phase"], number>> = {};
    const rssAtStart = process.memoryUsage().rss;
    let importPeakRss = rssAtStart;
    const sampler = setInterval(() => (importPeakRss = Math.max(importPeakRss, process.memoryUsage().rss)), 50);
    await probes.start();
    t0 = performance.now();
    const bytes = await readFile(csvFile);
    let committedAt = 0;
    const result = await importAttendanceForSchool(school, null, { fileName: "asistencia.csv", bytes }, origin, (p) => {
      phases[p.phase] ??= performance.now() - t0;
      if (p.phase === "write" && p.done === p.total && p.total > 0) committedAt = performance.now() - t0;
    });
    const totalMs = performance.now() - t0;
    clearInterval(sampler);
    const during = await probes.stop();
    await probes.close();
    const importMs = committedAt || totalMs;
    const rows = STUDENTS * SCHOOL_DAYS;
    if (result.inserted !== rows) throw new Error(`attendance import inserted ${result.inserted}, expected ${rows}`);
    const stored = Number(
      (await client.query(`SELECT count(*) AS n FROM attendance WHERE date <= $1`, [schoolDayLimit()])).rows[0].n,
    );
    const audit = (
      await client.query<{ d: { method: string; keyCheck?: string } }>(
        `SELECT details AS d FROM audit_log WHERE action = 'attendance.import' ORDER BY id DESC LIMIT 1`,
      )
    ).rows[0].d;
    const twinAfterMs = await rawCopy("attendance_copy_after", "twin");
    const pkAfterMs = await rawCopy("attendance_pk_after", "pk-only");
    const twinMs = (twinBeforeMs + twinAfterMs) / 2;
    const pkMs = (pkBeforeMs + pkAfterMs) / 2;

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
    const reimportOk = again.unchanged === rows && again.inserted === 0 && again.updated === 0;

    log(`Small file (one section, one week) ×${SMALL_RUNS}, then again…`);
    const small = { first: [] as number[], again: [] as number[] };
    for (let week = 0; week < SMALL_RUNS; week++) {
      const file = { fileName: "semana.csv", bytes: new TextEncoder().encode(smallWeekCsv(week)) };
      for (const key of ["first", "again"] as const) {
        const start = performance.now();
        await importAttendanceForSchool(school, null, file, origin);
        small[key].push(performance.now() - start);
      }
    }

    const ratioTwin = importMs / twinMs;
    const ratioPk = importMs / pkMs;
    const rss = process.resourceUsage().maxRSS / 1024;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const verdict = (ratio: number, target: number) =>
      `(target ≤ ${target.toFixed(1)})   ${ratio <= target ? "OK" : "OVER TARGET"}`;
    const out = [
      `PostgreSQL ${version} (fsync=${settings.f}, synchronous_commit=${settings.s}, shared_buffers=${settings.b}), Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
      `roster import          ${STUDENTS.toLocaleString("en-US")} students        ${seconds(rosterMs).padStart(9)}   ${perSecond(STUDENTS, rosterMs)}`,
      `attendance file        ${rows.toLocaleString("en-US")} rows, ${(csvBytes / 1024 / 1024).toFixed(1)} MB CSV`,
      `import (CLI core)      parse+validate ${seconds(phases.write ?? 0)}, write+commit ${seconds(importMs - (phases.write ?? 0))}   (${audit.method}, keys checked ${audit.keyCheck === "set" ? "set-based" : "row by row"})`,
      `import total           ${seconds(importMs).padStart(9)}   ${perSecond(rows, importMs)}   (${stored.toLocaleString("en-US")} rows stored)`,
      `raw COPY, twin         ${seconds(twinMs).padStart(9)}   ${perSecond(rows, twinMs)}   (same indexes and keys; mean of ${seconds(twinBeforeMs)} before and ${seconds(twinAfterMs)} after)`,
      `raw COPY, PK only      ${seconds(pkMs).padStart(9)}   ${perSecond(rows, pkMs)}   (primary key only; mean of ${seconds(pkBeforeMs)} before and ${seconds(pkAfterMs)} after)`,
      `ratio import / twin    ${ratioTwin.toFixed(2)}   ${verdict(ratioTwin, TARGET_TWIN)}`,
      `ratio import / PK only ${ratioPk.toFixed(2)}   ${verdict(ratioPk, TARGET_PK_ONLY)}`,
      `rows locked            ${seconds(during.lockedMs).padStart(9)}   (from the import's first write into attendance to its commit: the longest a save of one of the file's days would wait)`,
      `sheet saves            idle median ${ms(median(idle.saves))}; during the import ${during.saves.length} saves, median ${ms(median(during.saves))}, max ${ms(Math.max(...during.saves))}, ${during.failures.length} failed${during.failures.length ? ` (${[...new Set(during.failures)].join("; ")})` : ""}`,
      `lock waits             ${during.longestWait ? `longest ${ms(during.longestWait.ms)} (${during.longestWait.event})` : "none"} seen in other sessions during the import (polled every 20 ms)`,
      `alert recompute        ${seconds(totalMs - importMs).padStart(9)}   (queued in the import's transaction; not part of the ratio)`,
      `re-import same file    ${seconds(againMs).padStart(9)}   ${again.inserted} inserted, ${again.updated} updated, ${again.unchanged.toLocaleString("en-US")} unchanged   ${reimportOk ? "OK" : "CHANGED ROWS"}`,
      `small file (175 rows)  median ${ms(median(small.first))} new week, ${ms(median(small.again))} same week again (${SMALL_RUNS} runs each)`,
      `peak RSS               ${rss.toFixed(0)} MB for the whole benchmark; during the import ${mb(importPeakRss)} (${mb(rssAtStart)} before it)`,
    ];
    process.stdout.write(`${out.join("\n")}\n`);
    process.exitCode = ratioTwin <= TARGET_TWIN && ratioPk <= TARGET_PK_ONLY && reimportOk ? 0 : 1;
  } finally {
    await client.end().catch(() => {});
    await db.$disconnect().catch(() => {});
    const { stopSender } = await import("../../lib/jobs/boss");
    await stopSender().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    await stopCluster();
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

/** The big file's days end well before the probe's and the small files' days. */
function schoolDayLimit(): string {
  return "2026-05-31";
}

await main();
// embedded-postgres exits through async-exit-hook on "beforeExit" with code 0, which would
// hide a missed target: exit explicitly.
process.exit(process.exitCode ?? 0);
