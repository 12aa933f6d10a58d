import { describe, expect, it } from "vitest";
import { dueAtFor, REFERRAL_RESPONSE_HOURS } from "./deadlines";

describe("[REFERRALS] response deadlines", () => {
  const sent = new Date("2026-11-20T15:00:00.000Z");

  it("gives 24 h to urgent, 72 h to priority and 10 days to routine referrals", () => {
    expect(REFERRAL_RESPONSE_HOURS).toEqual({ URGENT: 24, PRIORITY: 72, ROUTINE: 240 });
    expect(dueAtFor("URGENT", sent).toISOString()).toBe("2026-11-21T15:00:00.000Z");
    expect(dueAtFor("PRIORITY", sent).toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect(dueAtFor("ROUTINE", sent).toISOString()).toBe("2026-11-30T15:00:00.000Z");
  });

  it("does not modify the sent date", () => {
    dueAtFor("URGENT", sent);
    expect(sent.toISOString()).toBe("2026-11-20T15:00:00.000Z");
  });
});
