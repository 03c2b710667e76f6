import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  attemptsLeft,
  DEFAULT_PUNCH_POLICY as policy,
  isDuplicateTap,
  isInTheFuture,
  lockoutRemaining,
  NO_PIN_FAILURES,
  suggestKind,
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

  it('follows a configured window', () => {
    expect(isDuplicateTap({ kind: 'OUT', atMs: T }, 'OUT', T + 100_000, { ...policy, duplicateWindowSeconds: 120 })).toBe(true);
  });
});

describe('PIN lockout', () => {
  it('locks after the fifth wrong PIN for five minutes, then starts afresh', () => {
    let s = NO_PIN_FAILURES;
    for (let i = 1; i <= 4; i++) {
      s = afterWrongPin(s, T, policy);
      expect(lockoutRemaining(s, T)).toBe(0);
      expect(attemptsLeft(s, policy)).toBe(5 - i);
    }
    s = afterWrongPin(s, T, policy);
    expect(lockoutRemaining(s, T)).toBe(300);
    expect(lockoutRemaining(s, T + 299_000)).toBe(1);
    expect(lockoutRemaining(s, T + 300_000)).toBe(0);
    const after = afterWrongPin(s, T + 300_000, policy);
    expect(after).toEqual({ failures: 1, lockedUntilMs: null });
  });
});

describe('isInTheFuture', () => {
  it('allows five minutes of clock skew and no more', () => {
    expect(isInTheFuture(T + 5 * 60_000, T)).toBe(false);
    expect(isInTheFuture(T + 5 * 60_000 + 1, T)).toBe(true);
  });
});
