import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { StudentStatus } from "../generated/prisma/enums";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit/write-audit";
import { assertSchoolInScope, authorize } from "../auth/authorize";
import { studentWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError, type FieldIssue } from "../errors/app-error";
import { dayFromIso, isoFromDay, todayInLima } from "../format/date";
import {
  CONTACT_GROUPS,
  ZCreateStudentSchema,
  ZStudentRecordSchema,
  ZStudentStatusSchema,
  type TStudentRecord,
} from "./record-schema";

// Students created, edited or withdrawn by hand. Audit details name the fields that changed,
// never their values: coordinators read the audit log and may not see names or contacts.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): AppError {
  const issues: FieldIssue[] = error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message }));
  return new AppError("INVALID_INPUT", issues[0]?.message ?? "Datos inválidos.", issues);
}

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
  if (twin)
    throw duplicate("givenNames", "Ya existe un estudiante sin documento con esos nombres y fecha de nacimiento.");
}

function duplicate(field: string, message: string) {
  return new AppError("ALREADY_EXISTS", message, [{ field, message }]);
}

function mapUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw duplicate("documentNumber", "Ya existe un estudiante con ese documento en el colegio.");
  }
  throw error;
}

export async function createStudent(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ id: string }> {
  authorize(user, "students.write");
  const parsed = ZCreateStudentSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { schoolId, ...record } = parsed.data;
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
  id: string,
  input: unknown,
  origin?: RequestOrigin,
  expectedUpdatedAt?: string,
): Promise<{ id: string; changed: string[] }> {
  authorize(user, "students.write");
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "El estudiante no existe o no está a su alcance.");
  const parsed = ZStudentRecordSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const record = parsed.data;
  return db
    .$transaction(async (tx) => {
      const scoped = { AND: [studentWhere(user), { id }] };
      const current = await tx.student.findFirst({ where: scoped });
      if (!current) throw new AppError("NOT_FOUND", "El estudiante no existe o no está a su alcance.");
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

function conflict() {
  return new AppError(
    "CONFLICT",
    "Otra persona modificó este estudiante mientras usted lo editaba. Recargue la página y vuelva a intentarlo.",
  );
}

/** Withdrawn / transferred (or back to active after a mistake); audited with both states. */
export async function setStudentStatus(
  user: SessionUser | null,
  id: string,
  status: unknown,
  origin?: RequestOrigin,
): Promise<{ id: string; from: StudentStatus; to: StudentStatus }> {
  authorize(user, "students.write");
  const to = ZStudentStatusSchema.safeParse(status);
  if (!to.success) throw invalid(to.error);
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "El estudiante no existe o no está a su alcance.");
  return db.$transaction(async (tx) => {
    const scoped = { AND: [studentWhere(user), { id }] };
    const current = await tx.student.findFirst({ where: scoped, select: { status: true, schoolId: true } });
    if (!current) throw new AppError("NOT_FOUND", "El estudiante no existe o no está a su alcance.");
    if (current.status === to.data) return { id, from: current.status, to: to.data };
    const { count } = await tx.student.updateMany({
      where: { AND: [scoped, { status: current.status }] },
      data: { status: to.data },
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
        details: { from: current.status, to: to.data },
      },
      origin,
    );
    return { id, from: current.status, to: to.data };
  });
}
