import "server-only";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { resolveImportSchool } from "../imports/school";
import type { OnImportProgress } from "../imports/types";
import {
  importRosterForSchool,
  previewRosterForSchool,
  type RosterImportInput,
  type RosterImportResult,
  type RosterPreview,
} from "../system/import-roster-core";

// The user-facing import: authorizes, resolves the school inside the caller's scope, then
// runs the system core (lib/system/). The CLI calls the core with a school it resolved itself.

export type { RosterImportInput, RosterImportResult, RosterPreview };

export async function previewRosterImport(
  user: SessionUser | null,
  input: RosterImportInput,
  onProgress?: OnImportProgress,
): Promise<RosterPreview> {
  const school = await resolveImportSchool(user, "students.import", input.schoolCode);
  return previewRosterForSchool(school, input, onProgress);
}

export async function importRoster(
  user: SessionUser | null,
  input: RosterImportInput,
  origin: RequestOrigin,
  onProgress?: OnImportProgress,
): Promise<RosterImportResult> {
  const school = await resolveImportSchool(user, "students.import", input.schoolCode);
  return importRosterForSchool(school, { id: user!.id, role: user!.role }, input, origin, onProgress);
}
