import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "../../lib/db/migrate";
import { prepareDatabase } from "../../lib/db/prepare";
import { appRoleProblem } from "../../lib/db/roles";
import { installJobSchema } from "../../lib/jobs/boss";
import { createDatabaseIfMissing } from "../../scripts/lib/embedded-postgres";
import { withDatabase, withRole } from "../helpers/global-setup";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Decision 020: the web server's role can append to the audit log and read it, and nothing
// else — no route through SQL lets it rewrite or silence the log.

let t: TestDatabase;
let app: pg.Client;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.auditLog.create({ data: { action: "test.before", entity: "Test", entityId: "1" } });
  app = new pg.Client({ connectionString: t.url });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await t.drop();
});

const PERMISSION_DENIED = "42501";

async function refused(sql: string): Promise<string | undefined> {
  try {
    await app.query(sql);
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe("[ROLES] the app role cannot tamper with the audit log", () => {
  it.each([
    ["UPDATE", `UPDATE audit_log SET action = 'tampered'`],
    ["DELETE", `DELETE FROM audit_log`],
    ["TRUNCATE", `TRUNCATE audit_log`],
    ["DISABLE TRIGGER", `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`],
    ["DISABLE TRIGGER ALL", `ALTER TABLE audit_log DISABLE TRIGGER ALL`],
    ["SET session_replication_role", `SET session_replication_role = replica`],
    ["DROP TABLE", `DROP TABLE audit_log`],
    ["ALTER TABLE … RENAME", `ALTER TABLE audit_log RENAME TO audit_log_old`],
    ["ALTER TABLE … OWNER", `ALTER TABLE audit_log OWNER TO CURRENT_USER`],
    ["DROP TRIGGER", `DROP TRIGGER audit_log_no_update_delete ON audit_log`],
    [
      "CREATE TRIGGER",
      `CREATE TRIGGER t BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    ],
    [
      "CREATE OR REPLACE the trigger function",
      `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`,
    ],
    ["CREATE TABLE in public", `CREATE TABLE audit_log_copy (id int)`],
    ["SET ROLE to the owner", `SET ROLE permanencia_owner`],
  ])("refuses %s", async (_, sql) => {
    expect(await refused(sql)).toBe(PERMISSION_DENIED);
  });

  it("leaves every row and both triggers as they were", async () => {
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      const rows = await owner.query(`SELECT action FROM audit_log ORDER BY id`);
      expect(rows.rows.map((r) => r.action)).toEqual(["test.before"]);
      const triggers = await owner.query(
        `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`,
      );
      expect(triggers.rows).toEqual([
        { tgname: "audit_log_no_truncate", tgenabled: "O" },
        { tgname: "audit_log_no_update_delete", tgenabled: "O" },
      ]);
    } finally {
      await owner.end();
    }
  });

  it("may append and read", async () => {
    await app.query(`INSERT INTO audit_log (action, entity) VALUES ('test.append', 'Test')`);
    const { rows } = await app.query(`SELECT action FROM audit_log ORDER BY id`);
    expect(rows.map((r) => r.action)).toEqual(["test.before", "test.append"]);
  });

  it("cannot read the migration bookkeeping nor alter pg-boss's tables", async () => {
    expect(await refused(`SELECT count(*) FROM "_prisma_migrations"`)).toBe(PERMISSION_DENIED);
    expect(await refused(`ALTER TABLE pgboss.job ADD COLUMN x int`)).toBe(PERMISSION_DENIED);
    expect(await refused(`TRUNCATE pgboss.job`)).toBe(PERMISSION_DENIED);
  });
});

describe("[ROLES] appRoleProblem, the check `npm start` runs on DATABASE_URL", () => {
  it("accepts the app role and refuses the owner and a superuser, saying why", async () => {
    expect(await appRoleProblem(t.url)).toBeNull();
    expect(await appRoleProblem(t.ownerUrl)).toMatch(/permanencia_owner.*es dueño de audit_log/);
    const superuser = withDatabase(inject("pgAdminUrl"), new URL(t.url).pathname.slice(1));
    expect(await appRoleProblem(superuser)).toMatch(/es superusuario/);
  });

  it("refuses a role that was granted UPDATE on the audit log", async () => {
    await t.asOwner(`GRANT UPDATE ON audit_log TO permanencia_app`);
    try {
      expect(await appRoleProblem(t.url)).toMatch(/puede modificar o borrar audit_log/);
    } finally {
      await t.asOwner(`REVOKE UPDATE ON audit_log FROM permanencia_app`);
    }
  });
});

describe("[ROLES] grants follow the schema", () => {
  it("a table a later migration creates (as the owner) is readable and writable by the app role", async () => {
    await t.asOwner(`CREATE TABLE later_feature (id serial PRIMARY KEY, note text)`);
    await app.query(`INSERT INTO later_feature (note) VALUES ('x')`);
    expect((await app.query(`SELECT note FROM later_feature`)).rows).toEqual([{ note: "x" }]);
    expect(await refused(`DROP TABLE later_feature`)).toBe(PERMISSION_DENIED);
  });

  it("a database from before the roles (owned by the superuser) is handed over to the owner role", async () => {
    const adminUrl = inject("pgAdminUrl");
    const name = `legacy_${randomBytes(4).toString("hex")}`;
    const dir = await mkdtemp(path.join(os.tmpdir(), "roles-legacy-"));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // The old way: created, migrated and given pg-boss by the superuser, before this feature.
      await admin.query(`CREATE DATABASE "${name}"`);
      const legacyUrl = withDatabase(adminUrl, name);
      const earlier = (await readdir(MIGRATIONS_DIR)).filter((m) => /^\d{14}_/.test(m) && m < "20261130160000");
      for (const m of earlier) await cp(path.join(MIGRATIONS_DIR, m), path.join(dir, m), { recursive: true });
      await migrate(legacyUrl, dir);
      await installJobSchema(legacyUrl);

      expect(await createDatabaseIfMissing(adminUrl, name)).toBe(false);
      const ownerUrl = withRole(legacyUrl, "owner");
      await prepareDatabase(ownerUrl);

      const c = new pg.Client({ connectionString: legacyUrl });
      await c.connect();
      try {
        const notOwned = await c.query(`
          SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'S')
             AND pg_get_userbyid(c.relowner) <> 'permanencia_owner'`);
        expect(notOwned.rows).toEqual([]);
        const db = await c.query(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1`, [name]);
        expect(db.rows[0].owner).toBe("permanencia_owner");
      } finally {
        await c.end();
      }
      expect(await appRoleProblem(withRole(legacyUrl, "app"))).toBeNull();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
