import type { AlertKind } from "../../lib/generated/prisma/enums";

// The default alert rules evaluated at the end of one student's term, exactly as the demo
// writes its Alert rows (docs/decisions/004-demo-seed.md, "Alert semantics"); the same
// reading as the alert engine (lib/alerts/rules.ts) for a student with no reviewed alert, so
// a recompute over the demo finds these alerts and nothing else. A student's attendance is a
// string with one letter per school day of their section, oldest first:
// P present, L late (attended), J justified absence, U unjustified absence.

export const DEFAULT_RULES = [
  { kind: "CONSECUTIVE_UNJUSTIFIED", threshold: 3, windowDays: null },
  { kind: "UNJUSTIFIED_RATE", threshold: 10, windowDays: 20 },
  { kind: "CHRONIC_TIER2", threshold: 10, windowDays: null },
  { kind: "CHRONIC_TIER3", threshold: 20, windowDays: null },
] as const satisfies readonly { kind: AlertKind; threshold: number; windowDays: number | null }[];

export type FiredAlert = {
  kind: Exclude<AlertKind, "CONCERN">;
  figures: Record<string, number | string | boolean>;
  firstDate: string;
  lastDate: string;
  /** The school day on which the rule first held (the alert's creation day). */
  firedOn: string;
};

/** Percentage truncated to one decimal, as the alert engine shows it (never above the truth). */
const pct = (n: number, d: number) => Math.trunc((1000 * n) / d) / 10;

/** The latest run of ≥ `min` consecutive U, as [start, length], or null. */
export function latestUnjustifiedRun(codes: string, min: number): [number, number] | null {
  let found: [number, number] | null = null;
  let start = -1;
  for (let i = 0; i <= codes.length; i++) {
    if (codes[i] === "U") {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= min) found = [start, i - start];
      start = -1;
    }
  }
  return found;
}

export function evaluateDefaultRules(codes: string, days: readonly string[]): FiredAlert[] {
  if (codes.length !== days.length) throw new Error("one code per school day");
  const fired: FiredAlert[] = [];
  const lastDay = days[days.length - 1];

  const run = latestUnjustifiedRun(codes, 3);
  if (run) {
    const [start, length] = run;
    const from = days[start];
    const to = days[start + length - 1];
    fired.push({
      kind: "CONSECUTIVE_UNJUSTIFIED",
      figures: { consecutive: length, threshold: 3, from, to, ongoing: to === lastDay },
      firstDate: from,
      lastDate: to,
      firedOn: days[start + 2],
    });
  }

  const windowStart = Math.max(0, codes.length - 20);
  const windowU = [...codes.slice(windowStart)].flatMap((c, i) => (c === "U" ? [windowStart + i] : []));
  if (windowU.length > 0 && windowU.length * 100 >= 10 * 20) {
    fired.push({
      kind: "UNJUSTIFIED_RATE",
      figures: {
        unjustified: windowU.length,
        days: 20,
        pct: pct(windowU.length, 20),
        threshold: 10,
        windowFrom: days[windowStart],
        windowTo: lastDay,
      },
      firstDate: days[windowU[0]],
      lastDate: days[windowU[windowU.length - 1]],
      firedOn: days[windowU[windowU.length - 1]],
    });
  }

  // Only the highest chronic tier reached is raised.
  const absences = [...codes].flatMap((c, i) => (c === "U" || c === "J" ? [i] : []));
  const unjustified = [...codes].filter((c) => c === "U").length;
  const reaches = (threshold: number) => absences.length > 0 && absences.length * 100 >= threshold * codes.length;
  const tier = reaches(20) ? (["CHRONIC_TIER3", 20] as const) : reaches(10) ? (["CHRONIC_TIER2", 10] as const) : null;
  if (tier) {
    fired.push({
      kind: tier[0],
      figures: {
        absences: absences.length,
        justified: absences.length - unjustified,
        unjustified,
        days: codes.length,
        pct: pct(absences.length, codes.length),
        threshold: tier[1],
        from: days[0],
        to: lastDay,
      },
      firstDate: days[absences[0]],
      lastDate: days[absences[absences.length - 1]],
      firedOn: days[absences[absences.length - 1]],
    });
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
