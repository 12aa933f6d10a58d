import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { db, type Db } from "../../lib/db";
import { closeSignInLimiter } from "../../lib/auth/rate-limit";
import { stopSender } from "../../lib/jobs/boss";
import { ROLES } from "../../scripts/lib/embedded-postgres";
import { TEMPLATE_MIGRATED, TEMPLATE_SEEDED, withDatabase, withRole } from "./global-setup";

export type TestDatabase = {
  /** The app role, as the web server connects: what `db` and the code under test use. */
  url: string;
  /** The owner role, for fixtures that need more (DDL, reading migration bookkeeping). */
  ownerUrl: string;
  db: Db;
  /** Runs SQL as the owner role on its own connection (fixtures: DDL, test triggers, ANALYZE). */
  asOwner: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  drop: () => Promise<void>;
};

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
  await admin.query(`CREATE DATABASE "${name}" OWNER ${ROLES.owner} TEMPLATE "${template}"`);
  await admin.end();
  const url = withRole(withDatabase(adminUrl, name), "app");
  const ownerUrl = withRole(withDatabase(adminUrl, name), "owner");
  // Code under test uses the shared lazy client from lib/db; each test file runs in its own
  // process, so pointing DATABASE_URL at the clone before first use is enough. Commands that
  // resolve their database (scripts/lib/database.ts) find both roles, as in production.
  process.env.DATABASE_URL = url;
  process.env.DATABASE_OWNER_URL = ownerUrl;
  return {
    url,
    ownerUrl,
    db,
    asOwner: async (sql, params) => {
      const c = new pg.Client({ connectionString: ownerUrl });
      await c.connect();
      try {
        return await c.query(sql, params);
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      await stopSender();
      await closeSignInLimiter();
      await db.$disconnect();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
