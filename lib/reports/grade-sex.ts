import type { Sex } from "../generated/prisma/enums";
import { UNREACHED_REASONS, type ReachRow, type ReachStatus, type UnreachedReason } from "../visits/reachability";
import type { CohortRow } from "./cohort-sql";
import { SEXES } from "./schema";
import type { ReportScope } from "./scope";
import { percentOf, TableModel, type Count } from "./table-model";

// Everything the page prints by grade and sex, as one protection model, so that the tables
// that share figures are protected together: students followed and alerted (the table that
// shows the pilot's finding at a glance: girls over-represented among the alerted in 2° and
// 4°), and the reachability tables (reached, and why the others were not).
// Atoms: grade × sex × {not alerted, reached, each reason}.

export type GradeSexCell = { followed: Count; alerted: Count; /** alerted ÷ followed, % */ rate: number | null };
export type SexColumn = Sex | "T";
export type GradeSexRow = { grade: number | "T"; cells: Record<SexColumn, GradeSexCell> };
export type GradeSexReport = { sexes: Sex[]; rows: GradeSexRow[]; total: GradeSexRow };

export type ReachCell = {
  alerted: Count;
  reached: Count;
  /** reached ÷ alerted, one decimal; null when there is nobody or a count is hidden. */
  reachedPct: number | null;
  /** Not printed per grade × sex (null there): by grade, by sex and in total only. */
  notReached: Count | null;
  reasons: Record<UnreachedReason, Count> | null;
};

export type Axes = { grades: number[]; sexes: Sex[] };

const NOT_ALERTED = "NOT_ALERTED";
const STATUSES: ReachStatus[] = ["REACHED", ...UNREACHED_REASONS];
/** The grand totals other tables of the page print too. */
export const GRADE_SHARED = { followed: "T:T:followed", alerted: "T:T:alerted", reached: "T:T:reached" } as const;

export function gradeSexAxes(rows: readonly CohortRow[], scope: Pick<ReportScope, "grade" | "sex">): Axes {
  const grades = scope.grade !== null ? [scope.grade] : [...new Set(rows.map((r) => r.grade))].sort((a, b) => a - b);
  const sexes: Sex[] = scope.sex !== null ? [scope.sex] : [...SEXES];
  return { grades, sexes };
}

/** Measures printed for each grade × sex; reasons only by grade, by sex and in total. */
const PER_GRADE_SEX = ["followed", "alerted", "reached"];

type Column = { key: string; grades: number[]; sexes: Sex[]; withReasons: boolean };

function columns({ grades, sexes }: Axes): Column[] {
  return [
    ...grades.flatMap((g) => sexes.map((x) => ({ key: `g${g}:${x}`, grades: [g], sexes: [x], withReasons: false }))),
    ...grades.map((g) => ({ key: `g${g}:T`, grades: [g], sexes, withReasons: true })),
    ...sexes.map((x) => ({ key: `T:${x}`, grades, sexes: [x], withReasons: true })),
    { key: "T:T", grades, sexes, withReasons: true },
  ];
}

/** The columns a column splits into (a grade total into its sexes, the grand total both ways). */
function splits(c: Column, axes: Axes, measure: string): string[][] {
  const out: string[][] = [];
  if (c.key === "T:T") {
    if (axes.grades.length > 1) out.push(axes.grades.map((g) => `g${g}:T:${measure}`));
    if (axes.sexes.length > 1) out.push(axes.sexes.map((x) => `T:${x}:${measure}`));
  } else if (!PER_GRADE_SEX.includes(measure)) {
    // Reasons are not printed per grade × sex: nothing to split into.
  } else if (c.key.endsWith(":T") && axes.sexes.length > 1) {
    out.push(axes.sexes.map((x) => `${c.key.slice(0, -2)}:${x}:${measure}`));
  } else if (c.key.startsWith("T:") && axes.grades.length > 1) {
    out.push(axes.grades.map((g) => `g${g}:${c.key.slice(2)}:${measure}`));
  }
  return out;
}

export function gradeModel(cohort: readonly CohortRow[], reach: readonly ReachRow[], axes: Axes): TableModel {
  const model = new TableModel();
  const atom = (g: number, x: string, status: string) => `${g}|${x}|${status}`;
  for (const g of axes.grades)
    for (const x of axes.sexes) {
      model.atom(atom(g, x, NOT_ALERTED), "always");
      for (const s of STATUSES) model.atom(atom(g, x, s));
    }
  for (const r of cohort) if (r.stage === 0) model.add(atom(r.grade, r.sex, NOT_ALERTED), r.n);
  for (const r of reach) model.add(atom(r.grade, r.sex, r.status), r.n);

  for (const c of columns(axes)) {
    const atoms = (statuses: readonly string[]) =>
      c.grades.flatMap((g) => c.sexes.flatMap((x) => statuses.map((s) => atom(g, x, s))));
    const cell = (measure: string, statuses: readonly string[], extra: string[][] = [], contains: string[] = []) =>
      model.cell(`${c.key}:${measure}`, atoms(statuses), {
        parts: [...extra, ...splits(c, axes, measure)],
        contains: contains.map((m) => `${c.key}:${m}`),
      });
    // Innermost first: a figure's `contains` must already exist.
    cell("reached", ["REACHED"]);
    if (c.withReasons) {
      for (const r of UNREACHED_REASONS) cell(`reason:${r}`, [r]);
      cell("notReached", UNREACHED_REASONS, [UNREACHED_REASONS.map((r) => `${c.key}:reason:${r}`)]);
    }
    cell("alerted", STATUSES, c.withReasons ? [[`${c.key}:reached`, `${c.key}:notReached`]] : [], ["reached"]);
    cell("followed", [NOT_ALERTED, ...STATUSES], [], ["alerted"]);
    // Alerted but not reached: printed by grade, by sex and in total, implied per grade × sex.
    if (!c.withReasons) model.impliedGroup(atoms(UNREACHED_REASONS));
  }
  return model;
}

function gradeSexCell(model: TableModel, key: string): GradeSexCell {
  const followed = model.get(`${key}:followed`);
  const alerted = model.get(`${key}:alerted`);
  return { followed, alerted, rate: percentOf(alerted, followed) };
}

function row(model: TableModel, g: number | "T", sexes: Sex[]): GradeSexRow {
  const p = g === "T" ? "T" : `g${g}`;
  const cells = { T: gradeSexCell(model, `${p}:T`) } as Record<SexColumn, GradeSexCell>;
  for (const x of sexes) cells[x] = gradeSexCell(model, `${p}:${x}`);
  return { grade: g, cells };
}

export function gradeSexReport(model: TableModel, axes: Axes): GradeSexReport {
  return {
    sexes: axes.sexes,
    rows: axes.grades.map((g) => row(model, g, axes.sexes)),
    total: row(model, "T", axes.sexes),
  };
}

/** Reach figures of one column (`g2:F`, `g2:T`, `T:F`, `T:T`); reasons only where printed. */
export function reachCell(model: TableModel, key: string): ReachCell {
  const alerted = model.get(`${key}:alerted`);
  const reached = model.get(`${key}:reached`);
  const withReasons = !/^g\d+:[FM]$/.test(key);
  return {
    alerted,
    reached,
    reachedPct: percentOf(reached, alerted),
    notReached: withReasons ? model.get(`${key}:notReached`) : null,
    reasons: withReasons
      ? (Object.fromEntries(UNREACHED_REASONS.map((r) => [r, model.get(`${key}:reason:${r}`)])) as Record<
          UnreachedReason,
          Count
        >)
      : null,
  };
}
