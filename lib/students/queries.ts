import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { StudentStatus } from "../generated/prisma/enums";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import { schoolScopeWhere, schoolWhere, studentWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";

export const STUDENTS_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StudentFilters = { q?: string; grade?: number; section?: string; status?: StudentStatus; page?: number };

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

// Accent folding without the unaccent extension: translate() maps the accented letters used
// in Peruvian names; the search text is folded the same way in JS before it reaches SQL.
const FROM = "ÁÉÍÓÚÜÑáéíóúüñÀÈÌÒÙàèìòù";
const TO = "AEIOUUNaeiouunAEIOUaeiou";

export function foldSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim();
}

function likeEscape(token: string): string {
  return token.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The roster page: every word of `q` must appear in a name (accent- and case-insensitive),
 * or `q` is the start of the document number. Scope: the user's schools (studentWhere).
 */
export async function findStudents(user: SessionUser | null, filters: StudentFilters) {
  authorize(user, "students.read");
  // studentWhere(user) is the school filter for every role allowed this far.
  const schoolIds = schoolScopeWhere(user).schoolId.in;
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const conditions: Prisma.Sql[] = [Prisma.sql`s."schoolId" = ANY(${schoolIds}::uuid[])`];
  if (filters.grade) conditions.push(Prisma.sql`s.grade = ${filters.grade}::smallint`);
  if (filters.section) conditions.push(Prisma.sql`s.section = ${filters.section}`);
  if (filters.status) conditions.push(Prisma.sql`s.status = ${filters.status}::"StudentStatus"`);
  const q = foldSearchText(filters.q ?? "");
  if (q) {
    const name = Prisma.sql`translate(s."paternalSurname" || ' ' || s."maternalSurname" || ' ' || s."givenNames", ${FROM}, ${TO})`;
    const words = q
      .split(/\s+/)
      .slice(0, 6)
      .map((w) => Prisma.sql`${name} ILIKE ${`%${likeEscape(w)}%`}`);
    conditions.push(Prisma.sql`((${Prisma.join(words, " AND ")}) OR s."documentNumber" ILIKE ${`${likeEscape(q)}%`})`);
  }
  const where = Prisma.join(conditions, " AND ");
  const rows = await db.$queryRaw<(StudentListRow & { total: bigint })[]>`
    SELECT s.id::text AS id, s."documentType"::text AS "documentType", s."documentNumber", s."paternalSurname",
           s."maternalSurname", s."givenNames", s.sex::text AS sex, s.grade::int AS grade, s.section,
           s.status::text AS status, sc.name AS "schoolName", count(*) OVER () AS total
      FROM student s JOIN school sc ON sc.id = s."schoolId"
     WHERE ${where}
     ORDER BY s."paternalSurname", s."maternalSurname", s."givenNames", s.id
     LIMIT ${STUDENTS_PAGE_SIZE} OFFSET ${(page - 1) * STUDENTS_PAGE_SIZE}`;
  let total = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page: still report the real total so the pager can link back.
    total = await db.student.count({ where: { AND: [studentWhere(user), filterWhere(filters)] } });
  }
  return {
    // The window-count column stays on the rows; they never leave the server.
    rows: rows as StudentListRow[],
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / STUDENTS_PAGE_SIZE)),
  };
}

function filterWhere(f: StudentFilters): Prisma.StudentWhereInput {
  return { grade: f.grade, section: f.section, status: f.status };
}

/** Grades and sections present in the user's schools, for the filter selects. */
export async function findStudentSections(user: SessionUser | null) {
  authorize(user, "students.read");
  const groups = await db.student.groupBy({
    by: ["grade", "section"],
    where: studentWhere(user),
    orderBy: [{ grade: "asc" }, { section: "asc" }],
  });
  return groups;
}

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
