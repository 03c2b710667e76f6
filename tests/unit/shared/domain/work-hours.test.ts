import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeWorkSessions, dailySeconds, hoursOf, type PunchFact } from '../../../../shared/domain/work-hours.js';

let seq = 0;
const p = (kind: 'IN' | 'OUT', iso: string, employeeId = 'e1', extra: Partial<PunchFact> = {}): PunchFact => ({
  id: `p${String(seq++).padStart(4, '0')}`,
  employeeId,
  kind,
  atMs: Date.parse(iso),
  ...extra,
});
const KOLKATA = { tz: 'Asia/Kolkata' };

describe('work sessions', () => {
  it('pairs an IN with the following OUT and counts real seconds', () => {
    const { sessions, exceptions } = computeWorkSessions([p('IN', '2026-11-20T03:30:00Z'), p('OUT', '2026-11-20T12:15:30Z')], KOLKATA);
    expect(exceptions).toEqual([]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ seconds: 8 * 3600 + 45 * 60 + 30, localDate: '2026-11-20', clamped: false });
  });

  it('orders punches by instant whatever order they arrive in', () => {
    const out = p('OUT', '2026-11-20T12:00:00Z');
    const inn = p('IN', '2026-11-20T04:00:00Z');
    expect(computeWorkSessions([out, inn], KOLKATA).sessions[0]?.seconds).toBe(8 * 3600);
  });

  it('treats IN followed by IN as an open session with no hours (missing OUT)', () => {
    const a = p('IN', '2026-11-20T03:30:00Z');
    const { sessions, exceptions } = computeWorkSessions([a, p('IN', '2026-11-20T05:00:00Z'), p('OUT', '2026-11-20T06:00:00Z')], KOLKATA);
    expect(sessions.map((s) => s.seconds)).toEqual([3600]);
    expect(exceptions).toEqual([expect.objectContaining({ kind: 'MISSING_OUT', punchId: a.id })]);
  });

  it('reports an OUT with no IN before it (missing IN)', () => {
    const o = p('OUT', '2026-11-20T12:00:00Z');
    const { sessions, exceptions } = computeWorkSessions([o, p('OUT', '2026-11-20T13:00:00Z')], KOLKATA);
    expect(sessions).toEqual([]);
    expect(exceptions.map((e) => e.kind)).toEqual(['MISSING_IN', 'MISSING_IN']);
  });

  it('clamps a session to maxHours and flags it', () => {
    const { sessions } = computeWorkSessions([p('IN', '2026-11-20T03:00:00Z'), p('OUT', '2026-11-21T03:00:00Z')], { ...KOLKATA, maxHours: 16 });
    expect(sessions[0]).toMatchObject({ seconds: 16 * 3600, clamped: true });
  });

  it('counts an overnight shift wholly on the local date it began', () => {
    // 22:00 to 06:00 in Kolkata
    const { sessions } = computeWorkSessions([p('IN', '2026-11-20T16:30:00Z'), p('OUT', '2026-11-21T00:30:00Z')], KOLKATA);
    expect(sessions[0]).toMatchObject({ localDate: '2026-11-20', seconds: 8 * 3600 });
  });

  it('counts real elapsed time across a DST change', () => {
    // New York, 2026-03-08: 00:00 to 08:00 local is 7 real hours.
    const tz = { tz: 'America/New_York' };
    const { sessions } = computeWorkSessions([p('IN', '2026-03-08T05:00:00Z'), p('OUT', '2026-03-08T12:00:00Z')], tz);
    expect(sessions[0]).toMatchObject({ seconds: 7 * 3600, localDate: '2026-03-08' });
  });

  it('skips voided punches', () => {
    const { sessions } = computeWorkSessions(
      [p('IN', '2026-11-20T03:00:00Z'), p('OUT', '2026-11-20T05:00:00Z', 'e1', { voided: true }), p('OUT', '2026-11-20T11:00:00Z')],
      KOLKATA,
    );
    expect(sessions.map((s) => s.seconds)).toEqual([8 * 3600]);
  });

  it('breaks ties in instant by id', () => {
    const { sessions, exceptions } = computeWorkSessions(
      [
        { id: 'b', employeeId: 'e', kind: 'OUT', atMs: 1000 },
        { id: 'a', employeeId: 'e', kind: 'IN', atMs: 1000 },
      ],
      { tz: 'UTC' },
    );
    expect(exceptions).toEqual([]);
    expect(sessions[0]?.seconds).toBe(0);
  });

  it('keeps employees apart and sums per day', () => {
    const { sessions } = computeWorkSessions(
      [
        p('IN', '2026-11-20T03:00:00Z', 'a'),
        p('IN', '2026-11-20T04:00:00Z', 'b'),
        p('OUT', '2026-11-20T05:00:00Z', 'a'),
        p('OUT', '2026-11-20T06:00:00Z', 'b'),
        p('IN', '2026-11-20T07:00:00Z', 'a'),
        p('OUT', '2026-11-20T07:30:00Z', 'a'),
      ],
      KOLKATA,
    );
    const days = dailySeconds(sessions);
    expect(days.get('a')?.get('2026-11-20')).toBe(2.5 * 3600);
    expect(days.get('b')?.get('2026-11-20')).toBe(2 * 3600);
    expect(hoursOf(2.5 * 3600 + 20)).toBe(2.51);
  });

  it('rounds hours to hundredths as payroll does, halves up, for every second of two days', () => {
    // 522 s is exactly 0.145 h; in floating point (522 / 3600) * 100 falls just under 14.5.
    expect(hoursOf(522)).toBe(0.15);
    expect(hoursOf(3618)).toBe(1.01);
    for (let s = 0; s <= 48 * 3600; s++) {
      const hundredths = Math.floor((100 * s + 1800) / 3600); // whole numbers only: exact
      if (hoursOf(s) !== hundredths / 100) expect({ s, hours: hoursOf(s) }).toEqual({ s, hours: hundredths / 100 });
    }
  });

  it('property: sessions never overlap, never exceed maxHours, and every punch is used once', () => {
    const punchArb = fc.record({
      kind: fc.constantFrom<'IN' | 'OUT'>('IN', 'OUT'),
      atMs: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-01-10T00:00:00Z') }),
      employeeId: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(punchArb, { maxLength: 40 }), fc.integer({ min: 1, max: 24 }), (raw, maxHours) => {
        const punches = raw.map((r, i) => ({ ...r, id: `id${String(i).padStart(3, '0')}` }));
        const { sessions, exceptions } = computeWorkSessions(punches, { tz: 'Europe/London', maxHours });
        const used = sessions.flatMap((s) => [s.inId, s.outId]).concat(exceptions.map((e) => e.punchId));
        expect(new Set(used).size).toBe(used.length);
        expect(used.length).toBe(punches.length);
        for (const s of sessions) {
          expect(s.seconds).toBeGreaterThanOrEqual(0);
          expect(s.seconds).toBeLessThanOrEqual(maxHours * 3600);
          expect(s.outMs).toBeGreaterThanOrEqual(s.inMs);
        }
      }),
      { numRuns: 300 },
    );
  });
});
