// Auto check-out on a real PostgreSQL: off by default; closes a forgotten OUT at the cut-off,
// marked and audited; the same result whichever kiosk runs it and however often; leaves an IN
// followed by another IN before the cut-off to a manager; withdraws its OUT when the employee's
// own OUT arrives late from an offline kiosk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResult } from '../../shared/contract/reports.js';
import { AppError } from '../../shared/errors.js';
import { addStaff, makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

let url: string;
let front: TestApp;
let back: TestApp;
const clock = testClock(Date.parse('2026-11-16T03:30:00Z')); // 09:00 in Kolkata

const rows = (r: ReportResult, ...cols: string[]) => r.rows.map((row) => Object.fromEntries(cols.map((c) => [c, row[c]])));
const importAndSync = async (t: TestApp, csv: string) => {
  await t.call('punches.import', { fileName: 'p.csv', content: csv });
  await t.call('sync.now', {});
};

beforeAll(async () => {
  url = await createTestDatabase('autocheckout');
  front = await makeTestApp({ clock, config: { databaseUrl: url, siteName: 'Delhi', tz: 'Asia/Kolkata' } });
  for (const code of ['A1', 'B1', 'C1', 'D1']) await addStaff(front, code, '1234', { team: code === 'D1' ? 'Late Shift' : 'Ops' });
  await addStaff(front, 'M1', '4321', { team: 'Ops', isManager: true });
  await front.call('sync.now', {});
  // A second kiosk at the same site, running the job too.
  back = await makeTestApp({ clock, config: { databaseUrl: url, siteName: 'Delhi', tz: 'Asia/Kolkata', autoCheckout: '23:00' } });
  await back.call('sync.now', {});
});
afterAll(async () => {
  await front.dispose();
  await back.dispose();
});

describe('auto check-out', () => {
  it('is off unless configured', async () => {
    await importAndSync(front, 'A1,IN,2026-11-16T09:00:00+05:30');
    clock.set(Date.parse('2026-11-17T06:00:00Z'));
    expect(await front.call('punches.autoCheckout', {})).toEqual({ rule: 'off', closed: [], withdrawn: [] });
  });

  it('closes a forgotten OUT at the cut-off, marked auto and audited, once whoever runs it', async () => {
    clock.set(Date.parse('2026-11-16T17:00:00Z')); // 22:30 in Kolkata: before the cut-off
    expect((await back.call('punches.autoCheckout', {})).closed).toEqual([]);
    clock.set(Date.parse('2026-11-17T02:00:00Z')); // 07:30 the next morning
    const first = await back.call('punches.autoCheckout', {});
    expect(first.rule).toBe('at 23:00');
    expect(first.closed).toEqual([
      { punchId: expect.any(String), employeeCode: 'A1', inAt: '2026-11-16T03:30:00.000Z', outAt: '2026-11-16T17:30:00.000Z' },
    ]);
    // Again, from the other kiosk with the rule given for this run: nothing more.
    expect((await front.call('punches.autoCheckout', { rule: '23:00' })).closed).toEqual([]);
    expect((await back.call('punches.autoCheckout', {})).closed).toEqual([]);
    const n = (await query<{ n: string }>(url, "SELECT count(*)::text AS n FROM punches WHERE source = 'auto'"))[0]?.n;
    expect(n).toBe('1');

    const hours = await front.call('reports.run', { name: 'workhours', from: '2026-11-16', to: '2026-11-16', employee: 'A1' });
    expect(rows(hours, 'seconds', 'sessions', 'open_sessions', 'auto_closed_sessions')).toEqual([
      { seconds: 14 * 3600, sessions: 1, open_sessions: 0, auto_closed_sessions: 1 },
    ]);
    const exceptions = await front.call('reports.run', { name: 'exceptions', from: '2026-11-16', to: '2026-11-16', employee: 'A1' });
    expect(rows(exceptions, 'kind', 'date')).toEqual([{ kind: 'AUTO_CLOSED', date: '2026-11-16' }]);
    const audit = await front.call('audit.list', { employeeCode: 'A1' });
    expect(audit[0]).toMatchObject({ actor: 'auto-checkout', action: 'punch.add', entityId: first.closed[0]!.punchId, before: null });
    expect(audit[0]!.reason).toContain('at 23:00');
  });

  it('leaves an IN followed by another IN before the cut-off to a manager, and closes the second', async () => {
    clock.set(Date.parse('2026-11-19T02:00:00Z'));
    await importAndSync(front, ['B1,IN,2026-11-18T09:00:00+05:30', 'B1,IN,2026-11-18T13:00:00+05:30'].join('\n'));
    const r = await back.call('punches.autoCheckout', {});
    expect(r.closed.map((c) => [c.employeeCode, c.inAt, c.outAt])).toEqual([['B1', '2026-11-18T07:30:00.000Z', '2026-11-18T17:30:00.000Z']]);
    const exceptions = await front.call('reports.run', { name: 'exceptions', from: '2026-11-18', to: '2026-11-18', employee: 'B1' });
    expect(rows(exceptions, 'kind', 'time')).toEqual([
      { kind: 'AUTO_CLOSED', time: null },
      { kind: 'MISSING_OUT', time: '09:00' },
    ]);
  });

  it("withdraws its OUT when the employee's own OUT arrives late, and the hours follow the real OUT", async () => {
    clock.set(Date.parse('2026-11-20T02:00:00Z'));
    await importAndSync(front, 'C1,IN,2026-11-19T09:00:00+05:30');
    expect((await back.call('punches.autoCheckout', {})).closed.map((c) => c.employeeCode)).toEqual(['C1']);
    // The kiosk that saw C1 leave at 18:00 was offline; its punch reaches central now.
    await importAndSync(front, 'C1,OUT,2026-11-19T18:00:00+05:30');
    const r = await back.call('punches.autoCheckout', {});
    expect(r.withdrawn.map((w) => w.employeeCode)).toEqual(['C1']);
    const hours = await front.call('reports.run', { name: 'workhours', from: '2026-11-19', to: '2026-11-19', employee: 'C1' });
    expect(rows(hours, 'seconds', 'auto_closed_sessions')).toEqual([{ seconds: 9 * 3600, auto_closed_sessions: 0 }]);
    const audit = await front.call('audit.list', { employeeCode: 'C1' });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['auto-checkout', 'punch.void'],
      ['auto-checkout', 'punch.add'],
    ]);
    expect(audit[0]!.before).toMatchObject({ id: r.withdrawn[0]!.punchId, source: 'auto', kind: 'OUT' });
    const n = (await query<{ n: string }>(url, 'SELECT count(*)::text AS n FROM punches WHERE id = $1', [r.withdrawn[0]!.punchId]))[0]?.n;
    expect(n).toBe('1'); // voided, never deleted
  });

  it("closes N hours after the team's own shift end", async () => {
    await query(url, "UPDATE teams SET shift_end = '22:00' WHERE name = 'Late Shift'");
    clock.set(Date.parse('2026-11-21T06:00:00Z'));
    await importAndSync(front, 'D1,IN,2026-11-20T14:00:00+05:30');
    const r = await front.call('punches.autoCheckout', { rule: 'shift-end+3' });
    expect(r.rule).toBe('3 h after the shift end');
    expect(r.closed.map((c) => [c.employeeCode, c.outAt])).toEqual([['D1', '2026-11-20T19:30:00.000Z']]); // 01:00 local
  });

  it('closes each IN by the shift end in force on its own day, when the shift end changed from a date', async () => {
    clock.set(Date.parse('2026-11-24T06:00:00Z'));
    await front.call('roster.updateTeam', { name: 'Late Shift', shiftEnd: '20:00', effectiveFrom: '2026-11-23', by: 'M1' });
    await importAndSync(front, 'D1,IN,2026-11-22T14:00:00+05:30\nD1,IN,2026-11-23T14:00:00+05:30');
    const r = await front.call('punches.autoCheckout', { rule: 'shift-end+3' });
    expect(r.closed.map((c) => [c.employeeCode, c.inAt, c.outAt])).toEqual([
      ['D1', '2026-11-22T08:30:00.000Z', '2026-11-22T19:30:00.000Z'], // 22:00 + 3 h: 01:00 local
      ['D1', '2026-11-23T08:30:00.000Z', '2026-11-23T17:30:00.000Z'], // 20:00 + 3 h: 23:00 local
    ]);
  });

  it('refuses a rule it cannot read with a typed error', async () => {
    await expect(front.call('punches.autoCheckout', { rule: 'sometimes' })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'BAD_INPUT');
    await expect(front.call('punches.autoCheckout', { rule: 'shift-end+13' })).rejects.toThrow(/shift-end\+N/);
  });
});
