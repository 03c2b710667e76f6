// Sign-in throttling on Central, per account and per client address. An attempt is counted as
// a failure before its password is checked (parallel guesses cannot all slip in before the
// count rises), and taken back if the password was right. Reaching the limit locks the key for
// a while; a lock is never shortened by later attempts, and runs out on its own or when an
// admin clears it.

export interface ThrottleState {
  failures: number;
  windowStart: number;
  lockedUntil: number | null;
}

export interface ThrottleLimit {
  /** Failures allowed within the window; the one that reaches it locks. */
  failures: number;
  windowMs: number;
  lockMs: number;
}

/** Per account: five wrong passwords lock it for 15 minutes. */
export const ACCOUNT_LIMIT: ThrottleLimit = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** Per client address: twenty failures in 15 minutes, whatever the accounts, lock it for 15 minutes. */
export const ADDRESS_LIMIT: ThrottleLimit = { failures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type AttemptStart = { allowed: true; state: ThrottleState } | { allowed: false; state: ThrottleState; retryAfterMs: number };

export function startAttempt(state: ThrottleState | null, now: number, limit: ThrottleLimit): AttemptStart {
  if (state && state.lockedUntil !== null && state.lockedUntil > now) {
    return { allowed: false, state, retryAfterMs: state.lockedUntil - now };
  }
  const fresh = !state || state.lockedUntil !== null || now - state.windowStart >= limit.windowMs;
  const base = fresh ? { failures: 0, windowStart: now } : { failures: state.failures, windowStart: state.windowStart };
  const failures = base.failures + 1;
  return { allowed: true, state: { ...base, failures, lockedUntil: failures >= limit.failures ? now + limit.lockMs : null } };
}

/**
 * After the password was checked. A right password takes the attempt back: the account's count
 * starts again, the address's loses this one attempt (other accounts' failures from the same
 * address still count).
 */
export function settleAttempt(state: ThrottleState, succeeded: boolean, kind: 'account' | 'address', limit: ThrottleLimit): ThrottleState {
  if (!succeeded) return state;
  if (kind === 'account') return { failures: 0, windowStart: state.windowStart, lockedUntil: null };
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, lockedUntil: failures >= limit.failures ? state.lockedUntil : null };
}
