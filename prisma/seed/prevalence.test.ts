import { describe, expect, it } from "vitest";
import { RISK_INSTRUMENT_V1 } from "../../lib/risk/instrument";
import { FULL_FORM_STUDENTS, percentOneDecimal, V1_PREVALENCE } from "./prevalence";

describe("[SEED] pilot prevalence fractions", () => {
  it("round half-up to the article's table, item by item, in form order", () => {
    expect(V1_PREVALENCE.map((t) => percentOneDecimal(t.present, t.answered))).toEqual(
      V1_PREVALENCE.map((t) => t.percent),
    );
    expect(V1_PREVALENCE.map((t) => t.percent)).toEqual([
      64.3, 22.6, 90.3, 86.7, 29.0, 90.3, 6.5, 61.3, 46.9, 56.3, 34.4, 63.6, 18.8, 80.7, 19.3, 64.5, 100,
    ]);
    const riskCodes = RISK_INSTRUMENT_V1.items.filter((i) => i.domain !== "PROTECTIVE").map((i) => i.code);
    expect(V1_PREVALENCE.map((t) => t.code)).toEqual(riskCodes);
  });

  it("fit within the 63 evaluated students", () => {
    for (const t of V1_PREVALENCE) {
      expect(t.present).toBeLessThanOrEqual(t.answered);
      expect(t.answered).toBeLessThanOrEqual(63);
      if (t.answered !== 57) expect(t.answered).toBeLessThanOrEqual(FULL_FORM_STUDENTS);
    }
  });

  it("rounds exact halves up", () => {
    expect(percentOneDecimal(18, 32)).toBe(56.3);
    expect(percentOneDecimal(6, 32)).toBe(18.8);
    expect(percentOneDecimal(2, 31)).toBe(6.5);
  });
});
