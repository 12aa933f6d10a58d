import path from "node:path";
import { DATA_DIR, openDataset } from "./pages-data";
import { postmasterPid, treeCpuMs } from "./pages-cpu";
import { drive } from "./pages-load";
import { signIn, startServer, type RunningServer } from "../lib/production-server";
import { runScript } from "../lib/embedded-postgres";

// An interleaved A/B of page cost (decision 017, third round): one production server of one
// process from this checkout's build (A) and, with AB_BASE, one from another checkout's build
// (B: e.g. `git worktree add /tmp/base <commit>`, its own node_modules copy and `npm run
// build`), on the bench:pages data set, driven in alternating slices so that the machine's
// drift falls on both sides. Prints CPU per request (web processes and PostgreSQL) summed over
// all slices, its ratio to the same server's shell, and the median of the slices' p95.
//
//   AB="A:/settings:director,B:/settings:director,A:/cases/{caseId}:caseTeam,B:/cases/{caseId}:caseTeam" \
//   AB_BASE=/tmp/base npx tsx --import ./scripts/lib/server-only-hook.mjs scripts/bench/pages-ab.ts
//
// Each entry is server:path:user[:cookie] (the cookie is added to the session's, for switches a
// page reads while it is being measured). AB_ROUNDS (8), AB_SECS per slice (2), AB_CONNS (1).
// AB_ENV_A / AB_ENV_B: extra environment of one server ("NAME=value NAME2=value"), e.g. Node
// flags in NODE_OPTIONS; with AB_BASE=. both servers run this checkout's build.
// Its figures compare two builds; the edges of short slices make them unfit as absolute
// latencies (bench:pages measures those). An A/A run (AB_BASE=.) shows the noise floor.

type Item = {
  label: string;
  server: string;
  url: string;
  cookie: string;
  app: number;
  db: number;
  requests: number;
  bytes: number;
  p95s: number[];
};

/** AB_ENV_A / AB_ENV_B as variables; a value holds no spaces. */
const envOf = (spec: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (spec ?? "")
      .split(" ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );

async function main() {
  const dataset = await openDataset();
  const servers: Record<string, RunningServer> = {};
  const here = process.cwd();
  try {
    const common = { databaseUrl: dataset.url, ownerUrl: dataset.ownerUrl, processes: 1 };
    servers.A = await startServer({
      ...common,
      port: 3262,
      logFile: path.join(DATA_DIR, "ab-a.log"),
      env: envOf(process.env.AB_ENV_A),
    });
    if (process.env.AB_BASE) {
      // startServer runs `scripts/start.ts` from the working directory: the other checkout's.
      process.chdir(process.env.AB_BASE);
      servers.B = await startServer({
        ...common,
        port: 3263,
        logFile: path.join(DATA_DIR, "ab-b.log"),
        env: envOf(process.env.AB_ENV_B),
      });
      process.chdir(here);
    }
    const { info } = dataset;
    const cookies: Record<string, Record<string, string>> = {};
    for (const [name, server] of Object.entries(servers)) {
      cookies[name] = {};
      for (const [user, email] of Object.entries(info.accounts))
        cookies[name][user] = await signIn(server.base, email, info.password);
    }
    const items: Item[] = (process.env.AB ?? "A:/settings:director,A:/cases/{caseId}:caseTeam")
      .split(",")
      .map((spec) => {
        const [server, page, user, extra] = spec.split(":");
        if (!servers[server] || !cookies[server][user]) throw new Error(`Unknown server or user in «${spec}»`);
        const url = servers[server].base + page.replace("{caseId}", info.caseId).replace("{studentId}", info.studentId);
        return {
          label: spec,
          server,
          url,
          cookie: cookies[server][user] + (extra ? `; ${extra}` : ""),
          app: 0,
          db: 0,
          requests: 0,
          bytes: 0,
          p95s: [],
        };
      });
    const rounds = Number(process.env.AB_ROUNDS ?? 8);
    const seconds = Number(process.env.AB_SECS ?? 2);
    const connections = Number(process.env.AB_CONNS ?? 1);
    const postmaster = postmasterPid(path.join(DATA_DIR, "pg"));
    for (const item of items) await drive(item.url, item.cookie, { connections, seconds: 3 });
    for (let round = 0; round < rounds; round++) {
      for (const item of items) {
        const pid = servers[item.server].pid;
        const [app0, db0] = [treeCpuMs(pid), postmaster ? treeCpuMs(postmaster) : NaN];
        const result = await drive(item.url, item.cookie, { connections, seconds });
        item.app += treeCpuMs(pid) - app0;
        item.db += postmaster ? treeCpuMs(postmaster) - db0 : NaN;
        item.requests += result.requests;
        item.bytes += result.bytes * result.requests;
        item.p95s.push(result.p95);
        if (result.errors) console.log(`${item.label}: ${result.errors} errors`);
      }
    }
    for (const item of items) {
      const shell = items.find((x) => x.server === item.server && new URL(x.url).pathname === "/settings");
      const total = (item.app + item.db) / item.requests;
      const ratio = shell ? total / ((shell.app + shell.db) / shell.requests) : NaN;
      const p95 = [...item.p95s].sort((a, b) => a - b)[Math.floor(item.p95s.length / 2)];
      console.log(
        `${item.label.padEnd(50)} ${String(item.requests).padStart(5)} req  app ${(item.app / item.requests).toFixed(1)}  ` +
          `db ${(item.db / item.requests).toFixed(1)}  total ${total.toFixed(1)} ms  ×shell ${ratio.toFixed(2)}  ` +
          `${(item.bytes / item.requests / 1024).toFixed(1)} KB  median p95 ${p95.toFixed(0)} ms`,
      );
    }
  } finally {
    process.chdir(here);
    for (const server of Object.values(servers)) await server.stop();
    await dataset.stop();
  }
}

runScript(main);
