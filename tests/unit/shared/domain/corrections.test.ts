import { describe, expect, it } from 'vitest';
import { checkCorrection } from '../../../../shared/domain/corrections.js';
import { openSessionState, type PunchFact } from '../../../../shared/domain/work-hours.js';

const TZ = 'Asia/Kolkata';
/** An instant from a Kolkata wall-clock time. */
const at = (local: string): number => Date.parse(`${local}:00+05:30`);
const p = (id: string, kind: 'IN' | 'OUT', local: string, voided = false): PunchFact => ({ id, employeeId: 'E', kind, atMs: at(local), voided });
const NOW = at('2026-11-25T12:00');
const ctx = { tz: TZ, maxHours: 16, nowMs: NOW };

describe('checkCorrection', () => {
  const openIn = [p('i1', 'IN', '2026-11-20T08:52')];

  it('adds the OUT of an open IN, also on the next local day (an overnight shift)', () => {
    expect(checkCorrection(openIn, { add: [{ kind: 'OUT', atMs: at('2026-11-20T18:00') }] }, ctx)).toEqual({ ok: true, reason: null });
    const night = [p('n1', 'IN', '2026-11-20T22:00')];
    expect(checkCorrection(night, { add: [{ kind: 'OUT', atMs: at('2026-11-21T06:00') }] }, ctx).ok).toBe(true);
  });

  it('refuses an OUT before the IN it would close, naming the IN', () => {
    const r = checkCorrection(openIn, { add: [{ kind: 'OUT', atMs: at('2026-11-20T00:05') }] }, ctx);
    expect(r).toEqual({ ok: false, reason: 'An OUT must come after the IN it closes: the IN on 2026-11-20 is at 08:52, after 00:05.' });
  });

  it('refuses an OUT for an IN that already has one, and an OUT that makes the session too long', () => {
    const closed = [...openIn, p('o1', 'OUT', '2026-11-20T17:30')];
    expect(checkCorrection(closed, { add: [{ kind: 'OUT', atMs: at('2026-11-20T17:00') }] }, ctx).reason).toBe(
      'The IN at 08:52 already has its OUT at 17:30.',
    );
    expect(checkCorrection(openIn, { add: [{ kind: 'OUT', atMs: at('2026-11-21T02:00') }] }, ctx).reason).toMatch(
      /more than 16 hours from the IN at 08:52 on 2026-11-20/,
    );
  });

  it('refuses the same correction twice only through the timeline: a second OUT after the first is a new problem', () => {
    const fixed = [...openIn, p('c1', 'OUT', '2026-11-20T18:00')];
    expect(checkCorrection(fixed, { add: [{ kind: 'OUT', atMs: at('2026-11-20T18:00') + 1000 }] }, ctx).ok).toBe(false);
  });

  it('adds a forgotten IN only with its OUT when nothing would close it, and refuses an IN inside a session', () => {
    expect(checkCorrection([], { add: [{ kind: 'IN', atMs: at('2026-11-20T09:00') }] }, ctx).reason).toMatch(/would have no OUT after it/);
    expect(
      checkCorrection(
        [],
        {
          add: [
            { kind: 'IN', atMs: at('2026-11-20T09:00') },
            { kind: 'OUT', atMs: at('2026-11-20T17:00') },
          ],
        },
        ctx,
      ).ok,
    ).toBe(true);
    const session = [p('i1', 'IN', '2026-11-20T09:00'), p('o1', 'OUT', '2026-11-20T17:00')];
    expect(checkCorrection(session, { add: [{ kind: 'IN', atMs: at('2026-11-20T12:00') }] }, ctx).reason).toBe(
      'An IN at 12:00 on 2026-11-20 falls inside the session from 09:00 to 17:00.',
    );
    // A missing IN is fixed by adding it.
    const outOnly = [p('o1', 'OUT', '2026-11-20T17:00')];
    expect(checkCorrection(outOnly, { add: [{ kind: 'IN', atMs: at('2026-11-20T09:00') }] }, ctx).ok).toBe(true);
  });

  it('lets an IN be added for someone still at work (an open session within the max hours is in progress)', () => {
    const now = at('2026-11-25T11:00');
    expect(checkCorrection([], { add: [{ kind: 'IN', atMs: at('2026-11-25T09:00') }] }, { ...ctx, nowMs: now }).ok).toBe(true);
  });

  it('voids a stray punch, but not one whose partner would be left alone', () => {
    const doubled = [p('i1', 'IN', '2026-11-20T08:52'), p('i2', 'IN', '2026-11-20T08:53'), p('o1', 'OUT', '2026-11-20T17:30')];
    expect(checkCorrection(doubled, { void: ['i1'] }, ctx).ok).toBe(true);
    const session = [p('i1', 'IN', '2026-11-20T09:00'), p('o1', 'OUT', '2026-11-20T17:00')];
    expect(checkCorrection(session, { void: ['o1'] }, ctx).reason).toBe(
      'Voiding the OUT at 17:00 on 2026-11-20 would leave the IN at 09:00 on 2026-11-20 without its OUT; void the two together, or correct that one first.',
    );
    // A session that was never this employee's goes as a whole.
    expect(checkCorrection(session, { void: ['i1', 'o1'] }, ctx).ok).toBe(true);
    expect(checkCorrection([p('x', 'IN', '2026-11-20T09:00', true)], { void: ['x'] }, ctx).reason).toBe('That punch is already voided.');
    // Undoing a correction may bring back what it fixed.
    expect(checkCorrection(session, { void: ['o1'], undo: true }, ctx).ok).toBe(true);
  });
});

describe('openSessionState', () => {
  it('is in progress while younger than the max hours, then a missing OUT', () => {
    const inMs = at('2026-11-20T09:00');
    expect(openSessionState(inMs, inMs + 15.9 * 3_600_000, 16)).toBe('IN_PROGRESS');
    expect(openSessionState(inMs, inMs + 16 * 3_600_000, 16)).toBe('MISSING_OUT');
    expect(openSessionState(inMs, inMs + 9 * 3_600_000, 8)).toBe('MISSING_OUT');
  });
});
