import "server-only";
import type pg from "pg";
import { parseDocumentType } from "./values";

// Every documented student of a school, loaded once per attendance import (50,000 rows is a
// few MB) so each file row resolves with a Map lookup instead of a query.

export type StudentDirectory = {
  ids: string[];
  /** Student index → index into `groups` (grade + section), for AttendanceDay rows. */
  groupOf: Int32Array;
  groups: { grade: number; section: string }[];
  /** Document number → student index; AMBIGUOUS when two document types share the number. */
  byNumber: Map<string, number>;
  /** "DNI:12345678" → student index. */
  byTypedNumber: Map<string, number>;
};

export const AMBIGUOUS = -2;

export async function loadStudentDirectory(client: pg.Client, schoolId: string): Promise<StudentDirectory> {
  const { rows } = await client.query<{ id: string; t: string; n: string; grade: number; section: string }>(
    `SELECT "id", "documentType" AS t, "documentNumber" AS n, "grade", "section"
     FROM student WHERE "schoolId" = $1 AND "documentNumber" IS NOT NULL`,
    [schoolId],
  );
  const ids: string[] = new Array(rows.length);
  const groupOf = new Int32Array(rows.length);
  const groups: StudentDirectory["groups"] = [];
  const groupIndex = new Map<string, number>();
  const byNumber = new Map<string, number>();
  const byTypedNumber = new Map<string, number>();
  rows.forEach((r, i) => {
    ids[i] = r.id;
    const key = `${r.grade}\u0000${r.section}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push({ grade: r.grade, section: r.section });
      groupIndex.set(key, g);
    }
    groupOf[i] = g;
    byNumber.set(r.n, byNumber.has(r.n) ? AMBIGUOUS : i);
    byTypedNumber.set(`${r.t}:${r.n}`, i);
  });
  return { ids, groupOf, groups, byNumber, byTypedNumber };
}

/** Spellings a document cell may stand for: as written, and with Excel's lost zeros restored. */
export function documentCandidates(text: string): string[] {
  let raw = text.trim().replace(/^'/, "").replace(/\s+/g, "").toUpperCase();
  raw = raw.replace(/^(\d+)\.0+$/, "$1");
  if (/^\d{5,7}$/.test(raw)) return [raw.padStart(8, "0"), raw];
  return [raw];
}

/** Student index for a document cell (and optional type cell), or a negative code. */
export function resolveDocument(dir: StudentDirectory, numberText: string, typeText?: string): number {
  if (typeText === undefined) {
    // Fast path: nearly every cell is already the stored number.
    const exact = dir.byNumber.get(numberText);
    if (exact !== undefined) return exact;
  }
  const type = typeText === undefined ? null : (parseDocumentType(typeText).value ?? null);
  for (const candidate of documentCandidates(numberText)) {
    const found = type ? dir.byTypedNumber.get(`${type}:${candidate}`) : dir.byNumber.get(candidate);
    if (found !== undefined) return found;
  }
  return -1;
}
