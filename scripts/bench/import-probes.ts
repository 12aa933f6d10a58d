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
 * Polls pg_stat_activity every 20 ms while the import runs. Reports the time from the import's
 * first statement that writes into attendance (the staged insert, or a COPY straight into the
 * table) to the end of its transaction (the last poll that still saw it), and the longest wait
 * for a lock that any other session was seen in (the sheet saves, mostly).
 */
export function watchInsertWindow(url: string) {
  const client = new pg.Client({ connectionString: url });
  let insertStart: number | null = null;
  let importer: number | null = null;
  let lastSeen = 0;
  const waits = new Map<string, { first: number; last: number; event: string }>();
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows }: { rows: { pid: number; started: boolean; waiting: string | null; since: string }[] } =
        await client.query(
          `SELECT pid, (query LIKE '%attendance_insert_staged%' OR query ~ '^\\s*COPY attendance \\(') AS started,
                  CASE WHEN wait_event_type = 'Lock' THEN wait_event END AS waiting, query_start::text AS since
             FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'`,
        );
      const now = performance.now();
      for (const row of rows) {
        if (row.started && insertStart === null) {
          insertStart = now;
          importer = row.pid;
        }
        if (row.pid === importer) lastSeen = now;
        else if (row.waiting) {
          const key = `${row.pid} ${row.since}`;
          const wait = waits.get(key) ?? { first: now, last: now, event: row.waiting };
          wait.last = now;
          waits.set(key, wait);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      const longest = [...waits.values()].sort((a, b) => b.last - b.first - (a.last - a.first))[0];
      return {
        lockedMs: insertStart === null ? 0 : lastSeen - insertStart,
        longestWait: longest ? { ms: longest.last - longest.first, event: longest.event } : null,
      };
    },
  };
}
