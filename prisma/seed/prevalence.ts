// The pilot's risk-factor prevalence table (article, 63 students evaluated) as fractions of
// PRESENT over answered (PRESENT + ABSENT) answers; unanswered items are UNKNOWN. Each
// fraction rounds half-up, to one decimal, to the published percentage (checked in
// prevalence.test.ts). Denominators of 31–33 match a full form answered by about half the
// students; 57 items were asked of almost everyone; substance use, the most sensitive, was
// answered by few.

export type PrevalenceTarget = { code: string; present: number; answered: number; percent: number };

export const V1_PREVALENCE: readonly PrevalenceTarget[] = [
  { code: "low_academic_performance", present: 18, answered: 28, percent: 64.3 },
  { code: "nonviolent_antisocial_behavior", present: 7, answered: 31, percent: 22.6 },
  { code: "family_violence_victim", present: 28, answered: 31, percent: 90.3 },
  { code: "child_abuse_victim", present: 26, answered: 30, percent: 86.7 },
  { code: "lacks_adult_support", present: 9, answered: 31, percent: 29.0 },
  { code: "limited_parenting_skills", present: 28, answered: 31, percent: 90.3 },
  { code: "peer_rejection", present: 2, answered: 31, percent: 6.5 },
  { code: "friends_linked_to_crime", present: 19, answered: 31, percent: 61.3 },
  { code: "narcissism_inflated_self_esteem", present: 15, answered: 32, percent: 46.9 },
  { code: "anger_management_difficulty", present: 18, answered: 32, percent: 56.3 },
  { code: "impulsivity_thrill_seeking", present: 11, answered: 32, percent: 34.4 },
  { code: "difficulty_facing_challenges", present: 21, answered: 33, percent: 63.6 },
  { code: "violence_favoring_activities", present: 6, answered: 32, percent: 18.8 },
  { code: "little_constructive_free_time", present: 46, answered: 57, percent: 80.7 },
  { code: "low_academic_motivation", present: 11, answered: 57, percent: 19.3 },
  { code: "low_empathy", present: 20, answered: 31, percent: 64.5 },
  { code: "illegal_substance_use", present: 14, answered: 14, percent: 100 },
];

/** Students who answered the full form; every item with a denominator ≤ this is drawn from them. */
export const FULL_FORM_STUDENTS = 33;

/** Round half-up to one decimal in exact integer arithmetic (as SQL numeric round does). */
export function percentOneDecimal(present: number, answered: number): number {
  return Math.floor((2000 * present + answered) / (2 * answered)) / 10;
}
