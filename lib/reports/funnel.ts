import { CASE_OUTCOMES, FUNNEL_STAGES, type CaseOutcomeCode, type CohortRow } from "./cohort-sql";
import type { ReportSchool } from "./scope";
import { percentOf, TableModel, type Count } from "./table-model";

// The funnel table: followed → alerted → reached → evaluated → referred → attended →
// reintegrated, each with its % of the step before, for the covered schools and for each
// school; and the alerted students' closed cases by outcome (every path, not only the funnel's).

export const FUNNEL_STEPS = [...FUNNEL_STAGES, "reintegrated"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export type FunnelColumn = {
  steps: { step: FunnelStep; count: Count; pctOfPrevious: number | null }[];
  closed: Count;
  outcomes: Record<CaseOutcomeCode, Count>;
};
export type FunnelReport = {
  total: FunnelColumn;
  /** One column per school when the report covers more than one. */
  schools: { school: ReportSchool; column: FunnelColumn }[];
};

const OPEN = "open";
const OUTCOME_KEYS = [OPEN, ...CASE_OUTCOMES] as const;
const LAST = FUNNEL_STAGES.length - 1;

/** Figures that other tables of the page print too (followed, alerted, reached in total). */
export const FUNNEL_SHARED = { followed: "all:step:0", alerted: "all:step:1", reached: "all:step:2" } as const;

const atomKey = (school: string, stage: number, outcome: string) => `${school}|${stage}|${outcome}`;

function atomsOf(schools: readonly string[], pick: (stage: number, outcome: string) => boolean): string[] {
  return schools.flatMap((s) => [
    ...(pick(0, OPEN) ? [atomKey(s, 0, OPEN)] : []),
    ...FUNNEL_STAGES.slice(1).flatMap((_, i) =>
      OUTCOME_KEYS.filter((o) => pick(i + 1, o)).map((o) => atomKey(s, i + 1, o)),
    ),
  ]);
}

function declare(model: TableModel, col: string, schools: string[], split: string[] | null) {
  const partsOf = (suffix: string) => (split ? [split.map((s) => `${s}:${suffix}`)] : []);
  const step = (k: number) => `${col}:step:${k}`;
  // Declared innermost first: a figure's `contains` must already exist.
  model.cell(
    step(LAST + 1),
    atomsOf(schools, (stage, o) => stage === LAST && o === "REINTEGRATED"),
    { parts: partsOf(`step:${LAST + 1}`) },
  );
  for (const o of CASE_OUTCOMES)
    model.cell(
      `${col}:outcome:${o}`,
      atomsOf(schools, (stage, x) => stage >= 1 && x === o),
      {
        parts: partsOf(`outcome:${o}`),
        contains: o === "REINTEGRATED" ? [step(LAST + 1)] : [],
      },
    );
  model.cell(
    `${col}:closed`,
    atomsOf(schools, (stage, o) => stage >= 1 && o !== OPEN),
    { parts: [CASE_OUTCOMES.map((o) => `${col}:outcome:${o}`), ...partsOf("closed")] },
  );
  // Groups the reader gets by subtraction: stopped at a step (a step minus the next), attended
  // but not reintegrated, alerted with the case still open.
  for (let k = 0; k < LAST; k++)
    model.impliedGroup(
      atomsOf(schools, (stage) => stage === k),
      k === 0 ? "always" : "nonzero",
    );
  model.impliedGroup(atomsOf(schools, (stage, o) => stage === LAST && o !== "REINTEGRATED"));
  model.impliedGroup(atomsOf(schools, (stage, o) => stage >= 1 && o === OPEN));
  for (let k = LAST; k >= 0; k--)
    model.cell(
      step(k),
      atomsOf(schools, (stage) => stage >= k),
      { parts: partsOf(`step:${k}`), contains: [step(k + 1), ...(k === 1 ? [`${col}:closed`] : [])] },
    );
}

/** The funnel's figures as a protection model (suppression decided later by `protect`). */
export function funnelModel(rows: readonly CohortRow[], schools: readonly ReportSchool[]): TableModel {
  const model = new TableModel();
  const ids = schools.map((s) => s.id);
  // Every combination exists, with 0 when no row has it; "not alerted" is protected even at 0.
  for (const s of ids) model.atom(atomKey(s, 0, OPEN), "always");
  for (const k of atomsOf(ids, (stage) => stage >= 1)) model.atom(k);
  for (const r of rows) model.add(atomKey(r.schoolId, r.stage, r.stage === 0 ? OPEN : (r.outcome ?? OPEN)), r.n);
  const bySchool = ids.length > 1;
  if (bySchool) for (const s of ids) declare(model, s, [s], null);
  declare(model, "all", ids, bySchool ? ids : null);
  return model;
}

function column(model: TableModel, col: string): FunnelColumn {
  const counts = FUNNEL_STEPS.map((_, k) => model.get(`${col}:step:${k}`));
  return {
    steps: FUNNEL_STEPS.map((step, k) => ({
      step,
      count: counts[k],
      pctOfPrevious: k === 0 ? null : percentOf(counts[k], counts[k - 1]),
    })),
    closed: model.get(`${col}:closed`),
    outcomes: Object.fromEntries(CASE_OUTCOMES.map((o) => [o, model.get(`${col}:outcome:${o}`)])) as Record<
      CaseOutcomeCode,
      Count
    >,
  };
}

export function funnelReport(model: TableModel, schools: readonly ReportSchool[]): FunnelReport {
  return {
    total: column(model, "all"),
    schools: schools.length > 1 ? schools.map((school) => ({ school, column: column(model, school.id) })) : [],
  };
}
