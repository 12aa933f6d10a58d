import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { findNonSchoolDay } from "../../lib/attendance/school-days";
import { dayFromIso } from "../../lib/format/date";
import { addHoliday, listHolidays, removeHoliday } from "../../lib/holidays/holidays";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
const admin: SessionUser = {
  id: "00000000-0000-4000-8000-0000000000a1",
  email: "admin@test.pe",
  name: "Admin",
  role: "ADMIN",
  locale: "es",
  schoolIds: [],
  agencyId: null,
  agencyType: null,
};
const origin = { ip: "198.51.100.9", userAgent: "vitest (holidays)", via: "web" as const };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({
    data: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN", passwordHash: "x" },
  });
});
afterAll(async () => {
  await t.drop();
});

describe("[HOLIDAYS] the list a save of attendance checks", () => {
  it("the migration brings Peru's national holidays, and weekends need no list", async () => {
    const list = await listHolidays(admin, new Date("2026-03-01T12:00:00Z"));
    expect(list).toContainEqual({ day: "2026-07-28", name: "Fiestas Patrias" });
    expect(list).toContainEqual({ day: "2027-12-09", name: "Batalla de Ayacucho" });
    expect(list.filter((h) => h.day.startsWith("2026"))).toHaveLength(16);
    expect(await findNonSchoolDay("2026-12-25")).toEqual({ kind: "HOLIDAY", weekday: 5, name: "Navidad" });
    expect(await findNonSchoolDay("2026-11-29")).toEqual({ kind: "WEEKEND", weekday: 0, name: null });
    expect(await findNonSchoolDay("2026-11-27")).toBeNull();
  });

  it("the administrator adds a regional day off and removes it, each audited", async () => {
    await addHoliday(admin, { day: "2026-09-24", name: "Día de la Virgen de las Mercedes (Piura)" }, origin);
    expect(await findNonSchoolDay("2026-09-24")).toMatchObject({ kind: "HOLIDAY" });
    await expect(addHoliday(admin, { day: "2026-09-24", name: "Otra vez" }, origin)).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
    });
    await removeHoliday(admin, { day: "2026-09-24" }, origin);
    expect(await findNonSchoolDay("2026-09-24")).toBeNull();
    const audit = await t.db.auditLog.findMany({ where: { entity: "Holiday" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["holiday.add", "2026-09-24", admin.id],
      ["holiday.remove", "2026-09-24", admin.id],
    ]);
  });

  it("refuses a blank name, and every role but the administrator, writing nothing", async () => {
    await expect(addHoliday(admin, { day: "2026-10-01", name: "  " }, origin)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    for (const role of ["DIRECTOR", "TUTOR", "COORDINATOR", "PSYCHOLOGIST"] as const) {
      const other = { ...admin, role, schoolIds: [] };
      await expect(addHoliday(other, { day: "2026-10-01", name: "X" }, origin)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(removeHoliday(other, { day: "2026-07-28" }, origin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await t.db.holiday.findUnique({ where: { day: dayFromIso("2026-10-01") } })).toBeNull();
    expect(await t.db.holiday.findUnique({ where: { day: dayFromIso("2026-07-28") } })).not.toBeNull();
  });
});
