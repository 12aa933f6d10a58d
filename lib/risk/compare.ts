import type { RiskAnswerValue, RiskDomain } from "../generated/prisma/enums";

// Change over time: a case's signed evaluations side by side, item by item (matched by code,
// which is stable across instrument versions), each with what changed since the previous one.

/** HIDDEN: the viewer may not read this answer; NOT_ASKED: the item was not on that form. */
export type CellValue = RiskAnswerValue | "HIDDEN" | "NOT_ASKED";

/**
 * APPEARED: absent before, present now (for a risk item, a new risk; for a protective factor, a
 * new strength); DISAPPEARED: present before, absent now (a risk resolved, a strength lost);
 * NOW_KNOWN: unknown before, answered now; NOW_UNKNOWN: answered before, unknown now;
 * NEW_ITEM: the previous form did not ask it (self-harm, from version 2).
 */
export type Change = "APPEARED" | "DISAPPEARED" | "NOW_KNOWN" | "NOW_UNKNOWN" | "NEW_ITEM";

export type SeriesItem = { code: string; domain: RiskDomain; position: number; labelEs: string; labelEn: string };

export type SeriesEvaluation = {
  id: string;
  /** Every item code on this evaluation's form. */
  codes: readonly string[];
  /** The answers this viewer may read, by item code. */
  answers: Readonly<Record<string, RiskAnswerValue>>;
};

export type ComparisonCell = { value: CellValue; change: Change | null };
export type ComparisonRow = { item: SeriesItem; cells: ComparisonCell[] };
export type ChangeCounts = Record<Change, number>;

export function changeBetween(previous: CellValue | undefined, current: CellValue): Change | null {
  if (previous === undefined || previous === "HIDDEN" || current === "HIDDEN" || current === "NOT_ASKED") return null;
  if (previous === "NOT_ASKED") return "NEW_ITEM";
  if (previous === current) return null;
  if (previous === "UNKNOWN") return "NOW_KNOWN";
  if (current === "UNKNOWN") return "NOW_UNKNOWN";
  return current === "PRESENT" ? "APPEARED" : "DISAPPEARED";
}

function cellValue(evaluation: SeriesEvaluation, code: string): CellValue {
  const answer = evaluation.answers[code];
  if (answer) return answer;
  return evaluation.codes.includes(code) ? "HIDDEN" : "NOT_ASKED";
}

/**
 * Rows in form order (`items`: the union of the forms' items), one cell per evaluation (oldest
 * first). Items the viewer cannot read on any evaluation are left out altogether.
 */
export function compareEvaluations(
  items: readonly SeriesItem[],
  evaluations: readonly SeriesEvaluation[],
): { rows: ComparisonRow[]; counts: ChangeCounts[] } {
  const rows: ComparisonRow[] = [];
  const counts = evaluations.map(
    (): ChangeCounts => ({ APPEARED: 0, DISAPPEARED: 0, NOW_KNOWN: 0, NOW_UNKNOWN: 0, NEW_ITEM: 0 }),
  );
  const ordered = [...items].sort(
    (a, b) => Number(a.domain === "PROTECTIVE") - Number(b.domain === "PROTECTIVE") || a.position - b.position,
  );
  for (const item of ordered) {
    const values = evaluations.map((e) => cellValue(e, item.code));
    if (values.every((v) => v === "HIDDEN" || v === "NOT_ASKED")) continue;
    const cells = values.map((value, i) => {
      const change = i === 0 ? null : changeBetween(values[i - 1], value);
      if (change) counts[i][change] += 1;
      return { value, change };
    });
    rows.push({ item, cells });
  }
  return { rows, counts };
}
