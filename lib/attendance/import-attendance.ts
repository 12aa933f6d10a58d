import "server-only";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { resolveImportSchool } from "../imports/school";
import type { OnImportProgress } from "../imports/types";
import {
  importAttendanceForSchool,
  previewAttendanceForSchool,
  type AttendanceImportInput,
  type AttendanceImportResult,
  type AttendancePreview,
} from "../system/import-attendance-core";

// The user-facing import: authorizes, resolves the school inside the caller's scope, then
// runs the system core (lib/system/). The CLI calls the core with a school it resolved itself.

export type { AttendanceImportInput, AttendanceImportResult, AttendancePreview };

export async function previewAttendanceImport(
  user: SessionUser | null,
  input: AttendanceImportInput,
  onProgress?: OnImportProgress,
): Promise<AttendancePreview> {
  const school = await resolveImportSchool(user, "attendance.import", input.schoolCode);
  return previewAttendanceForSchool(school, input, onProgress);
}

export async function importAttendance(
  user: SessionUser | null,
  input: AttendanceImportInput,
  origin: RequestOrigin,
  onProgress?: OnImportProgress,
): Promise<AttendanceImportResult> {
  const school = await resolveImportSchool(user, "attendance.import", input.schoolCode);
  return importAttendanceForSchool(school, { id: user!.id, role: user!.role }, input, origin, onProgress);
}
