import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

// The one Prisma client. Created on first use, not at import, so `next build` and tools that
// only import types need no DATABASE_URL.
let client: PrismaClient | undefined;

/**
 * No `statementNameGenerator`: adapter-pg then sends every query as an unnamed statement, which
 * PgBouncer 1.18 in transaction pooling passes through (a named statement prepared on one server
 * connection would be missing on the next). Decision 023.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

function getClient(): PrismaClient {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const g = globalThis as unknown as { __permanenciaPrisma?: PrismaClient };
    // Reuse across hot reloads in development so connections are not leaked.
    client = g.__permanenciaPrisma ?? createPrismaClient(url);
    if (process.env.NODE_ENV !== "production") g.__permanenciaPrisma = client;
  }
  return client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = getClient();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
