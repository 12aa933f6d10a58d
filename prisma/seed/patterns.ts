import type { Random } from "./random";

// One attendance string per student (see rules.ts for the letters). Quiet students are built
// so that no rule fires under any reading; alerted students follow one of five patterns whose
// fired rules are known in advance (and re-checked by the plan builder):
//   G1 early run of ≥3 U, ≤5 absences in all       → CONSECUTIVE only
//   G2 early run + 7–11 absences                   → CONSECUTIVE + CHRONIC_TIER2
//   G3 run inside the last 20 days (≤5 or 7–9 abs) → CONSECUTIVE + RATE (+ TIER2)
//   G4 early run + 13–20 absences, ≥3 U lately     → CONSECUTIVE + RATE + CHRONIC_TIER3
//   G5 3–4 separate U in the last 20 days          → RATE only
// Outside a run, absences are never adjacent, so whether a justified day breaks a run or not
// cannot change any result.

export type PatternGroup = "G1" | "G2" | "G3" | "G4" | "G5";
export const LAST_WINDOW_START = 40; // first index of the last 20 of 60 school days
const DAYS = 60;

function isFree(a: string[], i: number): boolean {
  return a[i] === "P" && (i === 0 || a[i - 1] === "P") && (i === a.length - 1 || a[i + 1] === "P");
}

function placeSingle(r: Random, a: string[], lo: number, hi: number, code: "U" | "J") {
  const options: number[] = [];
  for (let i = lo; i <= hi; i++) if (isFree(a, i)) options.push(i);
  if (options.length === 0) throw new Error(`no free school day in [${lo}, ${hi}]`);
  a[r.pick(options)] = code;
}

function unjustifiedSince(a: string[], from: number): number {
  return a.slice(from).filter((c) => c === "U").length;
}

function sprinkleLate(r: Random, a: string[]): string {
  return a.map((c) => (c === "P" && r.chance(0.015) ? "L" : c)).join("");
}

/** ≤5 absences, the k-th no earlier than day 10k+1, unjustified ones ≥ 20 school days apart. */
export function quietPattern(r: Random): string {
  const a = Array<string>(DAYS).fill("P");
  const count = r.weighted([
    [0, 48],
    [1, 26],
    [2, 14],
    [3, 7],
    [4, 3],
    [5, 2],
  ] as const);
  const blocks = r.sample([1, 2, 3, 4, 5], count).sort((x, y) => x - y);
  let lastU = -100;
  for (const b of blocks) {
    const i = r.int(10 * b, 10 * b + 9);
    const unjustified = r.chance(0.35) && i - lastU >= 20;
    a[i] = unjustified ? "U" : "J";
    if (unjustified) lastU = i;
  }
  return sprinkleLate(r, a);
}

function placeRun(
  r: Random,
  a: string[],
  lengths: readonly (readonly [number, number])[],
  lo: number,
  hi: number,
): number {
  const length = r.weighted(lengths);
  const start = r.int(lo, Math.min(hi, DAYS - length));
  for (let i = start; i < start + length; i++) a[i] = "U";
  return length;
}

/** Extra single absences anywhere; at most `maxRecentU` unjustified among the last 20 days. */
function placeExtras(r: Random, a: string[], count: number, pU: number, maxRecentU: number) {
  for (let k = 0; k < count; k++) {
    const want: "U" | "J" = r.chance(pU) ? "U" : "J";
    if (want === "U" && unjustifiedSince(a, LAST_WINDOW_START) >= maxRecentU) {
      placeSingle(r, a, 0, LAST_WINDOW_START - 1, "U");
    } else {
      placeSingle(r, a, 0, DAYS - 1, want);
    }
  }
}

/** `runStart`: the range of the first day of the run (G1–G4). */
export function alertedPattern(r: Random, group: PatternGroup, runStart: [number, number]): string {
  const a = Array<string>(DAYS).fill("P");
  const [lo, hi] = runStart;
  switch (group) {
    case "G1": {
      const len = placeRun(
        r,
        a,
        [
          [3, 55],
          [4, 30],
          [5, 15],
        ],
        lo,
        hi,
      );
      placeExtras(
        r,
        a,
        Math.min(
          5 - len,
          r.weighted([
            [0, 40],
            [1, 35],
            [2, 25],
          ] as const),
        ),
        0.3,
        1,
      );
      break;
    }
    case "G2": {
      const len = placeRun(
        r,
        a,
        [
          [3, 45],
          [4, 35],
          [5, 20],
        ],
        lo,
        hi,
      );
      placeExtras(r, a, r.int(7, 11) - len, 0.25, 1);
      break;
    }
    case "G3": {
      const len = placeRun(
        r,
        a,
        [
          [3, 55],
          [4, 30],
          [5, 15],
        ],
        Math.max(lo, LAST_WINDOW_START),
        hi,
      );
      const total = r.chance(0.25)
        ? r.int(7, 9)
        : len +
          Math.min(
            5 - len,
            r.weighted([
              [0, 50],
              [1, 30],
              [2, 20],
            ] as const),
          );
      placeExtras(r, a, total - len, 0.25, 99);
      break;
    }
    case "G4": {
      const len = placeRun(
        r,
        a,
        [
          [4, 30],
          [5, 30],
          [6, 25],
          [7, 15],
        ],
        lo,
        hi,
      );
      const recent = r.int(3, 5);
      for (let k = 0; k < recent; k++) placeSingle(r, a, LAST_WINDOW_START, DAYS - 1, "U");
      placeExtras(r, a, r.int(13, 20) - len - recent, 0.4, 99);
      break;
    }
    case "G5": {
      const recent = r.int(3, 4);
      for (let k = 0; k < recent; k++) placeSingle(r, a, LAST_WINDOW_START, DAYS - 1, "U");
      const earlier = r.int(0, 5 - recent);
      for (let k = 0; k < earlier; k++) placeSingle(r, a, 10, LAST_WINDOW_START - 1, "J");
      break;
    }
  }
  return sprinkleLate(r, a);
}

/** The rules each pattern fires, as the plan builder checks them. */
export const EXPECTED_KINDS: Record<PatternGroup, readonly string[][]> = {
  G1: [["CONSECUTIVE_UNJUSTIFIED"]],
  G2: [["CONSECUTIVE_UNJUSTIFIED", "CHRONIC_TIER2"]],
  G3: [
    ["CONSECUTIVE_UNJUSTIFIED", "UNJUSTIFIED_RATE"],
    ["CONSECUTIVE_UNJUSTIFIED", "UNJUSTIFIED_RATE", "CHRONIC_TIER2"],
  ],
  G4: [["CONSECUTIVE_UNJUSTIFIED", "UNJUSTIFIED_RATE", "CHRONIC_TIER3"]],
  G5: [["UNJUSTIFIED_RATE"]],
};
