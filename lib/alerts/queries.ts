import "server-only";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import { can } from "../auth/policy";
import { schoolScopeSql } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { Prisma } from "../generated/prisma/client";
import { loadPageWithTotal, type ListQuery, type Page } from "../lists/page";
import { INBOX_PAGE_SIZE, type TAlertListFilters } from "./schema";

// The director's inbox: one row per student with open alerts in the user's scope, the
// student whose newest alert is most recent first. A row carries all of that student's open
// alerts, so the same child never appears twice on a page; the pager counts students.

export type InboxAlert = { id: string; kind: string; figures: unknown; note: string | null; createdAt: Date };

export type InboxStudent = {
  student: { id: string; name: string; grade: number; section: string; sex: "F" | "M" };
  school: { id: string; name: string };
  /** Every open alert of the student, newest first (the kind filter picks students, not reasons). */
  alerts: InboxAlert[];
  /** The student's open case, if any: new alerts stay in the inbox with this marker. */
  openCaseId: string | null;
};

export type InboxPage = Page<InboxStudent> & {
  filters: TAlertListFilters;
  /** Grades and sections that have open alerts, for the filter controls. */
  sections: { grade: number; section: string }[];
  multiSchool: boolean;
};

type InboxRead = {
  total: number;
  rows: (Omit<InboxStudent, "alerts"> & { alerts: (Omit<InboxAlert, "createdAt"> & { createdAt: string })[] })[];
  sections: { grade: number; section: string }[];
};

/**
 * The inbox in one statement: the matching students counted, the page's students with their
 * open alerts and open case, and the grades and sections that have open alerts (for the
 * filters). Four Prisma queries before; one round trip now, and PostgreSQL builds the JSON the
 * page reads (decision 017, seventh round). Scope is in the `where` of every part: the
 * alerts, students and cases of the user's schools, each only if the role may read them.
 */
function inboxSql(user: SessionUser, filters: Partial<TAlertListFilters>, take: number, skip: number) {
  const studentScope = can(user.role, "students.read") ? schoolScopeSql(user, 's."schoolId"') : Prisma.sql`false`;
  const caseScope = can(user.role, "cases.readSummary") ? schoolScopeSql(user, 'c."schoolId"') : Prisma.sql`false`;
  const open = Prisma.sql`a.status = 'OPEN' AND ${schoolScopeSql(user, 'a."schoolId"')} AND ${studentScope}`;
  const narrow: Prisma.Sql[] = [];
  if (filters.kind) narrow.push(Prisma.sql`a.kind = ${filters.kind}::"AlertKind"`);
  if (filters.grade) narrow.push(Prisma.sql`s.grade = ${filters.grade}::smallint`);
  if (filters.section) narrow.push(Prisma.sql`s.section = ${filters.section}`);
  if (filters.sex) narrow.push(Prisma.sql`s.sex = ${filters.sex}::"Sex"`);
  const matching = narrow.length ? Prisma.sql`${open} AND ${Prisma.join(narrow, " AND ")}` : open;
  // A student is listed when one open alert matches; the row then carries all their open alerts.
  return Prisma.sql`
    WITH matching AS (
      SELECT a."studentId" AS id, max(a."createdAt") AS newest
        FROM alert a JOIN student s ON s.id = a."studentId" AND s."schoolId" = a."schoolId"
       WHERE ${matching}
       GROUP BY a."studentId"
    ), page AS (
      SELECT id, newest FROM matching ORDER BY newest DESC, id LIMIT ${take} OFFSET ${skip}
    )
    SELECT (SELECT count(*)::int FROM matching) AS total,
      COALESCE((
        SELECT json_agg(json_build_object(
                 'student', json_build_object('id', s.id, 'name',
                   concat_ws(' ', NULLIF(s."paternalSurname", ''), NULLIF(s."maternalSurname", '')) || ', ' || s."givenNames",
                   'grade', s.grade, 'section', s.section, 'sex', s.sex),
                 'school', json_build_object('id', sc.id, 'name', sc.name),
                 'alerts', (SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'figures', a.figures,
                                            'note', a.note, 'createdAt', a."createdAt")
                                    ORDER BY a."createdAt" DESC, a.id)
                              FROM alert a WHERE a."studentId" = s.id AND ${open}),
                 'openCaseId', (SELECT c.id FROM case_file c
                                 WHERE c."studentId" = s.id AND c."openKey" IS NOT NULL AND ${caseScope} LIMIT 1))
               ORDER BY p.newest DESC, p.id)
          FROM page p JOIN student s ON s.id = p.id JOIN school sc ON sc.id = s."schoolId"
      ), '[]'::json) AS rows,
      COALESCE((
        SELECT json_agg(json_build_object('grade', g.grade, 'section', g.section) ORDER BY g.grade, g.section)
          FROM (SELECT DISTINCT s.grade, s.section FROM alert a JOIN student s ON s.id = a."studentId"
                 WHERE ${open}) g
      ), '[]'::json) AS sections`;
}

export const findOpenAlerts: ListQuery<TAlertListFilters, InboxStudent, InboxPage> = async (
  user,
  filters,
  pageSize = INBOX_PAGE_SIZE,
) => {
  authorize(user, "alerts.read");
  const { result, window } = await loadPageWithTotal(filters.page, pageSize, async ({ skip, take }) => {
    const [read] = await db.$queryRaw<InboxRead[]>(inboxSql(user, filters, take, skip));
    return read;
  });
  const rows: InboxStudent[] = result.rows.map((r) => ({
    ...r,
    alerts: r.alerts.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
  }));
  return {
    rows,
    total: result.total,
    page: window.page,
    pageSize,
    pageCount: window.pageCount,
    filters: { ...filters, page: window.page },
    sections: result.sections,
    multiSchool: user.schoolIds.length > 1,
  };
};
