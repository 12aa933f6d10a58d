import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { StudentStatus } from "../generated/prisma/enums";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit/write-audit";
import { assertSchoolInScope, authorize } from "../auth/authorize";
import { studentWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { parseOrThrow } from "../actions/parse";
import { AppError, fieldIssue } from "../errors/app-error";
import type { ErrorKey } from "../errors/keys";
import { dayFromIso, isoFromDay, todayInLima } from "../format/date";
import {
  CONTACT_GROUPS,
  ZCreateStudentSchema,
  ZSetStudentStatusSchema,
  ZUpdateStudentSchema,
  type TStudentRecord,
} from "./record-schema";

// Students created, edited or withdrawn by hand. Audit details name the fields that changed,
// never their values: coordinators read the audit log and may not see names or contacts.

const RECORD_FIELDS = [
  "documentType",
  "documentNumber",
  "paternalSurname",
  "maternalSurname",
  "givenNames",
  "sex",
  "birthDate",
  "level",
  "grade",
  "section",
  "addressStreet",
  "addressReference",
  "addressDistrict",
  "phone",
  "guardianName",
  "guardianRelationship",
  "guardianPhone",
  "addressVerifiedAt",
  "phoneVerifiedAt",
  "guardianVerifiedAt",
] as const;
type RecordField = (typeof RECORD_FIELDS)[number];
type Stored = Record<RecordField, string | number | Date | null>;

/** A malformed student id reads as "not found": ids come from the page and reveal nothing. */
const STUDENT_REF = { notFoundFields: ["id"] } as const;

const studentNotFound = () => new AppError("NOT_FOUND", "student.notFound");

/** Comparable text of a stored or submitted value (dates as YYYY-MM-DD). */
function plain(value: string | number | Date | null | undefined): string | null {
  if (value == null) return null;
  return value instanceof Date ? isoFromDay(value) : String(value);
}

/**
 * The row to store. A contact's verification date is the one given, except that changing a
 * contact without touching its date (the date still equals the stored one) makes it today:
 * whoever edits a phone number is the one who just verified it.
 */
function toRow(record: TStudentRecord, stored: Stored | null) {
  const today = todayInLima();
  const verified = {} as Record<(typeof CONTACT_GROUPS)[number]["verified"], Date | null>;
  for (const group of CONTACT_GROUPS) {
    const given = record[group.verified];
    const hasValue = group.fields.some((f) => record[f] !== null);
    const changed = group.fields.some((f) => record[f] !== plain(stored?.[f]));
    const storedDate = plain(stored?.[group.verified]);
    const day = !hasValue ? null : changed && given === storedDate ? today : given;
    verified[group.verified] = day ? dayFromIso(day) : null;
  }
  return {
    documentType: record.documentType,
    documentNumber: record.documentNumber,
    paternalSurname: record.paternalSurname,
    maternalSurname: record.maternalSurname,
    givenNames: record.givenNames,
    sex: record.sex,
    birthDate: record.birthDate ? dayFromIso(record.birthDate) : null,
    level: record.level,
    grade: record.grade,
    section: record.section,
    addressStreet: record.addressStreet,
    addressReference: record.addressReference,
    addressDistrict: record.addressDistrict,
    phone: record.phone,
    guardianName: record.guardianName,
    guardianRelationship: record.guardianRelationship,
    guardianPhone: record.guardianPhone,
    ...verified,
  };
}

async function assertNoUndocumentedTwin(tx: Tx, schoolId: string, record: TStudentRecord, exceptId?: string) {
  if (record.documentType !== "NONE" || !record.birthDate) return;
  const twin = await tx.student.findFirst({
    where: {
      schoolId,
      documentType: "NONE",
      paternalSurname: { equals: record.paternalSurname, mode: "insensitive" },
      maternalSurname: { equals: record.maternalSurname, mode: "insensitive" },
      givenNames: { equals: record.givenNames, mode: "insensitive" },
      birthDate: dayFromIso(record.birthDate),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (twin) throw duplicate("givenNames", "student.duplicateUndocumented");
}

function duplicate(field: string, key: ErrorKey) {
  return new AppError("ALREADY_EXISTS", key, {}, [fieldIssue(field, key)]);
}

function mapUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw duplicate("documentNumber", "student.duplicateDocument");
  }
  throw error;
}

export async function createStudent(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ id: string }> {
  authorize(user, "students.write");
  const { schoolId, ...record } = parseOrThrow(ZCreateStudentSchema, input);
  assertSchoolInScope(user, schoolId);
  return db
    .$transaction(async (tx) => {
      await assertNoUndocumentedTwin(tx, schoolId, record);
      const created = await tx.student.create({ data: { schoolId, ...toRow(record, null) }, select: { id: true } });
      await writeAudit(
        tx,
        user,
        {
          action: "student.create",
          entity: "Student",
          entityId: created.id,
          schoolId,
          details: { grade: record.grade, section: record.section, documentType: record.documentType },
        },
        origin,
      );
      return created;
    })
    .catch(mapUniqueViolation);
}

/**
 * Replaces the editable fields of a student in scope. `expectedUpdatedAt` (ISO instant the
 * form was loaded with) turns a concurrent edit into CONFLICT instead of a silent overwrite.
 */
export async function updateStudent(
  user: SessionUser | null,
  input: unknown, // validated with ZUpdateStudentSchema
  origin?: RequestOrigin,
): Promise<{ id: string; changed: string[] }> {
  authorize(user, "students.write");
  const { id, expectedUpdatedAt, ...record } = parseOrThrow(ZUpdateStudentSchema, input, STUDENT_REF);
  return db
    .$transaction(async (tx) => {
      const scoped = { AND: [studentWhere(user), { id }] };
      const current = await tx.student.findFirst({ where: scoped });
      if (!current) throw studentNotFound();
      if (expectedUpdatedAt && current.updatedAt.toISOString() !== expectedUpdatedAt) throw conflict();
      await assertNoUndocumentedTwin(tx, current.schoolId, record, id);
      const row = toRow(record, current as unknown as Stored);
      const changed = RECORD_FIELDS.filter((f) => plain(row[f]) !== plain((current as unknown as Stored)[f]));
      if (changed.length === 0) return { id, changed };
      const { count } = await tx.student.updateMany({
        where: { AND: [scoped, { updatedAt: current.updatedAt }] },
        data: row,
      });
      if (count === 0) throw conflict();
      await writeAudit(
        tx,
        user,
        {
          action: "student.update",
          entity: "Student",
          entityId: id,
          schoolId: current.schoolId,
          details: { fields: changed },
        },
        origin,
      );
      return { id, changed };
    })
    .catch(mapUniqueViolation);
}

const conflict = () => new AppError("CONFLICT", "student.conflict");

/** Withdrawn / transferred (or back to active after a mistake); audited with both states. */
export async function setStudentStatus(
  user: SessionUser | null,
  input: unknown, // validated with ZSetStudentStatusSchema
  origin?: RequestOrigin,
): Promise<{ id: string; from: StudentStatus; to: StudentStatus }> {
  authorize(user, "students.write");
  const { id, status: to } = parseOrThrow(ZSetStudentStatusSchema, input, STUDENT_REF);
  return db.$transaction(async (tx) => {
    const scoped = { AND: [studentWhere(user), { id }] };
    const current = await tx.student.findFirst({ where: scoped, select: { status: true, schoolId: true } });
    if (!current) throw studentNotFound();
    if (current.status === to) return { id, from: current.status, to };
    const { count } = await tx.student.updateMany({
      where: { AND: [scoped, { status: current.status }] },
      data: { status: to },
    });
    if (count === 0) throw conflict();
    await writeAudit(
      tx,
      user,
      {
        action: "student.status",
        entity: "Student",
        entityId: id,
        schoolId: current.schoolId,
        details: { from: current.status, to },
      },
      origin,
    );
    return { id, from: current.status, to };
  });
}
