import { z } from "zod";
import { errorKey } from "../errors/keys";
import { todayInLima } from "../format/date";

import { ATTENDANCE_MARKS, STATUS_FIELD_PREFIX } from "./marks";

export * from "./marks";

export const ZIsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, errorKey("attendance.dateInvalid"))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, errorKey("attendance.dateInvalid"));

/** A day on which attendance may be recorded: not after today in Lima. */
export const ZAttendanceDay = ZIsoDay.refine((s) => s <= todayInLima(), errorKey("attendance.futureDate"));

export const ZSectionRef = z.object({
  schoolId: z.guid(errorKey("attendance.schoolInvalid")),
  grade: z.coerce
    .number()
    .int()
    .min(1, errorKey("attendance.gradeInvalid"))
    .max(6, errorKey("attendance.gradeInvalid")),
  section: z
    .string()
    .trim()
    .min(1, errorKey("attendance.sectionInvalid"))
    .max(10, errorKey("attendance.sectionInvalid")),
});
export type TSectionRef = z.infer<typeof ZSectionRef>;

/** A form posted before hydration sends the marks as JSON text; a hydrated one as a list. */
const fromJsonText = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/**
 * Before hydration the sheet posts its radio choices (`status.<studentId>`) beside the marks it
 * was rendered with; the choices are what the tutor tapped, so they win.
 */
function marksFromStatusFields(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  const chosen = Object.entries(record).filter(([k]) => k.startsWith(STATUS_FIELD_PREFIX));
  if (chosen.length === 0) return input;
  const marks = chosen.map(([k, status]) => ({ studentId: k.slice(STATUS_FIELD_PREFIX.length), status }));
  const rest = Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith(STATUS_FIELD_PREFIX)));
  return { ...rest, marks };
}

const ZConfirm = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const ZSaveAttendanceSchema = z.preprocess(
  marksFromStatusFields,
  ZSectionRef.extend({
    date: ZAttendanceDay,
    marks: z.preprocess(
      fromJsonText,
      z
        .array(
          z.object({
            studentId: z.guid(errorKey("attendance.studentInvalid")),
            status: z.enum(ATTENDANCE_MARKS, errorKey("attendance.statusInvalid")),
          }),
          errorKey("attendance.marksInvalid"),
        )
        .max(500, errorKey("attendance.tooManyStudents")),
    ),
    /** The user confirmed saving a weekend or holiday, which then counts as a school day. */
    confirmNonSchoolDay: ZConfirm.optional().default(false),
  }),
);
export type TSaveAttendance = z.infer<typeof ZSaveAttendanceSchema>;

/** URL form of a section, `?sec=<schoolId>:<grade>:<section>`; parsing splits on the first two ':' only, so any section name round-trips. */
export function sectionKey(ref: TSectionRef): string {
  return `${ref.schoolId}:${ref.grade}:${ref.section}`;
}

export function parseSectionKey(key: string | undefined | null): TSectionRef | null {
  if (!key) return null;
  const a = key.indexOf(":");
  const b = a < 0 ? -1 : key.indexOf(":", a + 1);
  if (a < 0 || b < 0) return null;
  const parsed = ZSectionRef.safeParse({
    schoolId: key.slice(0, a),
    grade: key.slice(a + 1, b),
    section: key.slice(b + 1),
  });
  return parsed.success ? parsed.data : null;
}
