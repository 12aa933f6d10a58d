import { describe, expect, it } from "vitest";
import { RISK_INSTRUMENT_V1, RISK_INSTRUMENT_V2 } from "./instrument";
import { levelFromShare, suggestRiskLevel } from "./suggest-level";

const riskCodes = (version = RISK_INSTRUMENT_V1) =>
  version.items.filter((i) => i.domain !== "PROTECTIVE").map((i) => i.code);

/** The first `present` risk items PRESENT, the next `absent` ABSENT, the rest UNKNOWN. */
function answers(present: number, absent: number, version = RISK_INSTRUMENT_V1) {
  const out: Record<string, "PRESENT" | "ABSENT" | "UNKNOWN"> = {};
  riskCodes(version).forEach((code, i) => {
    out[code] = i < present ? "PRESENT" : i < present + absent ? "ABSENT" : "UNKNOWN";
  });
  return out;
}

describe("[RISK] suggested level", () => {
  it("counts only risk items answered present or absent; unknown and protective factors are left out", () => {
    const a = { ...answers(3, 7), prosocial_involvement: "PRESENT" as const, strong_social_support: "ABSENT" as const };
    const s = suggestRiskLevel(RISK_INSTRUMENT_V1.items, a);
    expect(s).toMatchObject({ present: 3, answered: 10, percent: 30, level: "MODERATE", rule: "MODERATE_SHARE" });
  });

  it("applies the thresholds at 30 % and 55 %", () => {
    expect(suggestRiskLevel(RISK_INSTRUMENT_V1.items, answers(2, 8))).toMatchObject({ level: "LOW", percent: 20 });
    expect(levelFromShare(29, 100)).toEqual({ level: "LOW", rule: "LOW_SHARE" });
    expect(levelFromShare(30, 100)).toEqual({ level: "MODERATE", rule: "MODERATE_SHARE" });
    expect(levelFromShare(54, 100)).toEqual({ level: "MODERATE", rule: "MODERATE_SHARE" });
    expect(levelFromShare(55, 100)).toEqual({ level: "HIGH", rule: "HIGH_SHARE" });
  });

  it("never suggests HIGH from fewer than 5 answered items", () => {
    expect(suggestRiskLevel(RISK_INSTRUMENT_V1.items, answers(4, 0))).toMatchObject({
      level: "MODERATE",
      rule: "HIGH_SHARE_FEW_ANSWERS",
      percent: 100,
    });
    expect(suggestRiskLevel(RISK_INSTRUMENT_V1.items, answers(5, 0))).toMatchObject({ level: "HIGH" });
  });

  it("makes no suggestion before any risk item is answered", () => {
    expect(suggestRiskLevel(RISK_INSTRUMENT_V1.items, {})).toEqual({
      level: null,
      rule: "NONE",
      present: 0,
      answered: 0,
      percent: null,
      urgentPresent: [],
    });
    expect(suggestRiskLevel(RISK_INSTRUMENT_V1.items, answers(0, 0))).toMatchObject({ level: null });
  });

  it("suggests HIGH whenever self-harm / suicidal ideation is present (version 2), whatever the share", () => {
    const a = { ...answers(0, 17, RISK_INSTRUMENT_V2), self_harm_suicidal_ideation: "PRESENT" as const };
    expect(suggestRiskLevel(RISK_INSTRUMENT_V2.items, a)).toMatchObject({
      level: "HIGH",
      rule: "URGENT_ITEM",
      urgentPresent: ["self_harm_suicidal_ideation"],
      present: 1,
      answered: 18,
    });
    const absent = { ...a, self_harm_suicidal_ideation: "ABSENT" as const };
    expect(suggestRiskLevel(RISK_INSTRUMENT_V2.items, absent)).toMatchObject({ level: "LOW", urgentPresent: [] });
  });
});
