import "server-only";
import { authorize } from "../auth/authorize";
import { schoolScopeWhere, studentWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { isUuid } from "./queries";

// The address history shown on the student page, to whoever may see the student's contacts.

const HISTORY_SELECT = {
  id: true,
  kind: true,
  previousStreet: true,
  previousReference: true,
  previousDistrict: true,
  previousVerifiedAt: true,
  newStreet: true,
  newReference: true,
  newDistrict: true,
  verifiedAt: true,
  changedAt: true,
  changedBy: { select: { id: true, name: true } },
  visit: { select: { id: true, caseId: true, scheduledFor: true, visitedAt: true } },
} satisfies Prisma.StudentAddressHistorySelect;
export type AddressHistoryRow = Prisma.StudentAddressHistoryGetPayload<{ select: typeof HISTORY_SELECT }>;

/** The student page's address history, newest first: who confirmed or changed it, when, from which visit. */
export async function findAddressHistory(user: SessionUser | null, studentId: string): Promise<AddressHistoryRow[]> {
  authorize(user, "students.read");
  if (!isUuid(studentId)) throw new AppError("NOT_FOUND", "student.notFound");
  const student = await db.student.findFirst({
    where: { AND: [{ id: studentId }, studentWhere(user)] },
    select: { id: true, schoolId: true },
  });
  if (!student) throw new AppError("NOT_FOUND", "student.notFound");
  return readAddressHistory(user, student);
}

/** The history of a student the caller has just read in scope; the query carries the scope too. */
export async function readAddressHistory(
  user: SessionUser | null,
  student: { id: string; schoolId: string },
): Promise<AddressHistoryRow[]> {
  authorize(user, "students.read");
  return db.studentAddressHistory.findMany({
    where: { AND: [schoolScopeWhere(user), { studentId: student.id, schoolId: student.schoolId }] },
    select: HISTORY_SELECT,
    orderBy: [{ changedAt: "desc" }, { id: "asc" }],
  });
}
