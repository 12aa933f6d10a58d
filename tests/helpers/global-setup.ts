import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../lib/db";
import { prepareDatabase } from "../../lib/db/prepare";
import { todayInLima } from "../../lib/format/date";
import { seedDemo } from "../../prisma/seed";
import { markDemo } from "../../scripts/lib/database";
import {
  createDatabaseIfMissing,
  freePort,
  ROLES,
  startCluster,
  urlFor,
  type ClusterRole,
} from "../../scripts/lib/embedded-postgres";
import { assertLocalDatabase } from "./assert-local-database";

// One throwaway PostgreSQL for the whole run, with two template databases that each test
// file clones in ~35 ms: `t_migrated` (empty schema) and `t_seeded` (the pilot demo data).
// TEST_DATABASE_URL (a local server's admin URL) replaces the embedded cluster. The templates
// are owned by the owner role and migrated by it, like a real installation; code under test
// connects as the app role (test-database.ts).
export const TEMPLATE_MIGRATED = "t_migrated";
export const TEMPLATE_SEEDED = "t_seeded";

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let tmp: string | undefined;
  if (adminUrl) {
    assertLocalDatabase(adminUrl);
  } else {
    tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-test-"));
    const { chmod } = await import("node:fs/promises");
    await chmod(tmp, 0o755);
    const port = await freePort();
    const cluster = await startCluster({ dataDir: path.join(tmp, "data"), port, persistent: false, durable: false });
    adminUrl = urlFor(port);
    stop = cluster.stop;
  }

  const migratedUrl = withRole(withDatabase(adminUrl, TEMPLATE_MIGRATED), "owner");
  const seededUrl = withRole(withDatabase(adminUrl, TEMPLATE_SEEDED), "owner");
  await dropIfExists(adminUrl, [TEMPLATE_SEEDED, TEMPLATE_MIGRATED]);
  await createDatabaseIfMissing(adminUrl, TEMPLATE_MIGRATED);
  // Migrations, then pg-boss's schema and queues, so code that queues a job finds them in every clone.
  await prepareDatabase(migratedUrl);
  await createDatabaseIfMissing(adminUrl, TEMPLATE_SEEDED, TEMPLATE_MIGRATED);
  await markDemo(seededUrl);
  const db = createPrismaClient(seededUrl);
  // Anchored to today, as a developer's first `npm run dev` would be; tests read the anchor
  // back from the database (instance_setting demoAnchor) rather than assuming it.
  await seedDemo(db, todayInLima());
  await db.$disconnect();

  project.provide("pgAdminUrl", adminUrl);
  return async () => {
    await stop();
    if (tmp) await rm(tmp, { recursive: true, force: true }).catch(() => {});
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same server and database as another role of the cluster (password = role name). */
export function withRole(url: string, role: ClusterRole): string {
  if (role === "admin") return url;
  const u = new URL(url);
  u.username = ROLES[role];
  u.password = ROLES[role];
  return u.toString();
}

async function dropIfExists(adminUrl: string, names: string[]) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
