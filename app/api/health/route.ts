import pg from "pg";

// Liveness + database check for load balancers and uptime monitors. No authentication and
// no detail in the body: it says only whether `SELECT 1` answered in time.
export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;

export async function GET(): Promise<Response> {
  const ok = await pingDatabase(process.env.DATABASE_URL);
  return Response.json(ok ? { status: "ok", db: "ok" } : { status: "error", db: "error" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

/**
 * A dedicated short-lived connection rather than the app's pool: the probe must fail fast
 * (bounded by TIMEOUT_MS whatever the network does) and must not wait behind busy queries.
 */
async function pingDatabase(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
    statement_timeout: TIMEOUT_MS,
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
