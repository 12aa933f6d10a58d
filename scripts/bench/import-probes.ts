import pg from "pg";
import type { Db } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import { saveAttendance } from "../../lib/attendance/take-attendance";

// What other users see while `npm run bench:import` loads its file: a tutor saving a
// section's sheet (the daily path, lib/attendance/take-attendance.ts) in a loop, and how long
// the import keeps the rows it writes locked (from its insert into attendance to its commit).

/** A day outside the benchmark's file (which ends in May 2026) and not in the future. */
const PROBE_DAY = "2026-06-15";

export async function startSheetProbe(db: Db, schoolId: string) {
  const tutor = await db.user.create({
    data: {
      email: "tutora.bench@permanencia.pe",
      name: "Tutora",
      passwordHash: "x",
      role: "TUTOR",
      schools: { create: { schoolId } },
    },
  });
  const user: SessionUser = {
    id: tutor.id,
    email: tutor.email,
    name: tutor.name,
    role: "TUTOR",
    locale: "es",
    schoolIds: [schoolId],
    agencyId: null,
    agencyType: null,
  };
  const section = { schoolId, grade: 1, section: "S001" };
  const students = await db.student.findMany({ where: section, select: { id: true } });
  let turn = 0;
  // Every save changes the whole sheet (PRESENT ↔ LATE), so each one writes its 35 rows.
  const save = async () => {
    const status = turn++ % 2 === 0 ? "LATE" : "PRESENT";
    const start = performance.now();
    await saveAttendance(user, {
      ...section,
      date: PROBE_DAY,
      marks: students.map((s) => ({ studentId: s.id, status })),
    });
    return performance.now() - start;
  };
  return {
    async run(times: number) {
      const out: number[] = [];
      for (let i = 0; i < times; i++) out.push(await save());
      return out;
    },
    loop() {
      const out: number[] = [];
      let stopped = false;
      const done = (async () => {
        while (!stopped) {
          out.push(await save());
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      return {
        async stop() {
          stopped = true;
          await done;
          return out;
        },
      };
    },
    async stop() {},
  };
}

/**
 * Polls pg_stat_activity for the import's first statement that writes into attendance (the
 * staged insert, or a COPY straight into the table); returns the time from that
 * statement's start to the end of its transaction (the last poll that still saw it).
 */
export function watchInsertWindow(url: string) {
  const client = new pg.Client({ connectionString: url });
  let insertStart: number | null = null;
  let pid: number | null = null;
  let lastSeen = 0;
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows }: { rows: { pid: number; started: boolean }[] } = await client.query(
        `SELECT pid, (query LIKE '%attendance_insert_staged%' OR query ~ '^\\s*COPY attendance \\(') AS started
           FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'`,
      );
      const now = performance.now();
      for (const row of rows) {
        if (row.started && insertStart === null) {
          insertStart = now;
          pid = row.pid;
        }
        if (row.pid === pid) lastSeen = now;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return insertStart === null ? 0 : lastSeen - insertStart;
    },
  };
}
