import { describe, expect, it } from "vitest";
import en from "../../messages/en/risk.json";
import es from "../../messages/es/risk.json";
import { RISK_ANSWER_VALUES, RISK_LEVELS } from "./schema";
import { SUGGESTION_RULES } from "./suggest-level";

type Tree = { [key: string]: string | Tree };

/** key → the ICU arguments its message uses (camelCase names; select branches are text). */
function entries(tree: Tree, prefix = ""): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string")
      out.set(`${prefix}${k}`, [...new Set([...v.matchAll(/\{\s*([a-z]\w*)\s*[,}]/g)].map((m) => m[1]))].sort());
    else for (const [kk, vv] of entries(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe("[RISK] interface strings", () => {
  it("Spanish and English have the same keys and the same ICU arguments", () => {
    const a = entries(es);
    const b = entries(en);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, args] of a) expect([key, b.get(key)]).toEqual([key, args]);
  });

  it("name every level, answer and suggestion rule, and state the thresholds the formula uses", () => {
    for (const level of RISK_LEVELS) expect(es.levels[level]).toBeTruthy();
    for (const value of RISK_ANSWER_VALUES) expect(es.answers[value]).toBeTruthy();
    for (const rule of ["URGENT_ITEM", "HIGH_SHARE", "HIGH_SHARE_FEW_ANSWERS", "MODERATE_SHARE", "LOW_SHARE", "NONE"])
      expect(es.suggestion.rules[rule as keyof typeof es.suggestion.rules]).toBeTruthy();
    for (const text of [es.suggestion.formula, en.suggestion.formula]) {
      expect(text).toContain(`${Math.round(SUGGESTION_RULES.moderateShare * 100)} %`);
      expect(text).toContain(`${Math.round(SUGGESTION_RULES.highShare * 100)} %`);
      expect(text).toContain(String(SUGGESTION_RULES.minAnsweredForHigh));
    }
  });
});
