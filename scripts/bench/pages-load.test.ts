import { describe, expect, it } from "vitest";
import { loadResult, pool, type LoadResult } from "./pages-load";

// bench:pages pools a page's slices into one row (decision 017, ninth round): the pooled
// percentiles must be those of all the responses together, not an average of the slices'.
const run = (latencies: number[], seconds: number, bytes = 100, errors = 0): LoadResult =>
  loadResult([...latencies], seconds, errors, bytes * latencies.length);

describe("pool", () => {
  it("takes the percentiles over every response of the slices", () => {
    const fast = run(
      Array.from({ length: 90 }, (_, i) => 10 + (i % 10)),
      4,
    );
    const slow = run([200, 210, 220, 230, 240, 250, 260, 270, 280, 290], 4, 300, 1);
    const all = pool([fast, slow]);
    expect(all.requests).toBe(100);
    expect(all.seconds).toBe(8);
    expect(all.rps).toBe(12.5);
    // 95th of 100 responses: the 95th smallest, inside the slow slice (its 5th: 240).
    expect(all.p95).toBe(240);
    expect(all.p50).toBe(15);
    expect(all.errors).toBe(1);
    // Mean body weighted by responses: (90 × 100 + 10 × 300) / 100.
    expect(all.bytes).toBe(120);
    // Not the mean of the slices' p95s (19 and 290).
    expect(all.p95).not.toBe((fast.p95 + slow.p95) / 2);
  });

  it("of one run is that run", () => {
    const one = run([5, 1, 3, 2, 4], 1);
    expect(pool([one])).toEqual(one);
  });
});
