import "server-only";
import type pg from "pg";
import { STATUSES, type AttendanceRows } from "./attendance-rows";
import { copyLines } from "./pg";
import type { StudentDirectory } from "./student-directory";

// Set-based write of parsed attendance, two ways:
// - the school has no attendance yet on any of the file's dates (the usual load of a new
//   month): nothing can be updated, so rows are COPYed straight into `attendance`. Should a
//   tutor save one of those days meanwhile, the unique violation rolls back to a savepoint
//   and the import takes the second way;
// - otherwise: COPY into a temp staging table, one UPDATE for the days whose status changed
//   (IS DISTINCT FROM) and one INSERT … ON CONFLICT DO NOTHING for the new ones.

const STAGE_DDL = `
CREATE TEMP TABLE attendance_stage (
  "studentId" uuid NOT NULL,
  "date" date NOT NULL,
  "status" "AttendanceStatus" NOT NULL
)`;

const CHUNK_BYTES = 1 << 20;

/**
 * COPY lines (studentId, date, status + `suffix` columns) assembled byte by byte from
 * pre-encoded pieces straight out of the typed arrays: no string per row, so no garbage
 * collection pauses that would leave PostgreSQL waiting for data.
 */
function* copyChunks(
  rows: AttendanceRows,
  dir: StudentDirectory,
  suffix: string,
  onRows?: (done: number) => void,
): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const ids = dir.ids.map((id) => encoder.encode(`${id}\t`));
  const dates = rows.dates.map((d) => encoder.encode(`${d}\t`));
  const ends = STATUSES.map((s) => encoder.encode(`${s}${suffix}\n`));
  const { student, date, status, count } = rows;
  let chunk = new Uint8Array(CHUNK_BYTES);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const a = ids[student[i]];
    const b = dates[date[i]];
    const c = ends[status[i]];
    if (at + a.length + b.length + c.length > CHUNK_BYTES) {
      yield chunk.subarray(0, at);
      onRows?.(i);
      // The stream may still hold the yielded bytes: never reuse them.
      chunk = new Uint8Array(CHUNK_BYTES);
      at = 0;
    }
    chunk.set(a, at);
    at += a.length;
    chunk.set(b, at);
    at += b.length;
    chunk.set(c, at);
    at += c.length;
  }
  if (at > 0) yield chunk.subarray(0, at);
  onRows?.(count);
}

/** See createRosterStage: inside the transaction of an import or of a preview. */
export async function createAttendanceStage(client: pg.Client) {
  await client.query(`${STAGE_DDL} ON COMMIT DROP`);
}

export async function stageAttendance(
  client: pg.Client,
  rows: AttendanceRows,
  dir: StudentDirectory,
  onRows?: (done: number) => void,
) {
  await copyLines(
    client,
    `COPY attendance_stage ("studentId", "date", "status") FROM STDIN`,
    copyChunks(rows, dir, "", onRows),
  );
  await client.query("ANALYZE attendance_stage");
}

/**
 * The direct way: COPY into `attendance` itself. Returns the rows written, or null when a row
 * already exists (everything since the savepoint is undone and the caller stages instead).
 */
export async function copyIntoAttendance(
  client: pg.Client,
  schoolId: string,
  actorId: string | null,
  rows: AttendanceRows,
  dir: StudentDirectory,
  onRows?: (done: number) => void,
): Promise<number | null> {
  await client.query("SAVEPOINT direct_copy");
  try {
    const suffix = `\t${schoolId}\t${actorId ?? "\\N"}`;
    const sql = `COPY attendance ("studentId", "date", "status", "schoolId", "recordedById") FROM STDIN`;
    const written = await copyLines(client, sql, copyChunks(rows, dir, suffix, onRows));
    await client.query("RELEASE SAVEPOINT direct_copy");
    return written;
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error;
    await client.query("ROLLBACK TO SAVEPOINT direct_copy");
    return null;
  }
}

/** Whether the school already has attendance on any of these dates (an index-only probe). */
export async function hasAttendanceOn(client: pg.Client, schoolId: string, dates: string[]): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM attendance WHERE "schoolId" = $1 AND "date" = ANY($2::date[])) AS found`,
    [schoolId, dates],
  );
  return rows[0].found;
}

export async function countAttendanceChanges(
  client: pg.Client,
  schoolId: string,
): Promise<{ existing: number; toUpdate: number }> {
  const { rows } = await client.query<{ existing: string; to_update: string }>(
    `SELECT count(*) AS existing, count(*) FILTER (WHERE a."status" IS DISTINCT FROM s."status") AS to_update
     FROM attendance_stage s JOIN attendance a ON a."studentId" = s."studentId" AND a."date" = s."date"
     WHERE a."schoolId" = $1`,
    [schoolId],
  );
  return { existing: Number(rows[0].existing), toUpdate: Number(rows[0].to_update) };
}

/** Staging → attendance: changed days are updated, new days inserted, equal days untouched. */
export async function mergeAttendance(
  client: pg.Client,
  schoolId: string,
  actorId: string | null,
): Promise<{ inserted: number; updated: number }> {
  const update = await client.query(
    `UPDATE attendance a SET "status" = s."status", "recordedById" = $2::uuid, "recordedAt" = now()
     FROM attendance_stage s
     WHERE a."studentId" = s."studentId" AND a."date" = s."date" AND a."schoolId" = $1 AND a."status" IS DISTINCT FROM s."status"`,
    [schoolId, actorId],
  );
  const insert = await client.query(
    `INSERT INTO attendance ("studentId", "date", "schoolId", "status", "recordedById")
     SELECT s."studentId", s."date", $1::uuid, s."status", $2::uuid FROM attendance_stage s
     ON CONFLICT ("studentId", "date") DO NOTHING`,
    [schoolId, actorId],
  );
  return { inserted: insert.rowCount ?? 0, updated: update.rowCount ?? 0 };
}

/** AttendanceDay rows: the school days the alert rules count, one per section and date. */
export async function recordSectionDays(
  client: pg.Client,
  schoolId: string,
  actorId: string | null,
  rows: AttendanceRows,
  dir: StudentDirectory,
) {
  const days = rows.sectionDays();
  if (days.length === 0) return 0;
  const result = await client.query(
    `INSERT INTO attendance_day ("schoolId", "grade", "section", "date", "recordedById")
     SELECT $1::uuid, d.grade, d.section, d.date, $2::uuid
     FROM unnest($3::smallint[], $4::text[], $5::date[]) AS d(grade, section, date)
     ON CONFLICT DO NOTHING`,
    [
      schoolId,
      actorId,
      days.map((d) => dir.groups[d.group].grade),
      days.map((d) => dir.groups[d.group].section),
      days.map((d) => d.date),
    ],
  );
  return result.rowCount ?? 0;
}
