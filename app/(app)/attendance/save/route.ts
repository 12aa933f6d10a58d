import { defineJsonRoute } from "@/lib/actions/json-route";
import { saveAttendance } from "@/lib/attendance/take-attendance";

/**
 * The attendance sheet's save once the page is interactive: the same domain function as
 * saveAttendanceAction, reached with fetch so a stalled save can be abandoned and sent again
 * (the save is idempotent). The answer names who recorded it, for the note beside "Guardar".
 */
export const POST = defineJsonRoute("attendance.save", saveAttendance, {
  revalidate: () => ["/attendance", "/"],
  present: (saved, user) => ({ ...saved, recordedAt: saved.recordedAt.toISOString(), recordedBy: user.name }),
});
