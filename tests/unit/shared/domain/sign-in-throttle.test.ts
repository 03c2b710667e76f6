import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, settleAttempt, startAttempt, type ThrottleState } from '../../../../shared/domain/sign-in-throttle.js';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

/** Runs n failed attempts from `state`, one a second; the last start. */
function fail(n: number, from: ThrottleState | null, at = T0) {
  let state = from;
  let last = startAttempt(state, at, ACCOUNT_LIMIT);
  for (let i = 0; i < n; i++) {
    last = startAttempt(state, at + i * 1000, ACCOUNT_LIMIT);
    if (last.allowed) state = settleAttempt(last.state, false, 'account', ACCOUNT_LIMIT);
  }
  return { state, last };
}

describe('sign-in throttle', () => {
  it('counts an attempt before the password is checked, from one', () => {
    const first = startAttempt(null, T0, ACCOUNT_LIMIT);
    expect(first).toEqual({ allowed: true, state: { failures: 1, windowStart: T0, lockedUntil: null } });
  });

  it('the fifth failure locks the account for 15 minutes; then every attempt is refused with the time left', () => {
    const { state } = fail(5, null);
    expect(state!.failures).toBe(5);
    expect(state!.lockedUntil).toBe(T0 + 4000 + 15 * MIN);
    const refused = startAttempt(state, T0 + 5 * MIN, ACCOUNT_LIMIT);
    expect(refused).toEqual({ allowed: false, state, retryAfterMs: state!.lockedUntil! - (T0 + 5 * MIN) });
    // Four failures do not lock.
    expect(fail(4, null).state!.lockedUntil).toBeNull();
  });

  it('a lock runs out on its own, and the next attempt starts a new count', () => {
    const { state } = fail(5, null);
    const after = startAttempt(state, state!.lockedUntil!, ACCOUNT_LIMIT);
    expect(after).toEqual({ allowed: true, state: { failures: 1, windowStart: state!.lockedUntil!, lockedUntil: null } });
  });

  it('the window runs from the first failure: after it the count starts again, within it failures add up', () => {
    const { state } = fail(4, null);
    const late = startAttempt(state, T0 + 15 * MIN, ACCOUNT_LIMIT);
    expect(late).toEqual({ allowed: true, state: { failures: 1, windowStart: T0 + 15 * MIN, lockedUntil: null } });
    const inside = startAttempt(state, T0 + 15 * MIN - 1, ACCOUNT_LIMIT);
    expect(inside).toEqual({ allowed: true, state: { failures: 5, windowStart: T0, lockedUntil: T0 + 30 * MIN - 1 } });
  });

  it('a right password takes the account’s count back to nothing', () => {
    const { state } = fail(3, null);
    const start = startAttempt(state, T0 + 10_000, ACCOUNT_LIMIT);
    expect(start.allowed).toBe(true);
    expect(settleAttempt(start.state, true, 'account', ACCOUNT_LIMIT)).toEqual({ failures: 0, windowStart: T0, lockedUntil: null });
    expect(settleAttempt(start.state, false, 'account', ACCOUNT_LIMIT)).toBe(start.state);
  });

  it('for an address a right password takes back only its own attempt', () => {
    const state: ThrottleState = { failures: 7, windowStart: T0, lockedUntil: null };
    expect(settleAttempt(state, true, 'address', ADDRESS_LIMIT)).toEqual({ failures: 6, windowStart: T0, lockedUntil: null });
    expect(settleAttempt({ failures: 0, windowStart: T0, lockedUntil: null }, true, 'address', ADDRESS_LIMIT).failures).toBe(0);
    // The attempt that reached the limit and then succeeded does not leave the address locked…
    const reached: ThrottleState = { failures: 20, windowStart: T0, lockedUntil: T0 + 15 * MIN };
    expect(settleAttempt(reached, true, 'address', ADDRESS_LIMIT)).toEqual({ failures: 19, windowStart: T0, lockedUntil: null });
    // …but one over it still is.
    const over: ThrottleState = { failures: 22, windowStart: T0, lockedUntil: T0 + 15 * MIN };
    expect(settleAttempt(over, true, 'address', ADDRESS_LIMIT)).toEqual({ failures: 21, windowStart: T0, lockedUntil: T0 + 15 * MIN });
  });
});
