import { spawn } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import os from "node:os";

// The web side of `npm start`: one Next production server per core (or WEB_CONCURRENCY), as
// workers of a Node cluster that share the listening port (the primary hands each connection
// to the next worker in turn). The processes share nothing but PostgreSQL: sessions are
// cookies, every page re-reads what it shows, and the job worker runs once, in the primary.

/** How many server processes: WEB_CONCURRENCY when it is a positive integer, else one per core. */
export function webProcessCount(
  env: Record<string, string | undefined> = process.env,
  cores = os.availableParallelism(),
): number {
  const wanted = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : Math.max(1, cores);
}

export type WebProcesses = {
  /** Resolves with the exit code once every server process is gone. */
  exited: Promise<number>;
  stop: (signal: NodeJS.Signals) => void;
};

/** A worker that dies more often than this (per minute) is not restarted: something is broken. */
const MAX_RESTARTS_PER_MINUTE = 5;

export function startWebProcesses(opts: {
  nextBin: string;
  args: string[];
  processes: number;
  /** The servers' environment (defaults to this process's). */
  env?: NodeJS.ProcessEnv;
}): WebProcesses {
  const env = opts.env ?? process.env;
  if (opts.processes === 1) {
    // One process needs no cluster: exactly the single `next start` of before.
    const child = spawn(process.execPath, [opts.nextBin, ...opts.args], { stdio: "inherit", env });
    return {
      exited: new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0))),
      stop: (signal) => child.kill(signal),
    };
  }
  cluster.setupPrimary({ exec: opts.nextBin, args: opts.args });
  let stopping = false;
  const restarts: number[] = [];
  let resolveExit: (code: number) => void;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let failure = 0;

  const fork = () => cluster.fork({ ...env });
  cluster.on("exit", (worker: Worker, code, signal) => {
    const alive = Object.values(cluster.workers ?? {}).filter(Boolean).length;
    if (!stopping) {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length <= MAX_RESTARTS_PER_MINUTE) {
        console.error(`[web] proceso ${worker.process.pid} terminó (${signal ?? code}); se reinicia`);
        fork();
        return;
      }
      console.error(`[web] los procesos del servidor terminan una y otra vez; se detiene todo`);
      failure = 1;
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    }
    if (alive === 0) resolveExit(failure || (code ?? 0));
  });
  for (let i = 0; i < opts.processes; i++) fork();
  return {
    exited,
    stop: (signal) => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter(Boolean) as Worker[];
      if (workers.length === 0) resolveExit(0);
      // Each Next server handles the signal itself (finishes what it is serving, then exits).
      for (const w of workers) w.process.kill(signal);
    },
  };
}
