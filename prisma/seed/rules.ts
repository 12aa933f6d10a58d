import type { AlertKind } from "../../lib/generated/prisma/enums";

// The default alert rules evaluated over one student's term, exactly as the demo writes its
// Alert rows (docs/decisions/004-demo-seed.md, "Alert semantics"). A student's attendance is
// a string with one letter per school day of their section, oldest first:
// P present, L late (attended), J justified absence, U unjustified absence.

export const DEFAULT_RULES = [
  { kind: "CONSECUTIVE_UNJUSTIFIED", threshold: 3, windowDays: null },
  { kind: "UNJUSTIFIED_RATE", threshold: 10, windowDays: 20 },
  { kind: "CHRONIC_TIER2", threshold: 10, windowDays: null },
  { kind: "CHRONIC_TIER3", threshold: 20, windowDays: null },
] as const satisfies readonly { kind: AlertKind; threshold: number; windowDays: number | null }[];

export type FiredAlert = {
  kind: Exclude<AlertKind, "CONCERN">;
  figures: Record<string, number | string>;
  firstDate: string;
  lastDate: string;
  /** The school day on which the rule first held (the alert's creation day). */
  firedOn: string;
};

const pct = (n: number, d: number) => Math.round((1000 * n) / d) / 10;

/** Longest run of consecutive U (earliest on ties), as [start, length]. */
export function longestUnjustifiedRun(codes: string): [number, number] {
  let best: [number, number] = [-1, 0];
  let start = -1;
  for (let i = 0; i <= codes.length; i++) {
    if (codes[i] === "U") {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best[1]) best = [start, i - start];
      start = -1;
    }
  }
  return best;
}

export function evaluateDefaultRules(codes: string, days: readonly string[]): FiredAlert[] {
  if (codes.length !== days.length) throw new Error("one code per school day");
  const fired: FiredAlert[] = [];

  const [runStart, runLength] = longestUnjustifiedRun(codes);
  if (runLength >= 3) {
    const from = days[runStart];
    const to = days[runStart + runLength - 1];
    fired.push({
      kind: "CONSECUTIVE_UNJUSTIFIED",
      figures: { consecutive: runLength, threshold: 3, from, to },
      firstDate: from,
      lastDate: to,
      firedOn: days[runStart + 2],
    });
  }

  const windowStart = Math.max(0, codes.length - 20);
  const windowDays = codes.length - windowStart;
  const windowU = [...codes.slice(windowStart)].flatMap((c, i) => (c === "U" ? [windowStart + i] : []));
  if (windowU.length > 0 && windowU.length * 100 >= 10 * windowDays) {
    fired.push({
      kind: "UNJUSTIFIED_RATE",
      figures: {
        unjustified: windowU.length, days: windowDays, pct: pct(windowU.length, windowDays), threshold: 10,
        windowFrom: days[windowStart], windowTo: days[codes.length - 1],
      },
      firstDate: days[windowU[0]],
      lastDate: days[windowU[windowU.length - 1]],
      firedOn: days[windowU[windowU.length - 1]],
    });
  }

  const absences = [...codes].flatMap((c, i) => (c === "U" || c === "J" ? [i] : []));
  const unjustified = [...codes].filter((c) => c === "U").length;
  for (const [kind, threshold] of [["CHRONIC_TIER2", 10], ["CHRONIC_TIER3", 20]] as const) {
    if (absences.length > 0 && absences.length * 100 >= threshold * codes.length) {
      fired.push({
        kind,
        figures: {
          absences: absences.length, justified: absences.length - unjustified, unjustified,
          days: codes.length, pct: pct(absences.length, codes.length), threshold,
        },
        firstDate: days[absences[0]],
        lastDate: days[absences[absences.length - 1]],
        firedOn: days[absences[absences.length - 1]],
      });
    }
  }
  return fired;
}

/**
 * Stricter than "fires no rule": no rule fires under any reading of the rules (any 20-day
 * window, any prefix of the term, justified days ignored or not), so the quiet students stay
 * quiet whatever the alerts engine's details.
 */
export function isQuietUnderAnyReading(codes: string): boolean {
  const u: number[] = [];
  let absences = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === "U") u.push(i);
    if (codes[i] === "U" || codes[i] === "J") absences++;
    if (absences > 0 && absences * 10 >= i + 1) return false; // chronic ≥ 10 % of days so far
  }
  for (let k = 1; k < u.length; k++) if (u[k] - u[k - 1] < 20) return false; // 2 in a 20-day window
  return true;
}
