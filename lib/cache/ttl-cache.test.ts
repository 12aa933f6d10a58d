import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("computes once per key within the time to live, and never serves a value past it", async () => {
    let now = 0;
    // Refresh ahead at the TTL itself: this test is only about expiry.
    const cache = new TtlCache<number>(1000, 10, () => now, 1000);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("a", compute)).toBe(1);
    expect(await cache.get("a", compute)).toBe(1);
    expect(await cache.get("b", compute)).toBe(2);
    now = 999;
    expect(await cache.get("a", compute)).toBe(1);
    now = 1000;
    expect(await cache.get("a", compute)).toBe(3);
  });

  it("refreshes ahead: past half its life an entry is still served at once while one new computation runs", async () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, 10, () => now);
    let calls = 0;
    let release!: () => void;
    const compute = async () => {
      calls++;
      if (calls === 2) await new Promise<void>((r) => (release = r));
      return `v${calls}`;
    };
    expect(await cache.get("k", compute)).toBe("v1");
    now = 499;
    expect(await cache.get("k", compute)).toBe("v1");
    expect(calls).toBe(1);
    now = 500;
    // The caller does not wait for the refresh (it is still held back) and gets the old value.
    expect(await cache.get("k", compute)).toBe("v1");
    expect(await cache.get("k", compute)).toBe("v1");
    expect(calls).toBe(2);
    // Past the TTL the old value is no longer served: the caller waits for the refresh.
    now = 1000;
    const waiting = cache.get("k", compute);
    release();
    expect(await waiting).toBe("v2");
    // The refreshed value counts from when its computation started (500).
    now = 999;
    expect(await cache.get("k", compute)).toBe("v2");
    expect(calls).toBe(2);
  });

  it("keeps the current value when a refresh fails, and tries again on the next read", async () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, 10, () => now);
    let fail = false;
    let calls = 0;
    const compute = async () => {
      calls++;
      if (fail) throw new Error("db down");
      return `v${calls}`;
    };
    expect(await cache.get("k", compute)).toBe("v1");
    now = 600;
    fail = true;
    expect(await cache.get("k", compute)).toBe("v1");
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    expect(await cache.get("k", compute)).toBe("v1");
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(3);
    expect(await cache.get("k", compute)).toBe("v3");
  });

  it("shares one computation between concurrent misses and forgets a failure", async () => {
    const cache = new TtlCache<string>(1000, 10);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async () => {
      calls++;
      await gate;
      return "x";
    };
    const both = Promise.all([cache.get("k", slow), cache.get("k", slow)]);
    release();
    expect(await both).toEqual(["x", "x"]);
    expect(calls).toBe(1);

    await expect(cache.get("bad", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("bad", async () => "recovered")).toBe("recovered");
  });

  it("evicts the oldest entry beyond its size, and a TTL of 0 never keeps anything", async () => {
    const cache = new TtlCache<number>(1000, 2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get("a", compute);
    await cache.get("b", compute);
    await cache.get("c", compute);
    expect(await cache.get("b", compute)).toBe(2);
    expect(await cache.get("a", compute)).toBe(4);

    const off = new TtlCache<number>(0, 10);
    let n = 0;
    await off.get("a", async () => ++n);
    await off.get("a", async () => ++n);
    expect(n).toBe(2);
  });
});
