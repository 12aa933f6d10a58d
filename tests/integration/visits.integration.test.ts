import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadSessionUser } from "../../lib/auth/session";
import { visitWhere } from "../../lib/auth/scope";
import type { SessionUser } from "../../lib/auth/types";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { MIGRATIONS_DIR, migrate } from "../../lib/db/migrate";
import { AppError } from "../../lib/errors/app-error";
import { todayInLima } from "../../lib/format/date";
import { findAddressHistory } from "../../lib/visits/address-history";
import { findMyVisits, getScheduleVisitContext, listVisitAssignees } from "../../lib/visits/queries";
import { getReachability } from "../../lib/reports/reachability";
import { UNREACHED_REASONS, type UnreachedReason } from "../../lib/visits/reachability";
import { recordContactAttempt } from "../../lib/visits/record-contact-attempt";
import { recordVisitOutcome } from "../../lib/visits/record-visit-outcome";
import { scheduleVisit } from "../../lib/visits/schedule-visit";
import { buildPlan } from "../../prisma/seed/plan";
import { buildScenario, type Scenario } from "../fixtures/scenario";
import { withDatabase } from "../helpers/global-setup";
import { getVisitPage } from "../../lib/visits/visit-page";
import { demoAnchor } from "../helpers/demo-anchor";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Home visits and contact attempts against the real database. The scenario's small world
// (tests/fixtures/scenario.ts) is built inside a clone of the seeded demo, so the same file
// also checks reachability on the pilot data; scenario schools are outside every demo account.

let t: TestDatabase;
let s: Scenario;
/** The load day of the seeded demo (its plan is rebuilt from it). */
let anchor: string;
/** A social worker serving school A only (the scenario's serves both). */
let swA: SessionUser;
const origin = { ip: "198.51.100.7", userAgent: "vitest (visits)", via: "web" as const };

const today = todayInLima();
const shift = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  anchor = await demoAnchor(t.db);
  s = await buildScenario(t);
  const u = await t.db.user.create({
    data: {
      email: "trabajo.social.a@escenario.pe",
      name: "Trabajadora Social A",
      passwordHash: "x",
      role: "SOCIAL_WORKER",
      schools: { create: [{ schoolId: s.schools.a.id }] },
    },
    select: { id: true },
  });
  swA = (await loadSessionUser(u.id))!;
});
afterAll(async () => {
  await t.drop();
});

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

/** Row counts of every table a visit or attempt may write. */
const writes = async () => ({
  visits: await t.db.homeVisit.count(),
  attempts: await t.db.contactAttempt.count(),
  events: await t.db.caseEvent.count(),
  audit: await t.db.auditLog.count(),
  history: await t.db.studentAddressHistory.count(),
  students: JSON.stringify(
    await t.db.student.findMany({
      where: { schoolId: { in: [s.schools.a.id, s.schools.b.id] } },
      select: { id: true, addressStreet: true, addressReference: true, addressDistrict: true, addressVerifiedAt: true },
      orderBy: { id: "asc" },
    }),
  ),
});

const auditSince = async (id: bigint) => t.db.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
const lastAuditId = async () => (await t.db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))!.id;

let dni = 72000000;
/** A fresh student with an OPEN case in the given school. */
async function newCase(schoolId: string, address: { street?: string | null; district?: string | null } = {}) {
  const student = await t.db.student.create({
    data: {
      schoolId,
      documentType: "DNI",
      documentNumber: String(++dni),
      paternalSurname: "Visita",
      givenNames: `Estudiante ${dni}`,
      sex: "F",
      grade: 2,
      section: "C",
      addressStreet: address.street === undefined ? `Calle ${dni}` : address.street,
      addressDistrict: address.district === undefined ? "Trujillo" : address.district,
      phone: "900000000",
      guardianName: "Apoderada",
    },
    select: { id: true, schoolId: true },
  });
  const c = await t.db.case.create({
    data: { schoolId, studentId: student.id, openKey: student.id, state: "OPEN" },
    select: { id: true, schoolId: true, studentId: true },
  });
  return c;
}

const schedule = (user: SessionUser, caseId: string, over: Record<string, unknown> = {}) =>
  scheduleVisit(
    user,
    {
      caseId,
      scheduledFor: today,
      timeWindow: "MORNING",
      assigneeId: user.id,
      purpose: "Ubicar a la familia",
      ...over,
    },
    origin,
  );

describe("[VISITS] scheduling a visit from a case", () => {
  it("writes the visit, its timeline entry and one audit entry", async () => {
    const before = await lastAuditId();
    const { visitId } = await schedule(swA, s.cases.a.id, {
      scheduledFor: shift(today, 2),
      timeWindow: "AFTERNOON",
      assigneeId: s.users.psychologist.id,
      purpose: "Conocer el motivo de las faltas",
    });
    const v = await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } });
    expect(v).toMatchObject({
      caseId: s.cases.a.id,
      schoolId: s.schools.a.id,
      studentId: s.students.a1.id,
      scheduledFor: day(shift(today, 2)),
      timeWindow: "AFTERNOON",
      purpose: "Conocer el motivo de las faltas",
      assigneeId: s.users.psychologist.id,
      status: "SCHEDULED",
      outcome: null,
      createdById: swA.id,
    });
    const event = await t.db.caseEvent.findFirstOrThrow({
      where: { caseId: s.cases.a.id, type: "HOME_VISIT", data: { path: ["visitId"], equals: visitId } },
    });
    expect(event.data).toMatchObject({
      action: "SCHEDULED",
      timeWindow: "AFTERNOON",
      assigneeName: "Usuario psychologist",
    });
    const audit = await auditSince(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "visit.schedule",
      entity: "HomeVisit",
      entityId: visitId,
      actorId: swA.id,
      schoolId: s.schools.a.id,
      origin: "web | 198.51.100.7 | vitest (visits)",
    });
  });

  it("refuses a past day, an assignee outside the school's active case team and a closed case, writing nothing", async () => {
    const before = await writes();
    const past = await expectAppError(
      schedule(swA, s.cases.a.id, { scheduledFor: shift(today, -1) }),
      "INVALID_INPUT",
      /anterior a hoy/,
    );
    // A catalogue entry on the date field, so the form shows it in the reader's language.
    expect(past.issues.map((i) => [i.field, i.key])).toEqual([["scheduledFor", "visit.pastDate"]]);
    expect(past.render("en")).toBe("The visit date cannot be before today.");
    for (const assigneeId of [s.users.tutor.id, s.users.inactive.id, s.users.directorA.id]) {
      const e = await expectAppError(schedule(swA, s.cases.a.id, { assigneeId }), "INVALID_INPUT");
      expect(e.issues[0].field).toBe("assigneeId");
    }
    // The educator serves school A only: not an assignee for a case of school B.
    await expectAppError(
      schedule(s.users.socialWorker, s.cases.b.id, { assigneeId: s.users.educator.id }),
      "INVALID_INPUT",
    );
    const closed = await newCase(s.schools.a.id);
    await t.db.case.update({
      where: { id: closed.id },
      data: { state: "CLOSED", openKey: null, outcome: "OTHER", closedAt: new Date() },
    });
    const afterClosedSetup = await writes();
    await expectAppError(schedule(swA, closed.id), "INVALID_INPUT", /cerrado/);
    expect(await writes()).toEqual({ ...afterClosedSetup });
    expect(afterClosedSetup.visits).toBe(before.visits);
    expect(afterClosedSetup.events).toBe(before.events);
    expect(afterClosedSetup.audit).toBe(before.audit);
  });

  it("roles that may not schedule get not found: director, tutor, coordinator, agency, admin", async () => {
    const before = await writes();
    for (const user of [s.users.directorA, s.users.tutor, s.users.coordinator, s.users.demuna, s.users.admin]) {
      await expectAppError(schedule(user, s.cases.a.id, { assigneeId: swA.id }), "NOT_FOUND");
    }
    await expectAppError(scheduleVisit(null, {}, origin), "UNAUTHENTICATED");
    expect(await writes()).toEqual(before);
  });

  it("the form shows the address, its reference, its verified day in red when stale, and the eligible assignees", async () => {
    const ctx = await getScheduleVisitContext(swA, s.cases.a.id);
    expect(ctx.address).toMatchObject({ street: "Jr. Los Pinos 123", reference: null, district: "Trujillo" });
    expect(ctx.address.verifiedAt).toBeNull();
    expect(ctx.address.isStale).toBe(true);
    expect(ctx.assignees.map((a) => a.id).sort()).toEqual(
      [s.users.psychologist.id, s.users.socialWorker.id, s.users.educator.id, swA.id].sort(),
    );
    expect(ctx.defaultAssigneeId).toBe(swA.id);

    const fresh = await newCase(s.schools.a.id);
    await t.db.student.update({
      where: { id: fresh.studentId },
      data: { addressReference: "Frente al mercado", addressVerifiedAt: day(shift(today, -30)) },
    });
    const recent = await getScheduleVisitContext(swA, fresh.id);
    expect(recent.address).toMatchObject({ reference: "Frente al mercado", isStale: false });
    await t.db.student.update({ where: { id: fresh.studentId }, data: { addressVerifiedAt: day(shift(today, -200)) } });
    expect((await getScheduleVisitContext(swA, fresh.id)).address.isStale).toBe(true);
  });
});

describe("[VISITS] scope: a social worker of school A and school B", () => {
  it("cannot see, schedule or record for school B: not found, nothing written", async () => {
    const { visitId: visitB } = await schedule(s.users.socialWorker, s.cases.b.id);
    const rowB = await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitB } });
    const before = await writes();

    await expectAppError(schedule(swA, s.cases.b.id, { assigneeId: swA.id }), "NOT_FOUND", /caso no existe/);
    await expectAppError(getScheduleVisitContext(swA, s.cases.b.id), "NOT_FOUND");
    await expectAppError(getVisitPage(swA, visitB, origin), "NOT_FOUND");
    await expectAppError(
      recordVisitOutcome(
        swA,
        { visitId: visitB, outcome: "CONTACTED", metWith: "Madre", addressAction: "CONFIRMED" },
        origin,
      ),
      "NOT_FOUND",
      /visita no existe/,
    );
    await expectAppError(
      recordContactAttempt(swA, { caseId: s.cases.b.id, channel: "PHONE", outcome: "REACHED" }, origin),
      "NOT_FOUND",
    );
    await expectAppError(findAddressHistory(swA, s.students.b1.id), "NOT_FOUND");
    const all = await findMyVisits(swA, { assignee: "all" });
    const ids = [...all.overdue, ...all.today, ...all.upcoming].flatMap((g) => g.rows.map((r) => r.id));
    expect(ids).not.toContain(visitB);
    // Naming school B's assignee does not widen the list either.
    const named = await findMyVisits(swA, { assignee: s.users.socialWorker.id });
    expect([...named.overdue, ...named.today, ...named.upcoming].flatMap((g) => g.rows.map((r) => r.id))).not.toContain(
      visitB,
    );
    expect(await t.db.homeVisit.count({ where: { AND: [{ id: visitB }, visitWhere(swA)] } })).toBe(0);

    expect(await writes()).toEqual(before);
    expect(await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitB } })).toEqual(rowB);
  });

  it("malformed ids read as not found", async () => {
    await expectAppError(schedule(swA, "not-a-uuid"), "NOT_FOUND");
    await expectAppError(recordVisitOutcome(swA, { visitId: "x", outcome: "REFUSED" }, origin), "NOT_FOUND");
    await expectAppError(getVisitPage(swA, "x", origin), "NOT_FOUND");
  });
});

describe("[VISITS] recording the outcome", () => {
  it("an outcome on an already-recorded visit by a second person is a conflict, not an overwrite", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(swA, c.id);
    await recordVisitOutcome(swA, { visitId, outcome: "NOBODY_HOME", notes: "Se dejó citación." }, origin);
    const recorded = await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } });
    const before = await writes();

    await expectAppError(
      recordVisitOutcome(
        s.users.psychologist,
        { visitId, outcome: "CONTACTED", metWith: "Padre", notes: "Otra versión", addressAction: "CONFIRMED" },
        origin,
      ),
      "CONFLICT",
      /Otra persona ya registró el resultado de esta visita/,
    );
    expect(await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } })).toEqual(recorded);
    expect(recorded).toMatchObject({ outcome: "NOBODY_HOME", notes: "Se dejó citación.", recordedById: swA.id });
    expect(await writes()).toEqual(before);
  });

  it("[OFFLINE] the same outcome sent twice with its submission key is recorded once; another key or person is a conflict", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(swA, c.id);
    const submissionKey = "5d1f6a2e-8c3b-4f7a-9e0d-2b4c6a8e0f13";
    const input = { visitId, outcome: "NOBODY_HOME", notes: "Nadie abrió.", submissionKey };
    const first = await recordVisitOutcome(swA, input, origin);
    const before = await writes();
    const recorded = await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } });

    // The answer was lost on the way back: the phone sends it again.
    const again = await recordVisitOutcome(swA, input, origin);
    expect(again).toEqual({ ...first, addressHistoryId: null });
    expect(await writes()).toEqual(before);
    expect(await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } })).toEqual(recorded);
    expect(await t.db.auditLog.count({ where: { action: "visit.outcome.record", entityId: visitId } })).toBe(1);

    await expectAppError(
      recordVisitOutcome(swA, { ...input, submissionKey: "7a0c1e3b-2d4f-4a6b-8c9d-0e1f2a3b4c5d" }, origin),
      "CONFLICT",
    );
    await expectAppError(recordVisitOutcome(s.users.educator, input, origin), "CONFLICT");
    expect(await writes()).toEqual(before);
  });

  it("two people recording at the same moment: exactly one wins, the other gets the conflict", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(swA, c.id);
    const results = await Promise.allSettled([
      recordVisitOutcome(swA, { visitId, outcome: "NOBODY_HOME" }, origin),
      recordVisitOutcome(s.users.educator, { visitId, outcome: "REFUSED" }, origin),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    expect((rejected[0].reason as AppError).code).toBe("CONFLICT");
    expect(
      await t.db.caseEvent.count({
        where: { caseId: c.id, type: "HOME_VISIT", data: { path: ["action"], equals: "RECORDED" } },
      }),
    ).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "visit.outcome.record", entityId: visitId } })).toBe(1);
  });

  it("correcting the address updates the student and its verified day and keeps the previous value in the history", async () => {
    const c = await newCase(s.schools.a.id, { street: "Jr. Viejo 12", district: "El Porvenir" });
    await t.db.student.update({
      where: { id: c.studentId },
      data: { addressReference: "Por el cerro", addressVerifiedAt: day("2024-03-01") },
    });
    const { visitId } = await schedule(swA, c.id);
    const before = await lastAuditId();
    const visitedAt = new Date(Date.now() - 60_000);
    const result = await recordVisitOutcome(
      swA,
      {
        visitId,
        outcome: "MOVED",
        visitedAt: visitedAt.toISOString(),
        notes: "La vecina dio la nueva dirección.",
        addressAction: "CORRECTED",
        newStreet: "Mz. C Lt. 7, AA.HH. Santa Rosa",
        newReference: "Portón verde",
        newDistrict: "La Esperanza",
      },
      origin,
    );
    const visitDay = todayInLima(visitedAt);
    const student = await t.db.student.findUniqueOrThrow({ where: { id: c.studentId } });
    expect(student).toMatchObject({
      addressStreet: "Mz. C Lt. 7, AA.HH. Santa Rosa",
      addressReference: "Portón verde",
      addressDistrict: "La Esperanza",
      addressVerifiedAt: day(visitDay),
    });
    const history = await t.db.studentAddressHistory.findMany({ where: { studentId: c.studentId } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: result.addressHistoryId,
      schoolId: s.schools.a.id,
      kind: "CORRECTED",
      previousStreet: "Jr. Viejo 12",
      previousReference: "Por el cerro",
      previousDistrict: "El Porvenir",
      previousVerifiedAt: day("2024-03-01"),
      newStreet: "Mz. C Lt. 7, AA.HH. Santa Rosa",
      newReference: "Portón verde",
      newDistrict: "La Esperanza",
      verifiedAt: day(visitDay),
      visitId,
      changedById: swA.id,
    });
    expect(await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } })).toMatchObject({
      status: "DONE",
      outcome: "MOVED",
      visitedAt,
      addressConfirmed: false,
      correctedStreet: "Mz. C Lt. 7, AA.HH. Santa Rosa",
      correctedReference: "Portón verde",
      correctedDistrict: "La Esperanza",
      recordedById: swA.id,
    });
    const audit = await auditSince(before);
    expect(audit.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ["visit.outcome.record", "HomeVisit", visitId],
      ["student.address.correct", "Student", c.studentId],
    ]);
    expect(audit.every((a) => a.origin?.includes("198.51.100.7") && a.schoolId === s.schools.a.id)).toBe(true);
    // The audit trail says notes were written, not what they say.
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("vecina");

    // The student page's history: who, when, from which visit.
    for (const viewer of [swA, s.users.directorA, s.users.tutor]) {
      const rows = await findAddressHistory(viewer, c.studentId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: "CORRECTED",
        previousStreet: "Jr. Viejo 12",
        changedBy: { id: swA.id, name: "Trabajadora Social A" },
        visit: { id: visitId, caseId: c.id },
      });
    }
    await expectAppError(findAddressHistory(s.users.coordinator, c.studentId), "NOT_FOUND");
    await expectAppError(findAddressHistory(s.users.directorB, c.studentId), "NOT_FOUND");
    // A failed visit offers the next attempt with the same details.
    expect(result.nextVisit).toEqual({
      caseId: c.id,
      assigneeId: swA.id,
      timeWindow: "MORNING",
      purpose: "Ubicar a la familia",
    });
  });

  it("confirming the address keeps it, moves its verified day and writes a CONFIRMED history row", async () => {
    const c = await newCase(s.schools.a.id, { street: "Av. Perú 455", district: "Trujillo" });
    await t.db.student.update({ where: { id: c.studentId }, data: { addressVerifiedAt: day("2025-01-15") } });
    const { visitId } = await schedule(swA, c.id);
    const before = await lastAuditId();
    const result = await recordVisitOutcome(
      swA,
      { visitId, outcome: "CONTACTED", metWith: "Abuela (apoderada)", addressAction: "CONFIRMED" },
      origin,
    );
    const student = await t.db.student.findUniqueOrThrow({ where: { id: c.studentId } });
    expect(student).toMatchObject({
      addressStreet: "Av. Perú 455",
      addressDistrict: "Trujillo",
      addressVerifiedAt: day(today),
    });
    const [h] = await t.db.studentAddressHistory.findMany({ where: { studentId: c.studentId } });
    expect(h).toMatchObject({
      kind: "CONFIRMED",
      previousStreet: "Av. Perú 455",
      newStreet: "Av. Perú 455",
      previousVerifiedAt: day("2025-01-15"),
      verifiedAt: day(today),
      visitId,
    });
    expect(await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } })).toMatchObject({
      metWith: "Abuela (apoderada)",
      addressConfirmed: true,
      correctedStreet: null,
    });
    expect((await auditSince(before)).map((a) => a.action)).toEqual([
      "visit.outcome.record",
      "student.address.confirm",
    ]);
    expect(result.nextVisit).toBeNull();
  });

  it("confirming when no address is on file is refused and rolls the whole outcome back", async () => {
    const c = await newCase(s.schools.a.id, { street: null, district: null });
    const { visitId } = await schedule(swA, c.id);
    const before = await writes();
    const e = await expectAppError(
      recordVisitOutcome(swA, { visitId, outcome: "CONTACTED", metWith: "Madre", addressAction: "CONFIRMED" }, origin),
      "INVALID_INPUT",
    );
    expect(e.issues[0].field).toBe("addressAction");
    expect(await writes()).toEqual(before);
    expect((await t.db.homeVisit.findUniqueOrThrow({ where: { id: visitId } })).status).toBe("SCHEDULED");
  });

  it("a first contact offers the next case state without moving it; a later one offers nothing more", async () => {
    const c = await newCase(s.schools.a.id);
    const first = await schedule(swA, c.id);
    const failed = await recordVisitOutcome(swA, { visitId: first.visitId, outcome: "ADDRESS_NOT_FOUND" }, origin);
    expect(failed.stateOffer).toMatchObject({ caseId: c.id, from: "OPEN", to: "CONTACTING", version: 1 });
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("OPEN");

    await t.db.case.update({ where: { id: c.id }, data: { state: "CONTACTING", version: 2 } });
    const second = await schedule(swA, c.id);
    const reached = await recordVisitOutcome(
      swA,
      { visitId: second.visitId, outcome: "CONTACTED", metWith: "Madre" },
      origin,
    );
    expect(reached.stateOffer).toEqual({ caseId: c.id, from: "CONTACTING", to: "EVALUATION", version: 2 });
    expect(reached.nextVisit).toBeNull();
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("CONTACTING");

    const again = await recordContactAttempt(swA, { caseId: c.id, channel: "WHATSAPP", outcome: "REACHED" }, origin);
    expect(again.stateOffer).toBeNull();
  });

  it("roles that may not record get not found and nothing changes", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(swA, c.id);
    const before = await writes();
    for (const user of [s.users.directorA, s.users.tutor, s.users.coordinator, s.users.demuna, s.users.admin]) {
      await expectAppError(recordVisitOutcome(user, { visitId, outcome: "REFUSED" }, origin), "NOT_FOUND");
      await expectAppError(
        recordContactAttempt(user, { caseId: c.id, channel: "PHONE", outcome: "NO_ANSWER" }, origin),
        "NOT_FOUND",
      );
    }
    expect(await writes()).toEqual(before);
  });
});

describe("[VISITS] contact attempts other than visits", () => {
  it("records every channel with its outcome, on the case timeline next to the visits, audited", async () => {
    const c = await newCase(s.schools.a.id);
    const before = await lastAuditId();
    const channels = ["PHONE", "WHATSAPP", "IN_SCHOOL", "NEIGHBOUR", "OTHER_FAMILY"] as const;
    for (const [i, channel] of channels.entries()) {
      await recordContactAttempt(
        s.users.educator,
        { caseId: c.id, channel, outcome: i === 4 ? "REACHED" : "NO_ANSWER", notes: `Intento ${i}` },
        origin,
      );
    }
    const { visitId } = await schedule(swA, c.id);
    await recordVisitOutcome(swA, { visitId, outcome: "CONTACTED", metWith: "Madre" }, origin);

    const rows = await t.db.contactAttempt.findMany({ where: { caseId: c.id }, orderBy: { attemptedAt: "asc" } });
    expect(rows.map((r) => r.channel)).toEqual([...channels]);
    expect(rows.every((r) => r.actorId === s.users.educator.id && r.schoolId === s.schools.a.id)).toBe(true);
    const audit = await auditSince(before);
    expect(audit.filter((a) => a.action === "contact.attempt.record").map((a) => a.entityId)).toEqual(
      rows.map((r) => r.id),
    );
    expect(audit.map((a) => a.action)).toEqual([
      ...channels.map(() => "contact.attempt.record"),
      "visit.schedule",
      "visit.outcome.record",
    ]);

    const file = await getCaseFileOrThrow(swA, c.id, origin);
    const types = file.timeline.map((e) => e.type);
    expect(types.filter((x) => x === "CONTACT_ATTEMPT")).toHaveLength(5);
    expect(types.filter((x) => x === "HOME_VISIT")).toHaveLength(2);
    expect(file.contactAttempts?.map((a) => a.notes).sort()).toEqual(channels.map((_, i) => `Intento ${i}`));
  });

  it("an attempt in the future or on a closed case is refused", async () => {
    const c = await newCase(s.schools.a.id);
    const before = await writes();
    await expectAppError(
      recordContactAttempt(
        swA,
        {
          caseId: c.id,
          channel: "PHONE",
          outcome: "NO_ANSWER",
          attemptedAt: new Date(Date.now() + 3600_000).toISOString(),
        },
        origin,
      ),
      "INVALID_INPUT",
    );
    await t.db.case.update({
      where: { id: c.id },
      data: { state: "CLOSED", openKey: null, outcome: "OTHER", closedAt: new Date() },
    });
    await expectAppError(
      recordContactAttempt(swA, { caseId: c.id, channel: "PHONE", outcome: "NO_ANSWER" }, origin),
      "INVALID_INPUT",
    );
    expect((await writes()).attempts).toBe(before.attempts);
  });
});

describe("[VISITS] who sees what", () => {
  let caseId: string;
  let visitId: string;
  beforeAll(async () => {
    caseId = s.cases.a.id;
    ({ visitId } = await schedule(swA, caseId, { purpose: "Propósito reservado al equipo" }));
    await recordVisitOutcome(
      swA,
      { visitId, outcome: "CONTACTED", metWith: "Madre", notes: "NOTA-PRIVADA de la visita" },
      origin,
    );
    await recordContactAttempt(
      swA,
      { caseId, channel: "PHONE", outcome: "NO_ANSWER", notes: "NOTA-PRIVADA del intento" },
      origin,
    );
  });

  it("the case team reads visit notes and purpose", async () => {
    const file = await getCaseFileOrThrow(s.users.socialWorker, caseId, origin);
    const v = file.homeVisits!.find((x) => x.id === visitId)!;
    expect(v).toMatchObject({
      outcome: "CONTACTED",
      notes: "NOTA-PRIVADA de la visita",
      purpose: "Propósito reservado al equipo",
    });
    expect(file.contactAttempts!.some((a) => a.notes === "NOTA-PRIVADA del intento")).toBe(true);
  });

  it("each tab of the case file reads only its part, with the same visibility, scope and audit", async () => {
    const team = s.users.socialWorker;
    const visits = await getCaseFileOrThrow(team, caseId, origin, { part: "visits" });
    expect(visits.part).toBe("visits");
    expect(visits.homeVisits!.find((x) => x.id === visitId)?.notes).toBe("NOTA-PRIVADA de la visita");
    expect(visits.contactAttempts!.some((a) => a.notes === "NOTA-PRIVADA del intento")).toBe(true);
    expect(visits.staff!.map((m) => m.id)).toContain(team.id);
    // What the visits tab does not show is not read: no timeline, contact, absences or evaluations.
    expect(visits).toMatchObject({ timeline: [], contact: null, absences: null, evaluations: null, team: null });
    expect(visits.student?.id).toBe(s.cases.a.studentId);

    const overview = await getCaseFileOrThrow(team, caseId, origin, { part: "overview" });
    expect(overview).toMatchObject({ homeVisits: null, contactAttempts: null, evaluations: null, timeline: [] });
    expect(overview.contact).not.toBeNull();
    expect(overview.team).not.toBeNull();
    const history = await getCaseFileOrThrow(team, caseId, origin, { part: "history" });
    expect(history.timeline.map((e) => e.type)).toContain("HOME_VISIT");
    expect(history).toMatchObject({ homeVisits: null, contact: null, team: null, evaluations: null });

    const evaluations = await getCaseFileOrThrow(s.users.psychologist, caseId, origin, { part: "evaluations" });
    expect(evaluations.evaluations!.map((e) => e.id)).toContain(s.evaluations.a.id);
    expect(evaluations).toMatchObject({ homeVisits: null, timeline: [], staff: null });

    // A director's visits tab: dates and outcomes, never the notes.
    const director = await getCaseFileOrThrow(s.users.directorA, caseId, origin, { part: "visits" });
    expect(director.homeVisits!.find((x) => x.id === visitId)).toMatchObject({ notes: null, purpose: null });
    expect(JSON.stringify(director)).not.toContain("NOTA-PRIVADA");
    // Another school's director: not found, whichever part is asked for.
    for (const part of ["overview", "history", "visits", "evaluations", "referrals"] as const) {
      await expect(getCaseFileOrThrow(s.users.directorB, caseId, origin, { part })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    // Each part's read is recorded as such.
    const recorded = await t.db.auditLog.findMany({
      where: { actorId: team.id, entityId: caseId, action: "case.read" },
      select: { details: true },
    });
    const parts = recorded.map((r) => (r.details as { part?: string } | null)?.part);
    expect(parts).toEqual(expect.arrayContaining(["visits", "overview", "history"]));
  });

  it("a director sees visit dates and outcomes, never notes — not even in the timeline", async () => {
    const file = await getCaseFileOrThrow(s.users.directorA, caseId, origin);
    expect(file.access).toBe("SUMMARY");
    const v = file.homeVisits!.find((x) => x.id === visitId)!;
    expect(v).toMatchObject({ outcome: "CONTACTED", status: "DONE", metWith: "Madre", notes: null, purpose: null });
    expect(v.scheduledFor).toEqual(day(today));
    expect(v.visitedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(file)).not.toContain("NOTA-PRIVADA");
    expect(JSON.stringify(file)).not.toContain("Propósito reservado");

    const list = await findMyVisits(s.users.directorA, {});
    expect(list.assignee).toBe("all");
    const rows = [...list.overdue, ...list.today, ...list.upcoming].flatMap((g) => g.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.purpose === null)).toBe(true);
    expect(JSON.stringify(list)).not.toContain("Ubicar a la familia");
  });

  it("agency staff see visits only while a referral to their agency shares HOME_VISITS; notes only with NOTES", async () => {
    const demuna = s.users.demuna;
    const count = () => t.db.homeVisit.count({ where: { AND: [{ caseId }, visitWhere(demuna)] } });
    // The scenario's DEMUNA referral shares no HOME_VISITS.
    expect(await count()).toBe(0);
    expect((await getCaseFileOrThrow(demuna, caseId, origin)).homeVisits).toBeNull();
    expect(await t.db.homeVisit.count({ where: { AND: [{ caseId: s.cases.a2.id }, visitWhere(demuna)] } })).toBe(0);

    const ref = s.referrals.demunaA.id;
    const original = await t.db.referral.findUniqueOrThrow({ where: { id: ref }, select: { sharedSections: true } });
    try {
      await t.db.referral.update({
        where: { id: ref },
        data: { sharedSections: [...original.sharedSections, "HOME_VISITS"] },
      });
      expect(await count()).toBeGreaterThan(0);
      let file = await getCaseFileOrThrow(demuna, caseId, origin);
      const v = file.homeVisits!.find((x) => x.id === visitId)!;
      expect(v).toMatchObject({ outcome: "CONTACTED", notes: null, purpose: null });
      expect(JSON.stringify(file)).not.toContain("NOTA-PRIVADA");

      await t.db.referral.update({
        where: { id: ref },
        data: { sharedSections: [...original.sharedSections, "HOME_VISITS", "NOTES"] },
      });
      file = await getCaseFileOrThrow(demuna, caseId, origin);
      expect(file.homeVisits!.find((x) => x.id === visitId)!.notes).toBe("NOTA-PRIVADA de la visita");

      // A rejected referral no longer opens the visits.
      await t.db.referral.update({
        where: { id: ref },
        data: { status: "REJECTED", rejectionReason: "Otra jurisdicción" },
      });
      expect(await count()).toBe(0);
    } finally {
      await t.db.referral.update({
        where: { id: ref },
        data: { sharedSections: original.sharedSections, status: "SENT", rejectionReason: null },
      });
    }
    // Other agencies see nothing of this case's visits.
    expect(await t.db.homeVisit.count({ where: { AND: [{ caseId }, visitWhere(s.users.cem)] } })).toBe(0);
  });
});

describe("[VISITS] Mis visitas", () => {
  it("splits overdue / today / upcoming, groups by district, orders by address; team lead filters by assignee", async () => {
    const lead = s.users.educator; // serves school A
    const mk = async (street: string, district: string, when: string, assigneeId: string) => {
      const c = await newCase(s.schools.a.id, { street, district });
      const { visitId } = await schedule(swA, c.id, { assigneeId, scheduledFor: when >= today ? when : today });
      // scheduleVisit refuses past days: an overdue visit is one whose day has passed since.
      if (when < today) await t.db.homeVisit.update({ where: { id: visitId }, data: { scheduledFor: day(when) } });
      return visitId;
    };
    const mine = {
      todayB: await mk("Jr. Bolognesi 20", "Zona Uno", today, lead.id),
      todayA: await mk("Av. América 5", "Zona Uno", today, lead.id),
      todayOther: await mk("Calle Lima 9", "Zona Dos", today, lead.id),
      upcoming: await mk("Av. Larco 1", "Zona Uno", shift(today, 3), lead.id),
      overdue: await mk("Pasaje Sol 3", "Zona Dos", shift(today, -4), lead.id),
    };
    const closedCase = await newCase(s.schools.a.id, { street: "Av. Cerrada 1", district: "Zona Uno" });
    const closedVisit = await schedule(swA, closedCase.id, { assigneeId: lead.id });
    await t.db.case.update({
      where: { id: closedCase.id },
      data: { state: "CLOSED", openKey: null, outcome: "OTHER", closedAt: new Date() },
    });
    const doneCase = await newCase(s.schools.a.id, { street: "Av. Hecha 1", district: "Zona Uno" });
    const done = await schedule(swA, doneCase.id, { assigneeId: lead.id });
    await recordVisitOutcome(lead, { visitId: done.visitId, outcome: "NOBODY_HOME" }, origin);
    const retry = await schedule(swA, doneCase.id, { assigneeId: lead.id });

    const list = await findMyVisits(lead, {});
    expect(list.assignee).toBe("me");
    const zone = (groups: typeof list.today) =>
      groups.filter((g) => g.district?.startsWith("Zona")).map((g) => [g.district, g.rows.map((r) => r.id)]);
    // Districts in order, and within one district the addresses in order (the retry at
    // "Av. Hecha 1" falls between "Av. América 5" and "Jr. Bolognesi 20").
    expect(zone(list.today)).toEqual([
      ["Zona Dos", [mine.todayOther]],
      ["Zona Uno", [mine.todayA, retry.visitId, mine.todayB]],
    ]);
    expect(zone(list.upcoming)).toEqual([["Zona Uno", [mine.upcoming]]]);
    expect(zone(list.overdue)).toEqual([["Zona Dos", [mine.overdue]]]);
    const all = [...list.overdue, ...list.today, ...list.upcoming].flatMap((g) => g.rows);
    expect(all.map((r) => r.id)).not.toContain(closedVisit.visitId);
    expect(all.map((r) => r.id)).not.toContain(done.visitId);
    expect(all.every((r) => r.assignee?.id === lead.id)).toBe(true);
    const row = all.find((r) => r.id === retry.visitId)!;
    expect(row).toMatchObject({
      previousVisits: 1,
      addressStale: true,
      schoolName: "IE Escenario A",
      purpose: "Ubicar a la familia",
      student: { addressStreet: "Av. Hecha 1", phone: "900000000", guardianName: "Apoderada", grade: 2, section: "C" },
    });

    // Any case-team member of the school may look at a colleague's route…
    const asLead = await findMyVisits(swA, { assignee: lead.id });
    expect(asLead.assignee).toBe(lead.id);
    expect(zone(asLead.today)).toEqual(zone(list.today));
    // …but only colleagues of their own schools: anyone else falls back to their own list.
    const outsider = await t.db.user.create({
      data: {
        email: "otro.colegio@escenario.pe",
        name: "Otro",
        passwordHash: "x",
        role: "SOCIAL_WORKER",
        schools: { create: [{ schoolId: s.schools.b.id }] },
      },
      select: { id: true },
    });
    expect((await findMyVisits(swA, { assignee: outsider.id })).assignee).toBe("me");
    const options = (await listVisitAssignees(swA)).map((o) => o.id);
    expect(options).toContain(lead.id);
    expect(options).not.toContain(outsider.id);
    expect(options).not.toContain(s.users.inactive.id);
    expect(options).not.toContain(s.users.tutor.id);
  });

  it("roles without visits.read get not found", async () => {
    for (const user of [s.users.tutor, s.users.coordinator, s.users.demuna, s.users.admin]) {
      await expectAppError(findMyVisits(user, {}), "NOT_FOUND");
    }
  });
});

describe("[VISITS] reachability on the demo data", () => {
  const demoUser = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return (await loadSessionUser(u.id))!;
  };

  /** The same figures computed in JS from the seed's own plan (rows it inserted), not from SQL. */
  function expectedFromPlan() {
    const plan = buildPlan(anchor);
    const alerted = new Set(plan.rows.alerts.map((a) => a.studentId));
    const attempts = new Map<string, { at: number; reached: boolean; reason: string }[]>();
    const add = (studentId: string, a: { at: number; reached: boolean; reason: string }) =>
      attempts.set(studentId, [...(attempts.get(studentId) ?? []), a]);
    for (const v of plan.rows.visits)
      if (v.status === "DONE" && v.outcome)
        add(v.studentId, {
          at: new Date(v.visitedAt!).getTime(),
          reached: v.outcome === "CONTACTED",
          reason: v.outcome,
        });
    for (const c of plan.rows.contacts)
      add(c.studentId, { at: new Date(c.attemptedAt!).getTime(), reached: c.outcome === "REACHED", reason: c.outcome });
    const cells = new Map<string, { alerted: number; reached: number; reasons: Record<string, number> }>();
    for (const st of plan.students.filter((x) => alerted.has(x.id))) {
      const key = `${st.grade}:${st.sex}`;
      const cell = cells.get(key) ?? { alerted: 0, reached: 0, reasons: {} };
      cells.set(key, cell);
      cell.alerted++;
      const mine = attempts.get(st.id) ?? [];
      if (mine.some((a) => a.reached)) {
        cell.reached++;
        continue;
      }
      const last = mine.sort((a, b) => b.at - a.at || (a.reason < b.reason ? -1 : 1))[0];
      const reason = last?.reason ?? "NO_ATTEMPT";
      cell.reasons[reason] = (cell.reasons[reason] ?? 0) + 1;
    }
    return cells;
  }

  it("shows 100 of 278 alerted students reached (36 %), with the reasons, matching the seed's own rows", async () => {
    const report = await getReachability(await demoUser("social@demo.pe"));
    expect(report.suppressed).toBe(false);
    expect(report.total).toMatchObject({ alerted: 278, reached: 100, notReached: 178, reachedPct: 36 });
    const reasons = report.total.reasons as Record<UnreachedReason, number>;
    expect(Object.values(reasons).reduce((a, b) => a + b, 0)).toBe(178);
    // The pilot's problem: addresses. Most unreached families were never found at the address on file.
    expect(reasons.ADDRESS_NOT_FOUND).toBe(Math.max(...Object.values(reasons)));

    const expected = expectedFromPlan();
    const fromReport = new Map(
      report.byGradeSex.map((g) => [`${g.grade}:${g.sex}`, { alerted: g.cell.alerted, reached: g.cell.reached }]),
    );
    expect(Object.fromEntries(fromReport)).toEqual(
      Object.fromEntries([...expected].map(([k, c]) => [k, { alerted: c.alerted, reached: c.reached }])),
    );
    // Reasons are printed by grade (and by sex, and in total): the same as the plan's, grade by grade.
    for (const { grade, cell } of report.byGrade) {
      const plan: Record<string, number> = {};
      for (const [k, c] of expected)
        if (k.startsWith(`${grade}:`)) for (const [r, n] of Object.entries(c.reasons)) plan[r] = (plan[r] ?? 0) + n;
      expect(Object.fromEntries(Object.entries(cell.reasons!).filter(([, n]) => (n as number) > 0))).toEqual(plan);
    }

    // Schools add up to the scope's total; each school's figures equal what its director sees.
    expect(report.schools.map((x) => x.school.codigoModular)).toEqual(["1000001", "1000002", "2000001", "2000002"]);
    expect(report.schools.reduce((n, x) => n + (x.alerted as number), 0)).toBe(278);
    expect(report.schools.reduce((n, x) => n + (x.reached as number), 0)).toBe(100);
    const sjl = await getReachability(await demoUser("director.sjl@demo.pe"));
    expect(sjl.scopeSchools.map((x) => x.codigoModular)).toEqual(["2000002"]);
    const sjlRow = report.schools.find((x) => x.school.codigoModular === "2000002")!;
    expect([sjl.total.alerted, sjl.total.reached]).toEqual([sjlRow.alerted, sjlRow.reached]);
    // The school filter narrows the caller's report to the same figures.
    const narrowed = await getReachability(await demoUser("social@demo.pe"), { school: sjlRow.school.id });
    expect(narrowed.total).toEqual(sjl.total);
    expect(narrowed.scopeSchools).toHaveLength(4);
  });

  it("coordinators get the same figures with every count under 5 hidden, and nothing small left to subtract", async () => {
    const raw = await getReachability(await demoUser("social@demo.pe"));
    const coord = await getReachability(await demoUser("coordinador@demo.pe"));
    expect(coord.suppressed).toBe(true);
    expect(coord.total).toMatchObject({ alerted: 278, reached: 100, reachedPct: 36 });
    let suppressedCells = 0;
    const columns = [
      ...raw.byGrade.map((g, i) => [g.cell, coord.byGrade[i].cell] as const),
      ...raw.bySex.map((g, i) => [g.cell, coord.bySex[i].cell] as const),
      [raw.total, coord.total] as const,
    ];
    for (const [a, b] of columns) {
      for (const r of UNREACHED_REASONS) {
        const [v, shown] = [a.reasons![r] as number, b.reasons![r]];
        if (v < 5) {
          expect(shown).toBe("suppressed");
          suppressedCells++;
          // Not recomputable as "not reached" minus the other reasons of the column.
          const others = UNREACHED_REASONS.filter((x) => x !== r).map((x) => b.reasons![x]);
          expect(typeof b.notReached === "number" && others.every((x) => typeof x === "number")).toBe(false);
        } else expect([v, "withheld"]).toContain(shown);
      }
    }
    expect(suppressedCells).toBeGreaterThan(0);
  });

  it("is refused to roles without reports.read, and to a school outside the caller's scope", async () => {
    for (const email of ["tutor@demo.pe", "admin@demo.pe", "demuna@demo.pe"]) {
      await expectAppError(getReachability(await demoUser(email)), "NOT_FOUND");
    }
    const director = await demoUser("director@demo.pe");
    const sjl = await t.db.school.findUniqueOrThrow({ where: { codigoModular: "2000002" }, select: { id: true } });
    await expectAppError(getReachability(director, { school: sjl.id }), "NOT_FOUND");
  });
});

const HOME_VISITS_MIGRATION = "20261129200000_home_visits";

describe("[VISITS] migration of existing visits", () => {
  it("keeps a free-text corrected address as the street and gives made visits their half-day", async () => {
    const adminUrl = inject("pgAdminUrl");
    const name = `visits_mig_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(adminUrl, name);
    const dir = await mkdtemp(path.join(os.tmpdir(), "visits-mig-"));
    const client = new pg.Client({ connectionString: url });
    try {
      // Every migration before this feature's, so the rows below meet the constraints of then.
      const earlier = (await readdir(MIGRATIONS_DIR)).filter((m) => /^\d{14}_/.test(m) && m < HOME_VISITS_MIGRATION);
      for (const m of earlier) await cp(path.join(MIGRATIONS_DIR, m), path.join(dir, m), { recursive: true });
      await migrate(url, dir);
      await client.connect();
      const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
      const [school] = await q(
        `INSERT INTO school ("codigoModular", name, region, province, district) VALUES ('9100001', 'IE M', 'Lima', 'Lima', 'Lima') RETURNING id`,
      );
      const [student] = await q(
        `INSERT INTO student ("schoolId", "documentType", "documentNumber", "paternalSurname", "givenNames", sex, grade, section, "updatedAt")
         VALUES ($1, 'DNI', '79999999', 'M', 'N', 'F', 1, 'A', now()) RETURNING id`,
        [school.id],
      );
      const [c] = await q(
        `INSERT INTO case_file ("schoolId", "studentId", "openKey") VALUES ($1, $2, $3) RETURNING id`,
        [school.id, student.id, String(student.id)],
      );
      await q(
        `INSERT INTO home_visit ("caseId", "schoolId", "studentId", "scheduledFor", status, outcome, "visitedAt", "addressCorrected")
         VALUES ($1, $2, $3, '2026-11-02', 'DONE', 'CONTACTED', '2026-11-02 15:30-05', 'Mz. A Lt. 1, AA.HH. Prueba'),
                ($1, $2, $3, '2026-11-03', 'DONE', 'NOBODY_HOME', '2026-11-03 09:00-05', NULL),
                ($1, $2, $3, '2026-12-01', 'SCHEDULED', NULL, NULL, NULL)`,
        [c.id, school.id, student.id],
      );
      const applied = await migrate(url);
      expect(applied.applied.length).toBeGreaterThanOrEqual(1);
      const rows = await q(
        `SELECT "correctedStreet", "timeWindow"::text AS "timeWindow" FROM home_visit ORDER BY "scheduledFor"`,
      );
      expect(rows).toEqual([
        { correctedStreet: "Mz. A Lt. 1, AA.HH. Prueba", timeWindow: "AFTERNOON" },
        { correctedStreet: null, timeWindow: "MORNING" },
        { correctedStreet: null, timeWindow: null },
      ]);
      // An outcome without DONE (or DONE without an outcome) is refused by the database.
      await expect(q(`UPDATE home_visit SET outcome = 'REFUSED' WHERE status = 'SCHEDULED'`)).rejects.toThrow(
        /home_visit_outcome_iff_done/,
      );
    } finally {
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
