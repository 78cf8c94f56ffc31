import { describe, expect, it } from 'vitest';
import { clockStartingAt, todayOf } from './clock.js';

describe('clockStartingAt', () => {
  it('starts on the given date at the real time of day and runs on', () => {
    let real = new Date('2026-11-22T10:15:30.000Z');
    const clock = clockStartingAt('2027-01-08', () => real);
    expect(clock().toISOString()).toBe('2027-01-08T10:15:30.000Z');
    real = new Date(real.getTime() + 90_000);
    expect(clock().toISOString()).toBe('2027-01-08T10:17:00.000Z');
    expect(todayOf(clock)).toBe('2027-01-08');
  });
});
