import type { StatValue } from "./types";

// Aggregates for roles that do not work the case (coordinators) hide counts under 5 so a
// child cannot be re-identified from a small cell. Zero is hidden too: "none in 2° B" can be
// as revealing as "one", and the spec says every count under 5.
export const SUPPRESSION_THRESHOLD = 5;

export function suppressSmallCount(count: number): StatValue {
  return count < SUPPRESSION_THRESHOLD ? "suppressed" : count;
}
