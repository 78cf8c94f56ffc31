/** Login lockout: after `maxFailures` consecutive wrong passwords the account is locked for `lockMinutes`. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export type LoginOutcome =
  | { kind: 'locked'; until: Date; next: LoginState }
  | { kind: 'ok'; next: LoginState }
  | { kind: 'wrong_password'; remaining: number; next: LoginState }
  | { kind: 'now_locked'; until: Date; next: LoginState };

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** Decide a login attempt. A lock that has expired starts a fresh count. */
export function decideLogin(state: LoginState, passwordOk: boolean, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LoginOutcome {
  if (isLocked(state, now)) return { kind: 'locked', until: state.lockedUntil!, next: state };
  const failures = state.lockedUntil ? 0 : state.failedLogins; // an expired lock resets the count
  if (passwordOk) return { kind: 'ok', next: { failedLogins: 0, lockedUntil: null } };
  const failedLogins = failures + 1;
  if (failedLogins >= policy.maxFailures) {
    const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
    return { kind: 'now_locked', until, next: { failedLogins, lockedUntil: until } };
  }
  return { kind: 'wrong_password', remaining: policy.maxFailures - failedLogins, next: { failedLogins, lockedUntil: null } };
}
