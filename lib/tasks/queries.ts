import "server-only";
import { can } from "../auth/policy";
import { caseWhere, schoolScopeWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

// Open urgent tasks: at the top of their case, and on the home page of everyone who may act on
// them (docs/decisions/011-risk-evaluations.md: every case-team member of the school, and the
// director, are told — an urgent referral must not wait for the one assigned person).

/** An open task as its case shows it (read with the case: lib/cases/case-file.ts). */
export const OPEN_TASK_SELECT = {
  id: true,
  kind: true,
  agencyType: true,
  createdAt: true,
  dueAt: true,
  agencyId: true,
  agency: { select: { name: true, district: true } },
} satisfies Prisma.CaseTaskSelect;

export type OpenCaseTask = Prisma.CaseTaskGetPayload<{ select: typeof OPEN_TASK_SELECT }>;

const HOME_SELECT = {
  ...OPEN_TASK_SELECT,
  case: {
    select: {
      id: true,
      student: {
        select: { paternalSurname: true, maternalSurname: true, givenNames: true, grade: true, section: true },
      },
      school: { select: { name: true } },
    },
  },
} satisfies Prisma.CaseTaskSelect;

export type HomeTask = Prisma.CaseTaskGetPayload<{ select: typeof HOME_SELECT }>;

/** Open tasks of the user's schools for the home page, most urgent first (at most 20). */
export async function listOpenTasksForHome(user: SessionUser): Promise<HomeTask[]> {
  if (!can(user.role, "caseTasks.read")) return [];
  return db.caseTask.findMany({
    // One query per relation (see lib/cases/queries.ts): 20 out of every open task in scope.
    relationLoadStrategy: "query",
    where: { AND: [{ doneAt: null }, schoolScopeWhere(user), { case: caseWhere(user) }] },
    select: HOME_SELECT,
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    take: 20,
  });
}
