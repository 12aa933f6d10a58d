import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { db, type Db } from "../../lib/db";
import { stopSender } from "../../lib/jobs/boss";
import { TEMPLATE_MIGRATED, TEMPLATE_SEEDED, withDatabase } from "./global-setup";

export type TestDatabase = { url: string; db: Db; drop: () => Promise<void> };

/**
 * A fresh database for one test file, cloned from a template: `seeded` gives the pilot demo
 * data, otherwise an empty migrated schema. Call `drop()` in afterAll. One per test file.
 */
export async function createTestDatabase(opts: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const template = opts.seeded ? TEMPLATE_SEEDED : TEMPLATE_MIGRATED;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  // Code under test uses the shared lazy client from lib/db; each test file runs in its own
  // process, so pointing DATABASE_URL at the clone before first use is enough.
  process.env.DATABASE_URL = url;
  return {
    url,
    db,
    drop: async () => {
      await stopSender();
      await db.$disconnect();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
