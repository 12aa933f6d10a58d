import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { createDatabaseIfMissing, DEV_DATA_DIR, DEV_PORT, startCluster } from "./embedded-postgres";

export const DEV_DATABASE = "permanencia";

export type ResolvedDatabase = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/**
 * The database every local command uses: DATABASE_URL when set (nothing embedded starts),
 * otherwise the embedded cluster under .data/ — started here, or reused if `npm run dev`
 * already runs it. Migrations are applied either way.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await migrate(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const cluster = await startCluster({ dataDir: DEV_DATA_DIR, port: DEV_PORT, persistent: true });
  const created = await createDatabaseIfMissing(cluster.adminUrl(), DEV_DATABASE);
  const url = cluster.adminUrl(DEV_DATABASE);
  await migrate(url);
  // Only a database this project created for itself is marked for demo data.
  if (created) await markDemo(url);
  return { url, embedded: true, stop: cluster.stop };
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
