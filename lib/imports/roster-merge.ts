import "server-only";
import type pg from "pg";
import { IssueList } from "./issues";
import { nameKey } from "./normalize";
import { batchLines, copyLines, copyText } from "./pg";
import type { ParsedRoster, RosterField, RosterRecord } from "./roster";

// Set-based merge of a parsed roster into `student`: COPY into a temp staging table, resolve
// existing ids in one UPDATE … FROM, then one UPDATE for changed rows and one INSERT for new
// ones. `IS DISTINCT FROM` keeps unchanged rows untouched, so re-importing changes nothing.
//
// Rules for what an import may overwrite:
// - required columns (names, sex, grade, section) always take the file's value;
// - optional columns absent from the file are left alone;
// - a blank contact or birth-date cell never erases a stored value (a stale export must not
//   wipe an address a social worker verified);
// - a contact the import changes loses its "verified" date: it comes from an export, nobody
//   has checked it yet.

const ALWAYS = ["paternalSurname", "givenNames", "sex", "grade", "section"] as const satisfies readonly RosterField[];
const AS_GIVEN_WHEN_PRESENT = ["maternalSurname"] as const satisfies readonly RosterField[];
const KEEP_WHEN_BLANK = [
  "birthDate",
  "level",
  "addressStreet",
  "addressReference",
  "addressDistrict",
  "phone",
  "guardianName",
  "guardianRelationship",
  "guardianPhone",
] as const satisfies readonly RosterField[];
const CONTACT_GROUPS = [
  { verifiedAt: "addressVerifiedAt", fields: ["addressStreet", "addressReference", "addressDistrict"] },
  { verifiedAt: "phoneVerifiedAt", fields: ["phone"] },
  { verifiedAt: "guardianVerifiedAt", fields: ["guardianName", "guardianRelationship", "guardianPhone"] },
] as const;

const STAGE_COLUMNS = [
  "documentType",
  "documentNumber",
  ...ALWAYS,
  ...AS_GIVEN_WHEN_PRESENT,
  ...KEEP_WHEN_BLANK,
] as const satisfies readonly RosterField[];

const STAGE_DDL = `
CREATE TEMP TABLE roster_stage (
  "row" int NOT NULL,
  "id" uuid,
  "documentType" "DocumentType" NOT NULL,
  "documentNumber" text,
  "paternalSurname" text NOT NULL,
  "givenNames" text NOT NULL,
  "sex" "Sex" NOT NULL,
  "grade" smallint NOT NULL,
  "section" varchar(10) NOT NULL,
  "maternalSurname" text NOT NULL,
  "birthDate" date,
  "level" "EducationLevel",
  "addressStreet" text, "addressReference" text, "addressDistrict" text, "phone" text,
  "guardianName" text, "guardianRelationship" text, "guardianPhone" text
)`;

const q = (c: string) => `"${c}"`;

/** The value a column takes after the merge, as SQL over staging `s` and student `t`. */
function mergedValue(column: RosterField): string {
  return (KEEP_WHEN_BLANK as readonly string[]).includes(column)
    ? `COALESCE(s.${q(column)}, t.${q(column)})`
    : `s.${q(column)}`;
}

function updatableColumns(present: Set<RosterField>): RosterField[] {
  return [...ALWAYS, ...[...AS_GIVEN_WHEN_PRESENT, ...KEEP_WHEN_BLANK].filter((c) => present.has(c))];
}

function changedCondition(columns: RosterField[]): string {
  return `(${columns.map((c) => `t.${q(c)}`).join(", ")}) IS DISTINCT FROM (${columns.map(mergedValue).join(", ")})`;
}

/**
 * The staging table, made inside the caller's transaction and dropped at its end: an import's
 * (committed) or a preview's (rolled back; see inReadOnlyTransaction).
 */
export async function createRosterStage(client: pg.Client) {
  await client.query(`${STAGE_DDL} ON COMMIT DROP`);
}

/**
 * Loads the records into `roster_stage` (inside the caller's transaction) and fills `id` for
 * students that already exist. Students without a document are matched here, on names + birth
 * date normalised the same way as in the file; two stored students sharing that key cannot be
 * told apart and the row is refused.
 */
export async function stageRoster(
  client: pg.Client,
  schoolId: string,
  parsed: ParsedRoster,
  issues: IssueList,
): Promise<void> {
  const undocumented = await matchUndocumented(client, schoolId, parsed.records, issues);
  const lines = parsed.records.map((r) => {
    const values = [r.row, undocumented.get(r.row) ?? null, ...STAGE_COLUMNS.map((c) => r[c])];
    return values.map(copyText).join("\t") + "\n";
  });
  await copyLines(
    client,
    `COPY roster_stage ("row", "id", ${STAGE_COLUMNS.map(q).join(", ")}) FROM STDIN`,
    batchLines(lines),
  );
  await client.query(
    `UPDATE roster_stage s SET "id" = t."id" FROM student t
     WHERE t."schoolId" = $1 AND s."documentType" <> 'NONE'
       AND t."documentType" = s."documentType" AND t."documentNumber" = s."documentNumber"`,
    [schoolId],
  );
  await client.query("ANALYZE roster_stage");
}

async function matchUndocumented(
  client: pg.Client,
  schoolId: string,
  records: RosterRecord[],
  issues: IssueList,
): Promise<Map<number, string>> {
  const wanted = records.filter((r) => r.documentType === "NONE");
  const byRow = new Map<number, string>();
  if (wanted.length === 0) return byRow;
  const { rows } = await client.query<{ id: string; p: string; m: string; g: string; b: string | null }>(
    `SELECT "id", "paternalSurname" AS p, "maternalSurname" AS m, "givenNames" AS g, to_char("birthDate", 'YYYY-MM-DD') AS b
     FROM student WHERE "schoolId" = $1 AND "documentType" = 'NONE'`,
    [schoolId],
  );
  const key = (p: string, m: string, g: string, b: string | null) =>
    `${nameKey(p)}|${nameKey(m)}|${nameKey(g)}|${b ?? ""}`;
  const stored = new Map<string, string[]>();
  for (const r of rows) {
    const k = key(r.p, r.m, r.g, r.b);
    stored.set(k, [...(stored.get(k) ?? []), r.id]);
  }
  for (const r of wanted) {
    const ids = stored.get(key(r.paternalSurname, r.maternalSurname, r.givenNames, r.birthDate));
    if (ids?.length === 1) byRow.set(r.row, ids[0]);
    else if (ids && ids.length > 1) {
      issues.add(
        r.row,
        "nombres",
        "Hay más de un estudiante sin documento con estos nombres y fecha de nacimiento; corríjalo en la ficha del estudiante.",
      );
    }
  }
  return byRow;
}

/** Counts what `mergeRoster` would do, without doing it (preview). */
export async function countRosterChanges(
  client: pg.Client,
  present: Set<RosterField>,
): Promise<{ toCreate: number; toUpdate: number }> {
  const { rows } = await client.query<{ to_create: string; to_update: string }>(
    `SELECT (SELECT count(*) FROM roster_stage WHERE "id" IS NULL) AS to_create,
            (SELECT count(*) FROM roster_stage s JOIN student t ON t."id" = s."id" WHERE ${changedCondition(updatableColumns(present))}) AS to_update`,
  );
  return { toCreate: Number(rows[0].to_create), toUpdate: Number(rows[0].to_update) };
}

export async function mergeRoster(
  client: pg.Client,
  schoolId: string,
  present: Set<RosterField>,
): Promise<{ created: number; updated: number }> {
  const columns = updatableColumns(present);
  const verifiedResets = CONTACT_GROUPS.filter((g) => g.fields.some((f) => present.has(f))).map((g) => {
    const fields = g.fields.filter((f) => present.has(f));
    return `${q(g.verifiedAt)} = CASE WHEN ${changedCondition(fields)} THEN NULL ELSE t.${q(g.verifiedAt)} END`;
  });
  const update = await client.query(
    `UPDATE student t SET ${[...columns.map((c) => `${q(c)} = ${mergedValue(c)}`), ...verifiedResets, `"updatedAt" = now()`].join(", ")}
     FROM roster_stage s
     WHERE t."id" = s."id" AND t."schoolId" = $1 AND ${changedCondition(columns)}`,
    [schoolId],
  );
  const insertColumns = ["documentType", "documentNumber", ...columns.filter((c) => c !== "level")];
  const insert = await client.query(
    `INSERT INTO student ("schoolId", "level", ${insertColumns.map(q).join(", ")})
     SELECT $1, COALESCE(s."level", 'SECONDARY'), ${insertColumns.map((c) => `s.${q(c)}`).join(", ")}
     FROM roster_stage s WHERE s."id" IS NULL ORDER BY s."row"`,
    [schoolId],
  );
  return { created: insert.rowCount ?? 0, updated: update.rowCount ?? 0 };
}
