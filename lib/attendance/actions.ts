"use server";

import { revalidatePath } from "next/cache";
import { getRequestOrigin } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import { isAppError } from "../errors/app-error";
import type { AttendanceCounts } from "./schema";
import { saveAttendance } from "./take-attendance";

export type SaveAttendanceState =
  | null
  | { ok: true; counts: AttendanceCounts; at: number }
  | { ok: false; message: string | null; at: number };

/** Form action of the attendance sheet: one submit saves the whole section. */
export async function saveAttendanceAction(
  _prev: SaveAttendanceState,
  formData: FormData,
): Promise<SaveAttendanceState> {
  let marks: unknown = [];
  try {
    marks = JSON.parse(String(formData.get("marks") ?? "[]"));
  } catch {
    return { ok: false, message: "Datos de asistencia inválidos.", at: Date.now() };
  }
  try {
    const result = await saveAttendance(
      await getCurrentUser(),
      {
        schoolId: formData.get("schoolId"),
        grade: formData.get("grade"),
        section: formData.get("section"),
        date: formData.get("date"),
        marks,
      },
      await getRequestOrigin(),
    );
    revalidatePath("/attendance");
    return { ok: true, counts: result.counts, at: Date.now() };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, at: Date.now() };
    console.error("attendance save failed", error);
    // null: the client shows its own translated generic message.
    return { ok: false, message: null, at: Date.now() };
  }
}
