import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { StudentStatus } from "../generated/prisma/enums";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import { schoolScopeSql, schoolWhere, studentWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { loadPageWithTotal, type ListQuery, type Page } from "../lists/page";
import { STUDENTS_PAGE_SIZE, type TStudentListFilters } from "./list-filters";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StudentListRow = {
  id: string;
  documentType: string;
  documentNumber: string | null;
  paternalSurname: string;
  maternalSurname: string;
  givenNames: string;
  sex: "F" | "M";
  grade: number;
  section: string;
  status: StudentStatus;
  schoolName: string;
};

// Exactly the expression of the trigram index "student_search_trgm_idx" (migration
// 20261128090000_search_unaccent_trgm); any other spelling and the planner scans the table.
const SEARCH_TEXT = Prisma.sql`lower(immutable_unaccent(s."paternalSurname" || ' ' || s."maternalSurname" || ' ' || s."givenNames" || ' ' || coalesce(s."documentNumber", '')))`;

function likeEscape(token: string): string {
  return token.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The roster's WHERE clause (table alias `s`); exported so a test can EXPLAIN it. */
export function studentListWhere(user: SessionUser, filters: Partial<TStudentListFilters>): Prisma.Sql {
  // The school scope of every role that passed authorize("students.read").
  const conditions: Prisma.Sql[] = [schoolScopeSql(user, 's."schoolId"')];
  if (filters.grade) conditions.push(Prisma.sql`s.grade = ${filters.grade}::smallint`);
  if (filters.section) conditions.push(Prisma.sql`s.section = ${filters.section}`);
  if (filters.status) conditions.push(Prisma.sql`s.status = ${filters.status}::"StudentStatus"`);
  // Every word must appear in the name or the document number, folded by the same function
  // as the index so "Nuñez" finds "Núñez" and "jose" finds "José".
  const words = (filters.q ?? "").split(/\s+/).filter(Boolean).slice(0, 6);
  for (const word of words) {
    conditions.push(Prisma.sql`${SEARCH_TEXT} LIKE '%' || lower(immutable_unaccent(${likeEscape(word)})) || '%'`);
  }
  return Prisma.join(conditions, " AND ");
}

export type StudentListPage = Page<StudentListRow> & {
  /** Grades and sections present in the user's schools, for the filter selects. */
  sections: { grade: number; section: string }[];
};

/**
 * The roster page, ordered by name, in one statement: the matching students counted, the
 * page's rows, and the grades and sections of the user's schools for the filters (a count, a
 * page and a Prisma groupBy before; decision 017, ninth round). Scope: the user's schools, in
 * every part.
 */
export const findStudents: ListQuery<TStudentListFilters, StudentListRow, StudentListPage> = async (
  user,
  filters,
  pageSize = STUDENTS_PAGE_SIZE,
) => {
  authorize(user, "students.read");
  const where = studentListWhere(user, filters);
  const { result, window } = await loadPageWithTotal(filters.page, pageSize, async ({ skip, take }) => {
    const [read] = await db.$queryRaw<Omit<StudentListPage, "page" | "pageSize" | "pageCount">[]>`
      SELECT (SELECT count(*)::int FROM student s WHERE ${where}) AS total,
        COALESCE((
          SELECT json_agg(p ORDER BY p."paternalSurname", p."maternalSurname", p."givenNames", p.id)
            FROM (SELECT s.id, s."documentType", s."documentNumber", s."paternalSurname", s."maternalSurname",
                         s."givenNames", s.sex, s.grade::int AS grade, s.section, s.status, sc.name AS "schoolName"
                    FROM student s JOIN school sc ON sc.id = s."schoolId"
                   WHERE ${where}
                   ORDER BY s."paternalSurname", s."maternalSurname", s."givenNames", s.id
                   LIMIT ${take} OFFSET ${skip}) p
        ), '[]'::json) AS rows,
        COALESCE((
          SELECT json_agg(g ORDER BY g.grade, g.section)
            FROM (SELECT DISTINCT s.grade::int AS grade, s.section FROM student s
                   WHERE ${schoolScopeSql(user, 's."schoolId"')}) g
        ), '[]'::json) AS sections`;
    return read;
  });
  return {
    rows: result.rows,
    total: result.total,
    page: window.page,
    pageSize,
    pageCount: window.pageCount,
    sections: result.sections,
  };
};

export const studentDetailSelect = {
  id: true,
  schoolId: true,
  documentType: true,
  documentNumber: true,
  paternalSurname: true,
  maternalSurname: true,
  givenNames: true,
  sex: true,
  birthDate: true,
  level: true,
  grade: true,
  section: true,
  status: true,
  addressStreet: true,
  addressReference: true,
  addressDistrict: true,
  addressVerifiedAt: true,
  phone: true,
  phoneVerifiedAt: true,
  guardianName: true,
  guardianRelationship: true,
  guardianPhone: true,
  guardianVerifiedAt: true,
  updatedAt: true,
  school: { select: { name: true, codigoModular: true } },
} satisfies Prisma.StudentSelect;

export type StudentDetail = Prisma.StudentGetPayload<{ select: typeof studentDetailSelect }>;

/** One student in scope, or null (out of scope, unknown or malformed id all read the same). */
export async function getStudent(user: SessionUser | null, id: string): Promise<StudentDetail | null> {
  authorize(user, "students.read");
  if (!UUID.test(id)) return null;
  return db.student.findFirst({ where: { AND: [studentWhere(user), { id }] }, select: studentDetailSelect });
}

/** Schools the user may add students to (create form). */
export async function findWritableSchools(user: SessionUser | null) {
  authorize(user, "students.write");
  return db.school.findMany({
    where: schoolWhere(user),
    select: { id: true, name: true, codigoModular: true },
    orderBy: { name: "asc" },
  });
}

/** Schools the user may import a roster or attendance into (the upload pages' school field). */
export async function findImportSchools(
  user: SessionUser | null,
  permission: "students.import" | "attendance.import" = "students.import",
) {
  authorize(user, permission);
  return db.school.findMany({
    where: schoolWhere(user),
    select: { codigoModular: true, name: true },
    orderBy: { name: "asc" },
  });
}
