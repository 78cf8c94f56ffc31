import { describe, expect, it } from 'vitest';
import { clockStartingAt, todayOf } from './clock.js';

describe('todayOf', () => {
  it.each([
    ['2026-11-22T15:59:59Z', '2026-11-22'],
    ['2026-11-22T16:00:00Z', '2026-11-23'], // midnight in Beijing
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in China', (iso, date) => expect(todayOf(() => new Date(iso))).toBe(date));
});

describe('clockStartingAt', () => {
  it('lands on the given China date even late in the UTC day', () => {
    const clock = clockStartingAt('2027-01-08', () => new Date('2026-11-22T20:00:00Z')); // 04:00 on 11-23 in Beijing
    expect(todayOf(clock)).toBe('2027-01-08');
  });

  it('starts on the given date at the real time of day and runs on', () => {
    let real = new Date('2026-11-22T10:15:30.000Z');
    const clock = clockStartingAt('2027-01-08', () => real);
    expect(clock().toISOString()).toBe('2027-01-08T10:15:30.000Z');
    real = new Date(real.getTime() + 90_000);
    expect(clock().toISOString()).toBe('2027-01-08T10:17:00.000Z');
    expect(todayOf(clock)).toBe('2027-01-08');
  });
});
