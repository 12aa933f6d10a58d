/**
 * The parts of one case file, each a page (app/(app)/cases/[id]/case-file-page.tsx): the
 * overview at /cases/<id>, the others under it. An action that changes a case revalidates them
 * all: the header of each shows its state, and the history shows every change.
 */
export const CASE_PARTS = ["overview", "history", "visits", "evaluations", "referrals"] as const;
export type CasePart = (typeof CASE_PARTS)[number];

export function casePartPath(caseId: string, part: CasePart): string {
  return part === "overview" ? `/cases/${caseId}` : `/cases/${caseId}/${part}`;
}

export function caseFilePaths(caseId: string): string[] {
  return CASE_PARTS.map((part) => casePartPath(caseId, part));
}
