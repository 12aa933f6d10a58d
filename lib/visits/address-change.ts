import "server-only";
import type { Tx } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import type { AddressAction } from "./events";

// Confirming or correcting a student's address from a visit: the student row is locked, its
// values before the change go to student_address_history with the new ones, and the address
// (with its verified day) changes — all inside the caller's transaction.

type AddressRow = {
  addressStreet: string | null;
  addressReference: string | null;
  addressDistrict: string | null;
  addressVerifiedAt: Date | null;
};

export type AddressChangeInput = {
  action: AddressAction;
  studentId: string;
  schoolId: string;
  visitId: string | null;
  changedById: string;
  /** The day the address was seen (DATE value, UTC midnight). */
  verifiedOn: Date;
  newStreet: string | null;
  newReference: string | null;
  newDistrict: string | null;
};

export async function applyAddressChange(tx: Tx, c: AddressChangeInput): Promise<{ historyId: string }> {
  // FOR UPDATE: two corrections of the same student in flight each record the value the other left.
  const [before] = await tx.$queryRaw<AddressRow[]>`
    SELECT "addressStreet", "addressReference", "addressDistrict", "addressVerifiedAt"
    FROM student WHERE id = ${c.studentId}::uuid AND "schoolId" = ${c.schoolId}::uuid
    FOR UPDATE`;
  if (!before) throw new AppError("NOT_FOUND", "student.notFound");

  let next: Omit<AddressRow, "addressVerifiedAt">;
  let verifiedAt = c.verifiedOn;
  if (c.action === "CONFIRMED") {
    if (!before.addressStreet) {
      throw new AppError("INVALID_INPUT", "visit.nothingToConfirm", {}, [
        fieldIssue("addressAction", "visit.nothingToConfirm"),
      ]);
    }
    next = {
      addressStreet: before.addressStreet,
      addressReference: before.addressReference,
      addressDistrict: before.addressDistrict,
    };
    // A visit recorded late must not make a newer verification look older.
    if (before.addressVerifiedAt && before.addressVerifiedAt > verifiedAt) verifiedAt = before.addressVerifiedAt;
  } else {
    next = { addressStreet: c.newStreet, addressReference: c.newReference, addressDistrict: c.newDistrict };
  }

  const { count } = await tx.student.updateMany({
    where: { id: c.studentId, schoolId: c.schoolId },
    data: { ...next, addressVerifiedAt: verifiedAt },
  });
  if (count !== 1) throw new AppError("NOT_FOUND", "student.notFound");
  const history = await tx.studentAddressHistory.create({
    data: {
      studentId: c.studentId,
      schoolId: c.schoolId,
      kind: c.action,
      previousStreet: before.addressStreet,
      previousReference: before.addressReference,
      previousDistrict: before.addressDistrict,
      previousVerifiedAt: before.addressVerifiedAt,
      newStreet: next.addressStreet!,
      newReference: next.addressReference,
      newDistrict: next.addressDistrict,
      verifiedAt,
      visitId: c.visitId,
      changedById: c.changedById,
    },
    select: { id: true },
  });
  return { historyId: history.id };
}
