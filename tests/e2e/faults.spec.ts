import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import {
  createDatabaseIfMissing,
  freePort,
  startCluster,
  urlFor,
  type EmbeddedCluster,
} from "../../scripts/lib/embedded-postgres";
import { startServer, type RunningServer } from "../../scripts/lib/production-server";
import { login } from "./fixtures";

// [FAULTS] PostgreSQL restarts while people use the app. This spec has its own stack, since
// stopping the suite's database would break the other specs: a throwaway cluster and the
// production server as `npm start` runs it (the build of this suite, one server process, the
// job worker). While the database is down every request answers at once, pages with the
// Spanish error page (500) and the health check with 503: nothing waits, nothing crashes and
// nobody is signed out. Once it is back, the same server processes serve again: the
// connection pools drop the dead connections and open new ones.

const EMAIL = "directora@fallas.pe";
const PASSWORD = "Clave-de-prueba-2026";
const DATABASE = "permanencia_faults";
const ERROR_TITLE = "Algo salió mal";

let tmp: string;
let dataDir: string;
let port: number;
let cluster: EmbeddedCluster;
let server: RunningServer;

const startDatabase = () => startCluster({ dataDir, port, persistent: true, durable: false });

async function addDirector(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const school = await client.query<{ id: string }>(
      `INSERT INTO school ("codigoModular", name, region, province, district)
       VALUES ('1000001', 'IE Fallas', 'La Libertad', 'Trujillo', 'Trujillo') RETURNING id`,
    );
    const user = await client.query<{ id: string }>(
      `INSERT INTO app_user (email, name, role, "passwordHash", "updatedAt")
       VALUES ($1, 'Directora de prueba', 'DIRECTOR', $2, now()) RETURNING id`,
      [EMAIL, await hashPassword(PASSWORD)],
    );
    await client.query(`INSERT INTO user_school ("userId", "schoolId") VALUES ($1, $2)`, [
      user.rows[0].id,
      school.rows[0].id,
    ]);
  } finally {
    await client.end();
  }
}

type Answer = { path: string; status: number | null; ms: number; error?: string };

/** Requests back to back from a few clients, with the context's session, until stopped. */
function traffic(request: APIRequestContext, paths: string[], clients: number) {
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = c; running; i++) {
      const p = paths[i % paths.length];
      const t0 = Date.now();
      try {
        const res = await request.get(p, { maxRedirects: 0, timeout: 20_000 });
        answers.push({ path: p, status: res.status(), ms: Date.now() - t0 });
      } catch (error) {
        answers.push({ path: p, status: null, ms: Date.now() - t0, error: (error as Error).message });
      }
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test.describe("[FAULTS] PostgreSQL restarts while requests run", () => {
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    tmp = await mkdtemp(path.join(os.tmpdir(), "permanencia-faults-"));
    await chmod(tmp, 0o755); // the `postgres` user must reach the data directory when run as root
    dataDir = path.join(tmp, "data");
    port = await freePort();
    cluster = await startDatabase();
    await createDatabaseIfMissing(cluster.adminUrl(), DATABASE);
    // npm start migrates the database and installs the job queue before serving.
    server = await startServer({
      databaseUrl: urlFor(port, DATABASE, "app"),
      ownerUrl: urlFor(port, DATABASE, "owner"),
      port: await freePort(),
      processes: 1,
      logFile: path.join(tmp, "server.log"),
    });
    await addDirector(urlFor(port, DATABASE, "owner"));
  });

  test.afterAll(async () => {
    await server?.stop();
    await cluster?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test("requests fail at once with the Spanish error page or 503, and the same server serves again once it is back", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    await login(page, EMAIL, PASSWORD);
    await page.goto("/students");
    await expect(page.getByRole("heading", { level: 1, name: "Estudiantes" })).toBeVisible();

    const load = traffic(context.request, ["/students", "/", "/api/health"], 3);
    await page.waitForTimeout(1000);
    await cluster.stop();

    const down = await page.goto("/students");
    expect(down?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1, name: ERROR_TITLE })).toBeVisible();
    expect((await context.request.get("/api/health")).status()).toBe(503);
    await page.waitForTimeout(2000);

    cluster = await startDatabase();
    await expect
      .poll(async () => (await context.request.get("/students", { maxRedirects: 0 })).status(), { timeout: 30_000 })
      .toBe(200);
    await page.waitForTimeout(1000);
    const answers = await load.stop();

    // Nothing hung and the server never dropped a connection; nobody was sent to sign in again.
    expect(answers.filter((a) => a.error)).toEqual([]);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(10_000);
    const allowed: Record<string, (number | null)[]> = {
      "/students": [200, 500],
      "/": [200, 500],
      "/api/health": [200, 503],
    };
    expect(answers.filter((a) => !allowed[a.path].includes(a.status))).toEqual([]);
    expect(answers.some((a) => a.status === 500)).toBe(true);
    expect(answers.slice(-3).map((a) => a.status)).toEqual([200, 200, 200]);

    // The same server process, the same session, and a new sign-in (a write) all work again.
    expect(isAlive(server.pid)).toBe(true);
    await page.goto("/students");
    await expect(page.getByRole("heading", { level: 1, name: "Estudiantes" })).toBeVisible();
    const fresh = await browser.newContext({ baseURL: server.base });
    await login(await fresh.newPage(), EMAIL, PASSWORD);
    await fresh.close();
    await context.close();
  });
});
