import type { Db } from "../db";

// Contract used by attendance taking and imports; implemented by the alerts domain.
export type AlertComputeSummary = { schoolsProcessed: number; studentsEvaluated: number; opened: number; stillOpen: number };

/** Incremental recompute for the students whose attendance changed. */
export async function computeAlertsForStudents(
  _db: Db,
  _input: { schoolId: string; studentIds: string[] },
): Promise<AlertComputeSummary> {
  return { schoolsProcessed: 0, studentsEvaluated: 0, opened: 0, stillOpen: 0 };
}
