import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { newSecret } from "./secret";

// The production server as `npm start` runs it (scripts/start.ts: migrations, the job worker,
// the Next server processes) from the build in .next, against a given database, and the
// sign-in of a user through next-auth's own credentials endpoint. Used by the benchmarks and
// by the fault tests, which need the real server and its launcher.

const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

export type RunningServer = { base: string; pid: number; stop: () => Promise<void> };

export async function startServer(opts: {
  databaseUrl: string;
  ownerUrl: string;
  port: number;
  processes?: number;
  logFile: string;
  /** Extra environment of the server (e.g. Next's CPU profiling switch). */
  env?: Record<string, string>;
  /** The session secret; instances behind one address share it (default: a new one). */
  secret?: string;
}): Promise<RunningServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const log = createWriteStream(opts.logFile, { flags: "a" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    DATABASE_OWNER_URL: opts.ownerUrl,
    NEXTAUTH_SECRET: opts.secret ?? newSecret(),
    NEXTAUTH_URL: base,
    PORT: String(opts.port),
  };
  if (opts.processes) env.WEB_CONCURRENCY = String(opts.processes);
  else delete env.WEB_CONCURRENCY;
  Object.assign(env, opts.env);
  const child: ChildProcess = spawn(
    process.execPath,
    [TSX_CLI, "--import", "./scripts/lib/server-only-hook.mjs", "scripts/start.ts"],
    // Its own process group: stopping it reaches every process under it (tsx runs the launcher
    // as a child, the launcher runs the Next servers), none is left holding the port.
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const done = await Promise.race([
        exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 15_000)),
      ]);
      if (!done) child.kill("SIGKILL");
    }
    log.end();
  };

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}); see ${opts.logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within 3 minutes; see ${opts.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function cookiePairs(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through next-auth's credentials callback; returns the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  const session = cookiePairs(res).filter((c) => c.startsWith("next-auth.session-token"));
  if (session.length === 0) throw new Error(`sign-in refused for ${email} (HTTP ${res.status})`);
  return session.join("; ");
}
