"use server";

import { defineAction } from "../actions/action";
import { saveAttendance } from "./take-attendance";

/** The attendance sheet: one submit saves the whole section. */
export const saveAttendanceAction = defineAction("attendance.save", saveAttendance, { revalidate: ["/attendance"] });
