import autocannon from "autocannon";

// One page under load: `connections` signed-in users asking for it back to back for
// `seconds` (autocannon), every response's latency kept so p95 is exact (autocannon's own
// summary has p97.5 but no p95). A redirect counts as an error: it means the session was lost.
//
// `reconnectRate`: each connection is closed and opened again after that many requests. The
// server's processes share the port through Node's cluster, which hands each new connection
// to a process; 20 connections opened at once were split 7/13, 9/11, 12/8… between the two
// processes, and held for the whole run, so a page's p95 was mostly that of the process that
// happened to get more of them (decision 017, fourth round). Reconnecting spreads the users
// over the processes again every few seconds, as the comings and goings of real users do.

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Mean response body, bytes. */
  bytes: number;
  /** Seconds driven. */
  seconds: number;
  /** Every response's latency, ascending (so runs can be pooled: pool()). */
  latencies: number[];
};

/** Several runs of one page as one: their responses pooled, the percentiles over all of them. */
export function pool(runs: LoadResult[]): LoadResult {
  return loadResult(
    runs.flatMap((r) => r.latencies),
    runs.reduce((n, r) => n + r.seconds, 0),
    runs.reduce((n, r) => n + r.errors, 0),
    runs.reduce((n, r) => n + r.bytes * r.requests, 0),
  );
}

/** Requests, rate and percentiles of ascending latencies over `seconds` (bench:pages and bench:load). */
export function latencyStats(sorted: number[], seconds: number) {
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** A run's result from its latencies (sorted here), its errors and its response bodies' bytes. */
export function loadResult(latencies: number[], seconds: number, errors: number, bodyBytes: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    ...latencyStats(latencies, seconds),
    errors,
    bytes: latencies.length ? bodyBytes / latencies.length : 0,
    seconds,
    latencies,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function drive(
  url: string,
  cookie: string,
  opts: { connections: number; seconds: number; reconnectRate?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let bodyBytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        duration: opts.seconds,
        headers: { cookie, "accept-encoding": "gzip" },
        timeout: 30,
        reconnectRate: opts.reconnectRate ?? 0,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bodyBytes += resBytes;
    });
  });
  return loadResult(latencies, opts.seconds, result.errors + result.timeouts + result.non2xx, bodyBytes);
}
