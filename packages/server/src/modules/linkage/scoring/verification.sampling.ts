/**
 * The verification sample (每月一次核查 抽查), reproducible from a recorded seed: the same seed and the same
 * population (in the same order) always give the same sample. Pure: a string hash seeds a small PRNG
 * (mulberry32); a partial Fisher–Yates shuffle picks `size` distinct members; the result keeps population order.
 */

/** 32-bit FNV-1a hash of a string (the seed text may be any characters). */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny deterministic PRNG; each call returns a number in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` distinct members of `population` (all of it when smaller), chosen by `seed`, in population order. */
export function drawSample<T>(population: readonly T[], size: number, seed: string): T[] {
  if (!Number.isInteger(size) || size < 0) throw new RangeError('sample size must be a non-negative integer');
  const n = Math.min(size, population.length);
  const random = seededRandom(seed);
  const idx = population.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => population[i]!);
}
