// Kiosk punch rules, pure so the kiosk, CLI and tests apply exactly the same ones:
// - suggest OUT after a recent IN, otherwise IN (an IN older than maxHours is a forgotten OUT,
//   so the likely next punch is a new IN); the other kind is always allowed;
// - the same kind tapped again within the duplicate window is the same punch (the first
//   receipt is returned), because people tap twice when a screen feels slow;
// - too many wrong PINs lock that employee out on this kiosk for a while; the state is
//   stored, so restarting the kiosk does not reset it. An attempt is counted before it is
//   evaluated, so guesses sent in parallel are counted as they come, not after the slow hash
//   check; and a lock is never shortened by anything but its end or a right PIN.

import { DEFAULT_MAX_HOURS, type PunchKind } from './work-hours.js';

export interface LastPunch {
  kind: PunchKind;
  atMs: number;
}

export interface PunchPolicy {
  duplicateWindowSeconds: number;
  maxHours: number;
  maxWrongPins: number;
  lockoutSeconds: number;
}

export const DEFAULT_PUNCH_POLICY: PunchPolicy = {
  duplicateWindowSeconds: 60,
  maxHours: DEFAULT_MAX_HOURS,
  maxWrongPins: 5,
  lockoutSeconds: 300,
};

export function suggestKind(last: LastPunch | null, nowMs: number, policy: PunchPolicy): PunchKind {
  if (last && last.kind === 'IN' && nowMs - last.atMs < policy.maxHours * 3_600_000) return 'OUT';
  return 'IN';
}

/** True when a punch of `kind` at `atMs` repeats `last` within the duplicate window. */
export function isDuplicateTap(last: LastPunch | null, kind: PunchKind, atMs: number, policy: PunchPolicy): boolean {
  if (!last || last.kind !== kind) return false;
  const gap = atMs - last.atMs;
  return gap >= 0 && gap < policy.duplicateWindowSeconds * 1000;
}

export interface PinFailures {
  failures: number;
  lockedUntilMs: number | null;
}

export const NO_PIN_FAILURES: PinFailures = { failures: 0, lockedUntilMs: null };

/** Seconds left in a lockout, or 0 when the employee may try. */
export function lockoutRemaining(state: PinFailures, nowMs: number): number {
  if (state.lockedUntilMs === null || nowMs >= state.lockedUntilMs) return 0;
  return Math.ceil((state.lockedUntilMs - nowMs) / 1000);
}

export type AttemptStart =
  | { allowed: false; lockedForSeconds: number }
  /** `counted` is the state to store before the PIN is checked: this attempt counted as wrong. */
  | { allowed: true; counted: PinFailures };

/**
 * Whether a PIN may be checked now, and the state that counts this attempt (as if it were
 * wrong: a right PIN then clears it). The attempt that reaches the limit sets the lock itself,
 * so no guess can start while the last allowed one is still being checked.
 */
export function startAttempt(state: PinFailures, nowMs: number, policy: PunchPolicy): AttemptStart {
  const locked = lockoutRemaining(state, nowMs);
  if (locked > 0) return { allowed: false, lockedForSeconds: locked };
  const expired = state.lockedUntilMs !== null;
  const failures = (expired ? 0 : state.failures) + 1;
  if (failures >= policy.maxWrongPins) {
    return { allowed: true, counted: { failures: 0, lockedUntilMs: nowMs + policy.lockoutSeconds * 1000 } };
  }
  return { allowed: true, counted: { failures, lockedUntilMs: null } };
}

/** The most PIN guesses per hour the lockout lets through for one employee. */
export function guessesPerHour(policy: PunchPolicy): number {
  return Math.floor(3600 / policy.lockoutSeconds) * policy.maxWrongPins;
}

export function attemptsLeft(state: PinFailures, policy: PunchPolicy): number {
  return Math.max(0, policy.maxWrongPins - state.failures);
}

/**
 * How far ahead of this machine's clock a punch time may be (a backdated CLI punch, an import
 * line, a manager's correction): a little skew between machines is normal, a future punch is not.
 */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function isInTheFuture(atMs: number, nowMs: number): boolean {
  return atMs > nowMs + MAX_FUTURE_SKEW_MS;
}

/** No punch is older than this: an earlier time is a typo or a clock that lost its setting. */
export const EARLIEST_PUNCH_MS = Date.UTC(2000, 0, 1);

/**
 * Why a punch cannot be at `atMs` (a backdated CLI punch, an import line, a correction), in
 * words that follow the time, or null when it can.
 */
export function punchTimeProblem(atMs: number, nowMs: number): string | null {
  if (!Number.isFinite(atMs)) return 'is not a valid time';
  if (atMs < EARLIEST_PUNCH_MS) return 'is before the year 2000, which no punch can be';
  if (isInTheFuture(atMs, nowMs)) return 'is in the future';
  return null;
}

/** How far this machine's clock may be from central's before the kiosk says so. */
export const MAX_CLOCK_DRIFT_MS = 2 * 60_000;

/**
 * The kiosk clock's offset from central's, from one round trip: central's reading against the
 * middle of the kiosk's readings before and after (positive: the kiosk is behind).
 */
export function clockOffsetMs(kioskBeforeMs: number, centralMs: number, kioskAfterMs: number): number {
  return Math.round(centralMs - (kioskBeforeMs + kioskAfterMs) / 2);
}

export function clockDrifted(offsetMs: number | null): boolean {
  return offsetMs !== null && Math.abs(offsetMs) > MAX_CLOCK_DRIFT_MS;
}
