// Attendance marks without zod: the attendance sheet runs on phones and imports these at
// render time, while its schema (schema.ts) is loaded only when the form is checked.

// The order a tap cycles through on the attendance sheet. PRESENT first: everyone starts
// present, so the common case (a few absences) costs one tap per absent student.
export const ATTENDANCE_CYCLE = ["PRESENT", "UNJUSTIFIED", "JUSTIFIED", "LATE"] as const;
export type AttendanceMark = (typeof ATTENDANCE_CYCLE)[number];

export function nextAttendanceStatus(status: AttendanceMark): AttendanceMark {
  const i = ATTENDANCE_CYCLE.indexOf(status);
  return ATTENDANCE_CYCLE[(i + 1) % ATTENDANCE_CYCLE.length];
}

export type AttendanceCounts = Record<AttendanceMark, number>;

export function countMarks(statuses: Iterable<AttendanceMark>): AttendanceCounts {
  const counts: AttendanceCounts = { PRESENT: 0, UNJUSTIFIED: 0, JUSTIFIED: 0, LATE: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}
