import { describe, expect, it } from "vitest";
import { DEFAULT_RESPONSE_HOURS, dueAtFor, REFERRAL_RESPONSE_HOURS } from "./deadlines";

describe("[REFERRALS] response deadlines", () => {
  const sent = new Date("2026-11-20T15:00:00.000Z");

  it("gives 24 h to urgent, 72 h to priority and 7 days to routine referrals by default", () => {
    expect(DEFAULT_RESPONSE_HOURS).toEqual({ URGENT: 24, PRIORITY: 72, ROUTINE: 168 });
    expect(REFERRAL_RESPONSE_HOURS).toBe(DEFAULT_RESPONSE_HOURS);
    expect(dueAtFor("URGENT", sent).toISOString()).toBe("2026-11-21T15:00:00.000Z");
    expect(dueAtFor("PRIORITY", sent).toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect(dueAtFor("ROUTINE", sent).toISOString()).toBe("2026-11-27T15:00:00.000Z");
  });

  it("uses configured hours when given them", () => {
    const hours = { URGENT: 12, PRIORITY: 48, ROUTINE: 720 };
    expect(dueAtFor("URGENT", sent, hours).toISOString()).toBe("2026-11-21T03:00:00.000Z");
    expect(dueAtFor("ROUTINE", sent, hours).toISOString()).toBe("2026-12-20T15:00:00.000Z");
  });

  it("does not modify the sent date", () => {
    dueAtFor("URGENT", sent);
    expect(sent.toISOString()).toBe("2026-11-20T15:00:00.000Z");
  });
});
