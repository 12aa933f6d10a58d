import { describe, expect, it } from "vitest";
import { termDays } from "./calendar";
import { alertedPattern, EXPECTED_KINDS, type PatternGroup, quietPattern } from "./patterns";
import { stream } from "./random";
import { evaluateDefaultRules, isQuietUnderAnyReading } from "./rules";

const days = termDays();
const term = (spec: Record<number, string>) => Array.from({ length: 60 }, (_, i) => spec[i] ?? "P").join("");

describe("[SEED] default rules over a term", () => {
  it("fires the consecutive rule on three unjustified days in a row, with the run's dates", () => {
    const [alert] = evaluateDefaultRules(term({ 10: "U", 11: "U", 12: "U" }), days);
    expect(alert).toMatchObject({
      kind: "CONSECUTIVE_UNJUSTIFIED",
      figures: { consecutive: 3, threshold: 3, from: days[10], to: days[12], ongoing: false },
      firstDate: days[10],
      lastDate: days[12],
      firedOn: days[12],
    });
  });

  it("lets a justified day break a run", () => {
    expect(evaluateDefaultRules(term({ 10: "U", 11: "J", 12: "U", 13: "U" }), days)).toEqual([]);
  });

  it("fires the rate rule at 2 of the last 20 days and not at 1", () => {
    expect(evaluateDefaultRules(term({ 45: "U" }), days)).toEqual([]);
    const [rate] = evaluateDefaultRules(term({ 45: "U", 50: "U" }), days);
    expect(rate.kind).toBe("UNJUSTIFIED_RATE");
    expect(rate.figures).toMatchObject({
      unjustified: 2,
      days: 20,
      pct: 10,
      threshold: 10,
      windowFrom: days[40],
      windowTo: days[59],
    });
  });

  it("raises only the highest chronic tier, with truncated percentages", () => {
    const seven = term({ 2: "J", 6: "J", 10: "J", 14: "J", 18: "J", 22: "J", 26: "J" });
    expect(evaluateDefaultRules(seven, days).map((a) => [a.kind, a.figures.pct])).toEqual([["CHRONIC_TIER2", 11.6]]);
    const thirteen = term(Object.fromEntries(Array.from({ length: 13 }, (_, k) => [2 + 3 * k, "J"])));
    expect(evaluateDefaultRules(thirteen, days).map((a) => a.kind)).toEqual(["CHRONIC_TIER3"]);
  });
});

describe("[SEED] attendance patterns", () => {
  it("quiet terms fire nothing under any reading", () => {
    const r = stream("test:quiet");
    for (let k = 0; k < 500; k++) {
      const codes = quietPattern(r);
      expect(isQuietUnderAnyReading(codes)).toBe(true);
      expect(evaluateDefaultRules(codes, days)).toEqual([]);
    }
  });

  it("each alerted pattern fires the rules it promises", () => {
    const r = stream("test:alerted");
    const ranges: Record<PatternGroup, [number, number]> = {
      G1: [3, 30],
      G2: [3, 30],
      G3: [40, 57],
      G4: [3, 25],
      G5: [0, 0],
    };
    for (const group of ["G1", "G2", "G3", "G4", "G5"] as const) {
      for (let k = 0; k < 100; k++) {
        const kinds = evaluateDefaultRules(alertedPattern(r, group, ranges[group]), days)
          .map((a) => a.kind)
          .join(",");
        expect(EXPECTED_KINDS[group].map((x) => x.join(","))).toContain(kinds);
      }
    }
  });

  it("recognises a quiet-looking term that is not quiet under a stricter reading", () => {
    expect(isQuietUnderAnyReading(term({ 3: "J" }))).toBe(false); // 1 of 4 days so far
    expect(isQuietUnderAnyReading(term({ 20: "U", 35: "U" }))).toBe(false); // 2 in 20 days
    expect(isQuietUnderAnyReading(term({ 15: "U", 40: "U" }))).toBe(true);
  });
});
