import type { TestDatabase } from "../helpers/test-database";

// Proof that a refused call changed nothing: a row trigger on every table of the schema writes
// the table's name to `probe_write` whenever a row is inserted, updated or deleted. Left out:
// the tables a refusal is meant to write (the audit log and its throttle, the sign-in limiter,
// sessions). Test databases only; installed by the owner role.

const ALLOWED_WRITES = [
  "audit_log",
  "audit_throttle",
  "rate_limit",
  "user_session",
  "_prisma_migrations",
  "probe_write",
];

export async function installWriteTrap(t: TestDatabase): Promise<void> {
  const skip = ALLOWED_WRITES.map((n) => `'${n}'`).join(", ");
  await t.asOwner(`
    CREATE TABLE probe_write (tbl text NOT NULL, op text NOT NULL);
    GRANT SELECT, INSERT, DELETE ON probe_write TO permanencia_app;
    CREATE FUNCTION probe_record_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      INSERT INTO probe_write VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$;
    DO $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname NOT IN (${skip})
      LOOP
        EXECUTE format('CREATE TRIGGER probe_write AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION probe_record_write()', r.relname);
      END LOOP;
    END $$;`);
}

/** Tables written since the last call ("table OP ×n"), and a fresh start for the next one. */
export async function takeWrites(t: TestDatabase): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ tbl: string; op: string; n: number }[]>`
    SELECT tbl, op, count(*)::int AS n FROM probe_write GROUP BY tbl, op ORDER BY tbl, op`;
  await t.db.$executeRaw`DELETE FROM probe_write`;
  return rows.map((r) => `${r.tbl} ${r.op} ×${r.n}`);
}
