import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "./embedded-postgres";
import { startWebProcesses, webProcessCount } from "./web-processes";

describe("webProcessCount", () => {
  it("is one process per core unless WEB_CONCURRENCY says otherwise", () => {
    expect(webProcessCount({}, 4)).toBe(4);
    expect(webProcessCount({ WEB_CONCURRENCY: "3" }, 4)).toBe(3);
    expect(webProcessCount({ WEB_CONCURRENCY: "1" }, 8)).toBe(1);
  });

  it("ignores a WEB_CONCURRENCY that is not a positive integer", () => {
    for (const value of ["0", "-2", "1.5", "many", ""]) expect(webProcessCount({ WEB_CONCURRENCY: value }, 2)).toBe(2);
  });
});

describe("startWebProcesses", () => {
  it("serves one port from several processes and stops them all on a signal", async () => {
    const port = await freePort();
    const web = startWebProcesses({
      nextBin: path.join(process.cwd(), "tests", "fixtures", "fake-next-start.mjs"),
      args: ["start", "--port", String(port)],
      processes: 2,
    });
    const pids = new Set<string>();
    const deadline = Date.now() + 15_000;
    while (pids.size < 2 && Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        pids.add(await res.text());
      } catch {
        await new Promise((r) => setTimeout(r, 100)); // not listening yet
      }
    }
    // The primary hands connections to its workers in turn: both answer on the same port.
    expect(pids.size).toBe(2);
    expect(pids.has(String(process.pid))).toBe(false);
    web.stop("SIGTERM");
    await expect(web.exited).resolves.toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
