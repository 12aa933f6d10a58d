import type { Prisma } from "../../lib/generated/prisma/client";
import {
  dateOnly,
  fromReference,
  limaAt,
  seedCalendar,
  termDays,
  withSeedCalendar,
  type SeedCalendar,
} from "./calendar";
import { planCases } from "./cases";
import { assignAttendance, assignCohort } from "./cohort";
import { generateStudents } from "./students";
import type { CaseRows, StudentPlan } from "./types";

// The whole demo computed in memory first (pure and deterministic), then written in one
// transaction by index.ts. The same load day gives the same plan, ids and dates included.

export type DemoPlan = {
  calendar: SeedCalendar;
  days: string[];
  /** When the students were enrolled (the start of the school year). */
  enrolledAt: Date;
  students: StudentPlan[];
  rows: CaseRows;
};

/** The demo as loaded on `anchor` (YYYY-MM-DD in Lima; scripts pass today). */
export function buildPlan(anchor: string): DemoPlan {
  const calendar = seedCalendar(anchor);
  return withSeedCalendar(calendar, () => {
    const students = generateStudents();
    assignCohort(students);
    assignAttendance(students);
    const rows = planCases(students); // also updates contacts confirmed or found stale on visits
    return { calendar, days: termDays(), enrolledAt: limaAt(fromReference("2026-03-02"), "08:00"), students, rows };
  });
}

const day = (iso: string | null) => (iso ? dateOnly(iso) : null);

export function studentRows(plan: Pick<DemoPlan, "students" | "enrolledAt">): Prisma.StudentCreateManyInput[] {
  const { students, enrolledAt } = plan;
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
    createdAt: enrolledAt,
    updatedAt: enrolledAt,
  }));
}

/** Every section of every school, once. */
export function sections(students: StudentPlan[]): { schoolId: string; grade: number; section: string }[] {
  const seen = new Map<string, { schoolId: string; grade: number; section: string }>();
  for (const s of students)
    seen.set(`${s.schoolId}:${s.grade}:${s.section}`, { schoolId: s.schoolId, grade: s.grade, section: s.section });
  return [...seen.values()];
}
