/**
 * A small in-process cache of computed values with a time to live and a size bound (oldest
 * entry evicted first). Concurrent misses of one key share a single computation; a failed
 * computation is not kept. A TTL of 0 computes every time.
 *
 * Refresh ahead: once an entry is older than `refreshAfterMs` (half the TTL unless given), the
 * next caller still gets it at once and a single new computation starts behind it. A value is
 * never served past its TTL, so a steadily read key is recomputed without anybody waiting,
 * and a key read rarely is recomputed while its reader waits, as before.
 */
/**
 * How long aggregate figures (reports, the coordinator's home) are kept per process:
 * REPORTS_CACHE_SECONDS, 120 by default; 0 computes them on every read, as the tests do.
 */
export const AGGREGATES_TTL_MS = Number(process.env.REPORTS_CACHE_SECONDS ?? 120) * 1000;

type Computed<T> = { at: number; value: Promise<T> };
type Entry<T> = Computed<T> & { next?: Computed<T> };

export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly refreshAfterMs: number = ttlMs / 2,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const hit = this.entries.get(key);
    const age = hit ? this.now() - hit.at : Infinity;
    if (hit && age < this.refreshAfterMs) return hit.value;
    if (hit && age < this.ttlMs) {
      if (!hit.next) this.startRefresh(key, hit, compute);
      return hit.value;
    }
    // Expired (or absent): a refresh already under way is the answer; otherwise compute now.
    if (hit?.next) return hit.next.value;
    this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.evict();
    return value;
  }

  private startRefresh(key: string, hit: Entry<T>, compute: () => Promise<T>) {
    const next: Computed<T> = { at: this.now(), value: compute() };
    hit.next = next;
    next.value.then(
      () => {
        // Taken only if the entry it refreshes is still the one cached.
        if (this.entries.get(key) !== hit) return;
        this.entries.delete(key);
        this.entries.set(key, { at: next.at, value: next.value });
      },
      () => {
        // A failed refresh leaves the current value until its TTL; the next caller tries again.
        if (hit.next === next) hit.next = undefined;
      },
    );
  }

  private evict() {
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
