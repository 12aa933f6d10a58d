import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { computeAlerts, computeAlertsForStudents } from "../../lib/alerts/compute";
import { candidatesSql } from "../../lib/alerts/compute-sql";
import { createPrismaClient } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { createDatabaseIfMissing, freePort, startCluster, urlFor, runScript } from "../lib/embedded-postgres";
import { addSchoolDay, generateBenchData } from "./alerts-data";
import { DENSE_REFERENCE, digestSql, ENGINE_ALERTS, SPARSE_INSERT, SPARSE_REFERENCE } from "./alerts-reference";

// `npm run bench:alerts`: full alert recompute at UGEL scale (50,000 students, ≈3M attendance
// rows) through the engine, side by side with the best single SQL statements written by hand
// for the same rules, then the incremental recompute after one new day for one school.
// Runs in a throwaway embedded cluster, or in BENCH_DATABASE_URL (a local admin URL; a
// database named permanencia_bench_alerts is created and dropped there).

const RUNS = 3;
const TARGET_RATIO = 1.5;
const TARGET_INCREMENTAL_MS = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

async function main() {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stopCluster = async () => {};
  let tmp: string | undefined;
  if (!adminUrl) {
    tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-bench-alerts-"));
    await chmod(tmp, 0o755);
    const port = await freePort();
    const cluster = await startCluster({ dataDir: path.join(tmp, "data"), port, persistent: false, durable: false });
    adminUrl = urlFor(port);
    stopCluster = cluster.stop;
  }
  const name = "permanencia_bench_alerts";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await createDatabaseIfMissing(adminUrl, name);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  process.env.DATABASE_URL = url;
  const client = new pg.Client({ connectionString: url });
  const db = createPrismaClient(url);
  try {
    await migrate(url);
    await client.connect();
    console.log("Generating UGEL-scale data…");
    const [genMs, sizes] = await time(() => generateBenchData(client));
    console.log(
      `  ${sizes.students} students, ${sizes.days} section-days, ${sizes.attendance} attendance rows (${(genMs / 1000).toFixed(1)} s)`,
    );
    await db.$queryRaw`SELECT 1`; // connect before timing
    await computeAlerts(db); // warm-up: caches and plans as on a running server

    // Full recompute through the engine, each run from an empty alert table.
    const engineMs: number[] = [];
    let summary = null as Awaited<ReturnType<typeof computeAlerts>> | null;
    for (let i = 0; i < RUNS; i++) {
      await client.query(`TRUNCATE alert`);
      const [ms, s] = await time(() => computeAlerts(db));
      engineMs.push(ms);
      summary = s;
    }
    const [steadyMs, steady] = await time(() => computeAlerts(db)); // all alerts already open
    const engineDigest = (await client.query(digestSql(ENGINE_ALERTS))).rows[0];

    // The reference statements (pure SELECTs; the engine also writes the alerts).
    const candidateText = candidatesText();
    const refs: { label: string; sql: string }[] = [
      { label: "engine's candidate SELECT alone", sql: candidateText },
      { label: "hand-written sparse statement", sql: SPARSE_REFERENCE },
      { label: "hand-written dense statement (textbook)", sql: DENSE_REFERENCE },
    ];
    const results: { label: string; ms: number; n: number; same: boolean }[] = [];
    for (const ref of refs) {
      const times: number[] = [];
      let row = { n: 0, digest: "" };
      for (let i = 0; i < RUNS; i++) {
        const [ms, r] = await time(() => client.query(digestSql(ref.sql)));
        times.push(ms);
        row = r.rows[0];
      }
      results.push({ label: ref.label, ms: median(times), n: row.n, same: row.digest === engineDigest.digest });
    }
    const best = results.filter((r) => r.same).reduce((a, b) => (b.ms < a.ms ? b : a));
    const ratioSelect = median(engineMs) / best.ms;

    // The same job as a recompute (writing the alert rows) in one hand-written statement.
    const insertMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await client.query(`TRUNCATE alert`);
      const [ms] = await time(() => client.query(SPARSE_INSERT));
      insertMs.push(ms);
    }
    const insertSame = (await client.query(digestSql(ENGINE_ALERTS))).rows[0].digest === engineDigest.digest;
    const ratio = median(engineMs) / median(insertMs);
    await client.query(`TRUNCATE alert`);
    await computeAlerts(db); // back to the engine's own alerts before the incremental part

    // Incremental: one new school day for one school, then the engine on its students.
    const school = (await client.query<{ id: string }>(`SELECT id FROM school ORDER BY "codigoModular" LIMIT 1`))
      .rows[0].id;
    const incMs: number[] = [];
    const incOpened: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { studentIds } = await addSchoolDay(client, school);
      const [ms, s] = await time(() => computeAlertsForStudents(db, { schoolId: school, studentIds }));
      incMs.push(ms);
      incOpened.push(s.opened);
    }
    const incStudents = (await client.query(`SELECT count(*)::int AS n FROM student WHERE "schoolId" = $1`, [school]))
      .rows[0].n;

    console.log("");
    console.log(
      `Full recompute (${summary!.studentsEvaluated} students, ${summary!.opened} alerts opened; median of ${RUNS})`,
    );
    console.log(
      `  engine computeAlerts()               ${fmt(median(engineMs))}   runs: ${engineMs.map((m) => m.toFixed(0)).join(", ")} ms`,
    );
    for (const r of results) {
      console.log(
        `  ${r.label.padEnd(40)}${fmt(r.ms)}   ${r.n} candidates, ${r.same ? "same alert set" : "DIFFERENT alert set"}`,
      );
    }
    console.log(
      `  ${"hand-written sparse INSERT … SELECT".padEnd(40)}${fmt(median(insertMs))}   writes the alert rows too, ${insertSame ? "same alert set" : "DIFFERENT alert set"}`,
    );
    console.log(
      `  ratio engine / best SELECT-only statement:  ${ratioSelect.toFixed(2)} (reads only; the engine also writes ${summary!.opened} rows)`,
    );
    console.log(
      `  ratio engine / best statement doing the same job (INSERT … SELECT): ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? "OK" : "MISSED"}`,
    );
    console.log(
      `  recompute with every alert already open: ${fmt(steadyMs)} (opened ${steady.opened}, still open ${steady.stillOpen})`,
    );
    console.log("");
    console.log(`Incremental recompute after one new school day, one school (${incStudents} students), 5 days`);
    console.log(
      `  computeAlertsForStudents()           ${fmt(median(incMs))}   runs: ${incMs.map((m) => m.toFixed(0)).join(", ")} ms; opened ${incOpened.join(", ")}`,
    );
    console.log(`  target < ${TARGET_INCREMENTAL_MS} ms: ${median(incMs) < TARGET_INCREMENTAL_MS ? "OK" : "MISSED"}`);
    const failed =
      ratio > TARGET_RATIO || median(incMs) >= TARGET_INCREMENTAL_MS || results.some((r) => !r.same) || !insertSame;
    if (failed) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await client.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await stopCluster();
    if (tmp) await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

/** The engine's candidate SELECT as plain SQL, its constant parameters inlined, in the digest's shape. */
function candidatesText(): string {
  const sql = candidatesSql({});
  let text = sql.text;
  sql.values.forEach((v, i) => {
    const literal =
      typeof v === "number" ? String(v) : typeof v === "string" && /^[A-Z0-9_]+$/.test(v) ? `'${v}'` : null;
    if (literal === null) throw new Error(`unexpected parameter ${String(v)}`);
    text = text.replace(new RegExp(`\\$${i + 1}(?!\\d)`, "g"), literal);
  });
  return `SELECT "studentId" AS sid, kind::text AS kind, "firstDate" AS first_date, "lastDate" AS last_date FROM (${text}) engine`;
}

runScript(main);
