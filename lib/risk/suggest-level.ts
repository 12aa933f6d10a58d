import type { AgencyType, RiskAnswerValue, RiskDomain, RiskLevel } from "../generated/prisma/enums";

// The level the form suggests. Peru's data-protection rules require automated profiling to be
// disclosed and reviewed by a person: the suggestion is shown with the rule that produced it,
// the psychologist chooses the level and writes why, and the record keeps both.
//
// The formula (docs/decisions/011-risk-evaluations.md):
//   1. an urgent item (self-harm / suicidal ideation) marked present → HIGH;
//   2. otherwise, over the risk items answered present or absent ("unknown" is not counted),
//      share = present ÷ answered:
//        share ≥ 55 % with at least 5 items answered → HIGH
//        share ≥ 55 % with fewer than 5 answered     → MODERATE (too little known for HIGH)
//        share ≥ 30 %                                 → MODERATE
//        otherwise                                    → LOW
//   3. no risk item answered yet → no suggestion.
// Protective factors are not counted: the psychologist weighs them in the written rationale.

export const SUGGESTION_RULES = { highShare: 0.55, moderateShare: 0.3, minAnsweredForHigh: 5 } as const;

export type SuggestionRule =
  | "URGENT_ITEM"
  | "HIGH_SHARE"
  | "HIGH_SHARE_FEW_ANSWERS"
  | "MODERATE_SHARE"
  | "LOW_SHARE"
  | "NONE";

export type Suggestion = {
  level: RiskLevel | null;
  rule: SuggestionRule;
  /** Risk items (not protective factors) answered PRESENT. */
  present: number;
  /** Risk items answered PRESENT or ABSENT. */
  answered: number;
  /** Percentage present ÷ answered, one decimal; null when nothing is answered. */
  percent: number | null;
  /** Codes of urgent items answered PRESENT. */
  urgentPresent: string[];
};

export type SuggestionItem = { code: string; domain: RiskDomain; urgentReferralTo: AgencyType | null };

/** The formula on counts alone (no urgent item): what the demo seed uses too. */
export function levelFromShare(present: number, answered: number): { level: RiskLevel | null; rule: SuggestionRule } {
  if (answered === 0) return { level: null, rule: "NONE" };
  const share = present / answered;
  if (share >= SUGGESTION_RULES.highShare) {
    return answered >= SUGGESTION_RULES.minAnsweredForHigh
      ? { level: "HIGH", rule: "HIGH_SHARE" }
      : { level: "MODERATE", rule: "HIGH_SHARE_FEW_ANSWERS" };
  }
  if (share >= SUGGESTION_RULES.moderateShare) return { level: "MODERATE", rule: "MODERATE_SHARE" };
  return { level: "LOW", rule: "LOW_SHARE" };
}

/** The suggestion for a set of answers (missing or empty = not answered yet). */
export function suggestRiskLevel(
  items: readonly SuggestionItem[],
  answers: Readonly<Record<string, RiskAnswerValue | "" | null | undefined>>,
): Suggestion {
  const risk = items.filter((i) => i.domain !== "PROTECTIVE");
  const present = risk.filter((i) => answers[i.code] === "PRESENT");
  const answered = risk.filter((i) => answers[i.code] === "PRESENT" || answers[i.code] === "ABSENT").length;
  const urgentPresent = present.filter((i) => i.urgentReferralTo).map((i) => i.code);
  const percent = answered ? Math.round((1000 * present.length) / answered) / 10 : null;
  const counts = { present: present.length, answered, percent, urgentPresent };
  if (urgentPresent.length) return { level: "HIGH", rule: "URGENT_ITEM", ...counts };
  return { ...levelFromShare(present.length, answered), ...counts };
}
