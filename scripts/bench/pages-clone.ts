import type pg from "pg";

// Replicates the pilot demo (prisma/seed, already loaded) `copies` times inside PostgreSQL,
// one INSERT … SELECT per table, so the UGEL-scale data set keeps the pilot's proportions
// and consistency by construction: every case still has its alerts, visits, evaluations
// (answers complete) and referrals, every alert its attendance.
//
// Each copy k merges the pilot's four schools into two: IE Trujillo A (652) + IE Independencia
// (598) become one school of 1,250 students, IE Trujillo B + IE San Juan de Lurigancho one of
// 1,106 (the second school's sections move from A–D to E–H). Ids become md5(k:id), so copies
// never collide and every reference follows its row. Shared by all copies: agencies and their
// staff, the risk instruments, the administrator; the pilot's coordinator maps to the UGEL's.
// Tables are found in the catalogue (every table with a "schoolId" column), so a table or
// column added later is copied too; only the rules below know table names.

const UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** Tables whose rows every copy shares: their ids stay as they are. */
const SHARED_TABLES = new Set(["agency", "risk_instrument", "risk_item"]);
/** Roles whose accounts every copy shares (not bound to one school). */
const SHARED_ROLES = ["ADMIN", "COORDINATOR", "AGENCY_STAFF"];
/** Written separately below, or not copied at all (the audit log of the seed itself). */
const NOT_COPIED = new Set(["school", "app_user", "user_school", "audit_log"]);

export type CloneMap = {
  /** Pilot school id → the pilot school its rows merge into (itself for the first of a pair). */
  canonicalSchool: Map<string, string>;
  /** Pilot schools whose sections move by SECTION_SHIFT letters. */
  shiftedSchools: string[];
};

export const SECTION_SHIFT = 4;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const q = (name: string) => `"${name}"`;
/** The id of row `x` in copy k (k is the SQL column of generate_series). */
const copyId = (x: string) => `md5(k::text || ':' || (${x})::text)::uuid`;

type Column = { name: string; type: string };

async function columnsOf(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

/** (table, column) → (referenced table, column), from the foreign keys. */
async function foreignKeys(client: pg.Client): Promise<Map<string, [string, string]>> {
  const { rows } = await client.query<{ t: string; c: string; rt: string; rc: string }>(`
    SELECT con.conrelid::regclass::text AS t, a.attname AS c, con.confrelid::regclass::text AS rt, ra.attname AS rc
      FROM pg_constraint con
      CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(col, refcol)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
      JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refcol
     WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace`);
  const map = new Map<string, [string, string]>();
  for (const r of rows) if (!map.has(`${r.t}.${r.c}`)) map.set(`${r.t}.${r.c}`, [r.rt.replace(/"/g, ""), r.rc]);
  return map;
}

/** The table whose primary key a uuid column finally names (following composite keys). */
function targetTable(fks: Map<string, [string, string]>, table: string, column: string): string {
  if (column === "schoolId") return "school";
  let [t, c] = [table, column];
  for (let hops = 0; hops < 5; hops++) {
    if (c === "id") return t;
    const next = fks.get(`${t}.${c}`);
    if (!next) return t === table ? "" : t;
    [t, c] = next;
  }
  return t;
}

/** Tables with a "schoolId" column, parents before children. */
async function tablesInOrder(client: pg.Client, fks: Map<string, [string, string]>): Promise<string[]> {
  const { rows } = await client.query<{ t: string }>(
    `SELECT DISTINCT table_name AS t FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'schoolId' ORDER BY 1`,
  );
  const tables = rows.map((r) => r.t).filter((t) => !NOT_COPIED.has(t));
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const [key, [rt]] of fks) {
    const t = key.split(".")[0];
    if (parents.has(t) && parents.has(rt) && rt !== t) parents.get(t)!.add(rt);
  }
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t)!) visit(p, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

export async function cloneDataset(client: pg.Client, copies: number, map: CloneMap): Promise<void> {
  const fks = await foreignKeys(client);
  const shared = (
    await client.query<{ id: string }>(`SELECT id::text AS id FROM app_user WHERE role::text = ANY($1::text[])`, [
      SHARED_ROLES,
    ])
  ).rows.map((r) => r.id);
  const canonical = (x: string) =>
    `CASE ${x} ${[...map.canonicalSchool].map(([from, to]) => `WHEN ${lit(from)}::uuid THEN ${lit(to)}::uuid`).join(" ")} ELSE ${x} END`;
  // Alert rules are per school and kind: rows of a merged school use the rule of its pair.
  const rules = await client.query<{ id: string; canon: string }>(
    `SELECT r.id::text AS id, c.id::text AS canon FROM alert_rule r
       JOIN alert_rule c ON c.kind = r.kind AND c."schoolId" = (${canonical('r."schoolId"')})`,
  );
  const ruleCase = (x: string) =>
    `CASE ${x} ${rules.rows.map((r) => `WHEN ${lit(r.id)}::uuid THEN ${lit(r.canon)}::uuid`).join(" ")} ELSE ${x} END`;
  const sharedList = shared.length ? shared.map((id) => `${lit(id)}::uuid`).join(", ") : "NULL::uuid";
  const userId = (x: string) => `CASE WHEN ${x} IN (${sharedList}) THEN ${x} ELSE ${copyId(x)} END`;
  const schoolId = (x: string) => copyId(canonical(x));

  const uuidExpr = (table: string, column: string): string => {
    const col = `src.${q(column)}`;
    const target = targetTable(fks, table, column);
    if (target === "school") return schoolId(col);
    if (target === "app_user") return userId(col);
    if (target === "alert_rule") return copyId(ruleCase(col));
    if (SHARED_TABLES.has(target)) return col;
    return copyId(col);
  };
  // Text keys that embed ids (openKey "studentId:kind", draftKey "caseId:userId", …).
  await client.query(`
    CREATE OR REPLACE FUNCTION pg_temp.bench_remap(k int, t text) RETURNS text AS $$
    DECLARE m text; r text := t;
    BEGIN
      FOR m IN SELECT (regexp_matches(t, '${UUID_RE}', 'g'))[1] LOOP
        r := replace(r, m, CASE WHEN m::uuid IN (${sharedList}) THEN m ELSE md5(k::text || ':' || m)::uuid::text END);
      END LOOP;
      RETURN r;
    END $$ LANGUAGE plpgsql`);

  const shifted = map.shiftedSchools.map((id) => `${lit(id)}::uuid`).join(", ");
  const copyTable = async (table: string, overrides: Record<string, string>, where = "TRUE") => {
    const columns = await columnsOf(client, table);
    const exprs = columns.map(({ name, type }) => {
      if (name in overrides) return overrides[name];
      if (type === "uuid") return uuidExpr(table, name);
      if (name === "section")
        return `CASE WHEN src."schoolId" IN (${shifted}) THEN chr(ascii(src.section) + ${SECTION_SHIFT}) ELSE src.section END`;
      if (/Key$/.test(name) && type === "text") return `pg_temp.bench_remap(k, src.${q(name)})`;
      return `src.${q(name)}`;
    });
    // Runs once, right after the seed: every row in the table is a pilot row.
    const t0 = performance.now();
    await client.query(`INSERT INTO ${q(table)} (${columns.map((c) => q(c.name)).join(", ")})
      SELECT ${exprs.join(", ")} FROM ${q(table)} src CROSS JOIN generate_series(1, ${copies}) AS k
       WHERE ${where}`);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${table}: ${(performance.now() - t0).toFixed(0)} ms\n`);
  };

  const firsts = [...new Set(map.canonicalSchool.values())].map((id) => `${lit(id)}::uuid`).join(", ");
  await copyTable(
    "school",
    {
      id: copyId("src.id"),
      codigoModular: `(8000000 + k * 10 + row_number() OVER (PARTITION BY k ORDER BY src."codigoModular"))::text`,
      name: `'IE UGEL ' || lpad(k::text, 2, '0') || ' ' || chr(64 + row_number() OVER (PARTITION BY k ORDER BY src."codigoModular")::int)`,
    },
    `src.id IN (${firsts})`,
  );
  await copyTable(
    "app_user",
    {
      id: copyId("src.id"),
      email: `split_part(src.email, '@', 1) || '.k' || lpad(k::text, 2, '0') || '@bench.pe'`,
    },
    `src.role::text <> ALL (ARRAY[${SHARED_ROLES.map(lit).join(", ")}])`,
  );
  await client.query(`
    INSERT INTO user_school ("userId", "schoolId")
    SELECT ${copyId('us."userId"')}, ${schoolId('us."schoolId"')}
      FROM user_school us JOIN app_user u ON u.id = us."userId" CROSS JOIN generate_series(1, ${copies}) AS k
     WHERE u.role::text <> ALL (ARRAY[${SHARED_ROLES.map(lit).join(", ")}])
    ON CONFLICT DO NOTHING`);

  const tables = await tablesInOrder(client, fks);
  // Row-by-row triggers (foreign keys, and the guards of the app's own writes such as "a signed
  // evaluation is final") would cost minutes over three million rows and refuse rows copied in
  // bulk; they are off while copying and every foreign key is checked set-based afterwards.
  await client.query(`SET LOCAL session_replication_role = replica`);
  for (const table of tables) {
    // Rules are per school and kind: one set per merged school.
    await copyTable(table, {}, table === "alert_rule" ? `src."schoolId" IN (${firsts})` : "TRUE");
  }
  await client.query(`SET LOCAL session_replication_role = origin`);
  await checkForeignKeys(client, ["school", "app_user", "user_school", ...tables]);
}

/** Every foreign key of the copied tables holds (what the disabled triggers would have checked). */
async function checkForeignKeys(client: pg.Client, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ name: string; t: string; rt: string; cols: string[]; refcols: string[] }>(
    `SELECT con.conname AS name, con.conrelid::regclass::text AS t, con.confrelid::regclass::text AS rt,
            (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS cols,
            (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS refcols
       FROM pg_constraint con
      WHERE con.contype = 'f' AND con.conrelid::regclass::text = ANY($1::text[])`,
    [tables.map(q).concat(tables)],
  );
  for (const fk of rows) {
    const notNull = fk.cols.map((c) => `t.${q(c)} IS NOT NULL`).join(" AND ");
    const match = fk.cols.map((c, i) => `r.${q(fk.refcols[i])} = t.${q(c)}`).join(" AND ");
    const { rows: bad } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${fk.t} t WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.rt} r WHERE ${match})`,
    );
    if (bad[0].n > 0) throw new Error(`copy broke ${fk.name}: ${bad[0].n} rows of ${fk.t}`);
  }
}
