import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSessionUser } from "../../lib/auth/session";
import type { SessionUser } from "../../lib/auth/types";
import { addCaseNote, changeCaseState } from "../../lib/cases/update-case";
import { todayInLima } from "../../lib/format/date";
import { getReports } from "../../lib/reports/load";
import { ANONYMISED, anonymiseExpiredCases } from "../../lib/retention/anonymise";
import { getRetentionOverview } from "../../lib/retention/overview";
import { retentionCutoff } from "../../lib/retention/period";
import { readRetentionYears, updateRetentionYears } from "../../lib/retention/settings";
import RetentionPage from "../../app/(app)/admin/retention/page";
import { AnonymiseForm } from "../../app/(app)/admin/retention/retention-forms";
import { DEMO_PASSWORD, userId, type UserKey } from "../../prisma/seed/people";
import { run as runAnonymiseCommand } from "../../scripts/cli/anonymise";
import { elementsOf, treeText } from "../access-probe/element-tree";
import { actAs } from "../access-probe/request-jar";
import { signIn } from "../access-probe/request-scope";
import { appError } from "../fixtures/referrals";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Retention (docs/decisions/022-retention.md) on the seeded demo: the administrator anonymises
// closed cases older than the configured period; recent and open cases keep everything, the
// reports' counts do not move, every anonymised case and student has its audit row, and no
// other role may do it.

// The page reads the session from the request (tests/access-probe/request-jar.ts).
vi.mock("next/headers", async () => (await import("../access-probe/request-jar")).nextHeaders);

const origin = { ip: "198.51.100.40", userAgent: "vitest (retention)", via: "web" as const };
const YEAR = 365.25 * 86_400_000;
const yearsAgo = (n: number) => new Date(Date.now() - n * YEAR);

let t: TestDatabase;
const users = {} as Record<UserKey, SessionUser>;
/** The demo cases this file works with (chosen by SQL in beforeAll). */
const c = {} as Record<"old" | "oldEnrolled" | "oldWithOpen" | "recent" | "open", { id: string; studentId: string }>;

type Row = { id: string; studentId: string };

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "test-secret-for-retention-0123456789abcdef";
  t = await createTestDatabase({ seeded: true });
  for (const key of ["admin", "director", "coordinator", "psychologist", "social"] as const) {
    users[key] = (await loadSessionUser(userId(key)))!;
  }
  // Closed cases of students with no other case, the richest first (evaluation, referral, visit).
  const closed = await t.db.$queryRaw<Row[]>`
    SELECT c.id::text AS id, c."studentId"::text AS "studentId" FROM case_file c
     WHERE c.state = 'CLOSED' AND (SELECT count(*) FROM case_file o WHERE o."studentId" = c."studentId") = 1
     ORDER BY (EXISTS (SELECT 1 FROM risk_evaluation e WHERE e."caseId" = c.id AND e.status = 'SIGNED'))::int
            + (EXISTS (SELECT 1 FROM referral r WHERE r."caseId" = c.id))::int
            + (EXISTS (SELECT 1 FROM home_visit v WHERE v."caseId" = c.id AND v.notes IS NOT NULL))::int DESC, c.id
     LIMIT 3`;
  const [open] = await t.db.$queryRaw<Row[]>`
    SELECT id::text AS id, "studentId"::text AS "studentId" FROM case_file WHERE state <> 'CLOSED' ORDER BY id LIMIT 1`;
  [c.old, c.oldEnrolled, c.recent] = closed;
  c.open = open;

  // Closed 6 and 7 years ago (past the default 5), 4 years ago (within it).
  await t.db.case.update({ where: { id: c.old.id }, data: { closedAt: yearsAgo(6) } });
  await t.db.case.update({ where: { id: c.oldEnrolled.id }, data: { closedAt: yearsAgo(7) } });
  await t.db.case.update({ where: { id: c.recent.id }, data: { closedAt: yearsAgo(4) } });
  await t.db.student.update({ where: { id: c.old.studentId }, data: { status: "WITHDRAWN" } });
  await t.db.student.update({ where: { id: c.oldEnrolled.studentId }, data: { status: "ACTIVE" } });
  // An earlier, old episode of a student whose current case is open: it goes, the student stays.
  const openCase = await t.db.case.findUniqueOrThrow({ where: { id: c.open.id }, select: { schoolId: true } });
  const earlier = await t.db.case.create({
    data: {
      schoolId: openCase.schoolId,
      studentId: c.open.studentId,
      state: "CLOSED",
      outcome: "REINTEGRATED",
      outcomeNote: "Volvió a clases tras hablar con la abuela",
      openedAt: yearsAgo(9),
      closedAt: yearsAgo(8),
    },
    select: { id: true, studentId: true },
  });
  c.oldWithOpen = earlier;
  await t.db.student.update({ where: { id: c.open.studentId }, data: { status: "TRANSFERRED" } });
  // Free text in every place the run must empty, on the oldest case.
  await t.db.case.update({ where: { id: c.old.id }, data: { outcomeNote: "La familia se mudó a Chiclayo" } });
  await t.db.caseEvent.create({
    data: {
      caseId: c.old.id,
      schoolId: (await t.db.case.findUniqueOrThrow({ where: { id: c.old.id } })).schoolId,
      type: "NOTE",
      body: "El padre trabaja de noche; la niña cuida a sus hermanos",
    },
  });
}, 120_000);
afterAll(() => t.drop());

/** Everything stored about a case and its student, to compare before and after. */
async function snapshot(caseId: string) {
  const row = await t.db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      student: { include: { addressHistory: true, alerts: true } },
      events: { orderBy: { id: "asc" } },
      homeVisits: { orderBy: { id: "asc" } },
      contactAttempts: { orderBy: { id: "asc" } },
      evaluations: { orderBy: { id: "asc" }, include: { answers: { orderBy: { itemId: "asc" } } } },
      referrals: { orderBy: { id: "asc" } },
      tasks: { orderBy: { id: "asc" } },
      alerts: { orderBy: { id: "asc" } },
    },
  });
  return JSON.parse(JSON.stringify(row)) as typeof row;
}

/** Every figure of /reports (computed afresh: the test config turns the figures cache off). */
const reportsOf = async (user: SessionUser) => {
  const { scope: _scope, computedAt: _at, ...figures } = await getReports(user, {});
  return JSON.parse(JSON.stringify(figures)) as unknown;
};

describe("[RETENTION] the period is an ADMIN setting", () => {
  it("defaults to 5 years; ADMIN changes it, audited; the cut-off follows", async () => {
    expect(await readRetentionYears()).toBe(5);
    const overview = await getRetentionOverview(users.admin);
    expect(overview).toMatchObject({
      years: 5,
      cutoff: retentionCutoff(5, todayInLima()),
      dueCases: 3,
      dueStudents: 1,
    });

    expect(await updateRetentionYears(users.admin, { years: "3" }, origin)).toEqual({ years: 3, changed: true });
    // The case closed 4 years ago is now past the period too.
    expect((await getRetentionOverview(users.admin)).dueCases).toBe(4);
    await updateRetentionYears(users.admin, { years: 5 }, origin);
    const audit = await t.db.auditLog.findMany({
      where: { action: "retention.settings.update" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.details)).toEqual([
      { before: 5, after: 3 },
      { before: 3, after: 5 },
    ]);
    await expect(updateRetentionYears(users.admin, { years: 0 }, origin)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      key: "retention.yearsRange",
    });
  });
});

describe("[RETENTION] only ADMIN may see the counts, change the period or anonymise", () => {
  it("every other role gets NOT_FOUND and nothing changes", async () => {
    const before = await snapshot(c.old.id);
    const cutoff = retentionCutoff(5, todayInLima());
    for (const key of ["director", "coordinator", "psychologist", "social"] as const) {
      expect((await appError(getRetentionOverview(users[key]))).code).toBe("NOT_FOUND");
      expect((await appError(updateRetentionYears(users[key], { years: 1 }, origin))).code).toBe("NOT_FOUND");
      expect((await appError(anonymiseExpiredCases(users[key], { cutoff, expected: 3 }, origin))).code).toBe(
        "NOT_FOUND",
      );
    }
    expect(await readRetentionYears()).toBe(5);
    expect(await snapshot(c.old.id)).toEqual(before);
    expect(await t.db.auditLog.count({ where: { action: "retention.anonymise" } })).toBe(0);
  });
});

describe("[RETENTION] anonymising the cases past the period", () => {
  it("the page's confirmation step shows how many cases will go, and sends that count with the cut-off", async () => {
    actAs(await signIn("admin@demo.pe", DEMO_PASSWORD));
    const cutoff = retentionCutoff(5, todayInLima());
    const first = await RetentionPage({ searchParams: Promise.resolve({}) });
    expect(treeText(first)).toContain(`Hay 3 casos cerrados antes del ${cutoff.split("-").reverse().join("/")}.`);
    expect(elementsOf(first, AnonymiseForm)).toEqual([]);
    const review = await RetentionPage({ searchParams: Promise.resolve({ review: "1" }) });
    expect(treeText(review)).toContain("Se anonimizarán 3 casos cerrados antes del");
    expect(elementsOf(review, AnonymiseForm).map((e) => e.props)).toEqual([{ cutoff, expected: 3 }]);
  });

  it("refuses a confirmation whose count no longer matches, or a cut-off newer than the period", async () => {
    const cutoff = retentionCutoff(5, todayInLima());
    const stale = await appError(anonymiseExpiredCases(users.admin, { cutoff, expected: 2 }, origin));
    expect(stale).toMatchObject({ code: "CONFLICT", key: "retention.countChanged" });
    const tooRecent = retentionCutoff(2, todayInLima());
    expect((await appError(anonymiseExpiredCases(users.admin, { cutoff: tooRecent, expected: 4 }, origin))).key).toBe(
      "retention.cutoffTooRecent",
    );
    expect(await t.db.case.count({ where: { anonymisedAt: { not: null } } })).toBe(0);
  });

  it("removes names, contacts and free text of the old cases, keeps recent and open ones, and the report counts", async () => {
    const recentBefore = await snapshot(c.recent.id);
    const openBefore = await snapshot(c.open.id);
    const reportsBefore = [await reportsOf(users.psychologist), await reportsOf(users.coordinator)];
    const oldBefore = await snapshot(c.old.id);
    // The demo case chosen has something of every kind to empty.
    expect(oldBefore.evaluations.some((e) => e.status === "SIGNED")).toBe(true);
    expect(oldBefore.referrals.length).toBeGreaterThan(0);
    expect(oldBefore.homeVisits.some((v) => v.notes)).toBe(true);

    const cutoff = retentionCutoff(5, todayInLima());
    expect(await anonymiseExpiredCases(users.admin, { cutoff, expected: 3 }, origin)).toEqual({
      cases: 3,
      students: 1,
      cutoff,
    });

    // The case closed 6 years ago, of a student who left the school: everything personal goes.
    const old = await snapshot(c.old.id);
    expect(old.anonymisedAt).not.toBeNull();
    expect(old.outcomeNote).toBeNull();
    expect(old.outcome).toBe(oldBefore.outcome);
    expect(old.closedAt).toBe(oldBefore.closedAt);
    expect(old.student).toMatchObject({
      paternalSurname: ANONYMISED,
      maternalSurname: "",
      givenNames: ANONYMISED,
      documentType: "NONE",
      documentNumber: null,
      birthDate: null,
      addressStreet: null,
      phone: null,
      guardianName: null,
      guardianPhone: null,
      // What the reports count stays.
      schoolId: oldBefore.student.schoolId,
      grade: oldBefore.student.grade,
      sex: oldBefore.student.sex,
      status: "WITHDRAWN",
    });
    expect(old.student.anonymisedAt).not.toBeNull();
    expect(old.events.every((e) => e.body === null)).toBe(true);
    expect(old.events.map((e) => e.type)).toEqual(oldBefore.events.map((e) => e.type));
    expect(old.homeVisits.every((v) => v.notes === null && v.purpose === null && v.metWith === null)).toBe(true);
    expect(old.homeVisits.map((v) => [v.status, v.outcome, v.visitedAt])).toEqual(
      oldBefore.homeVisits.map((v) => [v.status, v.outcome, v.visitedAt]),
    );
    expect(old.contactAttempts.every((a) => a.notes === null)).toBe(true);
    for (const e of old.evaluations) {
      expect(e.rationale).toBe(e.status === "SIGNED" ? ANONYMISED : null);
      expect([e.protectiveNotes, e.notes]).toEqual([null, null]);
    }
    expect(old.evaluations.map((e) => [e.overallLevel, e.signedAt, e.answers])).toEqual(
      oldBefore.evaluations.map((e) => [e.overallLevel, e.signedAt, e.answers]),
    );
    for (const r of old.referrals) {
      expect(r.reason).toBe(ANONYMISED);
      expect(r.legalBasisNote).toBeNull();
      if (r.counterReferral !== null) expect(r.counterReferral).toBe(ANONYMISED);
    }
    expect(old.referrals.map((r) => [r.status, r.sentAt, r.respondedAt, r.agencyId])).toEqual(
      oldBefore.referrals.map((r) => [r.status, r.sentAt, r.respondedAt, r.agencyId]),
    );
    expect(old.student.addressHistory.every((h) => h.previousStreet === null && h.newStreet === ANONYMISED)).toBe(true);
    const text = JSON.stringify(old);
    for (const secret of [
      oldBefore.student.givenNames,
      oldBefore.student.documentNumber,
      "Chiclayo",
      "trabaja de noche",
      ...oldBefore.homeVisits.map((v) => v.notes).filter((n): n is string => Boolean(n)),
      ...oldBefore.referrals.map((r) => r.reason),
    ]) {
      expect(text).not.toContain(secret);
    }

    // Closed 7 years ago but still enrolled: the case is anonymised, the student keeps their record.
    const enrolled = await snapshot(c.oldEnrolled.id);
    expect(enrolled.anonymisedAt).not.toBeNull();
    expect(enrolled.student.anonymisedAt).toBeNull();
    expect(enrolled.student.documentNumber).not.toBeNull();
    // An old episode of a student with an open case: the episode goes, the student and the open case stay.
    const earlier = await snapshot(c.oldWithOpen.id);
    expect(earlier.anonymisedAt).not.toBeNull();
    expect(earlier.outcomeNote).toBeNull();
    expect(earlier.student.anonymisedAt).toBeNull();
    expect(earlier.student.givenNames).not.toBe(ANONYMISED);

    // Within the period, and open: untouched.
    expect(await snapshot(c.recent.id)).toEqual(recentBefore);
    expect(await snapshot(c.open.id)).toEqual(openBefore);

    // The reports count exactly what they counted (funnel, grade × sex, prevalence, reach, referral times).
    expect([await reportsOf(users.psychologist), await reportsOf(users.coordinator)]).toEqual(reportsBefore);

    // One audit row per case and per student, by the administrator, without any text about the child.
    const audit = await t.db.auditLog.findMany({ where: { action: "retention.anonymise" }, orderBy: { id: "asc" } });
    expect(
      audit
        .filter((a) => a.entity === "Case")
        .map((a) => a.entityId)
        .sort(),
    ).toEqual([c.old.id, c.oldEnrolled.id, c.oldWithOpen.id].sort());
    expect(audit.filter((a) => a.entity === "Student").map((a) => a.entityId)).toEqual([c.old.studentId]);
    expect(audit.every((a) => a.actorId === users.admin.id && a.actorRole === "ADMIN")).toBe(true);
    expect(audit.find((a) => a.entityId === c.old.id)?.details).toMatchObject({ cutoff, studentAnonymised: true });
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(oldBefore.student.givenNames);

    // Nothing is left to do, and a second run changes nothing.
    expect((await getRetentionOverview(users.admin)).dueCases).toBe(0);
    expect(await appError(anonymiseExpiredCases(users.admin, { cutoff, expected: 1 }, origin))).toMatchObject({
      code: "CONFLICT",
    });
  });

  it("an anonymised case takes no more notes and cannot be reopened; its signed evaluations stay final", async () => {
    const old = await t.db.case.findUniqueOrThrow({ where: { id: c.old.id }, select: { version: true } });
    // One call at a time: both started at once, the second could reject before it is awaited
    // (an unhandled rejection for the test runner).
    for (const call of [
      () => addCaseNote(users.psychologist, { caseId: c.old.id, version: old.version, body: "Nueva nota" }, origin),
      () =>
        changeCaseState(
          users.psychologist,
          { caseId: c.old.id, version: old.version, to: "OPEN", reason: "Volvió a faltar" },
          origin,
        ),
    ]) {
      expect(await appError(call())).toMatchObject({ code: "INVALID_TRANSITION", key: "case.anonymised" });
    }
    const signed = await t.db.riskEvaluation.findFirst({ where: { caseId: c.old.id, status: "SIGNED" } });
    if (signed) {
      await expect(
        t.db.riskEvaluation.update({ where: { id: signed.id }, data: { overallLevel: "LOW" } }),
      ).rejects.toThrow(/risk_evaluation_signed_is_final|cannot change/);
    }
  });
});

describe("[RETENTION] the operator command", () => {
  it("`npm run cli -- anonymise` counts; with --confirm <n> it anonymises exactly n cases, audited as the command", async () => {
    await t.db.case.update({ where: { id: c.recent.id }, data: { closedAt: yearsAgo(6) } });
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await runAnonymiseCommand([])).toBe(0);
      expect(JSON.parse(printed.pop()!)).toMatchObject({ years: 5, dueCases: 1 });
      expect(await runAnonymiseCommand(["--confirm", "2"])).toBe(1);
      expect(await t.db.case.count({ where: { id: c.recent.id, anonymisedAt: { not: null } } })).toBe(0);
      expect(await runAnonymiseCommand(["--confirm", "1"])).toBe(0);
      expect(JSON.parse(printed.pop()!)).toMatchObject({ cases: 1 });
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: "retention.anonymise", entityId: c.recent.id },
    });
    expect(audit).toMatchObject({ actorId: null, actorRole: null, origin: "system | cli:anonymise" });
  });
});
