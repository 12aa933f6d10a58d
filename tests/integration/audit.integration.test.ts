import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/auth/options";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { openScenario, type Scenario } from "../fixtures/scenario";
import { requestFrom } from "../helpers/request";
import type { TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());

const origin = { ip: "192.0.2.44", userAgent: "Mozilla/5.0 (audit-test)", via: "web" as const };

/** Runs SQL on a separate connection: schema changes the code under test cannot see coming. */
async function sql(text: string) {
  const c = new pg.Client({ connectionString: t.ownerUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

describe("[AUDIT] case-file reads", () => {
  it("[AUDIT] reading a case file writes exactly one case.read row with actor, entity, school and origin", async () => {
    const before = await t.db.auditLog.count();
    await getCaseFileOrThrow(s.users.socialWorker, s.cases.a.id, origin);
    const rows = await t.db.auditLog.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "case.read",
      actorId: s.users.socialWorker.id,
      actorRole: "SOCIAL_WORKER",
      entity: "Case",
      entityId: s.cases.a.id,
      schoolId: s.schools.a.id,
      origin: "web | 192.0.2.44 | Mozilla/5.0 (audit-test)",
    });
    expect(rows[0].details).toMatchObject({ access: "TEAM" });
  });

  it("[AUDIT] the entry shares the read's transaction: a read that fails after the insert leaves no row", async () => {
    // The audit row is inserted right after the case is found and before the risk evaluations
    // are read. Hiding the evaluations table makes that later query fail inside the same
    // transaction; if the entry had been committed on its own, it would remain.
    const before = await t.db.auditLog.count({ where: { action: "case.read", entityId: s.cases.a.id } });
    await sql(`ALTER TABLE risk_evaluation RENAME TO risk_evaluation_hidden`);
    try {
      await expect(getCaseFileOrThrow(s.users.psychologist, s.cases.a.id, origin)).rejects.toThrow();
    } finally {
      await sql(`ALTER TABLE risk_evaluation_hidden RENAME TO risk_evaluation`);
    }
    expect(await t.db.auditLog.count({ where: { action: "case.read", entityId: s.cases.a.id } })).toBe(before);
    expect(await t.db.auditLog.count({ where: { action: "case.read_denied", entityId: s.cases.a.id } })).toBe(0);

    // Control: the same read succeeds once the table is back, and then it is recorded.
    await getCaseFileOrThrow(s.users.psychologist, s.cases.a.id, origin);
    expect(await t.db.auditLog.count({ where: { action: "case.read", entityId: s.cases.a.id } })).toBe(before + 1);
  });

  it("[AUDIT] a refused read writes case.read_denied with the actor and no school", async () => {
    await expect(getCaseFileOrThrow(s.users.directorB, s.cases.a.id, origin)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const rows = await t.db.auditLog.findMany({ where: { actorId: s.users.directorB.id } });
    expect(rows.map((r) => [r.action, r.entityId, r.schoolId])).toEqual([["case.read_denied", s.cases.a.id, null]]);
  });
});

describe("[AUDIT] sign-in", () => {
  const req = requestFrom("198.51.100.77", { "user-agent": "audit-test" });

  it("[AUDIT] records success and failure, never the password nor an unknown email", async () => {
    await authorizeCredentials({ email: "tutor@escenario.pe", password: s.password }, req);
    await authorizeCredentials({ email: "tutor@escenario.pe", password: "Clave-Secreta-Equivocada" }, req).catch(
      () => null,
    );
    await authorizeCredentials({ email: "desconocido@escenario.pe", password: "Clave-Secreta-Equivocada" }, req).catch(
      () => null,
    );
    const rows = await t.db.auditLog.findMany({ where: { action: { startsWith: "auth." } }, orderBy: { id: "asc" } });
    expect(
      rows.map((r) => [r.action, r.actorId, r.entityId, (r.details as { reason?: string } | null)?.reason ?? null]),
    ).toEqual([
      ["auth.signin", s.users.tutor.id, s.users.tutor.id, null],
      ["auth.signin_failed", null, s.users.tutor.id, "wrong_password"],
      ["auth.signin_failed", null, null, "unknown_email"],
    ]);
    expect(rows.every((r) => r.origin === "web | 198.51.100.77 | audit-test")).toBe(true);
    const text = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain(s.password);
    expect(text).not.toContain("Clave-Secreta-Equivocada");
    expect(text).not.toContain("desconocido@escenario.pe");
  });
});
