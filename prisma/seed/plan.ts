import type { Prisma } from "../../lib/generated/prisma/client";
import { dateOnly, limaAt, termDays } from "./calendar";
import { planCases } from "./cases";
import { assignAttendance, assignCohort } from "./cohort";
import { generateStudents } from "./students";
import type { CaseRows, StudentPlan } from "./types";

// The whole demo computed in memory first (pure and deterministic), then written in one
// transaction by index.ts.

export type DemoPlan = { days: string[]; students: StudentPlan[]; rows: CaseRows };

export function buildPlan(): DemoPlan {
  const students = generateStudents();
  assignCohort(students);
  assignAttendance(students);
  const rows = planCases(students); // also updates contacts confirmed or found stale on visits
  return { days: termDays(), students, rows };
}

const ENROLLED_AT = limaAt("2026-03-02", "08:00");
const day = (iso: string | null) => (iso ? dateOnly(iso) : null);

export function studentRows(students: StudentPlan[]): Prisma.StudentCreateManyInput[] {
  return students.map((s) => ({
    id: s.id,
    schoolId: s.schoolId,
    documentType: s.documentType,
    documentNumber: s.documentNumber,
    paternalSurname: s.paternalSurname,
    maternalSurname: s.maternalSurname,
    givenNames: s.givenNames,
    sex: s.sex,
    birthDate: dateOnly(s.birthDate),
    level: "SECONDARY",
    grade: s.grade,
    section: s.section,
    addressStreet: s.addressStreet,
    addressReference: s.addressReference,
    addressDistrict: s.addressDistrict,
    addressVerifiedAt: day(s.addressVerifiedAt),
    phone: s.phone,
    phoneVerifiedAt: day(s.phoneVerifiedAt),
    guardianName: s.guardianName,
    guardianRelationship: s.guardianRelationship,
    guardianPhone: s.guardianPhone,
    guardianVerifiedAt: day(s.guardianVerifiedAt),
    createdAt: ENROLLED_AT,
    updatedAt: ENROLLED_AT,
  }));
}

/** Every section of every school, once. */
export function sections(students: StudentPlan[]): { schoolId: string; grade: number; section: string }[] {
  const seen = new Map<string, { schoolId: string; grade: number; section: string }>();
  for (const s of students)
    seen.set(`${s.schoolId}:${s.grade}:${s.section}`, { schoolId: s.schoolId, grade: s.grade, section: s.section });
  return [...seen.values()];
}
