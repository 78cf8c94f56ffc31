import { describe, expect, it } from 'vitest';
import { drawSample, hashSeed, seededRandom } from './verification.sampling.js';

const population = Array.from({ length: 40 }, (_, i) => i + 1);

describe('hashSeed', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is %i', (seed, hash) => {
    expect(hashSeed(seed)).toBe(hash);
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and numbers within [0, 1)', () => {
    const a = seededRandom('2024-03-核查');
    const b = seededRandom('2024-03-核查');
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(90);
  });

  it('gives different sequences for different seeds', () => {
    const a = seededRandom('seed-1');
    const b = seededRandom('seed-2');
    expect(Array.from({ length: 5 }, () => a())).not.toEqual(Array.from({ length: 5 }, () => b()));
  });
});

describe('drawSample', () => {
  it.each([
    { seed: 'abc', size: 5 },
    { seed: '核查2024-03', size: 10 },
    { seed: '0', size: 1 },
    { seed: 'x'.repeat(64), size: 39 },
  ])('is reproducible, distinct, within the population and in population order (seed $seed, size $size)', ({ seed, size }) => {
    const s = drawSample(population, size, seed);
    expect(drawSample(population, size, seed)).toEqual(s);
    expect(s).toHaveLength(size);
    expect(new Set(s).size).toBe(size);
    expect(s.every((x) => population.includes(x))).toBe(true);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
  });

  it.each([
    { size: 0, expected: [] },
    { size: 40, expected: population },
    { size: 100, expected: population },
  ])('takes the whole population when size $size ≥ its length, nothing for 0', ({ size, expected }) => {
    expect(drawSample(population, size, 'any')).toEqual(expected);
  });

  it('returns nothing from an empty population', () => {
    expect(drawSample([], 3, 'seed')).toEqual([]);
  });

  it('depends on the seed: different seeds give different samples', () => {
    const samples = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => drawSample(population, 5, seed).join(',')));
    expect(samples.size).toBeGreaterThan(1);
  });

  it('gives every member a fair chance across seeds (no member always or never chosen)', () => {
    const hits = new Map<number, number>();
    for (let i = 0; i < 2000; i++) for (const x of drawSample(population, 4, `s${i}`)) hits.set(x, (hits.get(x) ?? 0) + 1);
    // Expected 2000 × 4 / 40 = 200 per member.
    for (const x of population) expect(hits.get(x) ?? 0, `member ${x}`).toBeGreaterThan(120);
    for (const x of population) expect(hits.get(x) ?? 0, `member ${x}`).toBeLessThan(280);
  });

  it.each([-1, 1.5, Number.NaN])('refuses size %s', (size) => {
    expect(() => drawSample(population, size, 'seed')).toThrow(RangeError);
  });
});
