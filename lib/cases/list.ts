import "server-only";
import { authorize } from "../auth/authorize";
import { CASE_TEAM_ROLES } from "../auth/policy";
import { schoolScopeSql } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { CaseState, Sex } from "../generated/prisma/enums";
import { loadPageWithTotal, type ListQuery, type Page } from "../lists/page";
import { CASE_PAGE_SIZE, NOT_CLOSED, type TCaseListFilters } from "./schema";

// The case list (/cases): the cases of the user's schools, most recently changed first, with
// the options of its "assigned to" filter. The caller's scope is always part of the `where`;
// filters only narrow it further.

export type CaseListRow = {
  id: string;
  state: CaseState;
  updatedAt: Date;
  school: { name: string };
  student: {
    paternalSurname: string;
    maternalSurname: string;
    givenNames: string;
    grade: number;
    section: string;
    sex: Sex;
  };
  /** The names of the case's team, first assigned first. */
  team: string[];
};

/** Who the "assigned to" filter offers: active case-team members of the user's schools, by name. */
export type CaseTeamMember = { id: string; name: string };

export type CaseListPage = Page<CaseListRow> & { assignees: CaseTeamMember[] };

type CaseListRead = {
  total: number;
  rows: (Omit<CaseListRow, "updatedAt"> & { updatedAt: string })[];
  assignees: CaseTeamMember[];
};

/**
 * The list in one statement: the matching cases counted, the page's cases with their school,
 * student and team, and the filter's members, as JSON built by PostgreSQL. Before, a count,
 * a read of one query per relation and the members' query: five statements, each compiled and
 * its rows turned into objects by the app (decision 017, eighth round). The count reads
 * case_file alone; the student is joined only when the grade or sex filter asks for it.
 * Scope: the cases, and the members, of the user's schools (schoolScopeSql, as caseWhere).
 */
function caseListSql(user: SessionUser, filters: Partial<TCaseListFilters>, take: number, skip: number) {
  const where: Prisma.Sql[] = [schoolScopeSql(user, 'c."schoolId"')];
  if (filters.state === NOT_CLOSED) where.push(Prisma.sql`c.state <> 'CLOSED'`);
  else if (filters.state) where.push(Prisma.sql`c.state = ${filters.state}::"CaseState"`);
  if (filters.assignee) {
    const userId = filters.assignee === "me" ? user.id : filters.assignee;
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM case_assignment ca WHERE ca."caseId" = c.id AND ca."userId" = ${userId}::uuid)`,
    );
  }
  const byStudent = filters.grade !== undefined || filters.sex !== undefined;
  if (filters.grade !== undefined) where.push(Prisma.sql`s.grade = ${filters.grade}::smallint`);
  if (filters.sex) where.push(Prisma.sql`s.sex = ${filters.sex}::"Sex"`);
  const from = byStudent ? Prisma.sql`case_file c JOIN student s ON s.id = c."studentId"` : Prisma.sql`case_file c`;
  return Prisma.sql`
    WITH matching AS (
      SELECT c.id, c."updatedAt" FROM ${from} WHERE ${Prisma.join(where, " AND ")}
    ), page AS (
      SELECT id, "updatedAt" FROM matching ORDER BY "updatedAt" DESC, id LIMIT ${take} OFFSET ${skip}
    )
    SELECT (SELECT count(*)::int FROM matching) AS total,
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', c.id, 'state', c.state, 'updatedAt', c."updatedAt",
                 'school', json_build_object('name', sc.name),
                 'student', json_build_object('paternalSurname', s."paternalSurname",
                   'maternalSurname', s."maternalSurname", 'givenNames', s."givenNames",
                   'grade', s.grade, 'section', s.section, 'sex', s.sex),
                 'team', COALESCE((SELECT json_agg(u.name ORDER BY ca."assignedAt", u.id)
                                     FROM case_assignment ca JOIN app_user u ON u.id = ca."userId"
                                    WHERE ca."caseId" = c.id), '[]'::json))
               ORDER BY p."updatedAt" DESC, p.id)
          FROM page p JOIN case_file c ON c.id = p.id
          JOIN student s ON s.id = c."studentId" JOIN school sc ON sc.id = c."schoolId"
      ), '[]'::json) AS rows,
      COALESCE((
        SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id)
          FROM app_user u
         WHERE u.active AND u.role = ANY(${[...CASE_TEAM_ROLES]}::"Role"[])
           AND EXISTS (SELECT 1 FROM user_school us WHERE us."userId" = u.id AND ${schoolScopeSql(user, 'us."schoolId"')})
      ), '[]'::json) AS assignees`;
}

/** One page of cases, most recently changed first. A page past the end gives the last page. */
export const findCases: ListQuery<TCaseListFilters, CaseListRow, CaseListPage> = async (
  user,
  filters,
  pageSize = CASE_PAGE_SIZE,
) => {
  authorize(user, "cases.readSummary");
  const { result, window } = await loadPageWithTotal(filters.page, pageSize, async ({ skip, take }) => {
    const [read] = await db.$queryRaw<CaseListRead[]>(caseListSql(user, filters, take, skip));
    return read;
  });
  return {
    rows: result.rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) })),
    total: result.total,
    page: window.page,
    pageSize,
    pageCount: window.pageCount,
    assignees: result.assignees,
  };
};
