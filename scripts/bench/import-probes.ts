import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import type { SessionUser } from "../../lib/auth/types";

// What other users see while `npm run bench:import` loads its file: a tutor saving a
// section's sheet (the daily path, lib/attendance/take-attendance.ts) in a loop, every wait for
// a lock any other session is seen in, and how long the import keeps the rows it writes locked
// (from its first write into attendance to its commit). They run in a child process: the
// import's parsing keeps the benchmark's own event loop busy for seconds at a time, which
// would be measured instead of the database.

/** A day outside the benchmark's file (which ends in May 2026) and not in the future. */
const PROBE_DAY = "2026-06-15";

export type ProbeReport = {
  saves: number[];
  failures: string[];
  lockedMs: number;
  longestWait: { ms: number; event: string } | null;
};

type Request = { cmd: "idle"; times: number } | { cmd: "start" } | { cmd: "stop" };

/** Parent side: starts the child on the benchmark's database, for one school. */
export async function startProbes(url: string, schoolId: string) {
  const child: ChildProcess = fork(import.meta.filename, ["--child", url, schoolId], {
    execArgv: ["--import", "tsx", "--import", path.join(import.meta.dirname, "../lib/server-only-hook.mjs")],
    env: { ...process.env, DATABASE_URL: url },
  });
  const ask = async <T>(request: Request): Promise<T> => {
    const reply = once(child, "message") as Promise<[T]>;
    child.send(request);
    return (await reply)[0];
  };
  await once(child, "message"); // ready
  return {
    idle: (times: number) => ask<ProbeReport>({ cmd: "idle", times }),
    start: () => ask<{ started: true }>({ cmd: "start" }),
    stop: () => ask<ProbeReport>({ cmd: "stop" }),
    async close() {
      child.disconnect();
      await once(child, "exit");
    },
  };
}

async function child(url: string, schoolId: string) {
  const { db } = await import("../../lib/db");
  const { saveAttendance } = await import("../../lib/attendance/take-attendance");
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
  const report: ProbeReport = { saves: [], failures: [], lockedMs: 0, longestWait: null };
  // Every save changes the whole sheet (PRESENT ↔ LATE), so each one writes its 35 rows.
  const save = async () => {
    const status = turn++ % 2 === 0 ? "LATE" : "PRESENT";
    const start = performance.now();
    try {
      await saveAttendance(user, {
        ...section,
        date: PROBE_DAY,
        marks: students.map((s) => ({ studentId: s.id, status })),
      });
    } catch (error) {
      report.failures.push(
        String((error as Error).message)
          .trim()
          .split("\n")
          .at(-1)!
          .slice(0, 160),
      );
    }
    report.saves.push(performance.now() - start);
  };

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  const watch = async () => {
    let insertStart: number | null = null;
    let importer: number | null = null;
    let lastSeen = 0;
    const waits = new Map<string, { first: number; last: number; event: string }>();
    while (!stopped) {
      const { rows }: { rows: { pid: number; started: boolean; waiting: string | null; since: string }[] } =
        await watcher.query(
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
    report.lockedMs = insertStart === null ? 0 : lastSeen - insertStart;
    const longest = [...waits.values()].sort((a, b) => b.last - b.first - (a.last - a.first))[0];
    report.longestWait = longest ? { ms: longest.last - longest.first, event: longest.event } : null;
  };
  const loop = async () => {
    while (!stopped) {
      await save();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  process.on("message", async (request: Request) => {
    if (request.cmd === "idle") {
      for (let i = 0; i < request.times; i++) await save();
      process.send!({ ...report });
      report.saves = [];
      report.failures = [];
    } else if (request.cmd === "start") {
      running = Promise.all([watch(), loop()]);
      process.send!({ started: true });
    } else {
      stopped = true;
      await running;
      process.send!(report);
    }
  });
  process.on("disconnect", async () => {
    await watcher.end().catch(() => {});
    await db.$disconnect().catch(() => {});
    const { stopSender } = await import("../../lib/jobs/boss");
    await stopSender().catch(() => {});
    process.exit(0);
  });
  process.send!({ ready: true });
}

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
