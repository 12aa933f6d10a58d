import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES } from "../../lib/jobs/queues";
import { runJobsOnce } from "../../lib/jobs/run-once";
import { runReferralDeadlineCheck } from "../../lib/referrals/escalate-deadlines";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

// The `referrals.deadlines` job: referrals still SENT past their deadline are marked overdue
// once and escalated to the case team and the school's coordinators; the agency is reminded
// the day before; answered referrals are left alone; and a second run notifies nobody again.

let t: TestDatabase;
let s: Scenario;
const H = 3_600_000;

beforeAll(async () => {
  ({ t, s } = await openScenario());
});
afterAll(async () => {
  await t.drop();
});

const notificationsOf = (referralId: string) =>
  t.db.notification.findMany({
    where: { referralId },
    select: { userId: true, kind: true, dedupeKey: true },
    orderBy: [{ kind: "asc" }, { userId: "asc" }],
  });

/** A referral from case a2 (no referral yet in the scenario) to DEMUNA. */
async function referA2(urgency: "URGENT" | "PRIORITY" | "ROUTINE", sentAt: Date, dueAt: Date) {
  const c = s.cases.a2;
  return t.db.referral.create({
    data: {
      caseId: c.id,
      schoolId: c.schoolId,
      studentId: c.studentId,
      agencyId: s.agencies.demuna.id,
      reason: "Derivación de prueba",
      urgency,
      legalBasis: "CHILD_PROTECTION_DUTY",
      legalNorm: "Ley 30364",
      sharedSections: ["IDENTIFICATION"],
      sentAt,
      dueAt,
      createdById: s.users.psychologist.id,
    },
    select: { id: true },
  });
}

describe("[DEADLINES] the referrals.deadlines job", () => {
  let urgentSoon: string;
  let urgentFresh: string;
  let now: Date;

  beforeAll(async () => {
    now = new Date();
    const at = (hours: number) => new Date(now.getTime() + hours * H);
    // Overdue: priority referral sent 80 h ago (72 h window).
    await t.db.referral.update({
      where: { id: s.referrals.demunaA.id },
      data: { sentAt: at(-80), dueAt: at(-8) },
    });
    // Due soon: routine referral with 18 h left.
    await t.db.referral.update({
      where: { id: s.referrals.bapesA.id },
      data: { urgency: "ROUTINE", sentAt: at(-150), dueAt: at(18) },
    });
    // Answered late: accepted, its deadline long gone — nobody hears about it.
    await t.db.referral.update({
      where: { id: s.referrals.cemB.id },
      data: { status: "ACCEPTED", respondedAt: at(-1), respondedById: s.users.cem.id, dueAt: at(-30) },
    });
    // Urgent (24 h window): reminded once half the window is gone, not at once.
    urgentSoon = (await referA2("URGENT", at(-13), at(11))).id;
    urgentFresh = (await referA2("URGENT", at(-2), at(22))).id;
  });

  it("marks the overdue referral and notifies the case team and the coordinator; reminds the agency of those due within a day", async () => {
    const before = new Date();
    const summary = await runJobsOnce({ periodic: true });
    expect(summary.queues[QUEUES.referralDeadlines]).toEqual({ completed: 1, failed: 0 });
    const [job] = await t.db.$queryRaw<{ output: unknown }[]>`
      SELECT output FROM pgboss.job WHERE name = ${QUEUES.referralDeadlines} AND state = 'completed'`;
    expect(job.output).toEqual({ overdue: 1, dueSoon: 2, notified: 5 });

    const overdue = await t.db.referral.findUniqueOrThrow({ where: { id: s.referrals.demunaA.id } });
    expect(overdue.overdueAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(overdue.overdueAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const key = `referral:${s.referrals.demunaA.id}:REFERRAL_OVERDUE`;
    expect(await notificationsOf(s.referrals.demunaA.id)).toEqual(
      [s.users.coordinator.id, s.users.psychologist.id, s.users.socialWorker.id]
        .sort()
        .map((userId) => ({ userId, kind: "REFERRAL_OVERDUE", dedupeKey: key })),
    );

    expect(await notificationsOf(s.referrals.bapesA.id)).toEqual([
      {
        userId: s.users.bapes.id,
        kind: "REFERRAL_DUE_SOON",
        dedupeKey: `referral:${s.referrals.bapesA.id}:REFERRAL_DUE_SOON`,
      },
    ]);
    expect((await notificationsOf(urgentSoon)).map((n) => [n.userId, n.kind])).toEqual([
      [s.users.demuna.id, "REFERRAL_DUE_SOON"],
    ]);
    expect(await notificationsOf(urgentFresh)).toEqual([]);

    // Audited as the system, with the job as origin.
    const audit = await t.db.auditLog.findMany({
      where: { action: { in: ["referral.overdue", "referral.dueSoon"] } },
      select: { action: true, actorId: true, actorRole: true, entityId: true, schoolId: true, origin: true },
      orderBy: { id: "asc" },
    });
    const origin = `system | job:${QUEUES.referralDeadlines}`;
    expect(audit).toEqual([
      {
        action: "referral.overdue",
        actorId: null,
        actorRole: null,
        entityId: s.referrals.demunaA.id,
        schoolId: s.schools.a.id,
        origin,
      },
      ...[s.referrals.bapesA.id, urgentSoon].sort().map((entityId) => ({
        action: "referral.dueSoon",
        actorId: null,
        actorRole: null,
        entityId,
        schoolId: s.schools.a.id,
        origin,
      })),
    ]);
  });

  it("is idempotent: running it twice notifies once and keeps the first overdueAt", async () => {
    const [countBefore, auditBefore, marked] = await Promise.all([
      t.db.notification.count(),
      t.db.auditLog.count(),
      t.db.referral.findUniqueOrThrow({ where: { id: s.referrals.demunaA.id }, select: { overdueAt: true } }),
    ]);
    const summary = await runJobsOnce({ periodic: true });
    expect(summary.queues[QUEUES.referralDeadlines]).toEqual({ completed: 1, failed: 0 });
    expect(await runReferralDeadlineCheck(t.db)).toEqual({ overdue: 0, dueSoon: 0, notified: 0 });
    expect(await t.db.notification.count()).toBe(countBefore);
    expect(await t.db.auditLog.count()).toBe(auditBefore);
    expect(
      await t.db.referral.findUniqueOrThrow({ where: { id: s.referrals.demunaA.id }, select: { overdueAt: true } }),
    ).toEqual(marked);
  });

  it("never notifies about a referral already answered, however late", async () => {
    expect(await notificationsOf(s.referrals.cemB.id)).toEqual([]);
    const cem = await t.db.referral.findUniqueOrThrow({ where: { id: s.referrals.cemB.id } });
    expect(cem.overdueAt).toBeNull();
  });

  it("reminds the day before, not earlier; an urgent one when half its window is gone; escalates only after the deadline", async () => {
    const sent = new Date("2020-03-04T15:00:00Z");
    const priority = (await referA2("PRIORITY", sent, new Date(sent.getTime() + 72 * H))).id;
    const urgent = (await referA2("URGENT", sent, new Date(sent.getTime() + 24 * H))).id;
    const check = (hoursAfterSent: number) =>
      runReferralDeadlineCheck(t.db, { now: new Date(sent.getTime() + hoursAfterSent * H) });
    const kinds = async (id: string) => (await notificationsOf(id)).map((n) => n.kind);

    // Years before the others' deadlines: only these two can move.
    expect(await check(11)).toMatchObject({ overdue: 0, dueSoon: 0 });
    expect(await check(12)).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(await kinds(urgent)).toEqual(["REFERRAL_DUE_SOON"]);
    expect(await kinds(priority)).toEqual([]);

    // At the deadline itself it is not yet overdue (dueAt < now); a minute later it is.
    expect(await check(24)).toMatchObject({ overdue: 0 });
    expect(await check(24.02)).toMatchObject({ overdue: 1 });
    const marked = await t.db.referral.findUniqueOrThrow({ where: { id: urgent }, select: { overdueAt: true } });
    expect(marked.overdueAt).toEqual(new Date(sent.getTime() + 24.02 * H));
    expect(await kinds(urgent)).toEqual(["REFERRAL_DUE_SOON", "REFERRAL_OVERDUE", "REFERRAL_OVERDUE"]);

    expect(await check(47)).toMatchObject({ dueSoon: 0 });
    expect(await check(48)).toMatchObject({ dueSoon: 1 });
    expect(await kinds(priority)).toEqual(["REFERRAL_DUE_SOON"]);
  });
});
