import pg from "pg";
import { prepareDatabase } from "../../lib/db/prepare";
import { createDatabaseIfMissing, DEV_DATA_DIR, DEV_PORT, startCluster, urlFor } from "./embedded-postgres";

export const DEV_DATABASE = "permanencia";

export type ResolvedDatabase = {
  /** The app role: what the web server, the job handlers and most commands use. */
  url: string;
  /** The owner role: migrations, pg-boss's schema, maintenance that needs DDL. */
  ownerUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/**
 * The database every local command uses: DATABASE_URL (app role) and DATABASE_OWNER_URL
 * (owner role; DATABASE_URL itself when unset) when set — nothing embedded starts — otherwise
 * the embedded cluster under .data/, started here or reused if `npm run dev` already runs it,
 * with both roles. Migrations and pg-boss's schema are brought up to date either way.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const ownerUrl = process.env.DATABASE_OWNER_URL || external;
    await prepareDatabase(ownerUrl);
    return { url: external, ownerUrl, embedded: false, stop: async () => {} };
  }
  const cluster = await startCluster({ dataDir: DEV_DATA_DIR, port: DEV_PORT, persistent: true });
  const created = await createDatabaseIfMissing(cluster.adminUrl(), DEV_DATABASE);
  const ownerUrl = urlFor(cluster.port, DEV_DATABASE, "owner");
  await prepareDatabase(ownerUrl);
  // Only a database this project created for itself is marked for demo data.
  if (created) await markDemo(ownerUrl);
  return { url: urlFor(cluster.port, DEV_DATABASE, "app"), ownerUrl, embedded: true, stop: cluster.stop };
}

export async function markDemo(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO instance_setting (key, value) VALUES ('demo', 'true') ON CONFLICT (key) DO NOTHING`,
    );
  } finally {
    await client.end();
  }
}

/**
 * The owner's connection to a database for `db:backup` and `db:restore`, with nothing migrated
 * (a backup must not change what it copies; a restore applies its own migrations):
 * DATABASE_OWNER_URL (or DATABASE_URL) when set, otherwise `name` in the embedded cluster,
 * created when `create` says so.
 */
export async function openOwnerDatabase(opts: { name?: string; create: boolean }): Promise<{
  ownerUrl: string;
  label: string;
  stop: () => Promise<void>;
}> {
  const external = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (external) {
    if (opts.name) throw new Error("--database solo se usa con la base embebida (sin DATABASE_URL).");
    const u = new URL(external);
    return { ownerUrl: external, label: `${u.pathname.slice(1)} en ${u.host}`, stop: async () => {} };
  }
  const name = opts.name ?? DEV_DATABASE;
  const cluster = await startCluster({ dataDir: DEV_DATA_DIR, port: DEV_PORT, persistent: true });
  try {
    if (opts.create) await createDatabaseIfMissing(cluster.adminUrl(), name);
    else if (!(await databaseExists(cluster.adminUrl(), name)))
      throw new Error(`No existe la base de datos «${name}».`);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    ownerUrl: urlFor(cluster.port, name, "owner"),
    label: `${name} (embebida, ${DEV_DATA_DIR})`,
    stop: cluster.stop,
  };
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}
