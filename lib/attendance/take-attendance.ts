import "server-only";
import { parseOrThrow } from "../actions/parse";
import { db } from "../db";
import { writeAudit } from "../audit/write-audit";
import { assertSchoolInScope, authorize } from "../auth/authorize";
import { studentWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError, fieldIssue } from "../errors/app-error";
import { dayFromIso, todayInLima } from "../format/date";
import { enqueueAlertRecompute, prismaJobDb } from "../jobs/enqueue";
import { countMarks, ZSaveAttendanceSchema, type AttendanceCounts, type AttendanceMark } from "./schema";
import { findNonSchoolDay } from "./school-days";

export type SaveAttendanceResult = {
  date: string;
  grade: number;
  section: string;
  counts: AttendanceCounts;
  /** Rows inserted or whose status changed. */
  changed: number;
  /** True when the section already had attendance for that day (an edit). */
  isEdit: boolean;
  /** When the stored sheet was recorded: unchanged by a repeat of the same save. */
  recordedAt: Date;
};

type Change = { studentId: string; from: AttendanceMark | null; to: AttendanceMark };

/**
 * Saves a section's attendance for one day in one transaction: the changed Attendance rows
 * (set-based upsert), the AttendanceDay row the alert rules count as a school day, and an
 * audit entry that keeps the previous values when an earlier save is edited.
 * Students of the section left out of `marks` keep their stored status, or PRESENT.
 *
 * Idempotent: a save that changes nothing already stored (a retry after a lost response, a
 * second tap) writes nothing — no row, no audit entry, no job — and answers like the first.
 * A weekend or configured holiday is refused unless `confirmNonSchoolDay` is set, because the
 * saved day becomes a school day for the alert rules.
 */
export async function saveAttendance(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<SaveAttendanceResult> {
  authorize(user, "attendance.write");
  const { schoolId, grade, section, date, marks, confirmNonSchoolDay } = parseOrThrow(ZSaveAttendanceSchema, input);
  // The schema already refuses future days; checked again here against the server clock.
  if (date > todayInLima()) throw new AppError("INVALID_INPUT", "attendance.futureDate");
  assertSchoolInScope(user, schoolId);

  const result = await db.$transaction(async (tx) => {
    // Serialises concurrent saves of the same section and day so "previous values" are exact.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attendance:${schoolId}:${grade}:${section}:${date}`}))`;
    const students = await tx.student.findMany({
      where: { AND: [studentWhere(user), { schoolId, grade, section, status: "ACTIVE" }] },
      select: { id: true },
    });
    if (students.length === 0) throw new AppError("NOT_FOUND", "attendance.sectionNotFound");
    const inSection = new Set(students.map((s) => s.id));
    const requested = new Map<string, AttendanceMark>();
    for (const m of marks) {
      if (!inSection.has(m.studentId)) throw new AppError("NOT_FOUND", "attendance.studentNotInSection");
      requested.set(m.studentId, m.status);
    }

    const ids = [...inSection];
    const previousRows = await tx.attendance.findMany({
      where: { studentId: { in: ids }, date: dayFromIso(date), schoolId },
      select: { studentId: true, status: true },
    });
    const previous = new Map(previousRows.map((r) => [r.studentId, r.status as AttendanceMark]));
    const dayRow = await tx.attendanceDay.findUnique({
      where: { schoolId_grade_section_date: { schoolId, grade, section, date: dayFromIso(date) } },
      select: { recordedAt: true },
    });
    // A day already saved is a school day already: editing it needs no new confirmation.
    if (!dayRow && !confirmNonSchoolDay) {
      const off = await findNonSchoolDay(date, tx);
      if (off)
        throw nonSchoolDayError(off.kind === "HOLIDAY" ? "attendance.holidayConfirm" : "attendance.weekendConfirm");
    }

    const final = new Map<string, AttendanceMark>();
    const changes: Change[] = [];
    for (const id of ids) {
      const from = previous.get(id) ?? null;
      const to = requested.get(id) ?? from ?? "PRESENT";
      final.set(id, to);
      if (from !== to) changes.push({ studentId: id, from, to });
    }

    if (changes.length === 0 && dayRow) {
      const counts = countMarks(final.values());
      return { date, grade, section, counts, changed: 0, isEdit: true, recordedAt: dayRow.recordedAt };
    }

    if (changes.length > 0) {
      await tx.$executeRaw`
        INSERT INTO attendance ("studentId", "date", "schoolId", "status", "recordedById", "recordedAt")
        SELECT x.id, ${date}::date, ${schoolId}::uuid, x.status::"AttendanceStatus", ${user.id}::uuid, now()
        FROM unnest(${changes.map((c) => c.studentId)}::uuid[], ${changes.map((c) => c.to)}::text[]) AS x(id, status)
        ON CONFLICT ("studentId", "date") DO UPDATE
          SET "status" = EXCLUDED."status", "recordedById" = EXCLUDED."recordedById", "recordedAt" = EXCLUDED."recordedAt"`;
    }
    const [day] = await tx.$queryRaw<{ recordedAt: Date }[]>`
      INSERT INTO attendance_day ("schoolId", "grade", "section", "date", "recordedById", "recordedAt")
      VALUES (${schoolId}::uuid, ${grade}::smallint, ${section}, ${date}::date, ${user.id}::uuid, now())
      ON CONFLICT ("schoolId", "grade", "section", "date") DO UPDATE
        SET "recordedById" = EXCLUDED."recordedById", "recordedAt" = EXCLUDED."recordedAt"
      RETURNING "recordedAt"`;

    // The alert recompute of exactly the students whose row was written, queued by this
    // transaction: it runs (and is retried) only if the save commits.
    await enqueueAlertRecompute(prismaJobDb(tx), { schoolId, studentIds: changes.map((c) => c.studentId) });

    const counts = countMarks(final.values());
    const isEdit = dayRow !== null || previous.size > 0;
    await writeAudit(
      tx,
      user,
      {
        action: "attendance.save",
        entity: "AttendanceDay",
        entityId: `${schoolId}:${grade}:${section}:${date}`,
        schoolId,
        details: {
          date,
          grade,
          section,
          counts,
          isEdit,
          ...(isEdit ? { previousCounts: countMarks(previous.values()) } : {}),
          // On a first save every row is new; only an edit's overwritten values are worth keeping.
          changes: isEdit ? changes.filter((c) => c.from !== null) : [],
        },
      },
      origin,
    );
    return { date, grade, section, counts, changed: changes.length, isEdit, recordedAt: day.recordedAt };
  });
  return result;
}

/** The refusal the sheet answers with its confirmation step (the field names the flag). */
function nonSchoolDayError(key: "attendance.holidayConfirm" | "attendance.weekendConfirm") {
  return new AppError("INVALID_INPUT", key, {}, [fieldIssue("confirmNonSchoolDay", key)]);
}
