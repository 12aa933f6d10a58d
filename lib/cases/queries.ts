import "server-only";
import { authorize } from "../auth/authorize";
import { CASE_TEAM_ROLES, isCaseTeamRole } from "../auth/policy";
import { caseWhere, scopedSchoolIds } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { loadPage, type ListQuery } from "../lists/page";
import type { CaseFile, CaseFileStaffMember } from "./case-file";
import { CASE_PAGE_SIZE, NOT_CLOSED, type TCaseListFilters } from "./schema";

// Case list and the small lookups the case page needs. The caller's scope is always part of
// the `where`; filters only narrow it further.

const LIST_SELECT = {
  id: true,
  state: true,
  openedAt: true,
  updatedAt: true,
  school: { select: { name: true, codigoModular: true } },
  student: {
    select: { paternalSurname: true, maternalSurname: true, givenNames: true, grade: true, section: true, sex: true },
  },
  assignments: { select: { user: { select: { id: true, name: true } } }, orderBy: { assignedAt: "asc" } },
} satisfies Prisma.CaseSelect;

export type CaseListRow = Prisma.CaseGetPayload<{ select: typeof LIST_SELECT }>;

export function isCaseTeam(user: Pick<SessionUser, "role">): boolean {
  return isCaseTeamRole(user.role);
}

function caseListWhere(user: SessionUser, filters: Partial<TCaseListFilters>): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [caseWhere(user)];
  if (filters.state === NOT_CLOSED) and.push({ state: { not: "CLOSED" } });
  else if (filters.state) and.push({ state: filters.state });
  if (filters.assignee) {
    const userId = filters.assignee === "me" ? user.id : filters.assignee;
    and.push({ assignments: { some: { userId } } });
  }
  const student: Prisma.StudentWhereInput = {};
  if (filters.grade) student.grade = filters.grade;
  if (filters.sex) student.sex = filters.sex;
  if (Object.keys(student).length) and.push({ student });
  return { AND: and };
}

/** One page of cases, most recently changed first. A page past the end gives the last page. */
export const findCases: ListQuery<TCaseListFilters, CaseListRow> = async (user, filters, pageSize = CASE_PAGE_SIZE) => {
  authorize(user, "cases.readSummary");
  const where = caseListWhere(user, filters);
  return loadPage(
    filters.page,
    pageSize,
    () => db.case.count({ where }),
    ({ skip, take }) =>
      db.case.findMany({
        // One query per relation, not joins: a page is sorted out of every case in scope, and
        // joined relations would be built for each of them before the limit (decision 017).
        relationLoadStrategy: "query",
        where,
        select: LIST_SELECT,
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        skip,
        take,
      }),
  );
};

const MEMBER_SELECT = { id: true, name: true, role: true } satisfies Prisma.UserSelect;
export type CaseTeamMember = Prisma.UserGetPayload<{ select: typeof MEMBER_SELECT }>;

/**
 * Who may be assigned to a case: active case-team users of its school (the file's staff, read
 * with the case) not on its team yet, by name. assignCaseMember checks the same on the server.
 */
export function assignableMembers(file: Pick<CaseFile, "staff" | "team">): CaseFileStaffMember[] {
  const assigned = new Set((file.team ?? []).map((m) => m.user.id));
  return (file.staff ?? []).filter((m) => m.active && isCaseTeamRole(m.role) && !assigned.has(m.id));
}

/** Options of the "assigned to" filter: case-team members of the schools in the user's scope. */
export async function listAssigneeFilterOptions(user: SessionUser | null): Promise<CaseTeamMember[]> {
  authorize(user, "cases.readSummary");
  const schoolIds = scopedSchoolIds(user);
  if (schoolIds.length === 0) return [];
  return db.user.findMany({
    where: { active: true, role: { in: [...CASE_TEAM_ROLES] }, schools: { some: { schoolId: { in: schoolIds } } } },
    select: MEMBER_SELECT,
    orderBy: { name: "asc" },
  });
}
