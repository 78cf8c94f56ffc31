/**
 * A small seeded PRNG (mulberry32) with the helpers the demo generator needs.
 * Deterministic: the same seed gives the same sequence on every machine. Not for cryptography.
 */

/** 32-bit FNV-1a hash of a string, used to derive independent streams from labels. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An independent stream for `label`: the same (seed, label) always gives the same stream. */
  fork(label: string | number): Random {
    return new Random(hashString(`${this.seed}:${label}`));
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Pick from [value, weight] pairs; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += Math.max(0, w);
    if (total <= 0) throw new Error('weighted pick with no positive weight');
    let r = this.next() * total;
    for (const [v, w] of entries) {
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return v;
    }
    return entries.filter(([, w]) => w > 0).at(-1)![0];
  }

  /** Pick from a table prepared once with `weightTable` (fast for long lists such as surnames). */
  fromTable<T>(t: WeightTable<T>): T {
    const r = this.next() * t.total;
    let lo = 0;
    let hi = t.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return t.values[lo]!;
  }

  /** Standard normal via Box-Muller, scaled. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Normal clamped to [min, max]. */
  normalIn(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  /** Log-normal with the given median and log-scale sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /**
   * Weighted sampling without replacement (Efraimidis-Spirakis): `k` distinct indexes of `weights`,
   * each chosen with probability proportional to its weight. Zero weights are never chosen.
   */
  sampleIndexes(weights: readonly number[], k: number): number[] {
    const keyed: { i: number; key: number }[] = [];
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (w > 0) keyed.push({ i, key: Math.log(1 - this.next()) / w });
    }
    keyed.sort((a, b) => b.key - a.key || a.i - b.i);
    return keyed.slice(0, Math.max(0, k)).map((e) => e.i);
  }
}

export interface WeightTable<T> {
  values: readonly T[];
  cumulative: readonly number[];
  total: number;
}

/** Prefix sums of [value, weight] pairs for repeated weighted picks (`Random.fromTable`). */
export function weightTable<T>(entries: readonly (readonly [T, number])[]): WeightTable<T> {
  const positive = entries.filter(([, w]) => w > 0);
  if (!positive.length) throw new Error('weight table with no positive weight');
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of positive) cumulative.push((total += w));
  return { values: positive.map(([v]) => v), cumulative, total };
}
