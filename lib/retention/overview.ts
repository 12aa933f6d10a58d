import "server-only";
import { authorize } from "../auth/authorize";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { todayInLima } from "../format/date";
import { countDue } from "./due";
import { limaDayStart, retentionCutoff } from "./period";
import { readRetentionYears } from "./settings";

export type RetentionOverview = {
  years: number;
  /** Cases closed before this Lima day are past the period. */
  cutoff: string;
  /** Due now: closed before the cut-off, not yet anonymised. */
  dueCases: number;
  /** Students whose record goes with them (no longer enrolled, no other case kept). */
  dueStudents: number;
  anonymisedCases: number;
  anonymisedStudents: number;
};

/** Counts only: the administrator decides on numbers, never reading a case file. */
export async function getRetentionOverview(
  user: SessionUser | null,
  today = todayInLima(),
): Promise<RetentionOverview> {
  authorize(user, "retention.manage");
  return countExpiredCases(today);
}

/** The same counts for the operator command (no user: whoever runs it holds the database). */
export async function countExpiredCases(today = todayInLima()): Promise<RetentionOverview> {
  return db.$transaction(async (tx) => {
    const years = await readRetentionYears(tx);
    const cutoff = retentionCutoff(years, today);
    const due = await countDue(tx, limaDayStart(cutoff));
    const anonymisedCases = await tx.case.count({ where: { anonymisedAt: { not: null } } });
    const anonymisedStudents = await tx.student.count({ where: { anonymisedAt: { not: null } } });
    return { years, cutoff, dueCases: due.cases, dueStudents: due.students, anonymisedCases, anonymisedStudents };
  });
}
