import {
  CHRONIC_MIN_DAYS,
  DEFAULT_RATE_WINDOW,
  type ChronicFigures,
  type ComputedKind,
  type ConsecutiveFigures,
  type RateFigures,
  type RuleConfig,
} from "./schema";

// Reference implementation of the alert rules, one student at a time, in plain TypeScript.
// The production engine is one set-based SQL statement (compute-sql.ts); tests run both on
// the same data and require identical results. Decisions: docs/decisions/006-alert-rules.md.

export type DayStatus = "PRESENT" | "LATE" | "JUSTIFIED" | "UNJUSTIFIED";

export type StudentHistory = {
  /** School days of the student's current section (attendance_day), any order, YYYY-MM-DD. */
  sectionDays: readonly string[];
  /** The student's attendance rows by day (rows on other days are ignored by every rule). */
  attendance: ReadonlyMap<string, DayStatus>;
  /** Per kind, the lastDate of the student's latest reviewed (dismissed / case-opened) alert. */
  coveredUntil?: Partial<Record<ComputedKind, string>>;
};

export type AlertCandidate =
  | { kind: "CONSECUTIVE_UNJUSTIFIED"; firstDate: string; lastDate: string; figures: ConsecutiveFigures }
  | { kind: "UNJUSTIFIED_RATE"; firstDate: string; lastDate: string; figures: RateFigures }
  | { kind: "CHRONIC_TIER2" | "CHRONIC_TIER3"; firstDate: string; lastDate: string; figures: ChronicFigures };

/** Percentage truncated to one decimal: never shows more than the true value. */
export function truncatedPct(part: number, whole: number): number {
  return Math.trunc((part * 1000) / whole) / 10;
}

/** `part / whole ≥ threshold %`, compared without rounding. */
export function reachesPct(part: number, whole: number, threshold: number): boolean {
  return part > 0 && part * 100 >= threshold * whole;
}

const isAbsent = (s: DayStatus | undefined) => s === "UNJUSTIFIED" || s === "JUSTIFIED";

export function evaluateStudent(rules: readonly RuleConfig[], history: StudentHistory): AlertCandidate[] {
  const rows = [...history.attendance.keys()];
  if (rows.length === 0) return [];
  // The student is followed from their first attendance row: section days before it (a
  // student who joined mid-term) are not theirs.
  const firstDay = rows.reduce((a, b) => (b < a ? b : a));
  const sectionDays = [...new Set(history.sectionDays)].sort();
  const days = sectionDays.filter((d) => d >= firstDay);
  if (days.length === 0) return [];
  const lastDay = sectionDays[sectionDays.length - 1];
  const covered = (kind: ComputedKind) => history.coveredUntil?.[kind] ?? "";
  const status = (d: string) => history.attendance.get(d);
  const rule = (kind: ComputedKind) => rules.find((r) => r.kind === kind && r.active);
  const out: AlertCandidate[] = [];

  const consecutive = rule("CONSECUTIVE_UNJUSTIFIED");
  if (consecutive) {
    const cov = covered("CONSECUTIVE_UNJUSTIFIED");
    type Run = { count: number; from: string; to: string };
    let best: Run | null = null as Run | null;
    let run: Run | null = null as Run | null;
    // A day without a row, PRESENT, LATE or JUSTIFIED all end a run of unjustified absences.
    for (const d of [...days, null]) {
      if (d !== null && d > cov && status(d) === "UNJUSTIFIED") {
        run = run ? { ...run, count: run.count + 1, to: d } : { count: 1, from: d, to: d };
        continue;
      }
      if (run && run.count >= consecutive.threshold) best = run; // later runs replace earlier ones
      run = null;
    }
    if (best !== null) {
      out.push({
        kind: "CONSECUTIVE_UNJUSTIFIED",
        firstDate: best.from,
        lastDate: best.to,
        figures: {
          consecutive: best.count,
          threshold: consecutive.threshold,
          from: best.from,
          to: best.to,
          ongoing: best.to === lastDay,
        },
      });
    }
  }

  const rate = rule("UNJUSTIFIED_RATE");
  if (rate) {
    const windowDays = rate.windowDays ?? DEFAULT_RATE_WINDOW;
    const window = sectionDays.slice(-windowDays);
    const cov = covered("UNJUSTIFIED_RATE");
    // The denominator is the whole window even when the student has fewer days in it: days
    // before the student's first row count as not absent (see 006, "mid-term joiners").
    const counted = window.filter((d) => d >= firstDay && d > cov && status(d) === "UNJUSTIFIED");
    if (reachesPct(counted.length, windowDays, rate.threshold)) {
      out.push({
        kind: "UNJUSTIFIED_RATE",
        firstDate: counted[0],
        lastDate: counted[counted.length - 1],
        figures: {
          unjustified: counted.length,
          days: windowDays,
          pct: truncatedPct(counted.length, windowDays),
          threshold: rate.threshold,
          windowFrom: window[0],
          windowTo: lastDay,
        },
      });
    }
  }

  const tier2 = rule("CHRONIC_TIER2");
  const tier3 = rule("CHRONIC_TIER3");
  const chronic = (kind: "CHRONIC_TIER2" | "CHRONIC_TIER3") => {
    const cov = covered(kind);
    const period = days.filter((d) => d > cov);
    const absences = period.filter((d) => isAbsent(status(d)));
    const unjustified = absences.filter((d) => status(d) === "UNJUSTIFIED").length;
    return { period, absences, unjustified };
  };
  const chronicCandidate = (
    kind: "CHRONIC_TIER2" | "CHRONIC_TIER3",
    threshold: number,
    c: ReturnType<typeof chronic>,
  ): AlertCandidate => ({
    kind,
    firstDate: c.absences[0],
    lastDate: c.absences[c.absences.length - 1],
    figures: {
      absences: c.absences.length,
      justified: c.absences.length - c.unjustified,
      unjustified: c.unjustified,
      days: c.period.length,
      pct: truncatedPct(c.absences.length, c.period.length),
      threshold,
      from: c.period[0],
      to: lastDay,
    },
  });
  const fires = (c: ReturnType<typeof chronic>, threshold: number) =>
    c.period.length >= CHRONIC_MIN_DAYS && reachesPct(c.absences.length, c.period.length, threshold);
  if (tier3) {
    const c = chronic("CHRONIC_TIER3");
    if (fires(c, tier3.threshold)) out.push(chronicCandidate("CHRONIC_TIER3", tier3.threshold, c));
  }
  if (tier2) {
    const c = chronic("CHRONIC_TIER2");
    // Only the highest tier reached is raised: tier 2 stays quiet when the same figures are tier 3.
    const isTier3 = tier3 !== undefined && reachesPct(c.absences.length, c.period.length, tier3.threshold);
    if (fires(c, tier2.threshold) && !isTier3) out.push(chronicCandidate("CHRONIC_TIER2", tier2.threshold, c));
  }
  return out;
}
