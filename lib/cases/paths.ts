/**
 * The pages of one case file: its overview and its tabs (app/(app)/cases/[id]/case-file-page.tsx).
 * An action that changes a case revalidates them all: the header of each shows its state, and
 * the history shows every change.
 */
export const CASE_TABS = ["history", "visits", "evaluations", "referrals"] as const;

export function caseFilePaths(caseId: string): string[] {
  return [`/cases/${caseId}`, ...CASE_TABS.map((tab) => `/cases/${caseId}/${tab}`)];
}
