import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { todayInLima } from "../../lib/format/date";
import { seedDemo } from "../../prisma/seed";
import { DEMO_PASSWORD, schoolId } from "../../prisma/seed/people";
import { markDemo } from "../lib/database";
import { createDatabaseIfMissing, freePort, startCluster, urlFor } from "../lib/embedded-postgres";
import { cloneDataset } from "./pages-clone";

// The data set of `npm run bench:pages`: the pilot demo (prisma/seed) plus COPIES copies of it
// (pages-clone.ts) = 21 × 2,356 = 49,476 students and 2,968,560 attendance rows, the scale of
// the import and alert benchmarks, with the pilot's alerts, cases, visits, evaluations and
// referrals in the pilot's proportions. It lives in its own persistent embedded cluster
// (.data/bench-pages, never the development database) and is reused by the next run while
// the generators are unchanged.

export const COPIES = 20;
export const DATA_DIR = path.join(process.cwd(), ".data", "bench-pages");
export const DB_NAME = "permanencia_bench_pages";
const MARKER = "bench.pages";

export type BenchAccounts = { director: string; caseTeam: string; coordinator: string };

export type DatasetInfo = {
  version: string;
  counts: Record<string, number>;
  accounts: BenchAccounts;
  password: string;
  /** Rich records for the record pages: a case of the case-team member in the director's school. */
  caseId: string;
  studentId: string;
};

export type BenchDataset = {
  /** The app role's connection (what the server uses). */
  url: string;
  /** The owner role's connection (migrations, loading). */
  ownerUrl: string;
  /** The cluster's superuser connection to another of its databases (copies of the data set). */
  adminUrl: (database?: string) => string;
  port: number;
  info: DatasetInfo;
  reused: boolean;
  loadMs: number;
  stop: () => Promise<void>;
};

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Changes whenever a generator changes, so a stale data set is rebuilt rather than reused. */
async function datasetVersion(): Promise<string> {
  const h = createHash("sha256").update(String(COPIES));
  const seedDir = path.join(process.cwd(), "prisma", "seed");
  const files = [
    ...(await readdir(seedDir)).filter((f) => f.endsWith(".ts")).map((f) => path.join(seedDir, f)),
    path.join(import.meta.dirname, "pages-clone.ts"),
    path.join(import.meta.dirname, "pages-data.ts"),
  ].sort();
  for (const f of files) h.update(await readFile(f));
  return h.digest("hex").slice(0, 16);
}

async function readMarker(url: string): Promise<DatasetInfo | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>(`SELECT value FROM instance_setting WHERE key = $1`, [
      MARKER,
    ]);
    return rows[0] ? (JSON.parse(rows[0].value) as DatasetInfo) : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

export async function openDataset(opts: { fresh?: boolean } = {}): Promise<BenchDataset> {
  const port = Number(process.env.BENCH_PG_PORT ?? 0) || (await freePort());
  const cluster = await startCluster({ dataDir: path.join(DATA_DIR, "pg"), port, persistent: true, durable: false });
  const url = urlFor(cluster.port, DB_NAME, "app");
  const ownerUrl = urlFor(cluster.port, DB_NAME, "owner");
  const handles = { url, ownerUrl, adminUrl: cluster.adminUrl, port: cluster.port, stop: cluster.stop };
  const version = await datasetVersion();
  const t0 = performance.now();
  try {
    if (!opts.fresh && !(await createDatabaseIfMissing(cluster.adminUrl(), DB_NAME))) {
      const info = await readMarker(ownerUrl);
      if (info?.version === version) {
        // New migrations (indexes) apply on top of the loaded data, as on a real upgrade.
        const { applied } = await migrate(ownerUrl);
        if (applied.length) {
          log(`Migrations applied to the existing data set: ${applied.join(", ")}`);
          await analyze(ownerUrl);
        }
        return { ...handles, info, reused: true, loadMs: performance.now() - t0 };
      }
      log(info ? "The data set's generators changed: loading it again." : "Incomplete data set: loading it again.");
    }
    const admin = new pg.Client({ connectionString: cluster.adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
    await createDatabaseIfMissing(cluster.adminUrl(), DB_NAME);
    const info = await loadDataset(ownerUrl, cluster.adminUrl(DB_NAME), version);
    return { ...handles, info, reused: false, loadMs: performance.now() - t0 };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function analyze(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("VACUUM (ANALYZE)");
  await client.end();
}

/**
 * Migrates and seeds as the owner role, like an installation; the bulk copy runs on the
 * cluster's superuser connection, because it switches row triggers off while it copies
 * (session_replication_role), which neither the owner nor the app role may do.
 */
async function loadDataset(url: string, adminDbUrl: string, version: string): Promise<DatasetInfo> {
  await migrate(url);
  await markDemo(url);
  log("Loading the pilot demo (prisma/seed)…");
  const db = createPrismaClient(url);
  try {
    await seedDemo(db, todayInLima());
  } finally {
    await db.$disconnect();
  }
  const client = new pg.Client({ connectionString: adminDbUrl });
  await client.connect();
  try {
    log(`Copying it ${COPIES} times (set-based SQL)…`);
    const t0 = performance.now();
    await client.query("BEGIN");
    await cloneDataset(client, COPIES, {
      canonicalSchool: new Map([
        [schoolId("1000001"), schoolId("1000001")],
        [schoolId("2000001"), schoolId("1000001")],
        [schoolId("1000002"), schoolId("1000002")],
        [schoolId("2000002"), schoolId("1000002")],
      ]),
      shiftedSchools: [schoolId("2000001"), schoolId("2000002")],
    });
    const accounts = await createAccounts(client);
    await client.query("COMMIT");
    log(`  copied in ${((performance.now() - t0) / 1000).toFixed(1)} s; VACUUM (ANALYZE)…`);
    // As autovacuum would leave it: statistics, hint bits and the visibility map in place.
    await client.query("VACUUM (ANALYZE)");
    const info: DatasetInfo = {
      version,
      counts: await countRows(client),
      accounts,
      password: DEMO_PASSWORD,
      ...(await pickRecords(client, accounts)),
    };
    await client.query(`INSERT INTO instance_setting (key, value) VALUES ($1, $2)`, [MARKER, JSON.stringify(info)]);
    return info;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The three users of the benchmark: the first copy's director (a school of 1,250 students) and
 * social worker (its two schools, 2,356 students), and a coordinator of the whole UGEL.
 */
async function createAccounts(client: pg.Client): Promise<BenchAccounts> {
  const coordinator = "coordinador.ugel@bench.pe";
  await client.query(
    `INSERT INTO app_user (email, name, role, "passwordHash", "updatedAt")
     SELECT $1, 'Coordinación UGEL (benchmark)', 'COORDINATOR', "passwordHash", now() FROM app_user WHERE email = 'coordinador@demo.pe'`,
    [coordinator],
  );
  await client.query(
    `INSERT INTO user_school ("userId", "schoolId") SELECT u.id, s.id FROM app_user u CROSS JOIN school s WHERE u.email = $1`,
    [coordinator],
  );
  return { director: "director.k01@bench.pe", caseTeam: "social.k01@bench.pe", coordinator };
}

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const tables = [
    "school",
    "student",
    "attendance",
    "alert",
    "case_file",
    "case_event",
    "home_visit",
    "contact_attempt",
    "risk_evaluation",
    "referral",
    "app_user",
  ];
  const { rows } = await client.query<Record<string, number>>(
    `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(", ")}`,
  );
  return rows[0];
}

/** The busiest case the case-team member works in the director's school, with a referral. */
async function pickRecords(client: pg.Client, accounts: BenchAccounts) {
  const { rows } = await client.query<{ caseId: string; studentId: string }>(
    `SELECT c.id::text AS "caseId", c."studentId"::text AS "studentId"
       FROM case_file c
       JOIN user_school d ON d."schoolId" = c."schoolId" AND d."userId" = (SELECT id FROM app_user WHERE email = $1)
       JOIN case_assignment a ON a."caseId" = c.id AND a."userId" = (SELECT id FROM app_user WHERE email = $2)
      WHERE EXISTS (SELECT 1 FROM referral r WHERE r."caseId" = c.id)
      ORDER BY (SELECT count(*) FROM case_event e WHERE e."caseId" = c.id) DESC, c.id
      LIMIT 1`,
    [accounts.director, accounts.caseTeam],
  );
  if (!rows[0]) throw new Error("no case with a referral in the director's school");
  return rows[0];
}
