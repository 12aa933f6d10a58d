import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { openCaseFromAlert } from "../../lib/cases/open-case";
import { assignableMembers } from "../../lib/cases/queries";
import { findCases } from "../../lib/cases/list";
import { ZCaseListFilters } from "../../lib/cases/schema";
import { buildCaseTimeline } from "../../lib/cases/timeline";
import { addCaseNote, assignCaseMember, changeCaseState, unassignCaseMember } from "../../lib/cases/update-case";
import { AppError } from "../../lib/errors/app-error";
import type { AlertKind } from "../../lib/generated/prisma/enums";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let s: Scenario;
const origin = { ip: "127.0.0.1", userAgent: "vitest", via: "web" as const };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());

let dni = 71000000;
async function newStudent(schoolId: string, grade = 3, sex: "F" | "M" = "F") {
  return t.db.student.create({
    data: {
      schoolId,
      documentType: "DNI",
      documentNumber: String(++dni),
      paternalSurname: "Caso",
      givenNames: `Estudiante ${dni}`,
      sex,
      grade,
      section: "B",
    },
    select: { id: true, schoolId: true },
  });
}
async function newAlert(student: { id: string; schoolId: string }, kind: AlertKind = "CONSECUTIVE_UNJUSTIFIED") {
  return t.db.alert.create({
    data: {
      schoolId: student.schoolId,
      studentId: student.id,
      kind,
      openKey: `${student.id}:${kind}`,
      figures: { consecutive: 3 },
      firstDate: day("2026-09-07"),
      lastDate: day("2026-09-09"),
    },
    select: { id: true },
  });
}
async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}
const snapshot = async (caseId: string) => ({
  row: await t.db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { state: true, version: true, openKey: true, outcome: true },
  }),
  events: await t.db.caseEvent.count({ where: { caseId } }),
  team: await t.db.caseAssignment.count({ where: { caseId } }),
});
const filters = (input: Record<string, unknown> = {}) => ZCaseListFilters.parse(input);

describe("[CASES] opening a case from an alert", () => {
  it("a director opens a case: OPEN, one episode per student, alert resolved, timeline and audit written", async () => {
    const student = await newStudent(s.schools.a.id);
    const alert = await newAlert(student);
    const { caseId, created } = await openCaseFromAlert(s.users.directorA, { alertId: alert.id }, origin);
    expect(created).toBe(true);

    const c = await t.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({
      state: "OPEN",
      openKey: student.id,
      schoolId: s.schools.a.id,
      version: 1,
      openedById: s.users.directorA.id,
    });
    const a = await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(a).toMatchObject({ status: "CASE_OPENED", caseId, openKey: null, resolvedById: s.users.directorA.id });
    const events = await t.db.caseEvent.findMany({ where: { caseId }, select: { type: true } });
    expect(events.map((e) => e.type).sort()).toEqual(["ALERT", "STATE_CHANGE"]);
    const audit = await t.db.auditLog.findMany({ where: { entity: "Case", entityId: caseId } });
    expect(audit.map((e) => e.action)).toEqual(["case.open"]);
    expect(audit[0].origin).toContain("127.0.0.1");

    // A second alert for the same student joins the open episode; repeating the click is harmless.
    const second = await newAlert(student, "UNJUSTIFIED_RATE");
    expect(await openCaseFromAlert(s.users.socialWorker, { alertId: second.id }, origin)).toEqual({
      caseId,
      created: false,
    });
    expect(await openCaseFromAlert(s.users.directorA, { alertId: alert.id }, origin)).toEqual({
      caseId,
      created: false,
    });
    expect(await t.db.case.count({ where: { studentId: student.id } })).toBe(1);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(2);
  });

  it("two simultaneous openings for one student end in a single case", async () => {
    const student = await newStudent(s.schools.a.id);
    const [x, y] = [await newAlert(student), await newAlert(student, "CHRONIC_TIER2")];
    const results = await Promise.all([
      openCaseFromAlert(s.users.directorA, { alertId: x.id }, origin),
      openCaseFromAlert(s.users.psychologist, { alertId: y.id }, origin),
    ]);
    expect(results[0].caseId).toBe(results[1].caseId);
    expect(await t.db.case.count({ where: { studentId: student.id } })).toBe(1);
  });

  it("refuses alerts out of scope, roles without the permission, and dismissed alerts", async () => {
    const studentB = await newStudent(s.schools.b.id);
    const alertB = await newAlert(studentB);
    await expectAppError(openCaseFromAlert(s.users.directorA, { alertId: alertB.id }, origin), "NOT_FOUND");
    await expectAppError(openCaseFromAlert(s.users.tutor, { alertId: alertB.id }, origin), "NOT_FOUND");
    await expectAppError(openCaseFromAlert(s.users.demuna, { alertId: alertB.id }, origin), "NOT_FOUND");
    await expectAppError(openCaseFromAlert(s.users.directorB, { alertId: "not-a-uuid" }, origin), "NOT_FOUND");
    expect(await t.db.case.count({ where: { studentId: studentB.id } })).toBe(0);
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: alertB.id } })).status).toBe("OPEN");

    await t.db.alert.update({
      where: { id: alertB.id },
      data: { status: "DISMISSED", openKey: null, dismissReason: "Error de registro" },
    });
    await expectAppError(
      openCaseFromAlert(s.users.directorB, { alertId: alertB.id }, origin),
      "CONFLICT",
      /descartada/,
    );
  });
});

describe("[CASES] scope: a director sees only their school's cases", () => {
  it("the director of school a cannot list, read or modify a case of school b; nothing changes", async () => {
    const caseB = s.cases.b.id;
    const before = await snapshot(caseB);
    const auditBefore = await t.db.auditLog.count({ where: { entityId: caseB, action: { not: "case.read_denied" } } });

    const listed = await findCases(s.users.directorA, filters({}));
    expect(listed.rows.map((r) => r.id)).not.toContain(caseB);
    expect(listed.rows.length).toBeGreaterThan(0);
    expect((await findCases(s.users.directorB, filters({}))).rows.map((r) => r.id)).toContain(caseB);

    const v = before.row.version;
    await expectAppError(getCaseFileOrThrow(s.users.directorA, caseB, origin), "NOT_FOUND");
    await expectAppError(
      changeCaseState(s.users.directorA, { caseId: caseB, version: v, to: "INTERVENTION" }, origin),
      "NOT_FOUND",
    );
    await expectAppError(
      addCaseNote(s.users.directorA, { caseId: caseB, version: v, body: "Intruso" }, origin),
      "NOT_FOUND",
    );
    await expectAppError(
      assignCaseMember(s.users.directorA, { caseId: caseB, version: v, userId: s.users.socialWorker.id }, origin),
      "NOT_FOUND",
    );
    await expectAppError(
      unassignCaseMember(s.users.directorA, { caseId: caseB, version: v, userId: s.users.socialWorker.id }, origin),
      "NOT_FOUND",
    );
    // Nor who works there: the staff of a school comes only with one of its cases.
    await expectAppError(getCaseFileOrThrow(s.users.directorA, caseB, origin), "NOT_FOUND");
    // A stale version does not turn "not yours" into "conflict": existence is never revealed.
    await expectAppError(
      addCaseNote(s.users.directorA, { caseId: caseB, version: v + 7, body: "Intruso" }, origin),
      "NOT_FOUND",
    );

    expect(await snapshot(caseB)).toEqual(before);
    expect(await t.db.auditLog.count({ where: { entityId: caseB, action: { not: "case.read_denied" } } })).toBe(
      auditBefore,
    );
  });

  it("agency staff and tutors cannot change a case either", async () => {
    const before = await snapshot(s.cases.a.id);
    const v = before.row.version;
    await expectAppError(
      addCaseNote(s.users.demuna, { caseId: s.cases.a.id, version: v, body: "x" }, origin),
      "NOT_FOUND",
    );
    await expectAppError(
      changeCaseState(s.users.tutor, { caseId: s.cases.a.id, version: v, to: "INTERVENTION" }, origin),
      "NOT_FOUND",
    );
    await expectAppError(findCases(s.users.admin, filters()), "NOT_FOUND");
    expect(await snapshot(s.cases.a.id)).toEqual(before);
  });
});

describe("[CASES] assignment", () => {
  it("assigns active case-team members of the case's school only, and the case shows in their list", async () => {
    const student = await newStudent(s.schools.a.id);
    const { caseId } = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);

    const assignable = assignableMembers(await getCaseFileOrThrow(s.users.directorA, caseId, origin));
    expect(assignable.map((m) => m.id).sort()).toEqual(
      [s.users.educator.id, s.users.psychologist.id, s.users.socialWorker.id].sort(),
    );

    const r = await assignCaseMember(
      s.users.directorA,
      { caseId, version: 1, userId: s.users.socialWorker.id },
      origin,
    );
    expect(r).toEqual({ caseId, version: 2 });
    const file = await getCaseFileOrThrow(s.users.directorA, caseId, origin);
    expect(assignableMembers(file).map((m) => m.id)).not.toContain(s.users.socialWorker.id);
    // The names the page may print are the case's school's staff, never another school's.
    expect(file.staff!.map((m) => m.id)).toContain(s.users.tutor.id);
    expect(file.staff!.map((m) => m.id)).not.toContain(s.users.directorB.id);
    const mine = await findCases(s.users.socialWorker, filters({ assignee: "me" }));
    expect(mine.rows.map((row) => row.id)).toContain(caseId);
    expect(
      (await findCases(s.users.psychologist, filters({ assignee: "me" }))).rows.map((row) => row.id),
    ).not.toContain(caseId);
    const event = await t.db.caseEvent.findFirstOrThrow({ where: { caseId, type: "ASSIGNMENT" } });
    expect(event.data).toMatchObject({ action: "ASSIGN", userId: s.users.socialWorker.id });
    expect(await t.db.auditLog.count({ where: { entityId: caseId, action: "case.assign" } })).toBe(1);

    const before = await snapshot(caseId);
    const refuse = async (userId: string, code: AppError["code"]) => {
      const e = await expectAppError(assignCaseMember(s.users.directorA, { caseId, version: 2, userId }, origin), code);
      expect(e.issues[0]?.field).toBe("userId");
    };
    await refuse(s.users.inactive.id, "INVALID_INPUT"); // deactivated psychologist of school a
    await refuse(s.users.tutor.id, "INVALID_INPUT"); // not case team
    await refuse(s.users.directorA.id, "INVALID_INPUT");
    await refuse(s.users.socialWorker.id, "ALREADY_EXISTS");
    expect(await snapshot(caseId)).toEqual(before);

    // The educator serves school a only: not assignable to a case of school b.
    await expectAppError(
      assignCaseMember(
        s.users.directorB,
        { caseId: s.cases.b.id, version: (await snapshot(s.cases.b.id)).row.version, userId: s.users.educator.id },
        origin,
      ),
      "INVALID_INPUT",
      /equipo de casos/,
    );

    await unassignCaseMember(s.users.directorA, { caseId, version: 2, userId: s.users.socialWorker.id }, origin);
    expect(await t.db.caseAssignment.count({ where: { caseId } })).toBe(0);
    expect(
      (await findCases(s.users.socialWorker, filters({ assignee: "me" }))).rows.map((row) => row.id),
    ).not.toContain(caseId);
    await expectAppError(
      unassignCaseMember(s.users.directorA, { caseId, version: 3, userId: s.users.socialWorker.id }, origin),
      "INVALID_INPUT",
    );
  });
});

describe("[CASES] state changes", () => {
  it("refuses an invalid transition in Spanish and leaves the case untouched", async () => {
    const student = await newStudent(s.schools.a.id);
    const { caseId } = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    const before = await snapshot(caseId);
    await expectAppError(
      changeCaseState(s.users.directorA, { caseId, version: 1, to: "MONITORING" }, origin),
      "INVALID_TRANSITION",
      "No se puede pasar de «Abierto» a «Seguimiento». Pasos permitidos: «En contacto».",
    );
    await expectAppError(
      changeCaseState(s.users.directorA, { caseId, version: 1, to: "LIMBO" }, origin),
      "INVALID_INPUT",
    );
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("walks the protocol, closes with an outcome, reopens with a reason; each step is on the timeline and audited", async () => {
    const student = await newStudent(s.schools.a.id);
    const { caseId } = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    let version = 1;
    for (const to of ["CONTACTING", "EVALUATION", "INTERVENTION", "MONITORING"] as const) {
      ({ version } = await changeCaseState(s.users.socialWorker, { caseId, version, to }, origin));
    }
    expect(version).toBe(5);
    await expectAppError(
      changeCaseState(s.users.socialWorker, { caseId, version, to: "CLOSED" }, origin),
      "INVALID_TRANSITION",
      /resultado/,
    );
    ({ version } = await changeCaseState(
      s.users.socialWorker,
      { caseId, version, to: "CLOSED", outcome: "REINTEGRATED", outcomeNote: "Asiste con regularidad" },
      origin,
    ));
    let row = await t.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({
      state: "CLOSED",
      outcome: "REINTEGRATED",
      outcomeNote: "Asiste con regularidad",
      openKey: null,
      version: 6,
    });
    expect(row.closedAt).toBeInstanceOf(Date);

    await expectAppError(
      changeCaseState(s.users.directorA, { caseId, version, to: "OPEN" }, origin),
      "INVALID_TRANSITION",
      /motivo/,
    );
    ({ version } = await changeCaseState(
      s.users.directorA,
      { caseId, version, to: "OPEN", reason: "Volvió a faltar" },
      origin,
    ));
    row = await t.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ state: "OPEN", outcome: null, closedAt: null, openKey: student.id, version: 7 });

    const changes = await t.db.caseEvent.findMany({
      where: { caseId, type: "STATE_CHANGE" },
      orderBy: { occurredAt: "asc" },
    });
    expect(changes.map((e) => (e.data as { to: string }).to)).toEqual([
      "OPEN",
      "CONTACTING",
      "EVALUATION",
      "INTERVENTION",
      "MONITORING",
      "CLOSED",
      "OPEN",
    ]);
    expect(changes.at(-1)?.body).toBe("Volvió a faltar");
    expect(await t.db.auditLog.count({ where: { entityId: caseId, action: "case.state.change" } })).toBe(6);
  });

  it("a closed episode cannot be reopened while the student has another open case", async () => {
    const student = await newStudent(s.schools.a.id);
    const first = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    let version = (
      await changeCaseState(s.users.directorA, { caseId: first.caseId, version: 1, to: "CONTACTING" }, origin)
    ).version;
    version = (
      await changeCaseState(
        s.users.directorA,
        { caseId: first.caseId, version, to: "CLOSED", outcome: "OTHER" },
        origin,
      )
    ).version;
    const second = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    expect(second.created).toBe(true);
    expect(second.caseId).not.toBe(first.caseId);

    const before = await snapshot(first.caseId);
    await expectAppError(
      changeCaseState(s.users.directorA, { caseId: first.caseId, version, to: "OPEN", reason: "Reincidencia" }, origin),
      "ALREADY_EXISTS",
      /otro caso abierto/,
    );
    expect(await snapshot(first.caseId)).toEqual(before);
  });
});

describe("[CASES] two people editing at once", () => {
  it("the second save with the old version gets the conflict message and nothing of it is stored", async () => {
    const student = await newStudent(s.schools.a.id);
    const { caseId } = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    // Both loaded the page at version 1.
    const loaded = (await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).version;
    expect(loaded).toBe(1);

    const first = await changeCaseState(s.users.socialWorker, { caseId, version: loaded, to: "CONTACTING" }, origin);
    expect(first.version).toBe(2);
    const conflict = await expectAppError(
      addCaseNote(s.users.directorA, { caseId, version: loaded, body: "Nota escrita sobre la versión vieja" }, origin),
      "CONFLICT",
    );
    expect(conflict.message).toBe(
      "Otra persona modificó este caso mientras usted lo editaba. Recargue para ver los cambios; sus cambios no se guardaron.",
    );
    await expectAppError(
      changeCaseState(s.users.directorA, { caseId, version: loaded, to: "CONTACTING" }, origin),
      "CONFLICT",
    );

    const row = await t.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ state: "CONTACTING", version: 2 });
    expect(await t.db.caseEvent.count({ where: { caseId, type: "NOTE" } })).toBe(0);
    expect(
      await t.db.auditLog.count({
        where: { entityId: caseId, actorId: s.users.directorA.id, action: { not: "case.open" } },
      }),
    ).toBe(0);
  });

  it("of two saves racing on the same version exactly one wins", async () => {
    const student = await newStudent(s.schools.a.id);
    const { caseId } = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    const results = await Promise.allSettled([
      addCaseNote(s.users.socialWorker, { caseId, version: 1, body: "Primera" }, origin),
      addCaseNote(s.users.psychologist, { caseId, version: 1, body: "Segunda" }, origin),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    expect(await t.db.caseEvent.count({ where: { caseId, type: "NOTE" } })).toBe(1);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(2);
  });
});

describe("[CASES] list and timeline", () => {
  it("filters by state, assignee, grade and sex, and paginates", async () => {
    const mk = async (grade: number, sex: "F" | "M") => {
      const st = await newStudent(s.schools.b.id, grade, sex);
      return (await openCaseFromAlert(s.users.directorB, { alertId: (await newAlert(st)).id }, origin)).caseId;
    };
    const g5f = await mk(5, "F");
    const g5m = await mk(5, "M");
    const g4f = await mk(4, "F");
    await changeCaseState(s.users.directorB, { caseId: g5m, version: 1, to: "CONTACTING" }, origin);
    await assignCaseMember(s.users.directorB, { caseId: g4f, version: 1, userId: s.users.psychologist.id }, origin);

    const ids = async (f: Record<string, unknown>) =>
      (await findCases(s.users.directorB, filters(f))).rows.map((r) => r.id).sort();
    expect(await ids({ grade: "5" })).toEqual([g5f, g5m].sort());
    expect(await ids({ grade: "5", sex: "F" })).toEqual([g5f]);
    expect(await ids({ state: "CONTACTING", grade: "5" })).toEqual([g5m]);
    expect(await ids({ assignee: s.users.psychologist.id, grade: "4" })).toEqual([g4f]);
    // Unreadable filters are ignored rather than failing the page.
    expect(filters({ state: "NOPE", grade: "x", page: "-3" })).toMatchObject({
      state: undefined,
      grade: undefined,
      page: 1,
    });

    const all = await findCases(s.users.directorB, filters());
    const page1 = await findCases(s.users.directorB, filters({ page: "1" }), 2);
    const page2 = await findCases(s.users.directorB, filters({ page: "2" }), 2);
    expect(page1).toMatchObject({ total: all.total, page: 1, pageCount: Math.ceil(all.total / 2) });
    expect(page1.rows).toHaveLength(2);
    expect(page2.rows.map((r) => r.id)).not.toContain(page1.rows[0].id);
    const beyond = await findCases(s.users.directorB, filters({ page: "999" }), 2);
    expect(beyond.page).toBe(beyond.pageCount);
  });

  it("each row shows its case's state, student, school and team as recorded, in the list's order; the filter offers the schools' case team", async () => {
    const user = s.users.psychologist;
    const st = await newStudent(s.schools.b.id, 2, "M");
    const caseId = (await openCaseFromAlert(s.users.directorB, { alertId: (await newAlert(st)).id }, origin)).caseId;
    // Two members, the second assigned later: the row names them in that order.
    await assignCaseMember(s.users.directorB, { caseId, version: 1, userId: s.users.socialWorker.id }, origin);
    await assignCaseMember(s.users.directorB, { caseId, version: 2, userId: s.users.psychologist.id }, origin);
    // Two assignments in the same millisecond would tie; the second is made a minute later.
    await t.db.caseAssignment.update({
      where: { caseId_userId: { caseId, userId: s.users.psychologist.id } },
      data: { assignedAt: new Date(Date.now() + 60_000) },
    });

    const listed = await findCases(user, filters(), 1000);
    const records = await t.db.case.findMany({
      where: { schoolId: { in: user.schoolIds } },
      select: {
        id: true,
        state: true,
        updatedAt: true,
        school: { select: { name: true } },
        student: {
          select: {
            paternalSurname: true,
            maternalSurname: true,
            givenNames: true,
            grade: true,
            section: true,
            sex: true,
          },
        },
        // Ties (assignments of the same millisecond) in user id order, as the list orders them.
        assignments: {
          select: { user: { select: { name: true } } },
          orderBy: [{ assignedAt: "asc" }, { userId: "asc" }],
        },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    });
    expect(listed.total).toBe(records.length);
    expect(listed.rows).toEqual(
      records.map(({ assignments, ...r }) => ({ ...r, team: assignments.map((a) => a.user.name) })),
    );
    const row = listed.rows.find((r) => r.id === caseId)!;
    expect(row.team).toEqual([s.users.socialWorker.name, s.users.psychologist.name]);
    expect(row.student).toMatchObject({ grade: 2, sex: "M", section: "B" });

    // Active case-team members of the user's schools, by name; the inactive psychologist is not offered.
    const members = await t.db.user.findMany({
      where: {
        active: true,
        role: { in: ["PSYCHOLOGIST", "SOCIAL_WORKER", "EDUCATOR"] },
        schools: { some: { schoolId: { in: user.schoolIds } } },
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    expect(listed.assignees).toEqual(members);
    expect(listed.assignees.map((m) => m.id)).not.toContain(s.users.inactive.id);
    expect(listed.assignees.map((m) => m.id)).toContain(s.users.socialWorker.id);
  });

  it("the case file's timeline merges events, the alert and the episode's absences", async () => {
    const student = await newStudent(s.schools.a.id);
    await t.db.attendance.createMany({
      data: [
        { studentId: student.id, schoolId: student.schoolId, date: day("2026-09-07"), status: "UNJUSTIFIED" },
        { studentId: student.id, schoolId: student.schoolId, date: day("2026-09-08"), status: "JUSTIFIED" },
        { studentId: student.id, schoolId: student.schoolId, date: day("2026-09-09"), status: "LATE" },
        { studentId: student.id, schoolId: student.schoolId, date: day("2026-08-01"), status: "UNJUSTIFIED" },
      ],
    });
    const { caseId } = await openCaseFromAlert(s.users.directorA, { alertId: (await newAlert(student)).id }, origin);
    await addCaseNote(s.users.directorA, { caseId, version: 1, body: "Se llamó a la familia" }, origin);

    const file = await getCaseFileOrThrow(s.users.directorA, caseId, origin);
    const timeline = buildCaseTimeline(file);
    const kinds = timeline.items.map((i) => (i.kind === "event" ? i.event.type : i.kind));
    expect(kinds).toEqual(["NOTE", "STATE_CHANGE", "alert", "absence", "absence"]);
    expect(timeline.items.filter((i) => i.kind === "absence").map((i) => i.key)).toEqual([
      "absence:2026-09-08",
      "absence:2026-09-07",
    ]);
  });
});
