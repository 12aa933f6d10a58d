import "server-only";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import { isSchoolInScope, schoolScopeWhere, schoolWhere, studentWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { dayFromIso, todayInLima } from "../format/date";
import { findNonSchoolDay, type NonSchoolDay } from "./school-days";
import { countMarks, sectionKey, type AttendanceCounts, type AttendanceMark, type TSectionRef } from "./schema";

export type SectionOption = TSectionRef & { schoolName: string; students: number; savedOnDay: boolean };

/**
 * Sections with active students in the user's schools, for the attendance picker, each with
 * whether its attendance of `day` (YYYY-MM-DD, today by default) is saved.
 */
export async function findAttendanceSections(user: SessionUser | null, day?: string): Promise<SectionOption[]> {
  authorize(user, "attendance.write");
  const [groups, schools, saved] = await Promise.all([
    db.student.groupBy({
      by: ["schoolId", "grade", "section"],
      where: { AND: [studentWhere(user), { status: "ACTIVE" }] },
      _count: { _all: true },
      orderBy: [{ schoolId: "asc" }, { grade: "asc" }, { section: "asc" }],
    }),
    db.school.findMany({ where: schoolWhere(user), select: { id: true, name: true } }),
    db.attendanceDay.findMany({
      where: { AND: [schoolScopeWhere(user), { date: dayFromIso(day ?? todayInLima()) }] },
      select: { schoolId: true, grade: true, section: true },
    }),
  ]);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const savedKeys = new Set(saved.map((d) => sectionKey(d)));
  return groups.map((g) => ({
    schoolId: g.schoolId,
    grade: g.grade,
    section: g.section,
    schoolName: names.get(g.schoolId) ?? "",
    students: g._count._all,
    savedOnDay: savedKeys.has(sectionKey(g)),
  }));
}

/** How far back "the last section used" looks: a term's recent weeks, on the (school, date) index. */
const LAST_SECTION_DAYS = 45;

/**
 * The section whose attendance this user saved most recently (within the last weeks), still in
 * their scope: where "Tomar asistencia" on the home page opens. Null when there is none.
 */
export async function findLastSection(user: SessionUser | null, now = new Date()): Promise<TSectionRef | null> {
  authorize(user, "attendance.write");
  const since = new Date(dayFromIso(todayInLima(now)).getTime() - LAST_SECTION_DAYS * 86_400_000);
  const last = await db.attendanceDay.findFirst({
    where: { AND: [schoolScopeWhere(user), { date: { gte: since }, recordedById: user.id }] },
    orderBy: [{ recordedAt: "desc" }],
    select: { schoolId: true, grade: true, section: true },
  });
  return last;
}

export type AttendanceSheet = {
  ref: TSectionRef;
  date: string;
  students: { id: string; name: string; status: AttendanceMark }[];
  /** Present once the section's attendance for that day has been saved. */
  saved: { counts: AttendanceCounts; recordedAt: Date; recordedBy: string | null } | null;
  /** A weekend or configured holiday: saving it asks for confirmation. */
  nonSchoolDay: NonSchoolDay | null;
};

/**
 * The section's active students with their stored status for the day, or PRESENT when
 * nothing was recorded. Null when the section is not in the user's scope or has no students.
 */
export async function getAttendanceSheet(
  user: SessionUser | null,
  ref: TSectionRef,
  date: string,
): Promise<AttendanceSheet | null> {
  authorize(user, "attendance.write");
  // Out-of-scope sections read as missing; studentWhere below enforces the same scope.
  if (!isSchoolInScope(user, ref.schoolId)) return null;
  const day = dayFromIso(date);
  const students = await db.student.findMany({
    where: {
      AND: [studentWhere(user), { schoolId: ref.schoolId, grade: ref.grade, section: ref.section, status: "ACTIVE" }],
    },
    select: {
      id: true,
      paternalSurname: true,
      maternalSurname: true,
      givenNames: true,
      attendance: { where: { date: day }, select: { status: true } },
    },
    orderBy: [{ paternalSurname: "asc" }, { maternalSurname: "asc" }, { givenNames: "asc" }],
  });
  if (students.length === 0) return null;
  const dayRow = await db.attendanceDay.findFirst({
    where: {
      AND: [schoolScopeWhere(user), { schoolId: ref.schoolId, grade: ref.grade, section: ref.section, date: day }],
    },
    select: { recordedAt: true, recordedById: true },
  });
  const rows = students.map((s) => ({
    id: s.id,
    name: `${[s.paternalSurname, s.maternalSurname].filter(Boolean).join(" ")}, ${s.givenNames}`,
    status: (s.attendance[0]?.status ?? "PRESENT") as AttendanceMark,
  }));
  let saved: AttendanceSheet["saved"] = null;
  if (dayRow) {
    // Only staff of the section's school: a stored id must not become a lookup of anyone else.
    const recorder = dayRow.recordedById
      ? await db.user.findFirst({
          where: {
            id: dayRow.recordedById,
            schools: { some: { AND: [schoolScopeWhere(user), { schoolId: ref.schoolId }] } },
          },
          select: { name: true },
        })
      : null;
    saved = {
      counts: countMarks(rows.map((r) => r.status)),
      recordedAt: dayRow.recordedAt,
      recordedBy: recorder?.name ?? null,
    };
  }
  return { ref, date, students: rows, saved, nonSchoolDay: await findNonSchoolDay(date) };
}
