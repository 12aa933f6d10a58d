// Shared shapes of the import pipeline (roster and attendance, UI and CLI alike).

/** A file as received: the bytes exactly as uploaded or read from disk. */
export type ImportFile = { fileName: string; bytes: Uint8Array };

/**
 * One problem with the file. `row` is the spreadsheet row number the user sees in Excel
 * (the header is usually row 1); 0 means the file as a whole. `column` is the header as
 * written in the file, or the expected column name when it is missing.
 */
export type ImportIssue = { row: number; column: string; message: string };

export type ImportPhase = "parse" | "validate" | "write";
export type ImportProgress = { phase: ImportPhase; done: number; total: number };
export type OnImportProgress = (progress: ImportProgress) => void;

/** Who an import is recorded as: a signed-in user, or null for the operator CLI (system). */
export type ImportActor = { id: string; role: string } | null;

/** Largest file accepted: a UGEL-wide attendance export fits comfortably. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** XLSX is unpacked in memory by exceljs; larger sheets should be exported as CSV. */
export const MAX_XLSX_BYTES = 40 * 1024 * 1024;
