import "server-only";
// SYSTEM-ONLY: no authorization and no scope check here. The caller has already resolved
// the school (the user-facing wrapper in lib/students/import-roster.ts after authorize + scope, or an
// operator command). Only scripts/, lib/jobs/ and those wrappers may import this module;
// ESLint refuses it in app/ and components/.
import type { RequestOrigin } from "../auth/types";
import { writeAuditSql } from "../audit/write-audit-sql";
import { IssueList, refuseIfIssues } from "../imports/issues";
import { inReadOnlyTransaction, inTransaction, withPgClient } from "../imports/pg";
import { parseRosterFile, type ParsedRoster, type RosterRecord } from "../imports/roster";
import { countRosterChanges, createRosterStage, mergeRoster, stageRoster } from "../imports/roster-merge";
import type { ImportSchool } from "../imports/school";
import type { ImportActor, ImportFile, ImportIssue, OnImportProgress } from "../imports/types";

// Roster import in two phases, shared by the upload page and `npm run cli -- import-roster`:
// preview (parse, validate, count — writes nothing) and import (the same, then one transaction).
// The user-facing pair authorizes and scopes; the *ForSchool pair is the system core the CLI
// calls with a school it resolved itself (see docs/decisions/005-import-pipeline.md).

export type RosterImportInput = { schoolCode: string; fileName: string; bytes: Uint8Array };
export type RosterPreview = {
  rows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: ImportIssue[];
  /** All row errors, including those past the reported list's cap. */
  errorCount: number;
  sample: RosterRecord[];
};
export type RosterImportResult = { created: number; updated: number; unchanged: number; errors: ImportIssue[] };

const SAMPLE_SIZE = 10;

/** System core of the preview: no authorization here, the caller has resolved the school. */
export async function previewRosterForSchool(
  school: ImportSchool,
  file: ImportFile,
  onProgress?: OnImportProgress,
): Promise<RosterPreview> {
  const parsed = await parseRosterFile(file, onProgress);
  const issues = parsed.issues;
  let counts = { toCreate: 0, toUpdate: 0 };
  if (parsed.records.length > 0) {
    // A read-only transaction may still fill a temp table: the counts come from the very SQL
    // the import runs, and the database cannot be changed by a preview.
    counts = await withPgClient((client) =>
      inReadOnlyTransaction(
        client,
        () => createRosterStage(client),
        async () => {
          await stageRoster(client, school.id, parsed, issues);
          return countRosterChanges(client, parsed.present);
        },
      ),
    );
  }
  return {
    rows: parsed.rowCount,
    ...counts,
    unchanged: parsed.records.length - counts.toCreate - counts.toUpdate,
    errors: issues.toArray(),
    errorCount: issues.count,
    sample: parsed.records.slice(0, SAMPLE_SIZE),
  };
}

/**
 * System core of the import. Refuses the whole file (AppError INVALID_INPUT, issues = row
 * errors, nothing written) when any row is bad. `actor` null records the operator CLI.
 */
export async function importRosterForSchool(
  school: ImportSchool,
  actor: ImportActor,
  file: ImportFile,
  origin: RequestOrigin,
  onProgress?: OnImportProgress,
): Promise<RosterImportResult> {
  const parsed = await parseRosterFile(file, onProgress);
  refuseIfIssues(parsed.issues);
  const total = parsed.records.length;
  onProgress?.({ phase: "write", done: 0, total });
  const counts = await withPgClient((client) =>
    inTransaction(client, async () => {
      // Two imports into one school at once would race on the same new documents.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('student-import:' || $1))`, [school.id]);
      const late = new IssueList();
      await createRosterStage(client);
      await stageRoster(client, school.id, parsed, late);
      refuseIfIssues(late);
      const merged = await mergeRoster(client, school.id, parsed.present);
      await writeAuditSql(
        client,
        actor,
        {
          action: "student.import",
          entity: "Student",
          schoolId: school.id,
          details: auditDetails(file, parsed, merged),
        },
        origin,
      );
      return merged;
    }),
  );
  onProgress?.({ phase: "write", done: total, total });
  return { ...counts, unchanged: total - counts.created - counts.updated, errors: [] };
}

function auditDetails(file: ImportFile, parsed: ParsedRoster, merged: { created: number; updated: number }) {
  return {
    fileName: file.fileName.slice(0, 255),
    format: parsed.info?.format ?? null,
    encoding: parsed.info?.encoding ?? null,
    rows: parsed.records.length,
    created: merged.created,
    updated: merged.updated,
    unchanged: parsed.records.length - merged.created - merged.updated,
  };
}
