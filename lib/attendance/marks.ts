// Attendance marks without zod: the attendance sheet runs on phones and imports these at
// render time, while its schema (schema.ts) is loaded only when the form is checked.

// The statuses of the sheet, in the order its choices are shown. PRESENT first: everyone starts
// present, so the common case (a few absences) costs one tap per absent student.
export const ATTENDANCE_MARKS = ["PRESENT", "UNJUSTIFIED", "JUSTIFIED", "LATE"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export function isAttendanceMark(value: unknown): value is AttendanceMark {
  return (ATTENDANCE_MARKS as readonly unknown[]).includes(value);
}

/** Name of a student's status choice on the sheet; a form posted before hydration sends these. */
export const STATUS_FIELD_PREFIX = "status.";

export type AttendanceCounts = Record<AttendanceMark, number>;

export function countMarks(statuses: Iterable<AttendanceMark>): AttendanceCounts {
  const counts: AttendanceCounts = { PRESENT: 0, UNJUSTIFIED: 0, JUSTIFIED: 0, LATE: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}
