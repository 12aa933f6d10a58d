import { describe, expect, it } from "vitest";
import type { TimelineItem } from "./timeline";
import { timelineWeight } from "./timeline-weight";

const at = new Date("2026-11-20T15:00:00Z");
const event = (type: string, data: Record<string, unknown> = {}): TimelineItem => ({
  kind: "event",
  key: `event:${type}`,
  at,
  event: { id: "e", type: type as never, occurredAt: at, actorId: null, body: null, data: data as never },
});

describe("[CASES] timeline entries carry their weight", () => {
  it("a pending same-day referral (self-harm) and an urgent referral stand out; an absence does not", () => {
    expect(timelineWeight(event("REFERRAL", { task: "URGENT_REFERRAL", stage: "PENDING" }))).toBe("urgent");
    expect(timelineWeight(event("REFERRAL", { urgency: "URGENT" }))).toBe("urgent");
    expect(timelineWeight(event("REFERRAL_UPDATE", { urgency: "URGENT", status: "ACCEPTED" }))).toBe("urgent");
    expect(timelineWeight(event("EVALUATION", { overallLevel: "HIGH" }))).toBe("urgent");
    expect(timelineWeight({ kind: "referralOverdue", key: "o", at, referralId: "r", agencyName: "DEMUNA" })).toBe(
      "urgent",
    );
    expect(timelineWeight({ kind: "absence", key: "a", at, date: at, from: at, days: 1, status: "UNJUSTIFIED" })).toBe(
      "minor",
    );
  });

  it("alerts, a made urgent referral, a moderate level and a lost address call for attention", () => {
    expect(timelineWeight(event("REFERRAL", { task: "URGENT_REFERRAL", stage: "DONE" }))).toBe("attention");
    expect(timelineWeight(event("EVALUATION", { overallLevel: "MODERATE" }))).toBe("attention");
    expect(timelineWeight(event("HOME_VISIT", { action: "RECORDED", outcome: "MOVED" }))).toBe("attention");
    expect(timelineWeight(event("ALERT"))).toBe("attention");
    expect(
      timelineWeight({
        kind: "alert",
        key: "al",
        at,
        alert: {
          id: "x",
          kind: "CONSECUTIVE_UNJUSTIFIED",
          status: "OPEN",
          figures: {},
          firstDate: null,
          lastDate: null,
          createdAt: at,
        },
      }),
    ).toBe("attention");
  });

  it("notes, assignments and ordinary steps are plain", () => {
    expect(timelineWeight(event("NOTE"))).toBe("normal");
    expect(timelineWeight(event("ASSIGNMENT"))).toBe("normal");
    expect(timelineWeight(event("STATE_CHANGE", { from: "OPEN", to: "CONTACTING" }))).toBe("normal");
    expect(timelineWeight(event("EVALUATION", { overallLevel: "LOW" }))).toBe("normal");
  });
});
