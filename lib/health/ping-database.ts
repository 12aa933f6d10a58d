import "server-only";
import pg from "pg";

const TIMEOUT_MS = 2000;

/**
 * A dedicated short-lived connection rather than the app's pool: the probe must fail fast
 * (bounded by TIMEOUT_MS whatever the network does) and must not wait behind busy queries.
 * The bound is the client's own (query_timeout and the deadline): a `statement_timeout` in the
 * startup packet would make PgBouncer 1.18 refuse the connection ("unsupported startup
 * parameter"), and `SELECT 1` has no server-side work to cut short (decision 023).
 */
export async function pingDatabase(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  client.on("error", () => {}); // a dropped connection must not crash the server
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS + 500);
  });
  const probe = (async () => {
    await client.connect();
    await client.query("SELECT 1");
    return true as const;
  })().catch((error: unknown) => {
    console.error("health: database check failed:", error instanceof Error ? error.message : error);
    return false as const;
  });
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
    void client.end().catch(() => {});
  }
}
