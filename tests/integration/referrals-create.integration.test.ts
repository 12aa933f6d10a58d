import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { changeCaseState } from "../../lib/cases/update-case";
import { todayInLima } from "../../lib/format/date";
import { createReferral } from "../../lib/referrals/create-referral";
import { getReferralPageOrThrow } from "../../lib/referrals/queries/referral-page";
import { agencyId, type UserKey } from "../../prisma/seed/people";
import {
  appError,
  bornYearsAgo,
  demoUsers,
  origin,
  referralInput,
  unreferredCases,
  type DemoCase,
} from "../fixtures/referrals";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Making a referral (PRODUCT.md §3.7, docs/decisions/015-referrals.md) on a copy of the demo:
// refused without a legal basis or its details, the adolescent's own consent only from 14, the
// packet capped by the agency and the sender whatever the request lists, one open referral per
// agency, an urgent task done by the referral, and a case that does not close over it silently.

let t: TestDatabase;
let u: Record<UserKey, SessionUser>;
let cases: DemoCase[];

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  u = await demoUsers(["psychologist", "social", "educator", "director", "demuna", "bapes", "csmc", "ugel"]);
  cases = await unreferredCases(t.db, "1000001", 6);
});
afterAll(async () => {
  await t.drop();
});

const referralCount = (caseId: string) => t.db.referral.count({ where: { caseId } });
const stored = (id: string) =>
  t.db.referral.findUniqueOrThrow({
    where: { id },
    select: {
      legalBasis: true,
      consentGivenBy: true,
      consentRelationship: true,
      consentDate: true,
      consentMethod: true,
      legalNorm: true,
      sharedSections: true,
      status: true,
      dueAt: true,
      sentAt: true,
    },
  });

describe("[REFERRALS] a referral needs its legal basis", () => {
  it("is refused without a legal basis, with a Spanish message naming the field; nothing is written", async () => {
    const c = cases[0];
    const e = await appError(
      createReferral(u.social, referralInput(c.id, agencyId("DEMUNA-TRU"), { legalBasis: "" }), origin),
    );
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("Falta la base legal («Base legal»)");
    expect(e.issues.map((i) => i.field)).toContain("legalBasis");
    expect(await referralCount(c.id)).toBe(0);
  });

  it("guardian consent needs who, relationship, date and how; the duty to protect needs the norm", async () => {
    const c = cases[0];
    const demuna = agencyId("DEMUNA-TRU");
    const cases_ = [
      [{ consentGivenBy: "" }, "consentGivenBy", "indique quién lo dio"],
      [{ consentRelationship: " " }, "consentRelationship", "relación con el estudiante"],
      [{ consentDate: "" }, "consentDate", "fecha del consentimiento"],
      [{ consentMethod: "" }, "consentMethod", "cómo se dio el consentimiento"],
      [{ legalBasis: "CHILD_PROTECTION_DUTY", legalNorm: "" }, "legalNorm", "cite la norma"],
    ] as const;
    for (const [overrides, field, text] of cases_) {
      const e = await appError(createReferral(u.social, referralInput(c.id, demuna, overrides), origin));
      expect(e.code, field).toBe("INVALID_INPUT");
      expect(e.issues.find((i) => i.field === field)?.message, field).toContain(text);
    }
    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    const future = await appError(
      createReferral(u.social, referralInput(c.id, demuna, { consentDate: todayInLima(tomorrow) }), origin),
    );
    expect(future.issues[0]).toMatchObject({ field: "consentDate" });
    expect(await referralCount(c.id)).toBe(0);
  });

  it("keeps only the chosen basis's details: a duty-to-protect referral carries no guardian's name", async () => {
    const c = cases[0];
    const input = referralInput(c.id, agencyId("DEMUNA-TRU"), {
      legalBasis: "CHILD_PROTECTION_DUTY",
      legalNorm: "Ley 30364",
      urgency: "URGENT",
    });
    const { referralId } = await createReferral(u.social, input, origin);
    const row = await stored(referralId);
    expect(row).toMatchObject({
      legalBasis: "CHILD_PROTECTION_DUTY",
      legalNorm: "Ley 30364",
      consentGivenBy: null,
      consentRelationship: null,
      consentDate: null,
      consentMethod: null,
      status: "SENT",
    });
    // The response deadline follows the urgency.
    expect(row.dueAt.getTime() - row.sentAt.getTime()).toBe(24 * 3600_000);
  });

  it("accepts the adolescent's own consent from 14 at the date of consent, never under 14", async () => {
    const c = cases[1];
    const ugel = agencyId("UGEL-TRU");
    const own = { legalBasis: "ADOLESCENT_CONSENT", consentGivenBy: "", consentRelationship: "" };
    // Thirteen years and 360 days old today.
    await t.db.student.update({ where: { id: c.studentId }, data: { birthDate: bornYearsAgo(14, 5) } });
    const under = await appError(createReferral(u.social, referralInput(c.id, ugel, own), origin));
    expect(under.code).toBe("INVALID_INPUT");
    expect(under.message).toContain("El consentimiento propio vale desde los 14 años: el estudiante tenía 13 años");
    await t.db.student.update({ where: { id: c.studentId }, data: { birthDate: null } });
    expect((await appError(createReferral(u.social, referralInput(c.id, ugel, own), origin))).message).toContain(
      "No consta la fecha de nacimiento",
    );
    expect(await referralCount(c.id)).toBe(0);

    await t.db.student.update({ where: { id: c.studentId }, data: { birthDate: bornYearsAgo(14) } });
    const { referralId } = await createReferral(u.social, referralInput(c.id, ugel, own), origin);
    expect(await stored(referralId)).toMatchObject({
      legalBasis: "ADOLESCENT_CONSENT",
      consentGivenBy: null,
      consentMethod: "WRITTEN",
    });
  });
});

describe("[REFERRALS] the data packet", () => {
  it("[REFERRALS] a Bapes referral never contains sensitive sections, even when the request asks for them", async () => {
    const c = cases[2];
    const asked = ["IDENTIFICATION", "RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE", "NOTES", "HOME_VISITS", "X"];
    const { referralId } = await createReferral(
      u.psychologist,
      referralInput(c.id, agencyId("BAPES-TRU"), { sharedSections: asked }),
      origin,
    );
    expect((await stored(referralId)).sharedSections).toEqual(["IDENTIFICATION", "HOME_VISITS"]);
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: "referral.create", entityId: referralId },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({
      droppedSections: ["RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE", "NOTES", "X"],
    });

    // What Bapes staff then read of the case: those two sections, no evaluation, no notes.
    const page = await getReferralPageOrThrow(u.bapes, referralId, origin);
    expect(page.file!.sections).toEqual(["IDENTIFICATION", "HOME_VISITS"]);
    expect(page.file!.evaluations).toBeNull();
    expect(page.file!.timeline.every((e) => e.type !== "NOTE" && e.type !== "EVALUATION")).toBe(true);
  });

  it("shares sensitive answers only from the psychologist, only with the answers, never more than the agency's maximum", async () => {
    const c = cases[2];
    const all = ["IDENTIFICATION", "RISK_ANSWERS", "RISK_SENSITIVE"];
    const social = await createReferral(
      u.social,
      referralInput(c.id, agencyId("CSMC-TRU"), { sharedSections: all }),
      origin,
    );
    expect((await stored(social.referralId)).sharedSections).toEqual(["IDENTIFICATION", "RISK_ANSWERS"]);
    const ugel = await createReferral(
      u.psychologist,
      referralInput(c.id, agencyId("UGEL-TRU"), { sharedSections: ["RISK_SENSITIVE", "ATTENDANCE"] }),
      origin,
    );
    expect((await stored(ugel.referralId)).sharedSections).toEqual(["ATTENDANCE"]);
    const e = await appError(
      createReferral(
        u.psychologist,
        referralInput(c.id, agencyId("CEM-TRU"), { sharedSections: ["RISK_SENSITIVE", "BOGUS"] }),
        origin,
      ),
    );
    expect(e.message).toContain("Elija al menos una sección");
  });
});

describe("[REFERRALS] who may refer, and to whom", () => {
  it("only the psychologist and the social worker refer; others read 'not found' and nothing is written", async () => {
    const c = cases[3];
    for (const who of [u.educator, u.director, u.demuna])
      expect((await appError(createReferral(who, referralInput(c.id, agencyId("DEMUNA-TRU")), origin))).code).toBe(
        "NOT_FOUND",
      );
    expect(await referralCount(c.id)).toBe(0);
  });

  it("refers only to agencies serving the school's district, one open referral per agency", async () => {
    const c = cases[3];
    const far = await appError(createReferral(u.social, referralInput(c.id, agencyId("DEMUNA-SJL")), origin));
    expect(far.issues[0]).toMatchObject({ field: "agencyId" });
    await createReferral(u.social, referralInput(c.id, agencyId("DEMUNA-TRU")), origin);
    const again = await appError(createReferral(u.social, referralInput(c.id, agencyId("DEMUNA-TRU")), origin));
    expect(again.code).toBe("ALREADY_EXISTS");
    expect(again.message).toBe(
      "Este caso ya tiene una derivación abierta a DEMUNA Trujillo. Espere su respuesta o su cierre.",
    );
    expect(await referralCount(c.id)).toBe(1);
  });

  it("a referral to CSMC completes the case's urgent CSMC task and is linked to it", async () => {
    const c = cases[4];
    const task = await t.db.caseTask.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        studentId: c.studentId,
        kind: "URGENT_REFERRAL",
        agencyType: "CSMC",
        agencyId: agencyId("CSMC-TRU"),
        dueAt: new Date(Date.now() + 3600_000),
      },
    });
    await createReferral(u.social, referralInput(c.id, agencyId("DEMUNA-TRU")), origin);
    expect((await t.db.caseTask.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();
    const { referralId } = await createReferral(
      u.psychologist,
      referralInput(c.id, agencyId("CSMC-TRU"), { urgency: "URGENT" }),
      origin,
    );
    expect(await t.db.caseTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      referralId,
      doneById: u.psychologist.id,
    });
    expect(await t.db.auditLog.count({ where: { action: "caseTask.complete", entityId: task.id } })).toBe(1);
  });

  it("notifies the agency's staff of a new referral, in the same transaction", async () => {
    const c = cases[5];
    const { referralId } = await createReferral(u.social, referralInput(c.id, agencyId("DEMUNA-TRU")), origin);
    const rows = await t.db.notification.findMany({ where: { referralId }, select: { userId: true, kind: true } });
    expect(rows).toEqual([{ userId: u.demuna.id, kind: "REFERRAL_RECEIVED" }]);
  });
});

describe("[REFERRALS] closing a case over an unsettled referral", () => {
  it("needs an explicit confirmation while a referral it sent is SENT or ACCEPTED", async () => {
    const c = cases[5];
    const version = async () => (await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).version;
    const state = (await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).state;
    if (state === "OPEN") await changeCaseState(u.social, { caseId: c.id, version: await version(), to: "CONTACTING" });
    const close = { caseId: c.id, to: "CLOSED", outcome: "TRANSFERRED" };
    const e = await appError(changeCaseState(u.social, { ...close, version: await version() }, origin));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toBe(
      "Este caso tiene una derivación sin terminar (enviada o aceptada): DEMUNA Trujillo. Para cerrarlo de todos modos, marque la confirmación.",
    );
    expect(e.issues[0].field).toBe("confirmOpenReferrals");
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).state).not.toBe("CLOSED");

    await changeCaseState(u.social, { ...close, version: await version(), confirmOpenReferrals: "on" }, origin);
    const closed = await t.db.caseEvent.findFirstOrThrow({
      where: { caseId: c.id, type: "STATE_CHANGE" },
      orderBy: { occurredAt: "desc" },
      select: { data: true },
    });
    expect(closed.data).toMatchObject({ to: "CLOSED", openReferralsConfirmed: 1 });
    // A closed case takes no new referral.
    const late = await appError(createReferral(u.social, referralInput(c.id, agencyId("CEM-TRU")), origin));
    expect(late.code).toBe("INVALID_TRANSITION");
  });
});
