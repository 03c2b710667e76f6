import { describe, expect, it } from 'vitest';
import { autoCheckoutAt, describeAutoCheckoutRule, dueAutoCheckout, parseAutoCheckoutRule } from '../../../../shared/domain/auto-checkout.js';

const at = (iso: string): number => Date.parse(iso);

describe('auto check-out rule', () => {
  it('reads off, a fixed local time, and hours after the shift end', () => {
    expect(parseAutoCheckoutRule('off')).toEqual({ kind: 'off' });
    expect(parseAutoCheckoutRule(' 23:30 ')).toEqual({ kind: 'at', minutes: 23 * 60 + 30 });
    expect(parseAutoCheckoutRule('shift-end+2')).toEqual({ kind: 'after-shift-end', minutes: 120 });
    expect(parseAutoCheckoutRule('shift-end+1.5h')).toEqual({ kind: 'after-shift-end', minutes: 90 });
    for (const bad of ['24:00', '7:30', 'shift-end+13', 'shift-end-2', 'sometimes']) expect(parseAutoCheckoutRule(bad)).toBeNull();
    expect(describeAutoCheckoutRule({ kind: 'at', minutes: 23 * 60 + 30 })).toBe('at 23:30');
    expect(describeAutoCheckoutRule({ kind: 'after-shift-end', minutes: 90 })).toBe('1.5 h after the shift end');
  });
});

describe('auto check-out time', () => {
  const kolkata = { tz: 'Asia/Kolkata', shiftEnd: '18:00' };

  it('closes at the fixed local time of the IN date', () => {
    expect(autoCheckoutAt({ ...kolkata, atMs: at('2026-11-16T09:00:00+05:30') }, { kind: 'at', minutes: 23 * 60 + 30 })).toBe(
      at('2026-11-16T23:30:00+05:30'),
    );
  });

  it('closes an IN after the cut-off at the next day cut-off (a night shift)', () => {
    expect(autoCheckoutAt({ ...kolkata, atMs: at('2026-11-16T23:45:00+05:30') }, { kind: 'at', minutes: 23 * 60 + 30 })).toBe(
      at('2026-11-17T23:30:00+05:30'),
    );
  });

  it('closes N hours after the shift end that applies, past midnight when it must', () => {
    expect(autoCheckoutAt({ ...kolkata, atMs: at('2026-11-16T09:00:00+05:30') }, { kind: 'after-shift-end', minutes: 120 })).toBe(
      at('2026-11-16T20:00:00+05:30'),
    );
    expect(
      autoCheckoutAt({ tz: 'Asia/Kolkata', shiftEnd: '22:00', atMs: at('2026-11-16T14:00:00+05:30') }, { kind: 'after-shift-end', minutes: 180 }),
    ).toBe(at('2026-11-17T01:00:00+05:30'));
  });

  it('reads the cut-off on the wall clock across DST changes', () => {
    const ny = { tz: 'America/New_York', shiftEnd: '18:00' };
    // 2026-03-08: clocks go forward at 02:00; a 02:30 cut-off does not exist and is read as 03:30 EDT.
    expect(autoCheckoutAt({ ...ny, atMs: at('2026-03-08T01:00:00-05:00') }, { kind: 'at', minutes: 150 })).toBe(at('2026-03-08T03:30:00-04:00'));
    // 2026-11-01: clocks go back at 02:00; the day has 25 hours, and 20:00 is read on the wall clock (EST).
    expect(autoCheckoutAt({ ...ny, atMs: at('2026-11-01T00:30:00-04:00') }, { kind: 'after-shift-end', minutes: 120 })).toBe(
      at('2026-11-01T20:00:00-05:00'),
    );
  });

  it('is off when the rule is off', () => {
    expect(autoCheckoutAt({ ...kolkata, atMs: at('2026-11-16T09:00:00+05:30') }, { kind: 'off' })).toBeNull();
  });

  it('is due only once the cut-off has passed and no later punch came before it', () => {
    const rule = { kind: 'at', minutes: 23 * 60 } as const;
    const open = { ...kolkata, atMs: at('2026-11-16T09:00:00+05:30'), nextAtMs: null };
    expect(dueAutoCheckout(open, rule, at('2026-11-16T22:59:00+05:30'))).toBeNull();
    expect(dueAutoCheckout(open, rule, at('2026-11-16T23:00:00+05:30'))).toEqual({ outAtMs: at('2026-11-16T23:00:00+05:30') });
    // IN-IN: the second IN came before the cut-off, so the first is left for a manager.
    expect(dueAutoCheckout({ ...open, nextAtMs: at('2026-11-16T13:00:00+05:30') }, rule, at('2026-11-17T10:00:00+05:30'))).toBeNull();
    // The next IN came the following morning, after the cut-off: the forgotten OUT is still closed.
    expect(dueAutoCheckout({ ...open, nextAtMs: at('2026-11-17T09:00:00+05:30') }, rule, at('2026-11-17T10:00:00+05:30'))).toEqual({
      outAtMs: at('2026-11-16T23:00:00+05:30'),
    });
  });
});
