import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actualCatalog } from "../helpers/actual-catalog";
import { EXPECTED_CHECKS, expectedCatalog, loadDmmf, readSchema } from "../helpers/expected-catalog";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Nothing here can run `prisma migrate dev`, so this test is what notices a schema.prisma
// change without a migration (or a migration that does not match the schema).
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("[DRIFT] committed migrations produce exactly the schema in prisma/schema.prisma", () => {
  it("tables, columns, types and nullability agree", async () => {
    const [expected, actual] = [expectedCatalog(), await actualCatalog(t.url)];
    expect(actual.columns).toEqual(expected.columns);
  });

  it("enums, indexes and foreign keys (with their ON DELETE action) agree", async () => {
    const [expected, actual] = [expectedCatalog(), await actualCatalog(t.url)];
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.foreignKeys).toEqual(expected.foreignKeys);
  });

  it("the CHECK constraints are exactly the listed ones", async () => {
    const actual = await actualCatalog(t.url);
    expect(actual.checks).toEqual([...EXPECTED_CHECKS].sort());
  });

  it("notices a dropped CHECK constraint and a changed ON DELETE action", async () => {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    const fk = `"case_event_caseId_schoolId_fkey" FOREIGN KEY ("caseId", "schoolId") REFERENCES case_file (id, "schoolId")`;
    try {
      await client.query("BEGIN");
      await client.query(`ALTER TABLE referral DROP CONSTRAINT referral_rejected_has_reason_chk`);
      await client.query(`ALTER TABLE case_event DROP CONSTRAINT "case_event_caseId_schoolId_fkey"`);
      await client.query(`ALTER TABLE case_event ADD CONSTRAINT ${fk} ON DELETE RESTRICT`);
      await client.query("COMMIT");
      const [expected, actual] = [expectedCatalog(), await actualCatalog(t.url)];
      expect(expected.checks).toContain("referral referral_rejected_has_reason_chk");
      expect(actual.checks).not.toContain("referral referral_rejected_has_reason_chk");
      expect(expected.foreignKeys).toContain(
        "case_event (caseId,schoolId) -> case_file (id,schoolId) on delete Cascade",
      );
      expect(actual.foreignKeys).toContain(
        "case_event (caseId,schoolId) -> case_file (id,schoolId) on delete Restrict",
      );
    } finally {
      // Put the migrated schema back for the other tests of this file.
      await client.query("ROLLBACK").catch(() => {});
      await client.query(`ALTER TABLE case_event DROP CONSTRAINT IF EXISTS "case_event_caseId_schoolId_fkey"`);
      await client.query(`ALTER TABLE case_event ADD CONSTRAINT ${fk} ON DELETE CASCADE ON UPDATE CASCADE`);
      await client.query(
        `ALTER TABLE referral DROP CONSTRAINT IF EXISTS referral_rejected_has_reason_chk,
         ADD CONSTRAINT referral_rejected_has_reason_chk
         CHECK ("status" <> 'REJECTED' OR ("rejectionReason" IS NOT NULL AND btrim("rejectionReason") <> ''))`,
      );
      await client.end();
    }
  });

  it("notices a model change that has no migration", async () => {
    const changed = readSchema().replace(
      "model InstanceSetting {\n  key       String   @id",
      "model InstanceSetting {\n  key       String   @id\n  note      String?",
    );
    expect(changed).not.toEqual(readSchema());
    const expected = expectedCatalog(loadDmmf(changed));
    const actual = await actualCatalog(t.url);
    expect(actual.columns).not.toEqual(expected.columns);
    expect(expected.columns).toContain("instance_setting.note text null");
  });
});
