import { describe, expect, it } from "vitest";
import { CURRENT_RISK_INSTRUMENT_VERSION, RISK_INSTRUMENT_V1, RISK_INSTRUMENT_V2 } from "./instrument";

const byDomain = (items: typeof RISK_INSTRUMENT_V1.items) =>
  items.reduce<Record<string, number>>((m, i) => ({ ...m, [i.domain]: (m[i.domain] ?? 0) + 1 }), {});

describe("[RISK] the instrument", () => {
  it("version 1 is the pilot's form: 17 risk items in three domains and 6 protective factors", () => {
    expect(byDomain(RISK_INSTRUMENT_V1.items)).toEqual({ HISTORICAL: 4, SOCIAL: 4, INDIVIDUAL: 9, PROTECTIVE: 6 });
    expect(RISK_INSTRUMENT_V1.items.some((i) => i.urgentReferralTo)).toBe(false);
    expect(RISK_INSTRUMENT_V1.items.filter((i) => i.sensitiveCategory).map((i) => i.code)).toEqual([
      "family_violence_victim",
      "child_abuse_victim",
      "violence_favoring_activities",
      "illegal_substance_use",
    ]);
  });

  it("version 2 is version 1 plus self-harm / suicidal ideation (sensitive, mental health, urgent CSMC referral)", () => {
    const v1 = RISK_INSTRUMENT_V1.items.map((i) => i.code);
    const v2 = RISK_INSTRUMENT_V2.items.map((i) => i.code);
    expect(v2.filter((c) => !v1.includes(c))).toEqual(["self_harm_suicidal_ideation"]);
    expect(v1.every((c) => v2.includes(c))).toBe(true);
    expect(RISK_INSTRUMENT_V2.items.find((i) => i.code === "self_harm_suicidal_ideation")).toMatchObject({
      domain: "INDIVIDUAL",
      sensitiveCategory: "MENTAL_HEALTH",
      urgentReferralTo: "CSMC",
    });
    expect(CURRENT_RISK_INSTRUMENT_VERSION).toBe(2);
  });

  it("positions are 1..n in form order, codes unique", () => {
    for (const v of [RISK_INSTRUMENT_V1, RISK_INSTRUMENT_V2]) {
      expect(v.items.map((i) => i.position)).toEqual(v.items.map((_, i) => i + 1));
      expect(new Set(v.items.map((i) => i.code)).size).toBe(v.items.length);
    }
  });
});
