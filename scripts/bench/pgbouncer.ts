import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// PgBouncer in transaction pooling in front of one database, for the second run of
// `npm run bench:load` (docs/decisions/023-load-and-pooling.md). Not needed by `npm test`.
// Only the app role goes through it; the owner role (migrations, pg-boss's worker) connects
// directly.

const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"];

export const PGBOUNCER_MISSING =
  "PgBouncer is not installed; the second run of bench:load needs it (1.18 or later).\n" +
  "  Debian/Ubuntu: sudo apt-get install -y pgbouncer   (the package's service need not run)\n" +
  "  macOS: brew install pgbouncer\n" +
  "Or run only the direct run: BENCH_PGBOUNCER=0 npm run bench:load";

/** The pgbouncer binary and its version, or null when it is not installed. */
export function findPgBouncer(): { bin: string; version: string } | null {
  const onPath = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" }).stdout.trim();
  const bin = [onPath, ...CANDIDATES].find((p) => p && existsSync(p));
  if (!bin) return null;
  const out = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return { bin, version: out.stdout.split("\n")[0]?.trim() || "unknown version" };
}

export type RunningPgBouncer = {
  url: (user: string, password: string) => string;
  pid: number;
  stop: () => Promise<void>;
};

export async function startPgBouncer(opts: {
  bin: string;
  dir: string;
  port: number;
  /** The database behind it. */
  server: { host: string; port: number; database: string };
  /** Login roles and their passwords (local throwaway clusters only). */
  users: Record<string, string>;
  poolSize: number;
}): Promise<RunningPgBouncer> {
  await mkdir(opts.dir, { recursive: true });
  // Run as root, PgBouncer must switch to another user (-u), who has to read these files.
  await chmod(opts.dir, 0o755);
  const { host, port, database } = opts.server;
  const auth = path.join(opts.dir, "userlist.txt");
  const ini = path.join(opts.dir, "pgbouncer.ini");
  await writeFile(
    auth,
    Object.entries(opts.users)
      .map(([u, p]) => `"${u}" "${p}"\n`)
      .join(""),
    { mode: 0o644 },
  );
  await writeFile(
    ini,
    [
      "[databases]",
      `${database} = host=${host} port=${port} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${opts.port}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${auth}`,
      "pool_mode = transaction",
      `default_pool_size = ${opts.poolSize}`,
      "max_client_conn = 500",
      // Nothing is ignored: a client that sends a startup parameter PgBouncer does not know
      // (statement_timeout, options) is refused, and the run shows it.
      "ignore_startup_parameters =",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  const isRoot = process.getuid?.() === 0;
  const log = createWriteStream(path.join(opts.dir, "pgbouncer.log"), { flags: "a" });
  const child = spawn(opts.bin, [...(isRoot ? ["-u", "postgres"] : []), ini], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = (user: string, password: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    log.end();
  };

  const [user, password] = Object.entries(opts.users)[0];
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (code ${child.exitCode}); see ${opts.dir}`);
    const client = new pg.Client({ connectionString: url(user, password) });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return { url, pid: child.pid!, stop };
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`pgbouncer did not accept connections: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
