import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAlertRule } from "../../lib/alerts/rule-settings";
import { importAttendanceForSchool } from "../../lib/system/import-attendance-core";
import { saveAttendance } from "../../lib/attendance/take-attendance";
import type { SessionUser } from "../../lib/auth/types";
import { dayFromIso, todayInLima } from "../../lib/format/date";
import { inTransaction, withPgClient } from "../../lib/imports/pg";
import { startBoss } from "../../lib/jobs/boss";
import { enqueueAlertRecompute, MAX_LISTED_STUDENTS, prismaJobDb, pgJobDb } from "../../lib/jobs/enqueue";
import { DEADLINES_CRON, NIGHTLY_CRON, NIGHTLY_TZ, QUEUES, type QueueName } from "../../lib/jobs/queues";
import { runJobsOnce } from "../../lib/jobs/run-once";
import { startWorker } from "../../lib/jobs/worker";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The job queue on the app's own PostgreSQL (pg-boss): jobs are written by the transaction of
// the change that needs them, a failing job is retried without touching that change, the
// worker and `run-jobs` run them, and what the alert engine writes is audited as the system.

let t: TestDatabase;
let school: { id: string; codigoModular: string; name: string };
let tutor: SessionUser;
const ADMIN_ID = "00000000-0000-4000-8000-000000000002";
let ids: string[] = [];
/** The student with unjustified absences. */
let absent: string;

const PLACE = { region: "La Libertad", province: "Trujillo", district: "Trujillo" };
const SECTION = { grade: 1, section: "A" };

/**
 * The n-th weekday before today in Lima. Weekdays, not calendar days: attendance is refused on a
 * weekend, so calendar offsets failed on whichever days of the week put one of them on a
 * Saturday or Sunday (Mondays for the rolled-back save).
 */
function daysAgo(n: number): string {
  const d = dayFromIso(todayInLima());
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

type JobRow = { id: string; state: string; data: Record<string, unknown>; retry_count: number; output: unknown };
const jobsIn = (name: QueueName) =>
  t.db.$queryRaw<JobRow[]>`
    SELECT id::text, state::text, data, retry_count, output FROM pgboss.job WHERE name = ${name} ORDER BY created_on`;
const waitingIn = async (name: QueueName) =>
  (await jobsIn(name)).filter((j) => j.state === "created" || j.state === "retry");

const openAlerts = (studentId: string) =>
  t.db.alert.findMany({ where: { studentId, status: "OPEN" }, select: { id: true, kind: true } });

/**
 * Makes the transaction that writes an audit entry with this action fail at COMMIT (a deferred
 * constraint trigger), after everything it did — the queued job included — so all of it rolls back.
 */
async function failCommitOf(action: string) {
  // As the owner: the app role may not put triggers on the audit log.
  await t.asOwner(
    `CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`,
  );
  await t.asOwner(
    `CREATE CONSTRAINT TRIGGER test_refuse_audit AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
     FOR EACH ROW WHEN (NEW.action = '${action}') EXECUTE FUNCTION test_refuse_audit()`,
  );
}
const allowCommits = () => t.asOwner(`DROP TRIGGER IF EXISTS test_refuse_audit ON audit_log`);

beforeAll(async () => {
  t = await createTestDatabase();
  school = await t.db.school.create({ data: { codigoModular: "9300001", name: "IE Colas", ...PLACE } });
  tutor = {
    id: "00000000-0000-4000-8000-000000000001",
    email: "tutor@test.pe",
    name: "Tutor",
    role: "TUTOR",
    locale: "es",
    schoolIds: [school.id],
    agencyId: null,
    agencyType: null,
  };
  // Real accounts: recordedById and the audit's actorId reference app_user.
  await t.db.user.createMany({
    data: [
      { id: tutor.id, email: tutor.email, name: tutor.name, role: "TUTOR", passwordHash: "x" },
      { id: ADMIN_ID, email: "admin@test.pe", name: "Admin", role: "ADMIN", passwordHash: "x" },
    ],
  });
  await t.db.student.createMany({
    data: Array.from({ length: 4 }, (_, i) => ({
      schoolId: school.id,
      documentType: "DNI" as const,
      documentNumber: String(73000000 + i),
      paternalSurname: `Apellido${i}`,
      givenNames: "Nombre",
      sex: "F" as const,
      ...SECTION,
    })),
  });
  ids = (await t.db.student.findMany({ where: { schoolId: school.id }, orderBy: { documentNumber: "asc" } })).map(
    (s) => s.id,
  );
  absent = ids[0];
  // Two school days already recorded, the first student unjustified on both.
  for (const day of [daysAgo(12), daysAgo(11)]) {
    await t.db.attendanceDay.create({ data: { schoolId: school.id, ...SECTION, date: dayFromIso(day) } });
    await t.db.attendance.createMany({
      data: ids.map((studentId) => ({
        studentId,
        schoolId: school.id,
        date: dayFromIso(day),
        status: studentId === absent ? ("UNJUSTIFIED" as const) : ("PRESENT" as const),
      })),
    });
  }
});
afterAll(async () => {
  await t.drop();
});

describe("[JOBS] alert recompute after an attendance save", () => {
  it("a recompute that throws leaves the save committed and its job waiting for a retry; run-jobs then drains it and the alert is raised, audited as the system", async () => {
    const day = daysAgo(10);
    const saved = await saveAttendance(tutor, {
      schoolId: school.id,
      ...SECTION,
      date: day,
      marks: [{ studentId: absent, status: "UNJUSTIFIED" }],
    });
    expect(saved).toMatchObject({ changed: 4, isEdit: false });

    // The save's transaction wrote the job, with the students whose row was written.
    const [queued] = await jobsIn(QUEUES.recomputeStudents);
    expect(queued).toMatchObject({ state: "created", data: { schoolId: school.id } });
    expect([...(queued.data.studentIds as string[])].sort()).toEqual([...ids].sort());

    // The recompute is down: the job fails, the save stays, the job waits for its retry.
    const down = await runJobsOnce({
      handlers: {
        [QUEUES.recomputeStudents]: async () => {
          throw new Error("recompute down");
        },
      },
    });
    expect(down.queues[QUEUES.recomputeStudents]).toEqual({ completed: 0, failed: 1 });
    const [failedOnce] = await jobsIn(QUEUES.recomputeStudents);
    expect(failedOnce).toMatchObject({ id: queued.id, state: "retry", output: { message: "recompute down" } });
    const row = await t.db.attendance.findUniqueOrThrow({
      where: { studentId_date: { studentId: absent, date: dayFromIso(day) } },
    });
    expect(row.status).toBe("UNJUSTIFIED");
    expect(await openAlerts(absent)).toEqual([]);

    // run-jobs with the real handlers brings the retry forward and drains the queue.
    const drained = await runJobsOnce();
    expect(drained.retriesBroughtForward).toBe(1);
    expect(drained.queues[QUEUES.recomputeStudents]).toEqual({ completed: 1, failed: 0 });
    const [done] = await jobsIn(QUEUES.recomputeStudents);
    expect(done).toMatchObject({ id: queued.id, state: "completed" });
    expect(await waitingIn(QUEUES.recomputeStudents)).toEqual([]);

    // Three unjustified absences in a row (and 3 of 20 days): the alerts are raised now.
    const alerts = await openAlerts(absent);
    expect(alerts.map((a) => a.kind).sort()).toEqual(["CONSECUTIVE_UNJUSTIFIED", "UNJUSTIFIED_RATE"]);
    expect(done.output).toMatchObject({ opened: 2, studentsEvaluated: 4 });

    // Written by nobody in particular: no actor, and the job as origin.
    const origin = `system | job:${QUEUES.recomputeStudents}`;
    const raised = await t.db.auditLog.findMany({ where: { action: "alert.raise", schoolId: school.id } });
    expect(raised.map((a) => a.entityId).sort()).toEqual(alerts.map((a) => a.id).sort());
    for (const entry of raised) {
      expect(entry).toMatchObject({ actorId: null, actorRole: null, entity: "Alert", origin });
      expect(entry.details).toMatchObject({ studentId: absent });
    }
    // The school had no rules: its first recompute wrote the defaults, audited the same way.
    const defaults = await t.db.auditLog.findMany({
      where: { action: "alertRule.createDefault", schoolId: school.id },
    });
    expect(defaults).toHaveLength(4);
    expect(defaults.every((a) => a.actorId === null && a.actorRole === null && a.origin === origin)).toBe(true);

    // Nothing left: a second run does nothing.
    const again = await runJobsOnce();
    expect(Object.values(again.queues).every((q) => q.completed === 0 && q.failed === 0)).toBe(true);
  });

  it("a save that rolls back leaves no job", async () => {
    const before = (await jobsIn(QUEUES.recomputeStudents)).length;
    const day = daysAgo(9);
    await failCommitOf("attendance.save");
    try {
      await expect(saveAttendance(tutor, { schoolId: school.id, ...SECTION, date: day, marks: [] })).rejects.toThrow(
        /commit refused/,
      );
    } finally {
      await allowCommits();
    }
    expect(await t.db.attendance.count({ where: { schoolId: school.id, date: dayFromIso(day) } })).toBe(0);
    expect(await jobsIn(QUEUES.recomputeStudents)).toHaveLength(before);
  });
});

describe("[JOBS] other places that queue a recompute", () => {
  const csv = (day: string) => ({
    fileName: "asistencia.csv",
    bytes: new TextEncoder().encode(
      [
        "Número de documento,Fecha,Estado",
        ...ids.map((_, i) => `${73000000 + i},${day.split("-").reverse().join("/")},P`),
      ].join("\n"),
    ),
  });

  it("an attendance import queues its students' recompute in its own transaction; a rolled-back import queues nothing", async () => {
    await runJobsOnce(); // start from an empty queue
    await importAttendanceForSchool(school, null, csv(daysAgo(8)), { via: "cli" });
    const [job] = await waitingIn(QUEUES.recomputeStudents);
    expect(job.data.schoolId).toBe(school.id);
    expect([...(job.data.studentIds as string[])].sort()).toEqual([...ids].sort());
    await runJobsOnce();

    await failCommitOf("attendance.import");
    try {
      await expect(importAttendanceForSchool(school, null, csv(daysAgo(7)), { via: "cli" })).rejects.toThrow(
        /commit refused/,
      );
    } finally {
      await allowCommits();
    }
    expect(await waitingIn(QUEUES.recomputeStudents)).toEqual([]);
  });

  it("a change of rule queues the school's full recompute", async () => {
    const admin: SessionUser = { ...tutor, id: ADMIN_ID, role: "ADMIN", schoolIds: [] };
    await updateAlertRule(admin, {
      schoolId: school.id,
      kind: "CONSECUTIVE_UNJUSTIFIED",
      threshold: "4",
      active: true,
    });
    const [job] = await waitingIn(QUEUES.recomputeSchool);
    expect(job.data).toEqual({ schoolId: school.id });
    const summary = await runJobsOnce();
    expect(summary.queues[QUEUES.recomputeSchool]).toEqual({ completed: 1, failed: 0 });
  });

  it("a list too long for one job becomes a recompute of the whole school; a pg transaction that rolls back queues nothing", async () => {
    await runJobsOnce();
    const many = Array.from({ length: MAX_LISTED_STUDENTS + 1 }, (_, i) => ids[i % ids.length]);
    // Duplicates do not count: four students.
    await t.db.$transaction((tx) => enqueueAlertRecompute(prismaJobDb(tx), { schoolId: school.id, studentIds: many }));
    expect(await waitingIn(QUEUES.recomputeSchool)).toEqual([]);
    expect(await waitingIn(QUEUES.recomputeStudents)).toHaveLength(1);

    const distinct = Array.from(
      { length: MAX_LISTED_STUDENTS + 1 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    await t.db.$transaction((tx) =>
      enqueueAlertRecompute(prismaJobDb(tx), { schoolId: school.id, studentIds: distinct }),
    );
    expect((await waitingIn(QUEUES.recomputeSchool)).map((j) => j.data)).toEqual([{ schoolId: school.id }]);

    await withPgClient(async (client) => {
      await expect(
        inTransaction(client, async () => {
          await enqueueAlertRecompute(pgJobDb(client), { schoolId: school.id, studentIds: [absent] });
          throw new Error("import failed after queueing");
        }),
      ).rejects.toThrow("import failed after queueing");
    });
    expect(await waitingIn(QUEUES.recomputeStudents)).toHaveLength(1);
    await runJobsOnce();
  });
});

describe("[JOBS] the worker", () => {
  it("registers the nightly recompute (02:00 Lima) and the referral deadlines check (every 15 minutes), and runs a saved attendance's job by itself", async () => {
    await t.db.$executeRaw`DELETE FROM pgboss.schedule`;
    const worker = await startWorker({ quiet: true });
    try {
      const schedules = await t.db.$queryRaw<{ name: string; cron: string; timezone: string }[]>`
        SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`;
      expect(schedules).toEqual([
        { name: QUEUES.recomputeNightly, cron: NIGHTLY_CRON, timezone: NIGHTLY_TZ },
        { name: QUEUES.referralDeadlines, cron: DEADLINES_CRON, timezone: NIGHTLY_TZ },
      ]);

      await saveAttendance(tutor, {
        schoolId: school.id,
        ...SECTION,
        date: daysAgo(6),
        marks: [{ studentId: ids[1], status: "LATE" }],
      });
      const [job] = await waitingIn(QUEUES.recomputeStudents);
      expect(job).toBeDefined();
      // The worker polls every 2 s.
      await expect
        .poll(async () => (await jobsIn(QUEUES.recomputeStudents)).find((j) => j.id === job.id)?.state, {
          timeout: 15_000,
          interval: 250,
        })
        .toBe("completed");
    } finally {
      await worker.stop();
    }
  });

  it("the nightly job recomputes every school", async () => {
    const boss = await startBoss("runner");
    try {
      await boss.send(QUEUES.recomputeNightly, {});
      // At most one nightly run waits at a time.
      expect(await boss.send(QUEUES.recomputeNightly, {})).toBeNull();
    } finally {
      await boss.stop({ graceful: false });
    }
    const summary = await runJobsOnce();
    expect(summary.queues[QUEUES.recomputeNightly]).toEqual({ completed: 1, failed: 0 });
    const [nightly] = await jobsIn(QUEUES.recomputeNightly);
    expect(nightly.output).toMatchObject({ schoolsProcessed: 1, studentsEvaluated: 4 });
  });
});
