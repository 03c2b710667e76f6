import { describe, expect, it } from 'vitest';
import {
  attemptsLeft,
  guessesPerHour,
  DEFAULT_PUNCH_POLICY as policy,
  isDuplicateTap,
  clockDrifted,
  clockOffsetMs,
  isInTheFuture,
  punchTimeProblem,
  lockoutRemaining,
  NO_PIN_FAILURES,
  startAttempt,
  suggestKind,
  type PinFailures,
} from '../../../../shared/domain/punch-rules.js';

const T = Date.parse('2026-11-20T04:00:00Z');

describe('suggestKind', () => {
  it('suggests IN with no history, OUT after a recent IN, IN after an OUT', () => {
    expect(suggestKind(null, T, policy)).toBe('IN');
    expect(suggestKind({ kind: 'IN', atMs: T - 3_600_000 }, T, policy)).toBe('OUT');
    expect(suggestKind({ kind: 'OUT', atMs: T - 60_000 }, T, policy)).toBe('IN');
  });

  it('suggests IN when the last IN is older than maxHours (a forgotten OUT)', () => {
    expect(suggestKind({ kind: 'IN', atMs: T - 17 * 3_600_000 }, T, policy)).toBe('IN');
  });
});

describe('isDuplicateTap', () => {
  it('is a duplicate only for the same kind inside the window', () => {
    const last = { kind: 'IN' as const, atMs: T };
    expect(isDuplicateTap(last, 'IN', T + 59_999, policy)).toBe(true);
    expect(isDuplicateTap(last, 'IN', T + 60_000, policy)).toBe(false);
    expect(isDuplicateTap(last, 'OUT', T + 1000, policy)).toBe(false);
    expect(isDuplicateTap(null, 'IN', T, policy)).toBe(false);
  });

  it('never takes a backdated punch of the same kind for a double tap', () => {
    const last = { kind: 'IN' as const, atMs: T };
    expect(isDuplicateTap(last, 'IN', T - 30_000, policy)).toBe(false);
    expect(isDuplicateTap(last, 'IN', T - 1, policy)).toBe(false);
    expect(isDuplicateTap(last, 'IN', T, policy)).toBe(true);
  });

  it('follows a configured window', () => {
    expect(isDuplicateTap({ kind: 'OUT', atMs: T }, 'OUT', T + 100_000, { ...policy, duplicateWindowSeconds: 120 })).toBe(true);
  });
});

describe('PIN lockout', () => {
  /** Starts an attempt that must be allowed, and returns the state that counts it. */
  const counted = (state: PinFailures, now: number): PinFailures => {
    const start = startAttempt(state, now, policy);
    if (!start.allowed) throw new Error('attempt refused');
    return start.counted;
  };

  it('counts each attempt before it is checked and locks with the fifth, for five minutes, then starts afresh', () => {
    let s = NO_PIN_FAILURES;
    for (let i = 1; i <= 4; i++) {
      s = counted(s, T);
      expect(lockoutRemaining(s, T)).toBe(0);
      expect(attemptsLeft(s, policy)).toBe(5 - i);
    }
    s = counted(s, T);
    expect(lockoutRemaining(s, T)).toBe(300);
    expect(startAttempt(s, T + 299_000, policy)).toEqual({ allowed: false, lockedForSeconds: 1 });
    expect(lockoutRemaining(s, T + 300_000)).toBe(0);
    expect(counted(s, T + 300_000)).toEqual({ failures: 1, lockedUntilMs: null });
  });

  it('never lets an attempt during a lock shorten it or start a new count', () => {
    const locked = { failures: 0, lockedUntilMs: T + 300_000 };
    for (const at of [T, T + 1, T + 150_000, T + 299_999]) {
      expect(startAttempt(locked, at, policy)).toMatchObject({ allowed: false });
    }
  });

  it('allows 60 guesses per hour per employee with the default policy', () => {
    expect(guessesPerHour(policy)).toBe(60);
    expect(guessesPerHour({ ...policy, lockoutSeconds: 900, maxWrongPins: 3 })).toBe(12);
  });
});

describe('isInTheFuture', () => {
  it('allows five minutes of clock skew and no more', () => {
    expect(isInTheFuture(T + 5 * 60_000, T)).toBe(false);
    expect(isInTheFuture(T + 5 * 60_000 + 1, T)).toBe(true);
  });
});

describe('punchTimeProblem', () => {
  it('refuses times before 2000, in the future, or not a time at all, and accepts the rest', () => {
    expect(punchTimeProblem(Date.parse('1969-12-31T00:00:00Z'), T)).toMatch(/before the year 2000/);
    expect(punchTimeProblem(Date.parse('1999-12-31T23:59:59Z'), T)).toMatch(/before the year 2000/);
    expect(punchTimeProblem(Date.parse('2000-01-01T00:00:00Z'), T)).toBeNull();
    expect(punchTimeProblem(T + 6 * 60_000, T)).toBe('is in the future');
    expect(punchTimeProblem(Number.NaN, T)).toBe('is not a valid time');
    expect(punchTimeProblem(T - 3_600_000, T)).toBeNull();
  });
});

describe('clock offset', () => {
  it('is central’s reading against the middle of the kiosk’s, and drifted beyond two minutes', () => {
    expect(clockOffsetMs(1000, 1600, 1200)).toBe(500);
    expect(clockOffsetMs(10_000, 9_000, 10_000)).toBe(-1000);
    expect(clockDrifted(null)).toBe(false);
    expect(clockDrifted(120_000)).toBe(false);
    expect(clockDrifted(120_001)).toBe(true);
    expect(clockDrifted(-600_000)).toBe(true);
  });
});
