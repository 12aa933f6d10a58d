import "server-only";
import type pg from "pg";
import { STATUSES, type AttendanceRows } from "./attendance-rows";
import { copyLines } from "./pg";
import type { StudentDirectory } from "./student-directory";

// Set-based write of parsed attendance (docs/decisions/016-bulk-attendance-import.md). Every
// file is COPYed, grouped by student in key order, into the transaction's stage, which the
// database function attendance_stage_open makes (this role may only add rows to it); the
// function attendance_insert_staged (migration 20261201120000) is the one way staged rows reach
// `attendance`: it runs as the tables' owner, checks both keys of the staged rows with one join
// and inserts them without the per-row key checks where the owner may, or with them otherwise.
// - the school has no attendance yet on any of the file's dates (the usual load of a new
//   month): the staged rows are inserted as they are. Should a tutor save one of those days
//   meanwhile, the unique violation rolls back to a savepoint and the file is merged instead;
// - otherwise (merge): one UPDATE for the days whose status changed (IS DISTINCT FROM) and the
//   insert of the new ones (ON CONFLICT DO NOTHING), both inside the function.
// The preview stages into a table of its own (it only reads, in a read-only transaction).

const PREVIEW_STAGE_DDL = `
CREATE TEMP TABLE attendance_stage (
  "studentId" uuid NOT NULL,
  "date" date NOT NULL,
  "status" "AttendanceStatus" NOT NULL
)`;

const CHUNK_BYTES = 1 << 20;

/**
 * COPY lines (studentId, date, status) grouped by student in PostgreSQL's order of uuids (that
 * of their lowercase hex text), so the inserts into the primary key's index stay on a few
 * pages at a time instead of jumping around the whole index. Assembled byte by byte from
 * pre-encoded pieces straight out of the typed arrays: no string per row, so no garbage
 * collection pauses that would leave PostgreSQL waiting for data.
 */
function* copyChunks(
  rows: AttendanceRows,
  dir: StudentDirectory,
  onRows?: (done: number) => void,
): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const ids = dir.ids.map((id) => encoder.encode(`${id}\t`));
  const dates = rows.dates.map((d) => encoder.encode(`${d}\t`));
  const ends = STATUSES.map((s) => encoder.encode(`${s}\n`));
  const { student, date, status, count } = rows;
  const order = rows.studentOrder((a, b) => dir.ids[a] < dir.ids[b]);
  let chunk = new Uint8Array(CHUNK_BYTES);
  let at = 0;
  for (let j = 0; j < count; j++) {
    const i = order[j];
    const a = ids[student[i]];
    const b = dates[date[i]];
    const c = ends[status[i]];
    if (at + a.length + b.length + c.length > CHUNK_BYTES) {
      yield chunk.subarray(0, at);
      onRows?.(j);
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

/** The import's stage, inside its transaction (dropped at commit). */
export async function openAttendanceStage(client: pg.Client) {
  await client.query(`SELECT attendance_stage_open()`);
}

/** The preview's own stage, made before its read-only transaction (see createRosterStage). */
export async function createPreviewStage(client: pg.Client) {
  await client.query(PREVIEW_STAGE_DDL);
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
    copyChunks(rows, dir, onRows),
  );
}

/** How the keys of the inserted rows were checked: "set" (one join), "row" (PostgreSQL per row). */
export type KeyCheck = "set" | "row";

async function insertStaged(client: pg.Client, schoolId: string, actorId: string | null, merge: boolean) {
  const { rows } = await client.query<{ inserted: string; updated: string; key_check: KeyCheck }>(
    `SELECT inserted, updated, key_check FROM attendance_insert_staged($1::uuid, $2::uuid, $3)`,
    [schoolId, actorId, merge],
  );
  return { inserted: Number(rows[0].inserted), updated: Number(rows[0].updated), keyCheck: rows[0].key_check };
}

/**
 * The staged rows inserted as they are, when none of them exists yet. Returns null when one
 * does (everything since the savepoint is undone and the caller merges instead).
 */
export async function insertStagedAsNew(
  client: pg.Client,
  schoolId: string,
  actorId: string | null,
): Promise<{ inserted: number; keyCheck: KeyCheck } | null> {
  await client.query("SAVEPOINT insert_new");
  try {
    const { inserted, keyCheck } = await insertStaged(client, schoolId, actorId, false);
    await client.query("RELEASE SAVEPOINT insert_new");
    return { inserted, keyCheck };
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error;
    await client.query("ROLLBACK TO SAVEPOINT insert_new");
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

/** What the preview's staged rows would change (its stage, read in a read-only transaction). */
export async function countAttendanceChanges(
  client: pg.Client,
  schoolId: string,
): Promise<{ existing: number; toUpdate: number }> {
  await client.query("ANALYZE attendance_stage");
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
): Promise<{ inserted: number; updated: number; keyCheck: KeyCheck }> {
  return insertStaged(client, schoolId, actorId, true);
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
