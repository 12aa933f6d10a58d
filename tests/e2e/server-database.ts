import { readFileSync } from "node:fs";
import pg from "pg";

// What the e2e server itself stored, read from its database as the app role the server runs
// as (read-only use: the specs never write here). scripts/e2e-server.ts writes the address to
// E2E_STATE_FILE once the database is ready.

function databaseUrl(): string {
  const file = process.env.E2E_STATE_FILE;
  if (!file) throw new Error("E2E_STATE_FILE is not set (playwright.config.ts sets it)");
  return (JSON.parse(readFileSync(file, "utf8")) as { databaseUrl: string }).databaseUrl;
}

/** Rows of one query against the server's database. */
export async function queryServer<T extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
