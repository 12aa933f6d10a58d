import autocannon from "autocannon";
import { latencyStats } from "./pages-load";
import { STEP_KINDS, type Step, type StepKind } from "./load-mix";

// The load of `npm run bench:load`: every user at once, each on its own keep-alive connection
// (autocannon, one instance per user) asking for its next step as soon as the last one answered,
// for the same number of seconds. Latencies are timed per step, so they are exact per kind of
// step and overall. An error is a response other than 200 (a redirect means the session was
// lost), a save whose result is not ok, a timeout or a broken connection.

export type Driven = {
  base: string;
  cookie: string;
  next: () => Step;
};

export type KindStats = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number };
export type DriveResult = {
  byKind: Map<StepKind, KindStats>;
  total: KindStats;
  /** A few error descriptions, for the log. */
  samples: string[];
};

const stats = (latencies: number[], errors: number, seconds: number): KindStats => ({
  ...latencyStats(
    latencies.sort((a, b) => a - b),
    seconds,
  ),
  errors,
});

export async function driveUsers(users: Driven[], seconds: number): Promise<DriveResult> {
  const latencies = new Map<StepKind, number[]>(STEP_KINDS.map((k) => [k, []]));
  const errors = new Map<StepKind, number>(STEP_KINDS.map((k) => [k, 0]));
  const samples: string[] = [];
  let transportErrors = 0;
  const fail = (kind: StepKind, what: string) => {
    errors.set(kind, errors.get(kind)! + 1);
    if (samples.length < 10) samples.push(`${kind}: ${what}`);
  };

  const runs = users.map(
    (user) =>
      new Promise<void>((resolve, reject) => {
        // One connection: the step being answered is always the last one sent.
        let current: { step: Step; t0: number } | undefined;
        const instance = autocannon(
          {
            url: user.base,
            connections: 1,
            duration: seconds,
            timeout: 30,
            requests: [
              {
                setupRequest: (req) => {
                  const step = user.next();
                  current = { step, t0: performance.now() };
                  const cookie = user.cookie;
                  if (step.method === "GET") {
                    const headers = { cookie, "accept-encoding": "gzip" };
                    return { ...req, method: "GET", path: step.path, headers, body: "" };
                  }
                  step.sent?.();
                  // Uncompressed, so the action's result can be read.
                  return {
                    ...req,
                    method: "POST",
                    path: step.path,
                    headers: {
                      cookie,
                      accept: "text/x-component",
                      "content-type": "text/plain;charset=UTF-8",
                      "next-action": step.action!,
                      origin: user.base,
                    },
                    // A hydrated form's call: the action's arguments, encoded as React does for plain data.
                    body: JSON.stringify([step.input]),
                  };
                },
                onResponse: (status, body) => {
                  if (!current) return;
                  const { step, t0 } = current;
                  current = undefined;
                  latencies.get(step.kind)!.push(performance.now() - t0);
                  if (status !== 200) return fail(step.kind, `HTTP ${status} for ${step.method} ${step.path}`);
                  if (step.method === "POST") {
                    if (!/\n1:\{"ok":true/.test(body)) {
                      return fail(step.kind, `not saved: ${body.match(/\n1:(.{0,200})/)?.[1] ?? body.slice(0, 200)}`);
                    }
                    step.acknowledged?.();
                  }
                },
              },
            ],
          },
          (error, result) => {
            if (error) return reject(error);
            transportErrors += result.errors + result.timeouts;
            if (result.errors + result.timeouts > 0 && samples.length < 10)
              samples.push(`${user.base}: ${result.errors} connection errors, ${result.timeouts} timeouts`);
            resolve();
          },
        );
        instance.on("error", reject);
      }),
  );
  await Promise.all(runs);

  const byKind = new Map<StepKind, KindStats>();
  for (const kind of STEP_KINDS) {
    const l = latencies.get(kind)!;
    if (l.length > 0 || errors.get(kind)! > 0) byKind.set(kind, stats(l, errors.get(kind)!, seconds));
  }
  const all = [...latencies.values()].flat();
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0) + transportErrors;
  return { byKind, total: stats(all, errorCount, seconds), samples };
}
