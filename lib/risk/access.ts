import type { SharedSection } from "../generated/prisma/enums";

// How much of an evaluation a viewer gets, from the sections of the case they may see
// (lib/cases/case-file.ts decides those: role on the school side, the referral for agencies).
//   FULL     the answers riskAnswerWhere allows, the suggestion, the rationale and the notes
//            (psychologist, social worker, an agency whose referral shares RISK_ANSWERS);
//   SUMMARY  level, date and evaluator only (director, educator, an agency given RISK_SUMMARY).
// Nothing at all otherwise: the evaluation is "not found" (PNP/Bapes are never given either).

export type EvaluationView = "FULL" | "SUMMARY";

export function evaluationView(sections: readonly SharedSection[]): EvaluationView | null {
  if (sections.includes("RISK_ANSWERS")) return "FULL";
  return sections.includes("RISK_SUMMARY") ? "SUMMARY" : null;
}
