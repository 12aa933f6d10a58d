import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureBuild, firstLoadJs } from "./pages-build";
import { DATA_DIR, openDataset, type DatasetInfo } from "./pages-data";
import { postmasterPid, treeCpuMs } from "./pages-cpu";
import { drive, pool, type LoadResult } from "./pages-load";
import { FIRST_LOAD_TARGET_KB, ROUTES, routePath, TARGET_RATIO, WEIGHED_PAGES, type BenchRoute } from "./pages-routes";
import { signIn, startServer, type RunningServer } from "../lib/production-server";
import { runScript } from "../lib/embedded-postgres";

// `npm run bench:pages`: page speed at UGEL scale (docs/decisions/017-page-speed.md).
// A production build, the UGEL data set (pages-data.ts) in its own embedded cluster, the
// production server as `npm start` runs it, three signed-in users, and 20 concurrent users
// on each page of pages-routes.ts. Prints req/s, p50, p95, p99 and errors per page, each
// page's p95 ÷ the shell's p95 in the same minutes (each page runs in slices alternating
// with slices of the shell: runInterleaved), the gain of one process per core over one
// process, and the first-load JavaScript of the pages a phone opens.
//
// Settings (environment): BENCH_DURATION seconds per page (12), BENCH_SLICES the slices they
// are driven in, each between two slices of the shell (3), BENCH_SLICE_SETTLE unmeasured
// seconds before each slice (1), BENCH_WARMUP seconds of
// warm-up per page before any is measured (5), BENCH_RECONNECT requests per connection before
// it is opened again (10; 0 keeps it), BENCH_SETTLE seconds of load on each page
// just before it is measured (2), BENCH_CONNECTIONS (20),
// BENCH_PROCESSES server processes for the table (default: npm start's, one per core),
// BENCH_COMPARE=0 skips the 1-process comparison, BENCH_FRESH=1 reloads the data set,
// BENCH_BUILD=always|never (default: build when the sources are newer than .next),
// BENCH_ONLY=/path,/other runs only those pages (plus the shell), BENCH_CPU_PROF=1 runs one
// server process that writes a V8 CPU profile to .next-profiles/ when it stops, PORT (3252).

const env = process.env;
const SECONDS = Number(env.BENCH_DURATION ?? 12);
// A page's SECONDS are driven in this many slices, each between two slices of the shell, and
// each slice after this many seconds of its own page, unmeasured (the one before has drained).
const SLICES = Number(env.BENCH_SLICES ?? 3);
const SLICE_SETTLE_SECONDS = Number(env.BENCH_SLICE_SETTLE ?? 1);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 20);
// 5 s, not 2: after 2 s per page the server was still warming up (the shell's first run cost
// 26–30 ms of CPU per request, its last 18–24), so the pages measured first paid for it.
const WARMUP_SECONDS = Number(env.BENCH_WARMUP ?? 5);
// Each page is measured in its steady state. The report figures are kept per process for two
// minutes and refreshed behind their readers (lib/reports/ttl-cache.ts); by a page's turn the
// warm-up's entry has expired, and its one recomputation per process (~0.3 s, once per two
// minutes of reading) would fall in the first second of a 12 s window. The report's cold
// cost is printed on its own line instead (coldReport).
const SETTLE_SECONDS = Number(env.BENCH_SETTLE ?? 2);
// Requests per connection before it is opened again (pages-load.ts); 0 keeps each for the run.
const RECONNECT = Number(env.BENCH_RECONNECT ?? 10);
const PORT = Number(env.PORT ?? 3252);
const CORES = os.availableParallelism();

const log = (line: string) => process.stderr.write(`${line}\n`);
const out = (line = "") => process.stdout.write(`${line}\n`);
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "–");

/** The pages run again on one server process, to show what the other cores add. */
const COMPARED: [string, BenchRoute["user"]][] = [
  ["/settings", "director"],
  ["/students", "director"],
  ["/cases/{caseId}", "caseTeam"],
];

/** appCpu / dbCpu: CPU ms per request of the server processes and of PostgreSQL. */
/** shellP95: the shell's p95 this page is divided by (the mean of the shell runs around it). */
type Row = {
  route: BenchRoute;
  path: string;
  result?: LoadResult;
  appCpu?: number;
  dbCpu?: number;
  notice?: string;
  shellP95?: number;
};
type Cookies = Record<BenchRoute["user"], string>;

async function signInAll(server: RunningServer, info: DatasetInfo): Promise<Cookies> {
  const entries = await Promise.all(
    (Object.keys(info.accounts) as BenchRoute["user"][]).map(
      async (user) => [user, await signIn(server.base, info.accounts[user], info.password)] as const,
    ),
  );
  return Object.fromEntries(entries) as Cookies;
}

/** Each page once, sequentially: a 404 is a page this branch does not have yet. */
async function probe(server: RunningServer, routes: Row[], cookies: Cookies) {
  for (const row of routes) {
    const res = await fetch(server.base + row.path, {
      headers: { cookie: cookies[row.route.user] },
      redirect: "manual",
    });
    await res.arrayBuffer();
    if (res.status === 404) row.notice = "404: not on this branch yet, skipped";
    else if (res.status !== 200) row.notice = `HTTP ${res.status} before the run`;
  }
}

/**
 * What a coordinator waits for /reports, one request at a time: median of three with the
 * figures cached, and of three that compute them (each with a period no other request used).
 */
async function coldReport(server: RunningServer, cookies: Cookies): Promise<{ cached: number; computed: number }> {
  const timed = async (query: string) => {
    const t = performance.now();
    const res = await fetch(`${server.base}/reports${query}`, { headers: { cookie: cookies.coordinator } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`/reports${query} answered ${res.status}`);
    return performance.now() - t;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
  await timed("");
  const cached = [await timed(""), await timed(""), await timed("")];
  const computed = [];
  for (const day of ["01", "02", "03"]) computed.push(await timed(`?from=2001-01-${day}`));
  return { cached: median(cached), computed: median(computed) };
}

/**
 * A page driven for `seconds`, with the CPU per request of the web processes and of PostgreSQL.
 * `settle` seconds of the same page go first, unmeasured: the responses and the garbage left
 * by the page before (a report is 255 KB) would otherwise be paid inside this one's slice.
 */
async function measure(server: RunningServer, row: Row, cookies: Cookies, seconds: number, settle = 0) {
  if (settle > 0)
    await drive(server.base + row.path, cookies[row.route.user], {
      connections: CONNECTIONS,
      seconds: settle,
      reconnectRate: RECONNECT,
    });
  const postmaster = postmasterPid(path.join(DATA_DIR, "pg"));
  // The launcher (the job worker) is left out: only the web processes' CPU is the page's.
  const [app0, db0] = [treeCpuMs(server.pid), postmaster ? treeCpuMs(postmaster) : NaN];
  const result = await drive(server.base + row.path, cookies[row.route.user], {
    connections: CONNECTIONS,
    seconds,
    reconnectRate: RECONNECT,
  });
  return { result, app: treeCpuMs(server.pid) - app0, db: postmaster ? treeCpuMs(postmaster) - db0 : NaN };
}

/** The slices of one page as one row: latencies pooled, CPU summed over all their requests. */
function pooled(row: Row, slices: Awaited<ReturnType<typeof measure>>[]) {
  row.result = pool(slices.map((x) => x.result));
  row.appCpu = slices.reduce((n, x) => n + x.app, 0) / row.result.requests;
  row.dbCpu = slices.reduce((n, x) => n + x.db, 0) / row.result.requests;
}

/** Every page once under load before any is measured: the first page measured would otherwise
 *  also pay for the server's cold code (JIT, caches) that later pages find warm. */
async function warm(server: RunningServer, rows: Row[], cookies: Cookies, label: string) {
  for (const row of rows) {
    log(`${label}: warming ${row.path} as ${row.route.user}…`);
    await drive(server.base + row.path, cookies[row.route.user], {
      connections: CONNECTIONS,
      seconds: WARMUP_SECONDS,
      reconnectRate: RECONNECT,
    });
  }
}

/**
 * The table: each page measured in SLICES slices of SECONDS / SLICES, alternating with slices
 * of the shell (shell, page, shell, …, page, shell), and divided by the shell of its own
 * slices. The machine is shared and its speed drifts; a slow spell of a few seconds used to
 * fall on one page's 12 s window alone (run S → T, decision 017, ninth round), and now falls
 * on the page and the shell alike. The shell's row gets all of its slices, pooled.
 */
async function runInterleaved(server: RunningServer, shell: Row, pages: Row[], cookies: Cookies, label: string) {
  const live = pages.filter((row) => !row.notice?.startsWith("404"));
  await warm(server, [shell, ...live], cookies, label);
  const slice = SECONDS / SLICES;
  const allShell: Awaited<ReturnType<typeof measure>>[] = [];
  for (const row of live) {
    log(`${label}: ${row.path} as ${row.route.user}, ${SLICES} slices between the shell's…`);
    const own: Awaited<ReturnType<typeof measure>>[] = [];
    const shells = [await measure(server, shell, cookies, slice, SLICE_SETTLE_SECONDS)];
    for (let i = 0; i < SLICES; i++) {
      // The page's first slice settles longer (BENCH_SETTLE): its report figures refresh then.
      own.push(await measure(server, row, cookies, slice, i === 0 ? SETTLE_SECONDS : SLICE_SETTLE_SECONDS));
      shells.push(await measure(server, shell, cookies, slice, SLICE_SETTLE_SECONDS));
    }
    pooled(row, own);
    row.shellP95 = pool(shells.map((x) => x.result)).p95;
    allShell.push(...shells);
  }
  pooled(shell, allShell);
}

/** Each row in turn for SECONDS (the one-process comparison). */
async function runStraight(server: RunningServer, rows: Row[], cookies: Cookies, label: string) {
  await warm(server, rows, cookies, label);
  for (const row of rows) {
    log(`${label}: ${row.path} as ${row.route.user}…`);
    pooled(row, [await measure(server, row, cookies, SECONDS, SETTLE_SECONDS)]);
  }
}

function printTable(rows: Row[]) {
  const head = [
    "page",
    "as",
    "req/s",
    "p50",
    "p95",
    "p99",
    "errors",
    "KB",
    "CPU app+db",
    "shell p95",
    "p95/shell",
    "target",
  ];
  const lines = rows.map(({ route, result: r, appCpu, dbCpu, notice, shellP95 = NaN }) => {
    const shown = route.path.replace("{caseId}", "<id>").replace("{studentId}", "<id>");
    if (!r || r.requests === 0)
      return [
        shown,
        route.user,
        notice ?? (r ? "no response within the run" : "not run"),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ];
    const ratio = r.p95 / shellP95;
    const target = TARGET_RATIO[route.kind];
    const verdict = route.kind === "shell" ? "" : `≤ ${target} ${ratio <= target && r.errors === 0 ? "OK" : "MISSED"}`;
    return [
      shown,
      route.user,
      r.rps.toFixed(1),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      String(r.errors),
      (r.bytes / 1024).toFixed(0),
      `${(appCpu ?? NaN).toFixed(0)}+${(dbCpu ?? NaN).toFixed(0)} ms`,
      route.kind === "shell" ? "" : ms(shellP95),
      route.kind === "shell" ? "1.00" : ratio.toFixed(2),
      verdict,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  out(fmt(head));
  for (const l of lines) out(fmt(l));
}

async function main() {
  const profile = env.BENCH_CPU_PROF === "1";
  await mkdir(DATA_DIR, { recursive: true });
  const logFile = path.join(DATA_DIR, "server.log");
  const t0 = performance.now();
  const loadStart = os.loadavg()[0].toFixed(1);

  const build = await ensureBuild(env.BENCH_BUILD);
  log(
    build.built
      ? `Built in ${(build.ms / 1000).toFixed(0)} s.`
      : "Reusing the build in .next (newer than the sources).",
  );
  const dataset = await openDataset({ fresh: env.BENCH_FRESH === "1" });
  const { info } = dataset;
  log(`Data set ${dataset.reused ? "reused" : `loaded in ${(dataset.loadMs / 1000).toFixed(0)} s`}.`);

  const only = env.BENCH_ONLY?.split(",").filter(Boolean);
  const selected = ROUTES.filter((r) => r.kind === "shell" || !only || only.includes(r.path));
  const rows = (): Row[] => selected.map((route) => ({ route, path: routePath(route, info) }));
  const processes = profile ? 1 : Number(env.BENCH_PROCESSES ?? 0) || undefined;
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      databaseUrl: dataset.url,
      ownerUrl: dataset.ownerUrl,
      port: PORT,
      processes,
      logFile,
      // Next's own switch: each server process writes a V8 profile when it exits.
      env: profile ? { NEXT_CPU_PROF: "1" } : undefined,
    });
    const cookies = await signInAll(server, info);
    const table = rows();
    await probe(server, table, cookies);
    // Only where the report answers (a branch without it skips its row with a notice).
    const cold = table.some((r) => r.route.kind === "report" && !r.notice)
      ? await coldReport(server, cookies)
      : undefined;
    const [shell, ...pages] = table;
    await runInterleaved(server, shell, pages, cookies, `${processes ?? "N"} processes`);
    await server.stop();
    server = undefined;

    let compare: { one: Row[]; many: Row[] } | undefined;
    if (env.BENCH_COMPARE !== "0" && !profile) {
      server = await startServer({
        databaseUrl: dataset.url,
        ownerUrl: dataset.ownerUrl,
        port: PORT,
        processes: 1,
        logFile,
      });
      const oneCookies = await signInAll(server, info);
      const one = rows().filter((r) => COMPARED.some(([p, u]) => r.route.path === p && r.route.user === u));
      await runStraight(server, one, oneCookies, "1 process");
      await server.stop();
      server = undefined;
      compare = { one, many: table.filter((r) => one.some((o) => o.path === r.path && o.route.user === r.route.user)) };
    }

    const c = info.counts;
    out();
    out(
      `bench:pages — ${c.student.toLocaleString("en-US")} students, ${c.attendance.toLocaleString("en-US")} attendance rows, ` +
        `${c.alert.toLocaleString("en-US")} alerts, ${c.case_file.toLocaleString("en-US")} cases, ${c.home_visit.toLocaleString("en-US")} visits, ` +
        `${c.risk_evaluation.toLocaleString("en-US")} evaluations, ${c.referral.toLocaleString("en-US")} referrals in ${c.school} schools`,
    );
    out(
      `${CONNECTIONS} connections, ${SECONDS} s per page after ${WARMUP_SECONDS} s of warm-up of every page ` +
        `and ${SETTLE_SECONDS} s of the page itself; ` +
        `server: ${processes ?? `npm start's default (${CORES} cores)`} process(es); Node ${process.version}, ${CORES} cores`,
    );
    out(`load average at the start ${loadStart}, at the end ${os.loadavg()[0].toFixed(1)} (other work on the machine)`);
    out();
    printTable([shell, ...pages]);
    out(
      `Each page ran in ${SLICES} slices of ${(SECONDS / SLICES).toFixed(0)} s between ${SLICES + 1} slices of the shell, ` +
        `each after ${SLICE_SETTLE_SECONDS} s of its own page unmeasured (the first after ${SETTLE_SECONDS} s); ` +
        `its p95/shell divides by the p95 of those shell slices (column "shell p95"). The shell's row pools all of its slices.`,
    );
    out(
      `CPU app+db: CPU time per request of the server processes and of PostgreSQL (steadier than latency on a shared machine)`,
    );
    if (cold)
      out(
        `/reports one at a time: ${ms(cold.cached)} with the figures cached, ${ms(cold.computed)} computing them ` +
          `(a miss: once per process and filter, then refreshed behind readers every minute)`,
      );
    const failed = [shell, ...pages].some(
      (r) =>
        r.result &&
        (r.result.errors > 0 ||
          (r.route.kind !== "shell" && !(r.result.p95 / (r.shellP95 ?? NaN) <= TARGET_RATIO[r.route.kind]))),
    );
    for (const r of table) if (r.notice) log(`note: ${r.path} — ${r.notice}`);

    if (compare) {
      out();
      out(`Processes: 1 against ${processes ?? CORES} (req/s, p95)`);
      for (const one of compare.one) {
        const many = compare.many.find((m) => m.path === one.path && m.route.user === one.route.user);
        if (!one.result || !many?.result) continue;
        out(
          `  ${one.route.path.padEnd(16)} ${one.result.rps.toFixed(1).padStart(6)} → ${many.result.rps.toFixed(1).padStart(6)} req/s ` +
            `(×${(many.result.rps / one.result.rps).toFixed(2)}), p95 ${ms(one.result.p95)} → ${ms(many.result.p95)}`,
        );
      }
    }

    out();
    out(`First-load JavaScript (gzipped, from .next): target < ${FIRST_LOAD_TARGET_KB} kB`);
    let heavy = false;
    for (const page of WEIGHED_PAGES) {
      const js = await firstLoadJs(page);
      const over = js.gzipKb >= FIRST_LOAD_TARGET_KB;
      heavy ||= over;
      out(`  ${page.padEnd(12)} ${js.gzipKb.toFixed(1).padStart(6)} kB in ${js.files} files ${over ? "OVER" : "OK"}`);
    }
    out();
    out(`Total time ${((performance.now() - t0) / 60_000).toFixed(1)} min.`);
    if (failed || heavy) process.exitCode = 1;
  } finally {
    await server?.stop();
    await dataset.stop();
  }
}

runScript(main);
