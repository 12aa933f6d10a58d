import { termDays } from "./calendar";
import { alertedPattern, EXPECTED_KINDS, type PatternGroup, quietPattern } from "./patterns";
import { stream } from "./random";
import { evaluateDefaultRules, isQuietUnderAnyReading } from "./rules";
import type { StudentPlan, Track } from "./types";

// Who raises alerts, what happens to them, and everyone's attendance.

/** 278 alerted students: girls dominate 2° and 4°, the total stays near-equal by sex. */
export const ALERTED_BY_GRADE_SEX: Record<number, { F: number; M: number }> = {
  1: { F: 18, M: 30 },
  2: { F: 42, M: 22 },
  3: { F: 20, M: 32 },
  4: { F: 41, M: 21 },
  5: { F: 20, M: 32 },
};

/** Alerts left OPEN (no case) per school, for the directors' inboxes. */
const OPEN_ALERTS_BY_SCHOOL: Record<string, number> = { "1000001": 9, "1000002": 10, "2000001": 10, "2000002": 9 };

const TRACK_SIZES: [Exclude<Track, "OPEN_ALERT">, number][] = [
  ["NEW_CASE", 22],
  ["UNREACHED", 118],
  ["REACHED", 37],
  ["EVALUATED", 63],
];

const GROUPS_BY_TRACK: Record<Track, Partial<Record<PatternGroup, number>>> = {
  OPEN_ALERT: { G3: 24, G5: 14 },
  NEW_CASE: { G3: 14, G5: 8 },
  UNREACHED: { G1: 60, G2: 26, G4: 14, G3: 18 },
  REACHED: { G1: 24, G2: 8, G4: 5 },
  EVALUATED: { G1: 38, G2: 15, G4: 10 },
};

/** First day (0-based index) of the run: late for fresh alerts, early for long cases. */
function runStartRange(track: Track, group: PatternGroup): [number, number] {
  if (group === "G3") return track === "OPEN_ALERT" ? [46, 57] : track === "NEW_CASE" ? [40, 50] : [40, 46];
  return track === "EVALUATED" ? [3, 20] : track === "REACHED" ? [3, 26] : [3, 30];
}

export function assignCohort(students: StudentPlan[]): void {
  const r = stream("cohort");
  const alerted: StudentPlan[] = [];
  for (const [grade, bySex] of Object.entries(ALERTED_BY_GRADE_SEX)) {
    for (const sex of ["F", "M"] as const) {
      const pool = students.filter((s) => s.grade === Number(grade) && s.sex === sex);
      alerted.push(...r.sample(pool, bySex[sex]));
    }
  }
  alerted.sort((a, b) => a.index - b.index);

  const open = Object.entries(OPEN_ALERTS_BY_SCHOOL).flatMap(([school, n]) =>
    r.sample(
      alerted.filter((s) => s.school === school),
      n,
    ),
  );
  for (const s of open) s.track = "OPEN_ALERT";
  const rest = r.shuffle(alerted.filter((s) => s.track === null));
  let at = 0;
  for (const [track, size] of TRACK_SIZES) for (let k = 0; k < size; k++) rest[at++].track = track;
  if (at !== rest.length) throw new Error("track sizes must cover every alerted student");

  for (const [track, groups] of Object.entries(GROUPS_BY_TRACK) as [Track, Partial<Record<PatternGroup, number>>][]) {
    const members = alerted.filter((s) => s.track === track);
    const labels = r.shuffle(
      Object.entries(groups).flatMap(([g, n]) => Array<PatternGroup>(n).fill(g as PatternGroup)),
    );
    if (labels.length !== members.length) throw new Error(`pattern groups do not match track ${track}`);
    members.forEach((s, i) => (s.group = labels[i]));
  }
}

/** Attendance strings and the alerts they fire; throws if any student breaks the design. */
export function assignAttendance(students: StudentPlan[]): void {
  const r = stream("attendance");
  const days = termDays();
  for (const s of students) {
    if (s.track && s.group) {
      s.attendance = alertedPattern(r, s.group, runStartRange(s.track, s.group));
      s.alerts = evaluateDefaultRules(s.attendance, days);
      const kinds = s.alerts.map((a) => a.kind).join(",");
      if (!EXPECTED_KINDS[s.group].some((k) => k.join(",") === kinds)) {
        throw new Error(`student ${s.index} (${s.group}) fires [${kinds}]`);
      }
    } else {
      s.attendance = quietPattern(r);
      if (!isQuietUnderAnyReading(s.attendance) || evaluateDefaultRules(s.attendance, days).length > 0) {
        throw new Error(`quiet student ${s.index} fires a rule`);
      }
    }
  }
}
