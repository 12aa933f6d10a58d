import "server-only";
import { can } from "../auth/policy";
import { schoolScopeSql } from "../auth/scope";
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

/** An open task as the home page lists it: with its case's student and school. */
export type HomeTask = OpenCaseTask & {
  case: {
    id: string;
    student: { paternalSurname: string; maternalSurname: string; givenNames: string; grade: number; section: string };
    school: { name: string };
  };
};

type HomeTaskRow = Omit<HomeTask, "agency" | "case"> & {
  agencyName: string | null;
  agencyDistrict: string | null;
  caseId: string;
  paternalSurname: string;
  maternalSurname: string;
  givenNames: string;
  grade: number;
  section: string;
  schoolName: string;
};

/**
 * Open tasks of the user's schools for the home page, most urgent first (at most 20). One
 * statement with its joins: most homes have none, and the Prisma read with a relation filter
 * and three relations cost ~3 ms of the server's time even then (decision 017, eighth round).
 * Scope: tasks and cases of the user's schools (schoolScopeSql, caseWhere's school-side rule).
 */
export async function listOpenTasksForHome(user: SessionUser): Promise<HomeTask[]> {
  if (!can(user.role, "caseTasks.read")) return [];
  const rows = await db.$queryRaw<HomeTaskRow[]>`
    SELECT t.id, t.kind, t."agencyType", t."createdAt", t."dueAt", t."agencyId",
           a.name AS "agencyName", a.district AS "agencyDistrict", c.id AS "caseId",
           s."paternalSurname", s."maternalSurname", s."givenNames", s.grade, s.section, sc.name AS "schoolName"
      FROM case_task t
      JOIN case_file c ON c.id = t."caseId" AND ${schoolScopeSql(user, 'c."schoolId"')}
      JOIN student s ON s.id = c."studentId"
      JOIN school sc ON sc.id = c."schoolId"
      LEFT JOIN agency a ON a.id = t."agencyId"
     WHERE t."doneAt" IS NULL AND ${schoolScopeSql(user, 't."schoolId"')}
     ORDER BY t."dueAt", t."createdAt"
     LIMIT 20`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    agencyType: r.agencyType,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    agencyId: r.agencyId,
    agency: r.agencyName === null ? null : { name: r.agencyName, district: r.agencyDistrict! },
    case: {
      id: r.caseId,
      student: {
        paternalSurname: r.paternalSurname,
        maternalSurname: r.maternalSurname,
        givenNames: r.givenNames,
        grade: r.grade,
        section: r.section,
      },
      school: { name: r.schoolName },
    },
  }));
}
