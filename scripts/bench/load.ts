import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { newSecret } from "../lib/secret";
import { ROLES, urlFor, runScript } from "../lib/embedded-postgres";
import { driveUsers, type DriveResult, type KindStats } from "./load-drive";
import { newAcknowledged, readActionIds, userRound, type Acknowledged } from "./load-mix";
import { cloneDatabase, dropDatabase, preparePlan, type LoadPlan, type LoadUser } from "./load-plan";
import { verifyRun, type Verdict } from "./load-verify";
import { ensureBuild } from "./pages-build";
import { ownCpuMs, postmasterPid, treeCpuMs } from "./pages-cpu";
import { DATA_DIR, DB_NAME, openDataset, type BenchDataset } from "./pages-data";
import { signIn, startServer, type RunningServer } from "../lib/production-server";
import { findPgBouncer, PGBOUNCER_MISSING, startPgBouncer } from "./pgbouncer";

// `npm run bench:load` (docs/decisions/023-load-and-pooling.md): 20 signed-in users at once for
// BENCH_DURATION seconds (60) over a working day's mix (load-plan.ts, load-mix.ts) against the
// production build on the UGEL data set of bench:pages, twice:
//   direct     one `npm start` (one server process per core) connected straight to PostgreSQL;
//   pgbouncer  two `npm start` instances of one process each on two ports, the users split
//              between them, the app role through PgBouncer in transaction pooling (the owner
//              role, which migrates and runs the job worker, directly).
// Each run starts from a fresh copy of the data set; afterwards every acknowledged save is
// looked up in the database (load-verify.ts). Prints req/s, p50/p95/p99 and errors per kind of
// step and in all; exits 1 on any error or mismatch.
//
// Settings (environment): BENCH_DURATION (60), BENCH_PGBOUNCER=0 skips the second run,
// BENCH_POOL_SIZE PgBouncer's server connections (10), BENCH_BUILD=always|never, BENCH_FRESH=1,
// PORT first server port (3262; the second instance takes PORT+1), BENCH_PG_PORT,
// BENCH_PGBOUNCER_PORT (6442).

const env = process.env;
const SECONDS = Number(env.BENCH_DURATION ?? 60);
const PORT = Number(env.PORT ?? 3262);
const POOL_SIZE = Number(env.BENCH_POOL_SIZE ?? 10);
const BOUNCER_PORT = Number(env.BENCH_PGBOUNCER_PORT ?? 6442);
const LOAD_DB = "permanencia_bench_load";
const LOAD_DIR = path.join(process.cwd(), ".data", "bench-load");

const log = (line: string) => process.stderr.write(`${line}\n`);
const out = (line = "") => process.stdout.write(`${line}\n`);
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "–");

type Scenario = { name: "direct" | "pgbouncer"; bouncer?: { bin: string } };
/** CPU milliseconds per request of the app's processes, PostgreSQL and PgBouncer. */
type CpuPerRequest = { app: number; db: number; bouncer?: number };
type RunReport = {
  scenario: Scenario;
  result: DriveResult;
  cpu: CpuPerRequest;
  verdict: Verdict;
  maxConnections: number;
  notes: string[];
  loadavg: [string, string];
};

/** Every page of a user's round once, twice over, so no measured request pays for cold code. */
async function warmUp(base: string, cookie: string, user: LoadUser) {
  const pages = {
    tutor: ["/attendance", "/students"],
    director: ["/", "/students", "/alerts", "/cases", `/students/${user.recordIds[0]}`],
    caseTeam: ["/cases", `/cases/${user.recordIds[0]}`, "/visits"],
    agency: ["/referrals"],
  }[user.kind];
  for (let pass = 0; pass < 2; pass++)
    for (const p of pages) await (await fetch(base + p, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
}

/** The most connections the run's database had at once (sampled every second). */
function sampleConnections(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  let max = 0;
  let timer: NodeJS.Timeout | undefined;
  const ready = client.connect().then(() => {
    timer = setInterval(() => {
      client
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [LOAD_DB])
        .then(({ rows }) => (max = Math.max(max, rows[0].n)))
        .catch(() => {});
    }, 1000);
  });
  return {
    stop: async () => {
      await ready;
      clearInterval(timer);
      await client.end();
      return max;
    },
  };
}

async function runScenario(dataset: BenchDataset, scenario: Scenario): Promise<RunReport> {
  const t0 = performance.now();
  await cloneDatabase(dataset.adminUrl(), DB_NAME, LOAD_DB, ROLES.owner);
  const ownerUrl = urlFor(dataset.port, LOAD_DB, "owner");
  const plan: LoadPlan = await preparePlan(ownerUrl);
  log(
    `${scenario.name}: fresh copy of the data set and the run's plan in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  const bouncer = scenario.bouncer
    ? await startPgBouncer({
        bin: scenario.bouncer.bin,
        dir: path.join(LOAD_DIR, "pgbouncer"),
        port: BOUNCER_PORT,
        server: { host: "127.0.0.1", port: dataset.port, database: LOAD_DB },
        users: { [ROLES.app]: ROLES.app },
        poolSize: POOL_SIZE,
      })
    : undefined;
  const appUrl = bouncer ? bouncer.url(ROLES.app, ROLES.app) : urlFor(dataset.port, LOAD_DB, "app");
  const secret = newSecret();
  const servers: RunningServer[] = [];
  try {
    // npm start's default (one process per core), or two instances of one process each.
    const instances: { port: number; processes?: number }[] = bouncer
      ? [PORT, PORT + 1].map((port) => ({ port, processes: 1 }))
      : [{ port: PORT }];
    servers.push(
      ...(await Promise.all(
        instances.map(({ port, processes }) =>
          startServer({
            databaseUrl: appUrl,
            ownerUrl,
            port,
            processes,
            secret,
            logFile: path.join(LOAD_DIR, `server-${scenario.name}-${port}.log`),
          }),
        ),
      )),
    );
    const actions = readActionIds();
    const ack: Acknowledged = newAcknowledged();
    const users = [];
    // One after another: the sign-in limiter is per address, and every user comes from here.
    for (const [i, user] of plan.users.entries()) {
      const base = servers[i % servers.length].base;
      const cookie = await signIn(base, user.email, dataset.info.password);
      users.push({ user, base, cookie, round: userRound(user, actions, plan.day, ack) });
    }
    log(
      `${scenario.name}: ${users.length} users signed in on ${servers.map((s) => s.base).join(" and ")}; warming up…`,
    );
    await Promise.all(users.map((u) => warmUp(u.base, u.cookie, u.user)));

    log(`${scenario.name}: ${users.length} users for ${SECONDS} s…`);
    const loadStart = os.loadavg()[0].toFixed(1);
    const sampler = sampleConnections(dataset.adminUrl());
    // On a shared machine CPU time per request moves much less with the neighbours than latency.
    const postmaster = postmasterPid(path.join(DATA_DIR, "pg"));
    const cpuNow = () => ({
      app: servers.reduce((sum, s) => sum + treeCpuMs(s.pid), 0),
      db: postmaster ? treeCpuMs(postmaster) : NaN,
      bouncer: bouncer ? ownCpuMs(bouncer.pid) : undefined,
    });
    const cpu0 = cpuNow();
    const since = new Date();
    const result = await driveUsers(
      users.map((u) => ({ base: u.base, cookie: u.cookie, next: u.round.next })),
      SECONDS,
    );
    const cpu1 = cpuNow();
    const n = result.total.requests;
    const cpu: CpuPerRequest = {
      app: (cpu1.app - cpu0.app) / n,
      db: (cpu1.db - cpu0.db) / n,
      bouncer: bouncer ? (cpu1.bouncer! - cpu0.bouncer!) / n : undefined,
    };
    const maxConnections = await sampler.stop();
    const loadEnd = os.loadavg()[0].toFixed(1);
    for (const s of servers.splice(0)) await s.stop();
    const notes = users.filter((u) => u.round.exhausted()).map((u) => `${u.user.email} used up its planned work`);
    const verdict = await verifyRun(ownerUrl, plan, ack, since);
    return { scenario, result, cpu, verdict, maxConnections, notes, loadavg: [loadStart, loadEnd] };
  } finally {
    for (const s of servers) await s.stop();
    await bouncer?.stop();
  }
}

function printRun(r: RunReport) {
  const how =
    r.scenario.name === "direct"
      ? "one npm start (one server process per core), straight to PostgreSQL"
      : `two npm start instances of one process each, app role through PgBouncer (transaction pooling, ${POOL_SIZE} server connections)`;
  out(`${r.scenario.name}: ${how}`);
  out(
    `  PostgreSQL connections to the database at most: ${r.maxConnections}; load average ${r.loadavg[0]} → ${r.loadavg[1]}`,
  );
  const cpu = `app ${r.cpu.app.toFixed(1)} + PostgreSQL ${r.cpu.db.toFixed(1)}${r.cpu.bouncer === undefined ? "" : ` + PgBouncer ${r.cpu.bouncer.toFixed(1)}`}`;
  out(`  CPU per request: ${cpu} ms`);
  const head = ["step", "requests", "req/s", "p50", "p95", "p99", "errors"];
  const row = (name: string, s: KindStats) => [
    name,
    String(s.requests),
    s.rps.toFixed(1),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    String(s.errors),
  ];
  const lines = [...[...r.result.byKind].map(([k, s]) => row(k, s)), row("all", r.result.total)];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  out(`  ${fmt(head)}`);
  for (const l of lines) out(`  ${fmt(l)}`);
  for (const l of r.verdict.lines) out(`  ${l}`);
  for (const n of r.notes) out(`  note: ${n}`);
  for (const s of r.result.samples) out(`  error: ${s}`);
  out();
}

async function main() {
  const bouncer = env.BENCH_PGBOUNCER === "0" ? null : findPgBouncer();
  if (env.BENCH_PGBOUNCER !== "0" && !bouncer) {
    console.error(PGBOUNCER_MISSING);
    process.exitCode = 1;
    return;
  }
  await mkdir(LOAD_DIR, { recursive: true });
  const t0 = performance.now();
  const build = await ensureBuild(env.BENCH_BUILD);
  log(
    build.built
      ? `Built in ${(build.ms / 1000).toFixed(0)} s.`
      : "Reusing the build in .next (newer than the sources).",
  );
  const dataset = await openDataset({ fresh: env.BENCH_FRESH === "1" });
  log(`Data set ${dataset.reused ? "reused" : `loaded in ${(dataset.loadMs / 1000).toFixed(0)} s`} (${DATA_DIR}).`);
  const reports: RunReport[] = [];
  try {
    reports.push(await runScenario(dataset, { name: "direct" }));
    if (bouncer) {
      log(`${bouncer.version} at ${bouncer.bin}`);
      reports.push(await runScenario(dataset, { name: "pgbouncer", bouncer }));
    }
  } finally {
    await dropDatabase(dataset.adminUrl(), LOAD_DB).catch(() => {});
    await dataset.stop();
  }

  const c = dataset.info.counts;
  out();
  out(
    `bench:load — ${c.student.toLocaleString("en-US")} students, ${c.attendance.toLocaleString("en-US")} attendance rows, ` +
      `${c.case_file.toLocaleString("en-US")} cases, ${c.referral.toLocaleString("en-US")} referrals in ${c.school} schools; ` +
      `20 users (5 tutors, 5 directors, 6 case team, 4 agency staff) for ${SECONDS} s; Node ${process.version}, ` +
      `${os.availableParallelism()} cores shared with the load generator and PostgreSQL`,
  );
  if (!bouncer) out("PgBouncer run skipped (BENCH_PGBOUNCER=0).");
  out();
  for (const r of reports) printRun(r);
  out(`Total time ${((performance.now() - t0) / 60_000).toFixed(1)} min.`);
  if (reports.some((r) => r.result.total.errors > 0 || !r.verdict.ok)) process.exitCode = 1;
}

runScript(main);
