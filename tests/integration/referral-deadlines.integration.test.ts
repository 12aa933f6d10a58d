import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { getReferralDeadlines, updateReferralDeadlines } from "../../lib/referrals/deadline-settings";
import { referralDueAt, responseHours } from "../../lib/referrals/deadlines";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

// Response deadlines per urgency: the migration writes the defaults, ADMIN changes them
// (validated, audited), and referralDueAt reads what is configured.

let t: TestDatabase;
let s: Scenario;

beforeAll(async () => {
  ({ t, s } = await openScenario());
});
afterAll(async () => {
  await t.drop();
});

const sent = new Date("2026-11-20T15:00:00.000Z");
const dueAt = (urgency: "URGENT" | "PRIORITY" | "ROUTINE") =>
  t.db.$transaction((tx) => referralDueAt(tx, urgency, sent));

describe("[DEADLINES] configurable response deadlines", () => {
  it("starts from the defaults: 24 h, 72 h and 7 days", async () => {
    expect(await t.db.$transaction((tx) => responseHours(tx))).toEqual({ URGENT: 24, PRIORITY: 72, ROUTINE: 168 });
    expect((await dueAt("ROUTINE")).toISOString()).toBe("2026-11-27T15:00:00.000Z");
    expect(await getReferralDeadlines(s.users.admin)).toEqual({ URGENT: 24, PRIORITY: 72, ROUTINE: 168 });
  });

  it("only ADMIN may read or change them: anyone else is not found, and nothing changes", async () => {
    for (const user of [s.users.coordinator, s.users.directorA, s.users.socialWorker, s.users.demuna]) {
      await expect(getReferralDeadlines(user)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateReferralDeadlines(user, { URGENT: 1, PRIORITY: 2, ROUTINE: 3 })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(updateReferralDeadlines(null, { URGENT: 1, PRIORITY: 2, ROUTINE: 3 })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await t.db.$transaction((tx) => responseHours(tx))).toEqual({ URGENT: 24, PRIORITY: 72, ROUTINE: 168 });
  });

  it("refuses hours outside 1–720 or not whole, naming the field", async () => {
    for (const bad of [
      { URGENT: 0, PRIORITY: 72, ROUTINE: 168 },
      { URGENT: 24, PRIORITY: 721, ROUTINE: 168 },
      { URGENT: 24, PRIORITY: 72, ROUTINE: 1.5 },
      { URGENT: "", PRIORITY: 72, ROUTINE: 168 },
    ]) {
      const error = await updateReferralDeadlines(s.users.admin, bad).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.issues.map((i: { field?: string }) => i.field)).toHaveLength(1);
    }
    // The database refuses them too, whatever writes them.
    await expect(t.db.referralDeadline.update({ where: { urgency: "URGENT" }, data: { hours: 0 } })).rejects.toThrow(
      /referral_deadline_hours_range_chk/,
    );
  });

  it("an ADMIN change applies to referralDueAt and is audited with before and after", async () => {
    const result = await updateReferralDeadlines(
      s.users.admin,
      { URGENT: "12", PRIORITY: "72", ROUTINE: "240" },
      { via: "web", ip: "192.0.2.9" },
    );
    expect(result).toEqual({ hours: { URGENT: 12, PRIORITY: 72, ROUTINE: 240 }, changed: ["URGENT", "ROUTINE"] });
    expect((await dueAt("URGENT")).toISOString()).toBe("2026-11-21T03:00:00.000Z");
    expect((await dueAt("PRIORITY")).toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect((await dueAt("ROUTINE")).toISOString()).toBe("2026-11-30T15:00:00.000Z");
    const audit = await t.db.auditLog.findMany({
      where: { action: "referralDeadline.update" },
      select: { actorId: true, details: true, origin: true },
    });
    expect(audit).toEqual([
      {
        actorId: s.users.admin.id,
        details: { before: { URGENT: 24, ROUTINE: 168 }, after: { URGENT: 12, ROUTINE: 240 } },
        origin: "web | 192.0.2.9 | ",
      },
    ]);
    // Saving the same values again changes nothing and writes no entry.
    expect(await updateReferralDeadlines(s.users.admin, { URGENT: 12, PRIORITY: 72, ROUTINE: 240 })).toMatchObject({
      changed: [],
    });
    expect(await t.db.auditLog.count({ where: { action: "referralDeadline.update" } })).toBe(1);
  });
});
