import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("[MIGRATIONS] runner", () => {
  it("keeps Prisma's bookkeeping with sha256 checksums and applies nothing twice", async () => {
    const files = await readMigrations();
    // The bookkeeping belongs to the owner role (the app role cannot read it).
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
      }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
      expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);

      const second = await migrate(t.ownerUrl);
      expect(second.applied).toEqual([]);
      const count = await owner.query<{ n: string }>(`SELECT count(*) AS n FROM "_prisma_migrations"`);
      expect(Number(count.rows[0].n)).toBe(files.length);
    } finally {
      await owner.end();
    }
  });
});

describe("[AUDIT] append-only table", () => {
  it("the database refuses UPDATE, DELETE and TRUNCATE on audit rows, even to the owner role", async () => {
    await t.db.auditLog.create({ data: { action: "test.write", entity: "Test", entityId: "1" } });
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      await expect(client.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    const rows = await t.db.auditLog.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].action).toBe("test.write");
  });
});
