import { schoolId, userId } from "./people";
import { sections, type DemoPlan } from "./plan";
import type { SeedTx } from "./types";

// ~141,000 attendance rows in one set-based statement: each student's term travels as one
// string and PostgreSQL expands it against the term's days (no row-by-row client loop).
// The tutor account takes attendance in school 1000001; the other schools' rows came in by
// bulk import (no recorder).

export async function insertAttendance(tx: SeedTx, plan: DemoPlan) {
  const tutorSchool = schoolId("1000001");
  const tutor = userId("tutor");
  const secs = sections(plan.students);
  const days = await tx.$executeRaw`
    INSERT INTO attendance_day ("schoolId", grade, section, date, "recordedById", "recordedAt")
    SELECT s.school, s.grade, s.section, d.day,
           CASE WHEN s.school = ${tutorSchool}::uuid THEN ${tutor}::uuid END,
           (d.day + time '13:30') AT TIME ZONE 'UTC'
    FROM unnest(${secs.map((s) => s.schoolId)}::uuid[], ${secs.map((s) => s.grade)}::int[], ${secs.map((s) => s.section)}::text[])
         AS s(school, grade, section)
    CROSS JOIN unnest(${plan.days}::date[]) AS d(day)`;
  const rows = await tx.$executeRaw`
    INSERT INTO attendance ("studentId", date, "schoolId", status, "recordedById", "recordedAt")
    SELECT s.id, d.day, s.school,
           (CASE substr(s.codes, d.n::int, 1) WHEN 'P' THEN 'PRESENT' WHEN 'L' THEN 'LATE'
                 WHEN 'J' THEN 'JUSTIFIED' ELSE 'UNJUSTIFIED' END)::"AttendanceStatus",
           CASE WHEN s.school = ${tutorSchool}::uuid THEN ${tutor}::uuid END,
           (d.day + time '13:30') AT TIME ZONE 'UTC'
    FROM unnest(${plan.students.map((s) => s.id)}::uuid[], ${plan.students.map((s) => s.schoolId)}::uuid[],
                ${plan.students.map((s) => s.attendance)}::text[]) AS s(id, school, codes)
    CROSS JOIN unnest(${plan.days}::date[]) WITH ORDINALITY AS d(day, n)`;
  return { attendanceDays: days, attendance: rows };
}
