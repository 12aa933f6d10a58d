import "server-only";
import type pg from "pg";

// What a backup holds, read from the database's own catalogue so a table or column added by a
// later migration is included without a change here: every table of the app's schema except
// the migration bookkeeping (rebuilt by applying the migrations), parents before children, and
// pg-boss's jobs. The rest of pg-boss's schema (queues, schedules, statistics, instances) is
// its own bookkeeping, made again by pg-boss when it installs its schema.

export type BackupTable = { name: string; columns: string[] };

/** Tables of `public` that a backup leaves out. */
const NOT_BACKED_UP = new Set(["_prisma_migrations"]);
/** pg-boss's tables that hold work rather than bookkeeping. */
export const JOB_TABLES = ["pgboss.job"];

/**
 * Row triggers that refuse rows joining a record already final (answers of a signed evaluation):
 * they guard later changes, and a reload adds the answers after their signed evaluation. Switched
 * off only while a restore loads, inside its transaction; everything else stays on (foreign
 * keys, CHECKs, the packet check, the checks at commit, the audit log's append-only triggers).
 */
export const GUARDS_OFF_WHILE_LOADING: Record<string, string[]> = {
  "public.risk_answer": ["risk_answer_signed_is_final"],
};

export const qualified = (name: string) =>
  name
    .split(".")
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join(".");

/** Columns a COPY can write (generated columns are computed again). */
export async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [qualified(table)],
  );
  return rows.map((r) => r.name);
}

/** The app's tables, parents before children (foreign keys between them form no cycle). */
export async function appTablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`,
  );
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
  );
  const names = tables.map((t) => t.name).filter((n) => !NOT_BACKED_UP.has(n));
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of fks) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const parent of parents.get(name) ?? []) if (parents.has(parent)) visit(parent, path);
    path.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered.map((n) => `public.${n}`);
}

/** pg-boss's schema version, or null when pg-boss has not installed its schema here. */
export async function jobSchemaVersion(client: pg.ClientBase): Promise<number | null> {
  const installed = await client.query<{ ok: boolean }>(`SELECT to_regclass('pgboss.version') IS NOT NULL AS ok`);
  if (!installed.rows[0].ok) return null;
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM pgboss.version`);
  return rows[0]?.version ?? null;
}

/** Moves every sequence owned by a column of `tables` past the largest value stored. */
export async function resetSequences(client: pg.ClientBase, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, d.refobjid::regclass::text AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND d.refobjid = ANY($1::regclass[])`,
    [tables.map(qualified)],
  );
  for (const { seq, tbl, col } of rows) {
    await client.query(
      `SELECT setval($1::regclass, COALESCE(max(${qualified(col)}), 1), max(${qualified(col)}) IS NOT NULL) FROM ${tbl}`,
      [seq],
    );
  }
}
