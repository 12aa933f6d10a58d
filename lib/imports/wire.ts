import type { ImportIssue, ImportPhase } from "./types";

// What the import endpoints send to the upload UI, shared by the roster and attendance
// imports: a stream of newline-delimited JSON events, so large files can report progress.

/** Largest file the web upload accepts; bigger exports go through the operator CLI. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A labelled figure; `key` names a message under students.importWizard.counts. */
export type ImportCount = { key: string; value: number };

export type ImportEvent =
  | { type: "progress"; phase: ImportPhase | "upload"; done: number; total: number }
  | { type: "preview"; counts: ImportCount[]; errors: ImportIssue[]; errorCount: number }
  | { type: "result"; counts: ImportCount[] }
  | { type: "error"; message: string; errors: ImportIssue[] };

/** Text of an optional form field, or null when absent or blank. */
export function fieldText(fields: FormData, name: string): string | null {
  const value = fields.get(name);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}
