import { createReadStream, readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { prepareDatabase } from "../../lib/db/prepare";
import { createDatabaseIfMissing, freePort, startCluster, urlFor } from "../lib/embedded-postgres";
import { attendanceStatuses, dniOf, rosterCsv, STUDENTS, writeCopyText } from "./import-data";

// `npm run bench:import-profile`: where the time of loading the benchmark's 3,000,000
// attendance rows goes (docs/decisions/016-bulk-attendance-import.md). The same rows are
// COPYed into empty tables that differ by one index or key at a time, in the file's order
// (day by day) and in primary-key order, with and without row triggers; then the path the
// import takes (attendance_insert_staged) and the floor (a bare heap, indexes built and keys
// validated afterwards). Wall time is noisy on a shared machine; the server process's CPU
// time (from /proc) much less so. ROUNDS (default 2) repeats the list.

const log = (line: string) => process.stderr.write(`${line}\n`);

const PK = `ALTER TABLE t ADD PRIMARY KEY ("studentId", "date")`;
const INDEX = `CREATE INDEX ON t ("schoolId", "date")`;
const STUDENT_KEY = `ALTER TABLE t ADD FOREIGN KEY ("studentId", "schoolId") REFERENCES student(id, "schoolId") ON DELETE CASCADE`;
const USER_KEY = `ALTER TABLE t ADD FOREIGN KEY ("recordedById") REFERENCES app_user(id)`;
const TWIN = [PK, INDEX, STUDENT_KEY, USER_KEY];

type Variant = {
  name: string;
  /** Statements that shape the empty table `t` before the load. */
  table: string[];
  sorted?: boolean;
  triggersOff?: boolean;
  /** Statements after the COPY, timed one by one. */
  after?: string[];
  /** Load through the import's own path into `attendance` instead of a COPY into `t`. */
  importPath?: boolean;
};

const VARIANTS: Variant[] = [
  { name: "heap only, no index", table: [] },
  { name: "primary key only", table: [PK] },
  { name: "primary key only, key order", table: [PK], sorted: true },
  { name: "primary key + (schoolId, date)", table: [PK, INDEX] },
  { name: "+ student key", table: [PK, INDEX, STUDENT_KEY] },
  { name: "+ user key (= attendance twin)", table: TWIN },
  { name: "twin, key order", table: TWIN, sorted: true },
  { name: "twin, triggers off", table: TWIN, triggersOff: true },
  { name: "twin, key order, triggers off", table: TWIN, sorted: true, triggersOff: true },
  { name: "import path: stage (key order) + set-based check + insert", table: [], importPath: true },
  { name: "floor: heap, then PK, index, keys added", table: [], after: TWIN },
];

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-import-profile-"));
  await chmod(tmp, 0o755);
  const port = await freePort();
  const cluster = await startCluster({ dataDir: path.join(tmp, "data"), port, persistent: false, durable: false });
  // Migrated by the owner role, so the import's functions run as it does in production; the
  // superuser loads and measures.
  await createDatabaseIfMissing(urlFor(port), "permanencia_profile");
  const url = urlFor(port, "permanencia_profile");
  process.env.DATABASE_URL = url;
  const client = new pg.Client({ connectionString: url });
  try {
    await prepareDatabase(urlFor(port, "permanencia_profile", "owner"));
    await client.connect();
    const { importRosterForSchool } = await import("../../lib/system/import-roster-core");
    const school = (
      await client.query<{ id: string; codigoModular: string; name: string }>(
        `INSERT INTO school ("codigoModular", name, region, province, district)
         VALUES ('9000001', 'IE Benchmark', 'La Libertad', 'Trujillo', 'Trujillo') RETURNING id, "codigoModular", name`,
      )
    ).rows[0];
    const roster = { fileName: "nomina.csv", bytes: new TextEncoder().encode(rosterCsv()) };
    await importRosterForSchool(school, null, roster, { via: "cli" });
    const ids = await client.query<{ n: string; id: string }>(
      `SELECT "documentNumber" AS n, id FROM student WHERE "schoolId" = $1`,
      [school.id],
    );
    const idByDni = new Map(ids.rows.map((r) => [r.n, r.id]));
    const studentIds = Array.from({ length: STUDENTS }, (_, i) => idByDni.get(dniOf(i))!);
    const fileOrder = path.join(tmp, "attendance.copy");
    await writeCopyText(fileOrder, attendanceStatuses(), studentIds, school.id);
    // The same lines sorted: uuid text order is PostgreSQL's uuid order, then the date.
    const keyOrder = path.join(tmp, "attendance-sorted.copy");
    const lines = (await readFile(fileOrder, "utf8")).split("\n").filter(Boolean).sort();
    await writeFile(keyOrder, `${lines.join("\n")}\n`);
    // What the import stages: (studentId, date, status), in key order.
    const staged = path.join(tmp, "attendance-stage.copy");
    const withoutSchool = (line: string) => line.split("\t").toSpliced(2, 1).join("\t");
    await writeFile(staged, `${lines.map(withoutSchool).join("\n")}\n`);
    lines.length = 0;

    const pid = (await client.query<{ p: number }>("SELECT pg_backend_pid() AS p")).rows[0].p;
    const ticks = 100; // USER_HZ on Linux
    const cpuSeconds = () => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    };
    const copy = async (sql: string, file: string) => {
      const stream = client.query(copyFrom(sql));
      await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), stream);
    };
    const walLsn = async () =>
      (await client.query<{ l: string }>("SELECT pg_current_wal_insert_lsn()::text AS l")).rows[0].l;
    const walMb = async (from: string) =>
      Number((await client.query(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS d`, [from])).rows[0].d) /
      1024 /
      1024;

    const rounds = Number(process.env.ROUNDS ?? 2);
    const out: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const v of VARIANTS) {
        await client.query(`DROP TABLE IF EXISTS t`);
        await client.query(`TRUNCATE attendance`);
        await client.query(`CREATE TABLE t (LIKE attendance INCLUDING DEFAULTS)`);
        for (const sql of v.table) await client.query(sql);
        await client.query("CHECKPOINT");
        const lsn = await walLsn();
        const cpu0 = cpuSeconds();
        const t0 = performance.now();
        const steps: number[] = [];
        const step = async (work: () => Promise<unknown>) => {
          const s0 = performance.now();
          await work();
          steps.push(performance.now() - s0);
        };
        await client.query("BEGIN");
        if (v.importPath) {
          await client.query(`SELECT attendance_stage_open()`);
          await step(() => copy(`COPY attendance_stage ("studentId", "date", "status") FROM STDIN`, staged));
          await step(() => client.query(`SELECT * FROM attendance_insert_staged($1, NULL, false)`, [school.id]));
        } else {
          if (v.triggersOff) await client.query("SET LOCAL session_replication_role = replica");
          await step(() =>
            copy(`COPY t ("studentId", "date", "schoolId", "status") FROM STDIN`, v.sorted ? keyOrder : fileOrder),
          );
          for (const sql of v.after ?? []) await step(() => client.query(sql));
        }
        await step(() => client.query("COMMIT"));
        const wall = (performance.now() - t0) / 1000;
        const indexMb =
          Number(
            (await client.query(`SELECT pg_indexes_size($1::regclass) AS b`, [v.importPath ? "attendance" : "t"]))
              .rows[0].b,
          ) /
          1024 /
          1024;
        const line =
          `round ${round}  ${v.name.padEnd(60)} wall ${wall.toFixed(2).padStart(7)} s   server CPU ` +
          `${(cpuSeconds() - cpu0).toFixed(2).padStart(6)} s   WAL ${(await walMb(lsn)).toFixed(0).padStart(4)} MB   ` +
          `indexes ${indexMb.toFixed(0).padStart(4)} MB   ` +
          `(steps ${steps.map((ms) => (ms / 1000).toFixed(2)).join(" + ")} s)`;
        log(line);
        out.push(line);
      }
    }
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    await client.end().catch(() => {});
    const { db } = await import("../../lib/db");
    await db.$disconnect().catch(() => {});
    await cluster.stop();
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

await main();
