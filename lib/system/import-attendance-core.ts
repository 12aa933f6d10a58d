import "server-only";
// SYSTEM-ONLY: no authorization and no scope check here. The caller has already resolved
// the school (the user-facing wrapper in lib/attendance/import-attendance.ts after authorize + scope, or an
// operator command). Only scripts/, lib/jobs/ and those wrappers may import this module;
// ESLint refuses it in app/ and components/.
import type { RequestOrigin } from "../auth/types";
import { writeAuditSql } from "../audit/write-audit-sql";
import {
  parseAttendanceFile,
  type AttendanceSampleRow,
  type AttendanceShape,
  type ParsedAttendance,
} from "../imports/attendance";
import {
  countAttendanceChanges,
  createPreviewStage,
  hasAttendanceOn,
  insertStagedAsNew,
  mergeAttendance,
  openAttendanceStage,
  recordSectionDays,
  stageAttendance,
  type KeyCheck,
} from "../imports/attendance-merge";
import { refuseIfIssues } from "../imports/issues";
import { inTransaction, withPgClient } from "../imports/pg";
import type { ImportSchool } from "../imports/school";
import { loadStudentDirectory } from "../imports/student-directory";
import { enqueueAlertRecompute, pgJobDb } from "../jobs/enqueue";
import type { ImportActor, ImportFile, ImportIssue, OnImportProgress } from "../imports/types";

// Attendance import in two phases, shared by the upload page and `npm run cli --
// import-attendance`. Same rules as the roster: the file lands whole or not at all, and
// re-importing it changes nothing; re-importing a day replaces that day's values.

export type AttendanceImportInput = { schoolCode: string; fileName: string; bytes: Uint8Array; month?: string | null };
export type AttendancePreview = {
  shape: AttendanceShape | null;
  rows: number;
  toInsert: number;
  toUpdate: number;
  unchanged: number;
  days: number;
  errors: ImportIssue[];
  /** All row errors, including those past the reported list's cap. */
  errorCount: number;
  sample: AttendanceSampleRow[];
};
export type AttendanceImportResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  days: number;
  errors: ImportIssue[];
};

/** System core of the preview (no authorization: the caller resolved the school). */
export async function previewAttendanceForSchool(
  school: ImportSchool,
  input: ImportFile & { month?: string | null },
  onProgress?: OnImportProgress,
): Promise<AttendancePreview> {
  return withPgClient(async (client) => {
    const dir = await loadStudentDirectory(client, school.id);
    const parsed = await parseAttendanceFile(input, dir, { month: input.month, onProgress });
    const total = parsed.rows.count;
    let counts = { existing: 0, toUpdate: 0 };
    if (total > 0 && (await hasAttendanceOn(client, school.id, parsed.rows.dates))) {
      // Read-only transaction: the temp staging table is the only thing written.
      await createPreviewStage(client);
      counts = await inTransaction(
        client,
        async () => {
          await stageAttendance(client, parsed.rows, dir);
          return countAttendanceChanges(client, school.id);
        },
        "READ ONLY",
      );
    }
    return {
      shape: parsed.shape,
      rows: parsed.rowCount,
      toInsert: total - counts.existing,
      toUpdate: counts.toUpdate,
      unchanged: counts.existing - counts.toUpdate,
      days: parsed.rows.dates.length,
      errors: parsed.issues.toArray(),
      errorCount: parsed.issues.count,
      sample: parsed.sample,
    };
  });
}

/**
 * System core of the import. Refuses the whole file (AppError INVALID_INPUT with the row
 * errors, nothing written) when any row is bad. When something changed, the alert recompute of
 * the students in the file is queued by the import's own transaction (lib/jobs).
 */
export async function importAttendanceForSchool(
  school: ImportSchool,
  actor: ImportActor,
  input: ImportFile & { month?: string | null },
  origin: RequestOrigin,
  onProgress?: OnImportProgress,
): Promise<AttendanceImportResult> {
  return withPgClient(async (client) => {
    const dir = await loadStudentDirectory(client, school.id);
    const parsed = await parseAttendanceFile(input, dir, { month: input.month, onProgress });
    refuseIfIssues(parsed.issues);
    const total = parsed.rows.count;
    onProgress?.({ phase: "write", done: 0, total });
    const merged = await inTransaction(client, async () => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('attendance-import:' || $1))`, [school.id]);
      const actorId = actor?.id ?? null;
      // Staging is the first half of the write; the insert (no progress of its own) the rest.
      const onRows = (done: number) => onProgress?.({ phase: "write", done: Math.floor(done / 2), total });
      await openAttendanceStage(client);
      await stageAttendance(client, parsed.rows, dir, onRows);
      const direct = (await hasAttendanceOn(client, school.id, parsed.rows.dates))
        ? null
        : await insertStagedAsNew(client, school.id, actorId);
      const { keyCheck, ...counts }: { inserted: number; updated: number; keyCheck: KeyCheck } = direct
        ? { ...direct, updated: 0 }
        : await mergeAttendance(client, school.id, actorId);
      const sectionDays = await recordSectionDays(client, school.id, actorId, parsed.rows, dir);
      await writeAuditSql(
        client,
        actor,
        {
          action: "attendance.import",
          entity: "Attendance",
          schoolId: school.id,
          details: {
            ...auditDetails(input, parsed, counts, sectionDays),
            // direct: no stored day, the staged rows went in as they are; staged: merged.
            method: direct === null ? "staged" : "direct",
            keyCheck,
          },
        },
        origin,
      );
      if (counts.inserted + counts.updated > 0) {
        const studentIds = parsed.rows.students().map((i) => dir.ids[i]);
        await enqueueAlertRecompute(pgJobDb(client), { schoolId: school.id, studentIds });
      }
      return counts;
    });
    onProgress?.({ phase: "write", done: total, total });
    return {
      ...merged,
      unchanged: total - merged.inserted - merged.updated,
      days: parsed.rows.dates.length,
      errors: [],
    };
  });
}

function auditDetails(
  input: ImportFile & { month?: string | null },
  parsed: ParsedAttendance,
  counts: { inserted: number; updated: number },
  sectionDays: number,
) {
  const dates = [...parsed.rows.dates].sort();
  return {
    fileName: input.fileName.slice(0, 255),
    format: parsed.info?.format ?? null,
    shape: parsed.shape,
    month: parsed.shape === "grid" ? (input.month ?? null) : null,
    rows: parsed.rows.count,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: parsed.rows.count - counts.inserted - counts.updated,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    newSectionDays: sectionDays,
  };
}
