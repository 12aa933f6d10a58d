import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES } from "../../lib/jobs/queues";
import { importRosterForSchool } from "../../lib/system/import-roster-core";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// [FAULTS] The process running a large import dies (SIGKILL: no handler, no cleanup) while its
// transaction is writing. The import is the operator command `npm run cli -- import-attendance`,
// run as its own process (node with tsx's loader, no launcher between the test and the process
// that holds the connection). PostgreSQL rolls the open transaction back when the connection
// drops, so the database holds none of the file, not even its audit entry or its queued job;
// the same command run again imports the whole file.

const STUDENTS = 1000;
const DAYS = 200; // weekdays from 3 March 2025: 200,000 rows, a file of about 4 MB
const ROWS = STUDENTS * DAYS;

let t: TestDatabase;
let dir: string;
let schoolId: string;
let attendanceFile: string;

const dni = (i: number) => String(40_000_000 + i);

function rosterCsv(): string {
  const lines = [
    "Tipo de documento,DNI,Apellido paterno,Apellido materno,Nombres,Sexo,Fecha de nacimiento,Grado,Sección",
  ];
  for (let i = 0; i < STUDENTS; i++) {
    const grade = 1 + (i % 5);
    const section = "ABCDE"[Math.floor(i / 6) % 5];
    lines.push(
      `DNI,${dni(i)},Quispe,Mamani,Estudiante ${i},${i % 2 ? "F" : "M"},01/03/${2020 - grade},${grade}°,${section}`,
    );
  }
  return lines.join("\n");
}

function weekdays(count: number): string[] {
  const days: string[] = [];
  for (const d = new Date(Date.UTC(2025, 2, 3)); days.length < count; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    days.push(d.toISOString().slice(0, 10).split("-").reverse().join("/"));
  }
  return days;
}

function attendanceCsv(): string {
  const lines = ["Número de documento,Fecha,Estado"];
  const days = weekdays(DAYS);
  for (let i = 0; i < STUDENTS; i++)
    for (const [j, day] of days.entries()) lines.push(`${dni(i)},${day},${(i + j) % 17 === 0 ? "F" : "P"}`);
  return `${lines.join("\n")}\n`;
}

/** `npm run cli -- import-attendance` as one process: SIGKILL reaches the one holding the connection. */
function runImport(): { child: ChildProcess; stdout: () => string; exited: Promise<void> } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/lib/server-only-hook.mjs",
      "scripts/cli.ts",
      "import-attendance",
      "--school",
      "1000001",
      attendanceFile,
    ],
    { env: { ...process.env, DATABASE_URL: t.url, DATABASE_OWNER_URL: t.ownerUrl }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.resume();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, stdout: () => out, exited };
}

/** The backend of a transaction of the app role that has written something (it has an xid). */
async function writingImport(client: pg.Client): Promise<number | null> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = 'permanencia_app'
        AND backend_xid IS NOT NULL AND state = 'active'`,
  );
  return rows[0]?.pid ?? null;
}

async function until<T>(what: string, probe: () => Promise<T | null | false>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const counts = async () => {
  const [attendance, days, audits, jobs] = await Promise.all([
    t.db.attendance.count({ where: { schoolId } }),
    t.db.attendanceDay.count({ where: { schoolId } }),
    t.db.auditLog.count({ where: { action: "attendance.import" } }),
    t.asOwner(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'schoolId' = $2`, [
      QUEUES.recomputeStudents,
      schoolId,
    ]),
  ]);
  return { attendance, days, audits, jobs: jobs.rows[0].n as number };
};

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "permanencia-fault-"));
  const place = { region: "La Libertad", province: "Trujillo", district: "Trujillo" };
  const school = await t.db.school.create({ data: { codigoModular: "1000001", name: "IE Trujillo A", ...place } });
  schoolId = school.id;
  const roster = { fileName: "nomina.csv", bytes: new TextEncoder().encode(rosterCsv()) };
  expect((await importRosterForSchool(school, null, roster, { via: "cli" })).created).toBe(STUDENTS);
  attendanceFile = path.join(dir, "asistencia-2025.csv");
  await writeFile(attendanceFile, attendanceCsv());
}, 120_000);

afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("[FAULTS] an import killed while it writes", () => {
  it("leaves none of the file behind, and the same import run again lands whole", async () => {
    const watcher = new pg.Client({ connectionString: t.url });
    await watcher.connect();
    try {
      const before = await counts();
      expect(before).toMatchObject({ attendance: 0, days: 0, audits: 0 });
      const first = runImport();
      const backend = await until("the import's transaction to write", () => writingImport(watcher), 90_000);
      first.child.kill("SIGKILL");
      await first.exited;
      // Killed, not finished: the kill came while its transaction was open.
      expect(first.child.signalCode).toBe("SIGKILL");
      // PostgreSQL notices the dropped connection and rolls the transaction back.
      await until(
        "the killed import's backend to end",
        async () => (await watcher.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [backend])).rowCount === 0,
        30_000,
      );
      expect(await counts()).toEqual(before);

      const again = runImport();
      await again.exited;
      expect(again.child.exitCode).toBe(0);
      expect(JSON.parse(again.stdout())).toMatchObject({ inserted: ROWS, updated: 0, unchanged: 0, days: DAYS });
      const after = await counts();
      expect(after).toMatchObject({ attendance: ROWS, audits: 1, jobs: before.jobs + 1 });
      expect(after.days).toBeGreaterThan(0);
    } finally {
      await watcher.end();
    }
  }, 240_000);
});
