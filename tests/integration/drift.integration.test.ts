import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actualCatalog } from "../helpers/actual-catalog";
import { expectedCatalog, loadDmmf, readSchema } from "../helpers/expected-catalog";
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

  it("enums, indexes and foreign keys agree", async () => {
    const [expected, actual] = [expectedCatalog(), await actualCatalog(t.url)];
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.foreignKeys).toEqual(expected.foreignKeys);
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
