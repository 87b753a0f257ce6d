/**
 * Small seeded PRNG (mulberry32) for synthetic seed data. Same seed → same sequence.
 * Not for anything security-related.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(arr: readonly T[]): T;
  /** Picks an item with probability proportional to its (non-negative) weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Normal deviate (Box–Muller). */
  normal(mean: number, sd: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const rng: Rng = {
    next,
    int(min, max) {
      const lo = Math.ceil(Math.min(min, max));
      const hi = Math.floor(Math.max(min, max));
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    chance(p) {
      return next() < p;
    },
    pick(arr) {
      if (arr.length === 0) throw new RangeError('pick() from an empty array');
      return arr[Math.floor(next() * arr.length)] as (typeof arr)[number];
    },
    weighted(items) {
      if (items.length === 0) throw new RangeError('weighted() from an empty list');
      let total = 0;
      for (const [, w] of items) total += Math.max(0, w);
      let r = next() * total;
      let last = items[0]?.[0] as (typeof items)[number][0];
      for (const [item, w] of items) {
        if (w <= 0) continue;
        last = item;
        r -= w;
        if (r < 0) return item;
      }
      return last;
    },
    normal(mean, sd) {
      const u = 1 - next(); // (0, 1], keeps log finite
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
  return rng;
}
