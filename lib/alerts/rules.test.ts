import { describe, expect, it } from "vitest";
import { evaluateStudent, reachesPct, truncatedPct, type DayStatus } from "./rules";
import { DEFAULT_RULES, type ComputedKind, type RuleConfig } from "./schema";

// Attendance is written as one letter per school day of the section, oldest first:
// P present, L late, J justified, U unjustified, "." no row for the student that day.

const DEFAULTS: RuleConfig[] = Object.entries(DEFAULT_RULES).map(([kind, r]) => ({
  kind: kind as ComputedKind,
  ...r,
  active: true,
}));
const only = (kind: ComputedKind, patch: Partial<RuleConfig> = {}): RuleConfig[] =>
  DEFAULTS.filter((r) => r.kind === kind).map((r) => ({ ...r, ...patch }));

/** School days 2026-06-01 onwards, weekdays only. */
function schoolDays(n: number, start = "2026-06-01"): string[] {
  const out: string[] = [];
  for (const d = new Date(`${start}T00:00:00Z`); out.length < n; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const LETTER: Record<string, DayStatus> = { P: "PRESENT", L: "LATE", J: "JUSTIFIED", U: "UNJUSTIFIED" };

function history(codes: string, opts: { days?: string[]; coveredUntil?: Partial<Record<ComputedKind, string>> } = {}) {
  const days = opts.days ?? schoolDays(codes.length);
  const attendance = new Map<string, DayStatus>();
  [...codes].forEach((c, i) => {
    if (c !== ".") attendance.set(days[i], LETTER[c]);
  });
  return { sectionDays: days, attendance, coveredUntil: opts.coveredUntil };
}

const kinds = (rules: RuleConfig[], codes: string) => evaluateStudent(rules, history(codes)).map((c) => c.kind);

describe("[ALERTS] consecutive unjustified absences", () => {
  const rules = only("CONSECUTIVE_UNJUSTIFIED");

  it("fires at 3 in a row with the run's figures and dates", () => {
    const [alert] = evaluateStudent(rules, history("PPUUUUPP"));
    expect(alert).toMatchObject({
      kind: "CONSECUTIVE_UNJUSTIFIED",
      firstDate: "2026-06-03",
      lastDate: "2026-06-08",
      figures: { consecutive: 4, threshold: 3, from: "2026-06-03", to: "2026-06-08", ongoing: false },
    });
  });

  it("does not fire at 2 in a row", () => expect(kinds(rules, "PUUPUUP")).toEqual([]));

  it("a justified absence breaks a run of unjustified ones", () => {
    expect(kinds(rules, "PUUJUPP")).toEqual([]);
    expect(kinds(rules, "PUUJUUUP")).toEqual(["CONSECUTIVE_UNJUSTIFIED"]);
  });

  it("a late arrival is attendance and breaks the run", () => expect(kinds(rules, "UULUU")).toEqual([]));

  it("a school day without a row for the student breaks the run (not absent)", () =>
    expect(kinds(rules, "UU.UU")).toEqual([]));

  it("days that are not school days of the section do not break the run (weekends, holidays)", () => {
    // Fri 05/06, Mon 08/06, Tue 09/06: consecutive *school* days.
    const [alert] = evaluateStudent(rules, history("PPPPUUU", { days: schoolDays(7) }));
    expect(alert.figures).toMatchObject({ consecutive: 3, from: "2026-06-05", to: "2026-06-09", ongoing: true });
  });

  it("reports the most recent run that reaches the threshold", () => {
    const [alert] = evaluateStudent(rules, history("UUUUUPPPUUUPP"));
    expect(alert.figures).toMatchObject({ consecutive: 3, from: "2026-06-11", to: "2026-06-15" });
  });

  it("rows on days the section did not take attendance are ignored", () => {
    const h = history("PUUP");
    h.attendance = new Map([...h.attendance, ["2026-06-02", "UNJUSTIFIED"]]);
    const stray = new Map(h.attendance);
    stray.set("2026-05-30", "UNJUSTIFIED"); // a Saturday: not a school day
    expect(evaluateStudent(rules, { ...h, attendance: stray })).toEqual([]);
  });

  it("evidence already reviewed does not fire again; a new run after it does", () => {
    const codes = "UUUPPPPUUU";
    const days = schoolDays(codes.length);
    expect(evaluateStudent(rules, history("UUUPPPP", { coveredUntil: { CONSECUTIVE_UNJUSTIFIED: days[2] } }))).toEqual(
      [],
    );
    const [alert] = evaluateStudent(rules, history(codes, { coveredUntil: { CONSECUTIVE_UNJUSTIFIED: days[2] } }));
    expect(alert.figures).toMatchObject({ from: days[7], to: days[9] });
    // A run straddling the reviewed date only counts its days after it.
    expect(evaluateStudent(rules, history("PUUUUP", { coveredUntil: { CONSECUTIVE_UNJUSTIFIED: days[2] } }))).toEqual(
      [],
    );
  });

  it("an inactive rule never fires", () =>
    expect(kinds(only("CONSECUTIVE_UNJUSTIFIED", { active: false }), "UUUUU")).toEqual([]));
});

describe("[ALERTS] unjustified rate over the last school days", () => {
  const rules = only("UNJUSTIFIED_RATE");

  it("fires at 2 of the last 20 school days (10 %), with the window and the counted absences", () => {
    const codes = "P".repeat(30) + "PPPUPPPPPPPPUPPPPPPP";
    const days = schoolDays(codes.length);
    const [alert] = evaluateStudent(rules, history(codes));
    expect(alert).toMatchObject({
      kind: "UNJUSTIFIED_RATE",
      firstDate: days[33],
      lastDate: days[42],
      figures: { unjustified: 2, days: 20, pct: 10, threshold: 10, windowFrom: days[30], windowTo: days[49] },
    });
  });

  it("only the last 20 days count: older absences do not", () => {
    expect(kinds(rules, "UUUUU" + "P".repeat(19) + "U")).toEqual([]);
  });

  it("justified absences are not unjustified", () => expect(kinds(rules, "P".repeat(15) + "JJJJU")).toEqual([]));

  it("a mid-term joiner is measured against the whole window: days before joining count as not absent", () => {
    // 6 school days since joining, 1 unjustified: 1/20 = 5 %, not 1/6.
    expect(kinds(rules, ".".repeat(14) + "PPUPPP")).toEqual([]);
    const [alert] = evaluateStudent(rules, history(".".repeat(14) + "PUPUPP"));
    expect(alert.figures).toMatchObject({ unjustified: 2, days: 20, pct: 10 });
  });

  it("uses the configured window and threshold", () => {
    expect(kinds(only("UNJUSTIFIED_RATE", { windowDays: 5, threshold: 40 }), "UUUPPPPUP")).toEqual([]);
    expect(kinds(only("UNJUSTIFIED_RATE", { windowDays: 5, threshold: 40 }), "PPPPUPPUP")).toEqual([
      "UNJUSTIFIED_RATE",
    ]);
  });

  it("after a review only newer absences count", () => {
    const codes = "P".repeat(10) + "PUPPUPPPPU";
    const days = schoolDays(codes.length);
    expect(evaluateStudent(rules, history(codes, { coveredUntil: { UNJUSTIFIED_RATE: days[14] } }))).toEqual([]);
    expect(kinds(rules, codes)).toEqual(["UNJUSTIFIED_RATE"]);
  });
});

describe("[ALERTS] chronic absence tiers", () => {
  const rules = [...only("CHRONIC_TIER2"), ...only("CHRONIC_TIER3")];

  it("tier 2 at 10 % of the days so far, counting justified absences too", () => {
    const [alert] = evaluateStudent(rules, history("PPPPJPPPPPPPPPPPPPUP"));
    expect(alert).toMatchObject({
      kind: "CHRONIC_TIER2",
      firstDate: "2026-06-05",
      lastDate: "2026-06-25",
      figures: {
        absences: 2,
        justified: 1,
        unjustified: 1,
        days: 20,
        pct: 10,
        threshold: 10,
        from: "2026-06-01",
        to: "2026-06-26",
      },
    });
  });

  it("only the highest tier reached is raised", () => {
    expect(kinds(rules, "UPPPJPPPPU")).toEqual(["CHRONIC_TIER3"]);
    expect(kinds(only("CHRONIC_TIER2"), "UPPPJPPPPU")).toEqual(["CHRONIC_TIER2"]);
  });

  it("late arrivals are not absences", () => expect(kinds(rules, "LLLLLLLLLL")).toEqual([]));

  it("needs 10 school days before a percentage means anything", () => {
    expect(kinds(rules, "UPPPPPPPP")).toEqual([]);
    expect(kinds(rules, "UPPPPPPPPP")).toEqual(["CHRONIC_TIER2"]);
  });

  it("counts from the student's first row, not from the start of the section's term", () => {
    const codes = ".".repeat(40) + "PPPPPPPPPJ";
    const [alert] = evaluateStudent(rules, history(codes));
    expect(alert.figures).toMatchObject({ absences: 1, days: 10, pct: 10 });
  });

  it("sections with different school days: the same rows give different figures", () => {
    const attendance = new Map<string, DayStatus>([
      ["2026-06-01", "JUSTIFIED"],
      ["2026-06-03", "JUSTIFIED"],
    ]);
    const dense = schoolDays(10); // 10 days in two weeks
    const sparse = schoolDays(10).concat(schoolDays(10, "2026-06-15")); // 20 days
    expect(evaluateStudent(rules, { sectionDays: dense, attendance }).map((c) => c.kind)).toEqual(["CHRONIC_TIER3"]);
    expect(evaluateStudent(rules, { sectionDays: sparse, attendance }).map((c) => c.kind)).toEqual(["CHRONIC_TIER2"]);
  });
});

describe("[ALERTS] percentages", () => {
  it("compare without rounding and display truncated to one decimal", () => {
    expect(reachesPct(2, 20, 10)).toBe(true);
    expect(reachesPct(1, 11, 10)).toBe(false); // 9.09 %
    expect(reachesPct(0, 20, 0.0001)).toBe(false);
    expect(truncatedPct(2, 3)).toBe(66.6);
    expect(truncatedPct(3, 20)).toBe(15);
  });

  it("a student without attendance rows is not evaluated", () => {
    expect(evaluateStudent(DEFAULTS, { sectionDays: schoolDays(20), attendance: new Map() })).toEqual([]);
  });
});
