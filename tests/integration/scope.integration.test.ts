import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/auth/options";
import { studentWhere } from "../../lib/auth/scope";
import { loadSessionUser } from "../../lib/auth/session";
import { requestFrom } from "../helpers/request";
import { SIGN_IN_ERRORS } from "../../lib/auth/sign-in";
import type { SessionUser } from "../../lib/auth/types";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { getEvaluationOrThrow } from "../../lib/risk/queries";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());

const origin = { ip: "192.0.2.10", userAgent: "scope-test", via: "web" as const };
const read = (user: SessionUser, caseId: string) => getCaseFileOrThrow(user, caseId, origin);
const notFound = expect.objectContaining({ name: "AppError", code: "NOT_FOUND" });
/** The items whose answers `user` receives when opening each evaluation of the case (none: SUMMARY view). */
const answeredItems = async (user: SessionUser, file: Awaited<ReturnType<typeof read>>) => {
  const ids: string[] = [];
  for (const e of file.evaluations ?? []) {
    const opened = await getEvaluationOrThrow(user, { caseId: file.case.id, evaluationId: e.id }, origin);
    ids.push(...(opened.answers ?? []).map((a) => a.item.id));
  }
  return ids.sort();
};
const countAudit = (action: string, entityId: string) => t.db.auditLog.count({ where: { action, entityId } });

describe("[SCOPE] school boundaries", () => {
  it("[SCOPE] a DIRECTOR of school A cannot see a student of school B", async () => {
    const other = await t.db.student.findFirst({
      where: { AND: [{ id: s.students.b1.id }, studentWhere(s.users.directorA)] },
    });
    expect(other).toBeNull();
    const own = await t.db.student.findFirst({
      where: { AND: [{ id: s.students.a1.id }, studentWhere(s.users.directorA)] },
    });
    expect(own?.id).toBe(s.students.a1.id);
  });

  it("[SCOPE] a DIRECTOR gets summary and timeline of an own-school case: evaluation level and date, never answers", async () => {
    const file = await read(s.users.directorA, s.cases.a.id);
    expect(file.access).toBe("SUMMARY");
    expect(file.student?.givenNames).toBe("Ana");
    expect(file.timeline.length).toBeGreaterThan(0);
    expect(file.evaluations?.map((e) => e.overallLevel)).toEqual(["HIGH"]);
    expect(file.sections).not.toContain("RISK_ANSWERS");
    expect(await answeredItems(s.users.directorA, file)).toEqual([]);
    await expect(read(s.users.directorA, s.cases.b.id)).rejects.toEqual(notFound);
  });

  it("[SCOPE] a COORDINATOR cannot read a named student nor a case file", async () => {
    const rows = await t.db.student.findMany({ where: studentWhere(s.users.coordinator) });
    expect(rows).toEqual([]);
    await expect(read(s.users.coordinator, s.cases.a.id)).rejects.toEqual(notFound);
  });

  it("[SCOPE] ADMIN and TUTOR cannot read case content", async () => {
    await expect(read(s.users.admin, s.cases.a.id)).rejects.toEqual(notFound);
    await expect(read(s.users.tutor, s.cases.a.id)).rejects.toEqual(notFound);
    expect(
      await t.db.auditLog.count({
        where: { action: "case.read", actorId: { in: [s.users.admin.id, s.users.tutor.id] } },
      }),
    ).toBe(0);
  });

  it("[SCOPE] an unknown or malformed case id is not found", async () => {
    await expect(read(s.users.psychologist, "00000000-0000-4000-8000-000000000000")).rejects.toEqual(notFound);
    await expect(read(s.users.psychologist, "not-a-uuid")).rejects.toEqual(notFound);
  });
});

describe("[RISK] risk answers by role", () => {
  it("[RISK] a PSYCHOLOGIST gets every answer, sensitive ones included", async () => {
    const file = await read(s.users.psychologist, s.cases.a.id);
    expect(file.access).toBe("TEAM");
    expect(await answeredItems(s.users.psychologist, file)).toEqual(
      Object.values(s.items)
        .map((i) => i.id)
        .sort(),
    );
    expect(file.sections).toContain("RISK_SENSITIVE");
  });

  it("[RISK] a SOCIAL_WORKER gets non-sensitive answers only; an EDUCATOR gets none (level, date, evaluator)", async () => {
    const plain = [s.items.lowAcademic.id, s.items.lacksSupport.id].sort();
    for (const [user, answered] of [
      [s.users.socialWorker, plain],
      [s.users.educator, []],
    ] as const) {
      const file = await read(user, s.cases.a.id);
      expect(file.access).toBe("TEAM");
      expect(await answeredItems(user, file)).toEqual(answered);
      expect(file.sections).not.toContain("RISK_SENSITIVE");
      expect(file.contact?.phone).toBe("987654321");
      expect(file.homeVisits).toHaveLength(1);
    }
  });

  it("[RISK] an EDUCATOR of school A cannot open a case of school B", async () => {
    await expect(read(s.users.educator, s.cases.b.id)).rejects.toEqual(notFound);
  });
});

describe("[REFERRALS] agency staff", () => {
  it("[REFERRALS] DEMUNA staff cannot open a case that was not referred to DEMUNA", async () => {
    for (const id of [s.cases.a2.id, s.cases.b.id]) {
      await expect(read(s.users.demuna, id)).rejects.toEqual(notFound);
      // A refused read leaves a denial entry, never a read entry.
      expect(await countAudit("case.read", id)).toBe(0);
      expect(
        await t.db.auditLog.count({ where: { action: "case.read_denied", entityId: id, actorId: s.users.demuna.id } }),
      ).toBe(1);
    }
  });

  it("[REFERRALS] DEMUNA staff opening a case referred to DEMUNA see only the shared sections", async () => {
    const file = await read(s.users.demuna, s.cases.a.id);
    expect(file.access).toBe("AGENCY");
    expect(file.sections).toEqual(["IDENTIFICATION", "ATTENDANCE", "RISK_SUMMARY", "RISK_ANSWERS"]);
    expect(file.student?.documentNumber).toBe("70000001");
    expect(file.contact).toBeNull();
    expect(file.homeVisits).toBeNull();
    expect(file.contactAttempts).toBeNull();
    expect(file.team).toBeNull();
    expect(file.absences?.map((a) => a.status)).toEqual(["UNJUSTIFIED", "UNJUSTIFIED"]);
    expect(file.referrals.map((r) => r.id)).toEqual([s.referrals.demunaA.id]);
    expect(new Set(file.timeline.map((e) => e.type))).toEqual(
      new Set(["STATE_CHANGE", "ALERT", "ABSENCE", "EVALUATION"]),
    );
    // RISK_SENSITIVE was not shared: plain answers only.
    expect(await answeredItems(s.users.demuna, file)).toEqual([s.items.lowAcademic.id, s.items.lacksSupport.id].sort());
  });

  it("[REFERRALS] PNP/Bapes staff never receive sensitive risk answers, even when the referral lists them", async () => {
    const file = await read(s.users.bapes, s.cases.a.id);
    expect(file.sections).not.toContain("RISK_SENSITIVE");
    expect(file.sections).not.toContain("RISK_ANSWERS");
    expect(file.evaluations).toBeNull();
    await expect(
      getEvaluationOrThrow(s.users.bapes, { caseId: s.cases.a.id, evaluationId: s.evaluations.a.id }, origin),
    ).rejects.toEqual(notFound);
    const serialized = JSON.stringify(file);
    expect(serialized).not.toContain(s.items.familyViolence.id);
    expect(serialized).not.toContain(s.items.substances.id);
    expect(file.contact?.guardianName).toBe("Rosa Prueba");
  });

  it("[REFERRALS] CEM staff receive sensitive answers when their referral shares them", async () => {
    const file = await read(s.users.cem, s.cases.b.id);
    expect(await answeredItems(s.users.cem, file)).toEqual(
      Object.values(s.items)
        .map((i) => i.id)
        .sort(),
    );
    await expect(read(s.users.cem, s.cases.a.id)).rejects.toEqual(notFound);
  });
});

describe("[SESSION] the user is re-read from the database", () => {
  it("loads role, schools, agency and agency type", async () => {
    for (const key of ["psychologist", "directorA", "demuna", "admin"] as const) {
      const loaded = await loadSessionUser(s.users[key].id);
      expect(loaded).toEqual({ ...s.users[key], schoolIds: [...s.users[key].schoolIds].sort() });
    }
  });

  it("an inactive user has no session; deactivation and scope changes apply at once", async () => {
    expect(await loadSessionUser(s.users.inactive.id)).toBeNull();
    expect(await loadSessionUser("not-a-uuid")).toBeNull();
    const u = await t.db.user.create({
      data: {
        email: "temporal@escenario.pe",
        name: "Temporal",
        passwordHash: "x",
        role: "TUTOR",
        schools: { create: [{ schoolId: s.schools.a.id }] },
      },
    });
    expect((await loadSessionUser(u.id))?.schoolIds).toEqual([s.schools.a.id]);
    await t.db.userSchool.deleteMany({ where: { userId: u.id } });
    expect((await loadSessionUser(u.id))?.schoolIds).toEqual([]);
    await t.db.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await loadSessionUser(u.id)).toBeNull();
  });
});

describe("[AUTH] credentials provider", () => {
  const req = (ip: string) => requestFrom(ip, { "user-agent": "auth-test" });

  it("signs in an active user and returns the token claims", async () => {
    const user = await authorizeCredentials(
      { email: " PsychologiST@escenario.pe ", password: s.password },
      req("198.51.100.1"),
    );
    expect(user).toMatchObject({ id: s.users.psychologist.id, role: "PSYCHOLOGIST", agencyId: null, locale: "es" });
    expect([...user.schoolIds].sort()).toEqual(s.users.psychologist.schoolIds);
  });

  it("[AUTH] an inactive user cannot sign in, even with the right password", async () => {
    await expect(
      authorizeCredentials({ email: "inactive@escenario.pe", password: s.password }, req("198.51.100.2")),
    ).rejects.toThrow(SIGN_IN_ERRORS.invalidCredentials);
  });

  it("[AUTH] unknown email and wrong password give the same error", async () => {
    const unknown = await authorizeCredentials(
      { email: "nadie@escenario.pe", password: s.password },
      req("198.51.100.3"),
    ).catch((e: Error) => e);
    const wrong = await authorizeCredentials(
      { email: "tutor@escenario.pe", password: "otra-clave" },
      req("198.51.100.3"),
    ).catch((e: Error) => e);
    expect(unknown).toBeInstanceOf(Error);
    expect(wrong).toBeInstanceOf(Error);
    expect((unknown as Error).message).toBe("Correo o contraseña incorrectos.");
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });

  it("[AUTH] refuses the 11th attempt within 15 minutes for the same email and IP, then other IPs still work", async () => {
    const attempt = (password: string, ip = "203.0.113.7") =>
      authorizeCredentials({ email: "educator@escenario.pe", password }, req(ip));
    for (let i = 0; i < 10; i++) await expect(attempt("mala")).rejects.toThrow(SIGN_IN_ERRORS.invalidCredentials);
    await expect(attempt(s.password)).rejects.toThrow(SIGN_IN_ERRORS.rateLimited);
    await expect(attempt(s.password)).rejects.toThrow(SIGN_IN_ERRORS.rateLimited);
    const limited = await t.db.auditLog.count({
      where: {
        action: "auth.signin_failed",
        entityId: s.users.educator.id,
        details: { path: ["reason"], equals: "rate_limited" },
      },
    });
    expect(limited).toBe(1);
    await expect(attempt(s.password, "203.0.113.8")).resolves.toMatchObject({ id: s.users.educator.id });
  });
});
