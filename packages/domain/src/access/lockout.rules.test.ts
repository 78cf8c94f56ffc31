import { describe, expect, it } from 'vitest';
import { decideLogin } from './lockout.rules.js';

const now = new Date('2026-01-01T10:00:00Z');
const mins = (m: number) => new Date(now.getTime() + m * 60_000);

describe('decideLogin', () => {
  it.each([
    { state: { failedLogins: 0, lockedUntil: null }, ok: true, kind: 'ok', failures: 0 },
    { state: { failedLogins: 3, lockedUntil: null }, ok: true, kind: 'ok', failures: 0 },
    { state: { failedLogins: 0, lockedUntil: null }, ok: false, kind: 'wrong_password', failures: 1 },
    { state: { failedLogins: 3, lockedUntil: null }, ok: false, kind: 'wrong_password', failures: 4 },
    { state: { failedLogins: 4, lockedUntil: null }, ok: false, kind: 'now_locked', failures: 5 },
    { state: { failedLogins: 5, lockedUntil: mins(10) }, ok: true, kind: 'locked', failures: 5 },
    { state: { failedLogins: 5, lockedUntil: mins(-1) }, ok: false, kind: 'wrong_password', failures: 1 },
    { state: { failedLogins: 5, lockedUntil: mins(-1) }, ok: true, kind: 'ok', failures: 0 },
  ])('$state.failedLogins failures, lock $state.lockedUntil, password ok=$ok → $kind', ({ state, ok, kind, failures }) => {
    const o = decideLogin(state, ok, now);
    expect(o.kind).toBe(kind);
    expect(o.next.failedLogins).toBe(failures);
  });

  it('locks for 15 minutes by default', () => {
    const o = decideLogin({ failedLogins: 4, lockedUntil: null }, false, now);
    expect(o.kind === 'now_locked' && o.until.toISOString()).toBe(mins(15).toISOString());
  });
});
