import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveUserLocale } from "../../lib/users/save-locale";
import type { SessionUser } from "../../lib/auth/types";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let user: SessionUser;
let other: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const row = await t.db.user.create({
    data: { email: "tutor@t.pe", name: "Tutor", passwordHash: "x", role: "TUTOR" },
  });
  other = await t.db.user.create({ data: { email: "otro@t.pe", name: "Otro", passwordHash: "x", role: "TUTOR" } });
  user = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    schoolIds: [],
    agencyId: null,
    agencyType: null,
  };
});
afterAll(async () => {
  await t.drop();
});

describe("[SETTINGS] interface language", () => {
  it("stores the language on the user's own account and audits it with the origin", async () => {
    expect(await saveUserLocale(user, "en", { ip: "10.0.0.1", userAgent: "test", via: "web" })).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: other.id } })).locale).toBe("es");
    const audit = await t.db.auditLog.findMany({ where: { action: "user.locale.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: user.id,
      actorRole: "TUTOR",
      entity: "User",
      entityId: user.id,
      details: { from: "es", to: "en" },
    });
    expect(audit[0].origin).toContain("10.0.0.1");
  });

  it("writes nothing when the language does not change", async () => {
    expect(await saveUserLocale({ ...user, locale: "en" }, "en")).toBe(false);
    expect(await t.db.auditLog.count({ where: { action: "user.locale.update" } })).toBe(1);
  });

  it("refuses a deactivated account and leaves no audit entry", async () => {
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    await expect(saveUserLocale({ ...user, locale: "en" }, "es")).rejects.toThrow();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    expect(await t.db.auditLog.count({ where: { action: "user.locale.update" } })).toBe(1);
  });
});
