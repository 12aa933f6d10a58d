import pg from "pg";
import type { Catalog } from "./expected-catalog";

// The catalog a migrated database really has, in the same text form as expected-catalog.ts.
// Prisma's bookkeeping table is not part of the domain and is left out.
export async function actualCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();
    const columns = await q(`
      SELECT c.relname || '.' || a.attname || ' ' ||
        CASE
          WHEN t.typcategory = 'A' THEN
            CASE WHEN et.typtype = 'e' THEN et.typname ELSE format_type(et.oid, NULL) END || '[]'
          WHEN t.typtype = 'e' THEN t.typname
          WHEN t.typname = 'varchar' THEN 'varchar(' || (a.atttypmod - 4) || ')'
          WHEN t.typname IN ('timestamp', 'timestamptz') THEN t.typname || '(' || a.atttypmod || ')'
          WHEN t.typname = 'numeric' THEN format_type(a.atttypid, a.atttypmod)
          ELSE t.typname
        END || ' ' || CASE WHEN a.attnotnull THEN 'notnull' ELSE 'null' END AS line
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type et ON et.oid = t.typelem
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
    const enums = await q(`
      SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
      GROUP BY t.typname`);
    const indexes = await q(`
      SELECT c.relname || ' ' ||
        CASE WHEN i.indisprimary THEN 'pk' WHEN i.indisunique THEN 'unique' ELSE 'index' END || ' (' ||
        -- An index on an expression has no column list, and a partial one differs from a whole
        -- one on the same columns; both are named instead (see SQL_ONLY_INDEXES).
        CASE WHEN i.indexprs IS NOT NULL THEN 'expression ' || ic.relname
             WHEN i.indpred IS NOT NULL THEN 'partial ' || ic.relname ELSE
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
           FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) END || ')' AS line
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relname <> '_prisma_migrations'`);
    const foreignKeys = await q(`
      SELECT src.relname || ' (' ||
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(n, ord)
           JOIN pg_attribute a ON a.attrelid = src.oid AND a.attnum = k.n) || ') -> ' || dst.relname || ' (' ||
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(n, ord)
           JOIN pg_attribute a ON a.attrelid = dst.oid AND a.attnum = k.n) || ') on delete ' ||
        CASE con.confdeltype WHEN 'a' THEN 'NoAction' WHEN 'r' THEN 'Restrict' WHEN 'c' THEN 'Cascade'
          WHEN 'n' THEN 'SetNull' WHEN 'd' THEN 'SetDefault' END AS line
      FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid
      JOIN pg_class dst ON dst.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace AND n.nspname = 'public'
      WHERE con.contype = 'f'`);
    const checks = await q(`
      SELECT rel.relname || ' ' || con.conname AS line
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = rel.relnamespace AND n.nspname = 'public'
      WHERE con.contype = 'c' AND rel.relname <> '_prisma_migrations'`);
    return { columns, enums, indexes, foreignKeys, checks };
  } finally {
    await client.end();
  }
}
