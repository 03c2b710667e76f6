// Every refusal of a correction, in its own words, and the edges of each rule.
import { describe, expect, it } from 'vitest';
import { checkCorrection } from '../../../../shared/domain/corrections.js';
import type { PunchFact } from '../../../../shared/domain/work-hours.js';

const TZ = 'Asia/Kolkata';
const at = (local: string): number => Date.parse(`${local}:00+05:30`);
const p = (id: string, kind: 'IN' | 'OUT', local: string, voided = false): PunchFact => ({ id, employeeId: 'E', kind, atMs: at(local), voided });
const ctx = { tz: TZ, maxHours: 16, nowMs: at('2026-11-25T12:00') };
const add = (...punches: ['IN' | 'OUT', string][]) => ({ add: punches.map(([kind, local]) => ({ kind, atMs: at(local) })) });

describe('refusals, each in its words', () => {
  it('an OUT with no IN before it and none later that day', () => {
    expect(checkCorrection([], add(['OUT', '2026-11-20T18:00']), ctx)).toEqual({
      ok: false,
      reason: 'There is no IN before 18:00 on 2026-11-20 for this OUT to close.',
    });
    // An IN on another day is not the one it closes.
    const nextDay = [p('i', 'IN', '2026-11-21T09:00'), p('o', 'OUT', '2026-11-21T17:00')];
    expect(checkCorrection(nextDay, add(['OUT', '2026-11-20T18:00']), ctx).reason).toBe(
      'There is no IN before 18:00 on 2026-11-20 for this OUT to close.',
    );
  });

  it('an OUT right after another OUT has no partner', () => {
    const closed = [p('i', 'IN', '2026-11-20T09:00'), p('o', 'OUT', '2026-11-20T17:00')];
    expect(checkCorrection(closed, add(['OUT', '2026-11-20T17:30']), ctx).reason).toBe(
      'There is no IN before 17:30 on 2026-11-20 for this OUT to close.',
    );
  });

  it('exactly the max hours is allowed; a second more is not', () => {
    const open = [p('i', 'IN', '2026-11-20T06:00')];
    expect(checkCorrection(open, add(['OUT', '2026-11-20T22:00']), ctx)).toEqual({ ok: true, reason: null });
    expect(checkCorrection(open, { add: [{ kind: 'OUT', atMs: at('2026-11-20T22:00') + 1000 }] }, ctx).reason).toMatch(/more than 16 hours/);
  });

  it('an IN inside a closed session, or while one is open', () => {
    const closed = [p('i', 'IN', '2026-11-20T09:00'), p('o', 'OUT', '2026-11-20T17:00')];
    expect(checkCorrection(closed, add(['IN', '2026-11-20T12:00']), ctx).reason).toBe(
      'An IN at 12:00 on 2026-11-20 falls inside the session from 09:00 to 17:00.',
    );
    const open = [p('i', 'IN', '2026-11-20T09:00')];
    expect(checkCorrection(open, add(['IN', '2026-11-20T12:00']), ctx).reason).toBe(
      'The IN at 09:00 is still open: add its OUT first, or an IN at 12:00 on 2026-11-20 leaves it without one.',
    );
  });

  it('an IN alone, before another IN or with nothing after it', () => {
    const later = [p('i', 'IN', '2026-11-21T09:00'), p('o', 'OUT', '2026-11-21T17:00')];
    expect(checkCorrection(later, add(['IN', '2026-11-20T09:00']), ctx).reason).toBe(
      'An IN at 09:00 on 2026-11-20 would have no OUT: the next punch is another IN, at 09:00 on 2026-11-21. Add the IN with its OUT.',
    );
    expect(checkCorrection([], add(['IN', '2026-11-20T09:00']), ctx).reason).toBe(
      'An IN at 09:00 on 2026-11-20 would have no OUT after it. Add the IN with its OUT.',
    );
  });

  it('a pair must be an IN and a later OUT; a pair longer than the max hours is said so', () => {
    for (const bad of [
      add(['OUT', '2026-11-20T09:00'], ['IN', '2026-11-20T17:00']),
      add(['IN', '2026-11-20T17:00'], ['OUT', '2026-11-20T09:00']),
      add(['IN', '2026-11-20T09:00'], ['IN', '2026-11-20T17:00']),
      add(['IN', '2026-11-20T09:00'], ['OUT', '2026-11-20T09:00']),
    ]) {
      expect(checkCorrection([], bad, ctx)).toEqual({ ok: false, reason: 'A pair is an IN and the OUT after it.' });
    }
    expect(checkCorrection([], add(['IN', '2026-11-20T09:00'], ['OUT', '2026-11-20T17:00']), ctx)).toEqual({ ok: true, reason: null });
    expect(checkCorrection([], add(['IN', '2026-11-20T05:00'], ['OUT', '2026-11-21T05:00']), ctx)).toEqual({
      ok: false,
      reason: 'A session from 05:00 on 2026-11-20 to 05:00 on 2026-11-21 is longer than 16 hours.',
    });
  });

  it('a pair inside a session still in progress names the open IN', () => {
    // 08:00 is in progress at noon: not a problem yet. A pair after it would leave it without an OUT.
    const open = [p('i', 'IN', '2026-11-20T08:00')];
    const noon = { ...ctx, nowMs: at('2026-11-20T14:00') };
    expect(checkCorrection(open, add(['IN', '2026-11-20T12:00'], ['OUT', '2026-11-20T13:00']), noon).reason).toBe(
      'The IN at 08:00 is still open: add its OUT first, or an IN at 12:00 on 2026-11-20 leaves it without one.',
    );
  });
});

describe('voids', () => {
  const day = [p('i', 'IN', '2026-11-20T09:00'), p('o', 'OUT', '2026-11-20T17:00')];
  it('a punch already voided, or not this employee’s, cannot be voided', () => {
    const voided = [p('i', 'IN', '2026-11-20T09:00', true), p('o', 'OUT', '2026-11-20T17:00')];
    expect(checkCorrection(voided, { void: ['i'] }, ctx)).toEqual({ ok: false, reason: 'That punch is already voided.' });
    expect(checkCorrection(day, { void: ['o', 'nope'] }, ctx)).toEqual({ ok: false, reason: 'That punch is already voided.' });
  });

  it('voiding half a session names the half left alone; the two together are fine', () => {
    expect(checkCorrection(day, { void: ['o'] }, ctx)).toEqual({
      ok: false,
      reason:
        'Voiding the OUT at 17:00 on 2026-11-20 would leave the IN at 09:00 on 2026-11-20 without its OUT; void the two together, or correct that one first.',
    });
    expect(checkCorrection(day, { void: ['i'] }, ctx).reason).toBe(
      'Voiding the IN at 09:00 on 2026-11-20 would leave the OUT at 17:00 on 2026-11-20 without its IN; void the two together, or correct that one first.',
    );
    expect(checkCorrection(day, { void: ['i', 'o'] }, ctx)).toEqual({ ok: true, reason: null });
  });

  it('an undo may bring back what a correction fixed', () => {
    expect(checkCorrection(day, { void: ['o'], undo: true }, ctx)).toEqual({ ok: true, reason: null });
  });

  it('voiding a stray punch that was itself the problem is allowed', () => {
    const stray = [...day, p('s', 'OUT', '2026-11-20T17:05')];
    expect(checkCorrection(stray, { void: ['s'] }, ctx)).toEqual({ ok: true, reason: null });
  });
});

describe('an open IN in progress', () => {
  it('is not a problem a correction must leave: adding an earlier closed day next to it is fine', () => {
    const today = { ...ctx, nowMs: at('2026-11-20T12:00') };
    const open = [p('i', 'IN', '2026-11-20T09:00')];
    expect(checkCorrection(open, add(['IN', '2026-11-19T09:00'], ['OUT', '2026-11-19T17:00']), today)).toEqual({ ok: true, reason: null });
  });
});
