import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

// Bulk writes go through one plain pg connection (COPY is not available through Prisma), opened
// from the same DATABASE_URL lib/db uses, so the CLI, the web app and tests hit one database.

export async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** BEGIN … COMMIT on one client; any error rolls everything back, so a file lands whole or not at all. */
export async function inTransaction<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * A transaction that may only read once `setup` has made what it needs (a temp staging table,
 * ON COMMIT DROP), always rolled back. Setup and reads share the one transaction, so a preview
 * also holds behind a transaction pooler, where two transactions of one client may run on
 * different server connections (decision 023).
 */
export async function inReadOnlyTransaction<T>(
  client: pg.Client,
  setup: () => Promise<unknown>,
  fn: () => Promise<T>,
): Promise<T> {
  await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    await setup();
    await client.query("SET TRANSACTION READ ONLY");
    return await fn();
  } finally {
    await client.query("ROLLBACK").catch(() => {});
  }
}

/** Escapes one value for COPY's text format (NULL is \N). */
export function copyText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const s = String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : s;
}

/** Streams chunks of whole lines (text or UTF-8 bytes) into `COPY … FROM STDIN`; returns the rows copied. */
export async function copyLines(
  client: pg.Client,
  sql: string,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<number> {
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}

/** Groups lines into ~256 KB chunks: fewer stream writes, no giant strings. */
export function* batchLines(lines: Iterable<string>, chunkChars = 256 * 1024): Generator<string> {
  let buffer = "";
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
