import { createHash } from "node:crypto";

// Every draw in the demo seed comes from here, so the same code always produces the same
// data. Each part of the seed takes its own stream (`stream("students")`): adding a draw in
// one part does not shift the values another part sees.

const SEED = 2019; // the year of the "No Arrugues" pilot

/** mulberry32: a tiny 32-bit PRNG, good enough for synthetic data and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash32(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}

export class Random {
  constructor(private readonly next: () => number) {}

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `weighted([["a", 3], ["b", 1]])` gives "a" three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new Error(`sample: ${count} > ${items.length}`);
    return this.shuffle(items).slice(0, count);
  }
}

export function stream(name: string): Random {
  return new Random(mulberry32(hash32(`${SEED}:${name}`)));
}

/**
 * A stable UUID (version-5 layout) for a seeded row, derived from its natural key, so every
 * run produces the same ids and demo scripts can rely on them.
 */
export function seedUuid(...key: (string | number)[]): string {
  const h = createHash("sha1")
    .update(`permanencia-demo:${key.join(":")}`)
    .digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
