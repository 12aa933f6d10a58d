import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { addCaseNote } from "../../lib/cases/update-case";
import { createReferral } from "../../lib/referrals/create-referral";
import { findReferrals } from "../../lib/referrals/queries/list-referrals";
import { getReferralPageOrThrow } from "../../lib/referrals/queries/referral-page";
import { acceptReferral, closeReferral, rejectReferral, startReferral } from "../../lib/referrals/respond-referral";
import { getEvaluationSeries } from "../../lib/risk/series";
import { agencyId, schoolId, type UserKey } from "../../prisma/seed/people";
import { appError, demoUsers, origin, referralInput, unreferredCases, type DemoCase } from "../fixtures/referrals";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// What an agency reads, and for how long (PRODUCT.md §2, §3.7; docs/decisions/015-referrals.md):
// exactly the sections its open referral shares; nothing of the case once REJECTED; its own
// referral and counter-referral once CLOSED; never another district's referrals. Every view is
// audited; answers are refused out of order and on a stale version.

let t: TestDatabase;
let u: Record<UserKey, SessionUser>;
let cases: DemoCase[];
/** A note on the case that no referral here shares: it must never reach an agency. */
const NOTE = "Nota reservada del equipo: la madre pidió no ser llamada al trabajo (marcador 7Q2X).";

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  u = await demoUsers(["psychologist", "social", "director", "demuna", "demunaSjl", "cem", "bapes"]);
  cases = await unreferredCases(t.db, "1000001", 3);
  const c = cases[0];
  const { version } = await t.db.case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } });
  await addCaseNote(u.social, { caseId: c.id, version, body: NOTE }, origin);
});
afterAll(async () => {
  await t.drop();
});

const version = async (referralId: string) =>
  (await t.db.referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true } })).version;
const refer = async (c: DemoCase, agency: string, sections: string[]) =>
  (await createReferral(u.social, referralInput(c.id, agencyId(agency), { sharedSections: sections }), origin))
    .referralId;

describe("[REFERRALS] an open referral shows exactly what it shares", () => {
  let referralId: string;

  beforeAll(async () => {
    referralId = await refer(cases[0], "DEMUNA-TRU", ["IDENTIFICATION", "ATTENDANCE"]);
  });

  it("demuna@ reads the referral, the student's name and those two sections; no note, no contact, no evaluation", async () => {
    const page = await getReferralPageOrThrow(u.demuna, referralId, origin);
    expect(page.view).toBe("AGENCY_OPEN");
    expect(page.moves).toEqual(["ACCEPT", "REJECT"]);
    expect(page.student?.kind).toBe("name");
    expect(page.referral.basis?.consentGivenBy).toBe("Rosa Quispe Mamani");
    const file = page.file!;
    expect(file.sections).toEqual(["IDENTIFICATION", "ATTENDANCE"]);
    expect(file.contact).toBeNull();
    expect(file.evaluations).toBeNull();
    expect(file.homeVisits).toBeNull();
    expect(file.team).toBeNull();
    expect(file.timeline.map((e) => e.type)).not.toContain("NOTE");
    // What would reach the page's payload: no note text, no phone, no guardian's phone.
    const payload = JSON.stringify(page);
    expect(payload).not.toContain("7Q2X");
    const student = await t.db.student.findUniqueOrThrow({ where: { id: cases[0].studentId } });
    for (const hidden of [student.phone, student.guardianPhone, student.addressStreet].filter(Boolean))
      expect(payload).not.toContain(hidden!);
  });

  it("the school side reads everything of its referral and the way to the case", async () => {
    const page = await getReferralPageOrThrow(u.director, referralId, origin);
    expect(page).toMatchObject({ view: "SCHOOL", caseId: cases[0].id, moves: [], file: null });
    expect(page.referral.sharedSections).toEqual(["IDENTIFICATION", "ATTENDANCE"]);
  });

  it("[REFERRALS] demuna.sjl@ cannot open a Trujillo referral or its case: not found, no data", async () => {
    const v = await version(referralId);
    for (const read of [
      () => getReferralPageOrThrow(u.demunaSjl, referralId, origin),
      () => getCaseFileOrThrow(u.demunaSjl, cases[0].id, origin),
      () => acceptReferral(u.demunaSjl, { referralId, version: v }, origin),
    ]) {
      const e = await appError(read());
      expect(e.code).toBe("NOT_FOUND");
      expect(JSON.stringify(e)).not.toContain("7Q2X");
    }
    const inbox = await findReferrals(u.demunaSjl, {}, origin, 500);
    expect(inbox.rows.map((r) => r.id)).not.toContain(referralId);
    expect(inbox.rows.every((r) => r.agencyName === "DEMUNA San Juan de Lurigancho")).toBe(true);
    expect((await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).status).toBe("SENT");
    expect(
      await t.db.auditLog.count({
        where: { action: "referral.read_denied", actorId: u.demunaSjl.id, entityId: referralId },
      }),
    ).toBe(1);
  });

  it("audits every view: the referral with its view and sections, a denied one, the inbox", async () => {
    const entries = await t.db.auditLog.findMany({
      where: { entityId: referralId, action: "referral.read" },
      select: { actorId: true, details: true, schoolId: true },
      orderBy: { id: "asc" },
    });
    expect(entries).toEqual([
      {
        actorId: u.demuna.id,
        schoolId: schoolId("1000001"),
        details: { view: "AGENCY_OPEN", status: "SENT", sections: ["IDENTIFICATION", "ATTENDANCE"] },
      },
      {
        actorId: u.director.id,
        schoolId: schoolId("1000001"),
        details: { view: "SCHOOL", status: "SENT", sections: [] },
      },
    ]);
    await findReferrals(u.demuna, { status: ["SENT"] }, origin);
    expect(
      await t.db.auditLog.count({
        where: { action: "referral.list", actorId: u.demuna.id, entityId: `inbox:${u.demuna.agencyId}` },
      }),
    ).toBe(1);
  });
});

describe("[REFERRALS] answers: in order, on the version shown", () => {
  let referralId: string;

  beforeAll(async () => {
    referralId = await refer(cases[1], "DEMUNA-TRU", ["IDENTIFICATION", "CONTACT", "NOTES"]);
  });

  it("refuses invalid transitions with a clear message and changes nothing", async () => {
    const v = await version(referralId);
    const close = { referralId, version: v, counterReferral: "x", nextSteps: "y", returnsToSchool: "yes" };
    const e = await appError(closeReferral(u.demuna, close, origin));
    expect(e.code).toBe("INVALID_TRANSITION");
    expect(e.message).toBe(
      "No se puede pasar una derivación de «Enviada» a «Cerrada». Pasos permitidos: «Aceptada», «Rechazada».",
    );
    expect(await appError(startReferral(u.demuna, { referralId, version: v }, origin))).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({
      status: "SENT",
      version: v,
    });
    // The school side cannot answer for the agency; another agency cannot see it.
    for (const who of [u.social, u.cem])
      expect((await appError(acceptReferral(who, { referralId, version: v }, origin))).code).toBe("NOT_FOUND");
    // A rejection needs its reason.
    const blank = await appError(rejectReferral(u.demuna, { referralId, version: v, rejectionReason: "  " }, origin));
    expect(blank.issues[0]).toMatchObject({ field: "rejectionReason" });
  });

  it("two people answering the same version: one wins, the other gets a conflict", async () => {
    const v = await version(referralId);
    const results = await Promise.allSettled([
      acceptReferral(u.demuna, { referralId, version: v }, origin),
      acceptReferral(u.demuna, { referralId, version: v }, origin),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({
      status: "ACCEPTED",
      version: v + 1,
    });
    expect(await t.db.auditLog.count({ where: { action: "referral.accept", entityId: referralId } })).toBe(1);
  });

  it("accepted → in progress → closed with the counter-referral; each step on the timeline, audited, notified", async () => {
    const row = await t.db.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(row.status).toBe("ACCEPTED");
    await startReferral(u.demuna, { referralId, version: row.version }, origin);
    const close = {
      referralId,
      version: row.version + 1,
      counterReferral: "Entrevista con la familia; acta de compromiso firmada.",
      nextSteps: "Seguimiento mensual de la DEMUNA.",
      returnsToSchool: "yes",
    };
    await closeReferral(u.demuna, close, origin);
    expect(await t.db.referral.findUniqueOrThrow({ where: { id: referralId } })).toMatchObject({
      status: "CLOSED",
      counterReferral: close.counterReferral,
      counterReferralNextSteps: close.nextSteps,
      caseReturnsToSchool: true,
      respondedById: u.demuna.id,
    });
    const events = await t.db.caseEvent.findMany({
      where: { caseId: cases[1].id, type: { in: ["REFERRAL", "REFERRAL_UPDATE"] } },
      orderBy: { occurredAt: "asc" },
      select: { data: true },
    });
    expect(events.map((e) => (e.data as { status: string }).status)).toEqual([
      "SENT",
      "ACCEPTED",
      "IN_PROGRESS",
      "CLOSED",
    ]);
    const actions = await t.db.auditLog.findMany({
      where: { entityId: referralId, action: { in: ["referral.accept", "referral.start", "referral.close"] } },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["referral.accept", "referral.start", "referral.close"]);
    const notified = await t.db.notification.findMany({
      where: { referralId, userId: u.social.id },
      select: { kind: true },
      orderBy: { createdAt: "asc" },
    });
    expect(notified.map((n) => n.kind)).toEqual(["REFERRAL_ACCEPTED", "REFERRAL_IN_PROGRESS", "REFERRAL_CLOSED"]);
  });

  it("after CLOSED the agency keeps its referral and counter-referral, read-only, and nothing of the case", async () => {
    const page = await getReferralPageOrThrow(u.demuna, referralId, origin);
    expect(page.view).toBe("AGENCY_CLOSED");
    expect(page.moves).toEqual([]);
    expect(page.file).toBeNull();
    expect(page.referral.basis).toBeNull();
    expect(page.referral.counterReferral).toBe("Entrevista con la familia; acta de compromiso firmada.");
    expect(page.student?.kind).toBe("initials");
    const student = await t.db.student.findUniqueOrThrow({ where: { id: cases[1].studentId } });
    const payload = JSON.stringify(page);
    expect(payload).not.toContain(student.givenNames);
    expect(payload).not.toContain(student.paternalSurname);
    expect((await appError(getCaseFileOrThrow(u.demuna, cases[1].id, origin))).code).toBe("NOT_FOUND");
    const v = await version(referralId);
    expect((await appError(acceptReferral(u.demuna, { referralId, version: v }, origin))).message).toBe(
      "La derivación está «Cerrada»: ya no admite cambios.",
    );
  });
});

describe("[REFERRALS] access ends at once with a rejection", () => {
  it("after REJECTED the agency loses the case, its sections and the referral's content", async () => {
    const c = cases[2];
    const referralId = await refer(c, "DEMUNA-TRU", ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "RISK_SUMMARY"]);
    expect((await getCaseFileOrThrow(u.demuna, c.id, origin)).sections).toContain("CONTACT");
    await rejectReferral(
      u.demuna,
      { referralId, version: await version(referralId), rejectionReason: "Domicilio de otra jurisdicción." },
      origin,
    );
    expect((await appError(getCaseFileOrThrow(u.demuna, c.id, origin))).code).toBe("NOT_FOUND");
    expect((await appError(getEvaluationSeries(u.demuna, c.id, origin))).code).toBe("NOT_FOUND");
    const page = await getReferralPageOrThrow(u.demuna, referralId, origin);
    expect(page).toMatchObject({ view: "AGENCY_REJECTED", student: null, file: null, moves: [] });
    expect(page.referral).toMatchObject({ reason: null, basis: null, legalBasis: null, sharedSections: null });
    expect(page.referral.rejectionReason).toBe("Domicilio de otra jurisdicción.");
    const payload = JSON.stringify(page);
    expect(payload).not.toContain("Inasistencias reiteradas");
    expect(payload).not.toContain("Rosa Quispe");
    // In the inbox the row stays, without the student.
    const inbox = await findReferrals(u.demuna, { status: ["REJECTED"] }, origin, 500);
    expect(inbox.rows.find((r) => r.id === referralId)).toMatchObject({ student: null, status: "REJECTED" });
    // The school side still reads it all, and is told.
    expect((await getReferralPageOrThrow(u.social, referralId, origin)).referral.reason).toContain("Inasistencias");
    expect(
      await t.db.notification.count({ where: { referralId, kind: "REFERRAL_REJECTED", userId: u.social.id } }),
    ).toBe(1);
  });
});

describe("[REFERRALS] /referrals", () => {
  it("lists the agency's own inbox overdue first, then open by state and urgency, then finished; filters from the URL", async () => {
    // The first referral here, still unanswered, is now past its deadline.
    const now = new Date();
    await t.db.referral.updateMany({
      where: { caseId: cases[0].id, status: "SENT" },
      data: { dueAt: new Date(now.getTime() - 3600_000) },
    });
    const inbox = await findReferrals(u.demuna, {}, origin, 500, now);
    expect(inbox.total).toBe(await t.db.referral.count({ where: { agencyId: u.demuna.agencyId! } }));
    const rank = (r: (typeof inbox.rows)[number]) =>
      r.overdue ? 0 : ["SENT", "ACCEPTED", "IN_PROGRESS"].includes(r.status) ? 1 : 2;
    const ranks = inbox.rows.map(rank);
    expect(ranks).toEqual([...ranks].sort());
    expect(inbox.rows[0]).toMatchObject({ overdue: true, student: { kind: "name" } });
    // Within each group its own order: overdue by urgency then deadline; open by state (as the
    // enum declares them), urgency, deadline; finished newest first.
    const STATES = ["SENT", "ACCEPTED", "REJECTED", "IN_PROGRESS", "CLOSED"];
    const URGENCIES = ["URGENT", "PRIORITY", "ROUTINE"];
    const key = (r: (typeof inbox.rows)[number]) => {
      const tier = rank(r);
      if (tier === 0) return [0, URGENCIES.indexOf(r.urgency), r.dueAt.getTime()];
      if (tier === 1) return [1, STATES.indexOf(r.status), URGENCIES.indexOf(r.urgency), r.dueAt.getTime()];
      return [2, -r.sentAt.getTime()];
    };
    const before = (a: number[], b: number[]) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
      return true;
    };
    for (let i = 1; i < inbox.rows.length; i++)
      expect(before(key(inbox.rows[i - 1]), key(inbox.rows[i])), `row ${i}`).toBe(true);
    expect(new Set(inbox.rows.map(rank)).size).toBeGreaterThan(1);
    const overdue = await findReferrals(u.demuna, { overdue: "1" }, origin, 500, now);
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.overdue && r.status === "SENT" && r.dueAt < now)).toBe(true);
    const two = await findReferrals(u.demuna, { status: ["ACCEPTED", "CLOSED"], urgency: "PRIORITY" }, origin, 500);
    expect(two.rows.every((r) => ["ACCEPTED", "CLOSED"].includes(r.status) && r.urgency === "PRIORITY")).toBe(true);
    // Pages cover the list once, in the same order.
    const paged = [];
    for (let page = 1; page <= Math.ceil(inbox.total / 7); page++)
      paged.push(...(await findReferrals(u.demuna, { page }, origin, 7, now)).rows.map((r) => r.id));
    expect(paged).toEqual(inbox.rows.map((r) => r.id));
  });

  it("lists for the director the referrals sent from their school only, with the student's name and the case", async () => {
    const list = await findReferrals(u.director, {}, origin, 500);
    expect(list.total).toBe(await t.db.referral.count({ where: { schoolId: schoolId("1000001") } }));
    expect(list.rows.every((r) => r.schoolName === "IE Trujillo A" && r.caseId && r.student?.kind === "name")).toBe(
      true,
    );
    // Each row names its own student and agency, as the records say.
    const records = await t.db.referral.findMany({
      where: { id: { in: list.rows.map((r) => r.id) } },
      select: { id: true, agency: { select: { name: true } }, student: true },
    });
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const row of list.rows) {
      const record = byId.get(row.id)!;
      expect(row.agencyName).toBe(record.agency.name);
      expect(row.student?.text).toContain(record.student.givenNames);
      expect(row.student?.text).toContain(record.student.paternalSurname);
    }
  });
});
