import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { AppError } from "../../lib/errors/app-error";
import { todayInLima } from "../../lib/format/date";
import { nextWorkday } from "../../lib/attendance/calendar";
import { recordVisitOutcome } from "../../lib/visits/record-visit-outcome";
import { scheduleVisit } from "../../lib/visits/schedule-visit";
import { getVisitPage } from "../../lib/visits/visit-page";
import { buildScenario, type Scenario } from "../fixtures/scenario";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The page of one visit (/visits/[id]) against the real database: the outcome form before,
// and after a failed visit the next attempt with the same details and the state offer; a
// second person sees what the first recorded; scope and roles read as not found.

let t: TestDatabase;
let s: Scenario;
let sw: SessionUser;
const origin = { ip: "198.51.100.9", userAgent: "vitest (visit page)", via: "web" as const };
const today = todayInLima();

beforeAll(async () => {
  t = await createTestDatabase();
  s = await buildScenario(t);
  sw = s.users.socialWorker;
});
afterAll(async () => {
  await t.drop();
});

let dni = 73000000;
async function newCase(schoolId: string, state: "OPEN" | "CONTACTING" = "OPEN") {
  const student = await t.db.student.create({
    data: {
      schoolId,
      documentType: "DNI",
      documentNumber: String(++dni),
      paternalSurname: "Ruta",
      maternalSurname: "Visita",
      givenNames: "Carla",
      sex: "F",
      grade: 3,
      section: "A",
      addressStreet: "Jr. Los Olivos 45",
      addressReference: "Frente al mercado",
      addressDistrict: "Trujillo",
      phone: "944 555 111",
      guardianName: "Rosa Visita",
      guardianRelationship: "Madre",
      guardianPhone: "+51 955 000 222",
    },
    select: { id: true },
  });
  return t.db.case.create({
    data: { schoolId, studentId: student.id, openKey: student.id, state },
    select: { id: true, schoolId: true, studentId: true },
  });
}

const schedule = (caseId: string, over: Record<string, unknown> = {}) =>
  scheduleVisit(
    sw,
    {
      caseId,
      scheduledFor: today,
      timeWindow: "AFTERNOON",
      assigneeId: sw.id,
      purpose: "Ubicar a la familia",
      ...over,
    },
    origin,
  );

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("NOT_FOUND");
}

describe("[VISITS] the page of one visit", () => {
  it("before the visit: the address with its verified day, the phones and the guardian; nothing to offer yet", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(c.id);
    const page = await getVisitPage(sw, visitId, origin);
    expect(page.visit).toMatchObject({ id: visitId, status: "SCHEDULED", outcome: null, timeWindow: "AFTERNOON" });
    expect(page.visit.assignee).toEqual({ id: sw.id, name: "Usuario socialWorker" });
    expect(page.student).toMatchObject({
      name: "Ruta Visita, Carla",
      phone: "944 555 111",
      guardianName: "Rosa Visita",
      guardianRelationship: "Madre",
      guardianPhone: "+51 955 000 222",
    });
    expect(page.address).toMatchObject({ street: "Jr. Los Olivos 45", reference: "Frente al mercado", isStale: true });
    expect(page.nextVisit).toBeNull();
    expect(page.pending).toBeNull();
    expect(page.stateOffer).toBeNull();
  });

  it("audits the read (contacts and notes are on the page), once for reloads in the same sitting", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(c.id);
    const reads = () => t.db.auditLog.findMany({ where: { action: "visit.read", entityId: visitId } });
    await getVisitPage(sw, visitId, origin);
    await getVisitPage(sw, visitId, origin);
    const rows = await reads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: sw.id, entity: "HomeVisit", schoolId: s.schools.a.id });
    expect(rows[0].details).toEqual({ caseId: c.id });
    // A refused read writes nothing.
    await expectNotFound(getVisitPage(s.users.directorA, visitId, origin));
    expect(await reads()).toHaveLength(1);
  });

  it("after a failed visit: the next attempt with the same details, the state offer, and for a colleague the same page", async () => {
    const c = await newCase(s.schools.a.id);
    const { visitId } = await schedule(c.id, { purpose: "Conocer el motivo de las faltas" });
    await recordVisitOutcome(sw, { visitId, outcome: "ADDRESS_NOT_FOUND", notes: "Nadie conoce la calle." }, origin);

    for (const viewer of [sw, s.users.psychologist]) {
      const page = await getVisitPage(viewer, visitId, origin);
      expect(page.visit).toMatchObject({
        status: "DONE",
        outcome: "ADDRESS_NOT_FOUND",
        addressConfirmed: false,
        notes: "Nadie conoce la calle.",
        recordedBy: "Usuario socialWorker",
      });
      expect(page.nextVisit).toEqual({
        assigneeId: sw.id,
        timeWindow: "AFTERNOON",
        purpose: "Conocer el motivo de las faltas",
        day: nextWorkday(today),
      });
      expect(page.stateOffer).toEqual({ caseId: c.id, from: "OPEN", to: "CONTACTING", version: 1 });
      expect(page.assignees.map((a) => a.id)).toContain(sw.id);
    }

    // Once the next attempt is planned, the page points to it instead of offering another.
    const next = await schedule(c.id, { scheduledFor: nextWorkday(today) });
    const after = await getVisitPage(sw, visitId, origin);
    expect(after.nextVisit).toBeNull();
    expect(after.assignees).toEqual([]);
    expect(after.pending).toMatchObject({
      id: next.visitId,
      timeWindow: "AFTERNOON",
      assigneeName: "Usuario socialWorker",
    });
  });

  it("a contact with a corrected address offers evaluation on a case in contact, and no next attempt", async () => {
    const c = await newCase(s.schools.a.id, "CONTACTING");
    const { visitId } = await schedule(c.id);
    await recordVisitOutcome(
      sw,
      {
        visitId,
        outcome: "CONTACTED",
        metWith: "La madre",
        addressAction: "CORRECTED",
        newStreet: "Psje. Las Flores 8",
        newDistrict: "La Esperanza",
      },
      origin,
    );
    const page = await getVisitPage(sw, visitId, origin);
    expect(page.visit).toMatchObject({ outcome: "CONTACTED", metWith: "La madre" });
    expect(page.visit.corrected).toEqual({ street: "Psje. Las Flores 8", reference: null, district: "La Esperanza" });
    expect(page.address).toMatchObject({ street: "Psje. Las Flores 8", district: "La Esperanza", isStale: false });
    expect(page.nextVisit).toBeNull();
    expect(page.stateOffer).toEqual({ caseId: c.id, from: "CONTACTING", to: "EVALUATION", version: 1 });
  });

  it("offers neither another attempt nor a state on a closed case, and leaves out an assignee who left the team", async () => {
    const c = await newCase(s.schools.a.id);
    const inactive = await schedule(c.id, { assigneeId: s.users.educator.id });
    await recordVisitOutcome(sw, { visitId: inactive.visitId, outcome: "NOBODY_HOME" }, origin);
    await t.db.user.update({ where: { id: s.users.educator.id }, data: { active: false } });
    try {
      const page = await getVisitPage(sw, inactive.visitId, origin);
      expect(page.nextVisit).toMatchObject({ assigneeId: null, timeWindow: "AFTERNOON" });
      expect(page.assignees.map((a) => a.id)).not.toContain(s.users.educator.id);
    } finally {
      await t.db.user.update({ where: { id: s.users.educator.id }, data: { active: true } });
    }

    await t.db.case.update({
      where: { id: c.id },
      data: { state: "CLOSED", openKey: null, outcome: "OTHER", closedAt: new Date() },
    });
    const closed = await getVisitPage(sw, inactive.visitId, origin);
    expect(closed.nextVisit).toBeNull();
    expect(closed.stateOffer).toBeNull();
  });

  it("reads as not found out of scope, for roles that do not make visits, and for a malformed id", async () => {
    const c = await newCase(s.schools.b.id);
    const { visitId } = await schedule(c.id);
    // The educator and the tutor serve school a only; directors, coordinators, agencies and
    // the administrator do not make visits.
    for (const user of [
      s.users.educator,
      s.users.tutor,
      s.users.directorB,
      s.users.coordinator,
      s.users.demuna,
      s.users.admin,
    ]) {
      await expectNotFound(getVisitPage(user, visitId, origin));
    }
    await expectNotFound(getVisitPage(sw, "not-a-visit", origin));
    await expectNotFound(getVisitPage(sw, "6f1c2a8e-1d2b-4c3d-8e4f-5a6b7c8d9e0f", origin));
    expect((await getVisitPage(sw, visitId, origin)).visit.id).toBe(visitId);
  });
});
