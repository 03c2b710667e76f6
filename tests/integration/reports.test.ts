// Golden cases for the reports on a real PostgreSQL: each number below was worked out by hand
// from the punches in the fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput, ReportResult } from '../../shared/contract/reports.js';
import { addStaff, makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { DEFAULT_MAX_HOURS, openSessionState } from '../../shared/domain/work-hours.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

let url: string;
let delhi: TestApp;
let newYork: TestApp;
// "Now" is 2026-11-20 14:00 in Kolkata (08:30Z).
const NOW = Date.parse('2026-11-20T08:30:00Z');

const CSV_DELHI = [
  // A: a normal day, a late day, an overnight shift, and IN-IN
  'A1,IN,2026-11-16T09:00:00+05:30',
  'A1,OUT,2026-11-16T17:30:00+05:30',
  'A1,IN,2026-11-17T09:15:00+05:30,WFH',
  'A1,OUT,2026-11-17T18:15:00+05:30',
  'A1,IN,2026-11-18T22:00:00+05:30',
  'A1,OUT,2026-11-19T06:00:00+05:30',
  'A1,IN,2026-11-20T09:05:00+05:30',
  'A1,IN,2026-11-20T10:00:00+05:30',
  // B: OUT-OUT, a 20-hour session (clamped to 16), and in now
  'B1,OUT,2026-11-16T18:00:00+05:30',
  'B1,IN,2026-11-17T08:00:00+05:30',
  'B1,OUT,2026-11-18T04:00:00+05:30',
  'B1,IN,2026-11-20T12:00:00+05:30',
].join('\n');

// New York, across the DST change of 2026-11-01 (clocks back at 02:00): 00:00 to 08:00 is 9 hours.
const CSV_NEW_YORK = ['N1,IN,2026-11-01T00:00:00-04:00', 'N1,OUT,2026-11-01T08:00:00-05:00'].join('\n');

beforeAll(async () => {
  url = await createTestDatabase('reports');
  delhi = await makeTestApp({ clock: testClock(NOW), config: { databaseUrl: url, siteName: 'Delhi', tz: 'Asia/Kolkata' } });
  await addStaff(delhi, 'A1', '1234', { name: 'Anita', team: 'Ops' });
  await addStaff(delhi, 'B1', '1234', { name: 'Bala', team: 'Ops' });
  await addStaff(delhi, 'M1', '4321', { name: 'Meena', team: 'Ops', isManager: true });
  await delhi.call('punches.import', { fileName: 'd.csv', content: CSV_DELHI });
  await delhi.call('sync.now', {});
  newYork = await makeTestApp({ clock: testClock(NOW), config: { databaseUrl: url, siteName: 'New York', tz: 'America/New_York' } });
  await addStaff(newYork, 'N1', '1234', { name: 'Nora', team: 'East' });
  await newYork.call('punches.import', { fileName: 'n.csv', content: CSV_NEW_YORK });
  await newYork.call('sync.now', {});
});
afterAll(async () => {
  await delhi.dispose();
  await newYork.dispose();
});

const run = (input: ReportInput): Promise<ReportResult> => delhi.call('reports.run', input);
const pick = (r: ReportResult, ...cols: string[]) => r.rows.map((row) => Object.fromEntries(cols.map((c) => [c, row[c]])));

describe('reports on central', () => {
  it('workhours: per employee per local date, clamped, overnight on the IN date, open sessions counted', async () => {
    const r = await run({ name: 'workhours', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
    expect(r.range).toEqual({ from: '2026-11-16', to: '2026-11-20', tz: 'Asia/Kolkata' });
    expect(pick(r, 'employee_code', 'date', 'seconds', 'hours', 'sessions', 'open_sessions')).toEqual([
      { employee_code: 'A1', date: '2026-11-16', seconds: 30600, hours: 8.5, sessions: 1, open_sessions: 0 },
      { employee_code: 'A1', date: '2026-11-17', seconds: 32400, hours: 9, sessions: 1, open_sessions: 0 },
      { employee_code: 'A1', date: '2026-11-18', seconds: 28800, hours: 8, sessions: 1, open_sessions: 0 },
      { employee_code: 'A1', date: '2026-11-20', seconds: 0, hours: 0, sessions: 0, open_sessions: 2 },
      { employee_code: 'B1', date: '2026-11-17', seconds: 57600, hours: 16, sessions: 1, open_sessions: 0 },
      { employee_code: 'B1', date: '2026-11-20', seconds: 0, hours: 0, sessions: 0, open_sessions: 1 },
    ]);
    // The rows above come from the day totals kept on central; naming the zone computes them
    // from the punches instead, and must give the same rows.
    const computed = await run({ name: 'workhours', from: '2026-11-16', to: '2026-11-20', team: 'Ops', tz: 'Asia/Kolkata' });
    expect(computed.rows).toEqual(r.rows);
    const longer = await run({ name: 'workhours', from: '2026-11-17', to: '2026-11-17', employee: 'B1', maxHours: 24 });
    expect(pick(longer, 'seconds')).toEqual([{ seconds: 72000 }]);
  });

  it('counts an overnight session on its IN date in the --tz path too (not on its OUT date)', async () => {
    const r = await run({ name: 'workhours', from: '2026-11-18', to: '2026-11-19', employee: 'A1', tz: 'Asia/Kolkata' });
    expect(pick(r, 'date', 'seconds', 'sessions')).toEqual([{ date: '2026-11-18', seconds: 8 * 3600, sessions: 1 }]);
    // In UTC the 22:00 IN of the 18th is at 16:30 on the 18th: still the 18th.
    const utc = await run({ name: 'workhours', from: '2026-11-18', to: '2026-11-19', employee: 'A1', tz: 'UTC' });
    expect(pick(utc, 'date', 'seconds')).toEqual([{ date: '2026-11-18', seconds: 8 * 3600 }]);
  });

  it('counts real elapsed time across a DST change, in the site zone', async () => {
    const r = await run({ name: 'workhours', from: '2026-11-01', to: '2026-11-01', team: 'East' });
    expect(pick(r, 'employee_code', 'date', 'seconds')).toEqual([{ employee_code: 'N1', date: '2026-11-01', seconds: 9 * 3600 }]);
  });

  it('daily: IN counts per day and employee; days=N ends today', async () => {
    const r = await run({ name: 'daily', days: 1, team: 'Ops' });
    expect(r.range).toMatchObject({ from: '2026-11-20', to: '2026-11-20' });
    expect(pick(r, 'employee_code', 'ins')).toEqual([
      { employee_code: 'A1', ins: 2 },
      { employee_code: 'B1', ins: 1 },
    ]);
  });

  it('late: first IN after 09:00 plus 10 minutes of grace', async () => {
    const r = await run({ name: 'late', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
    expect(pick(r, 'employee_code', 'date', 'first_in', 'minutes_late')).toEqual([
      { employee_code: 'A1', date: '2026-11-17', first_in: '09:15', minutes_late: 15 },
      { employee_code: 'A1', date: '2026-11-18', first_in: '22:00', minutes_late: 780 },
      { employee_code: 'B1', date: '2026-11-20', first_in: '12:00', minutes_late: 180 },
    ]);
  });

  it('late: a shift change applies from a date, so earlier late arrivals keep the rule of their day', async () => {
    // Grace goes to 30 minutes from today (the 20th): A1's 09:15 IN on the 17th stays late.
    await delhi.call('roster.updateSite', { name: 'Delhi', graceMinutes: 30, by: 'M1' });
    const later = await run({ name: 'late', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
    expect(pick(later, 'employee_code', 'date', 'grace_minutes')).toContainEqual({ employee_code: 'A1', date: '2026-11-17', grace_minutes: 10 });
    // Applied from the 17th instead, it forgives that arrival; the 16th keeps 10 minutes.
    await delhi.call('roster.updateSite', { name: 'Delhi', graceMinutes: 30, effectiveFrom: '2026-11-17', by: 'M1' });
    const back = await run({ name: 'late', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
    expect(pick(back, 'employee_code', 'date')).not.toContainEqual({ employee_code: 'A1', date: '2026-11-17' });
    expect(await delhi.raw('roster.updateSite', { name: 'Delhi', graceMinutes: 5, effectiveFrom: '2026-11-25', by: 'M1' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('applies from today or an earlier date') },
    });
    // Back to 10 minutes from the 16th on, for the tests that follow.
    await delhi.call('roster.updateSite', { name: 'Delhi', graceMinutes: 10, effectiveFrom: '2026-11-16', by: 'M1' });
    await query(url, "DELETE FROM shift_history WHERE scope = 'site' AND effective_from > '2026-11-16'");
  });

  it("late: a team's own shift start and grace override its site's", async () => {
    await query(url, "UPDATE teams SET shift_start = '12:00', grace_minutes = 0 WHERE name = 'Ops'");
    try {
      const r = await run({ name: 'late', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
      expect(pick(r, 'employee_code', 'date', 'shift_start', 'grace_minutes', 'minutes_late')).toEqual([
        { employee_code: 'A1', date: '2026-11-18', shift_start: '12:00', grace_minutes: 0, minutes_late: 600 },
      ]);
    } finally {
      await query(url, "UPDATE teams SET shift_start = NULL, grace_minutes = NULL WHERE name = 'Ops'");
    }
  });

  it('exceptions: missing OUT, missing IN and clamped sessions; a last IN younger than the max hours is in progress', async () => {
    const r = await run({ name: 'exceptions', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
    expect(pick(r, 'employee_code', 'kind', 'date', 'time')).toEqual([
      { employee_code: 'B1', kind: 'MISSING_IN', date: '2026-11-16', time: '18:00' },
      { employee_code: 'B1', kind: 'CLAMPED', date: '2026-11-17', time: null },
      // 09:05 is followed by another IN: missing its OUT at once. 10:00 is the last punch, 4 h old.
      { employee_code: 'A1', kind: 'IN_PROGRESS', date: '2026-11-20', time: '10:00' },
      { employee_code: 'A1', kind: 'MISSING_OUT', date: '2026-11-20', time: '09:05' },
      { employee_code: 'B1', kind: 'IN_PROGRESS', date: '2026-11-20', time: '12:00' },
    ]);
    // With a max of 3 hours, the 10:00 IN is no longer in progress, the 12:00 one still is.
    const short = await run({ name: 'exceptions', from: '2026-11-20', to: '2026-11-20', team: 'Ops', maxHours: 3 });
    expect(pick(short, 'employee_code', 'kind', 'time')).toEqual([
      { employee_code: 'A1', kind: 'MISSING_OUT', time: '09:05' },
      { employee_code: 'A1', kind: 'MISSING_OUT', time: '10:00' },
      { employee_code: 'B1', kind: 'IN_PROGRESS', time: '12:00' },
    ]);
  });

  it('present-now: last punch an IN within max hours', async () => {
    const r = await run({ name: 'present-now' });
    expect(pick(r, 'employee_code', 'since')).toEqual([
      { employee_code: 'A1', since: '2026-11-20 10:00' },
      { employee_code: 'B1', since: '2026-11-20 12:00' },
    ]);
  });

  it('trends: per employee and per team per week', async () => {
    const r = await run({ name: 'trends', from: '2026-11-16', to: '2026-11-20', team: 'Ops' });
    const a = r.rows.find((row) => row.employee_code === 'A1');
    expect(a).toMatchObject({ week: '2026-11-16', days_present: 4, hours: 25.5, late_days: 2, wfh_days: 1, wfo_days: 3 });
    const team = r.rows.find((row) => row.team === 'Ops' && row.employee_code === null);
    expect(team).toMatchObject({ days_present: 6, hours: 41.5, late_days: 3 });
  });

  it('a void takes a punch out of every report, and the punch row stays', async () => {
    const [row] = await query<{ id: string }>(
      url,
      "SELECT p.id::text AS id FROM punches p JOIN employees e ON e.id = p.employee_id WHERE e.code = 'A1' AND p.at_utc = '2026-11-20T04:30:00Z'",
    );
    await query(url, "INSERT INTO punch_voids (punch_id, voided_by, reason) VALUES ($1, 'test', 'tapped IN twice')", [row!.id]);
    const r = await run({ name: 'workhours', from: '2026-11-20', to: '2026-11-20', employee: 'A1' });
    expect(pick(r, 'open_sessions')).toEqual([{ open_sessions: 1 }]);
    expect((await query(url, 'SELECT 1 FROM punches WHERE id = $1', [row!.id])).length).toBe(1);
  });

  it('refuses bad report inputs with typed errors', async () => {
    expect(await delhi.raw('reports.run', { name: 'salaries' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await delhi.raw('reports.run', { name: 'daily', days: 3, from: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await delhi.raw('reports.run', { name: 'daily', tz: 'Mars/Base' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await delhi.raw('reports.run', { name: 'daily' }, 'http')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a manager corrects a missing OUT: a new correction punch, audited, and the hours change', async () => {
    const before = await run({ name: 'workhours', from: '2026-11-20', to: '2026-11-20', employee: 'B1' });
    expect(pick(before, 'seconds', 'open_sessions')).toEqual([{ seconds: 0, open_sessions: 1 }]);
    const fix = await delhi.call('punches.correct', {
      action: 'add',
      employeeCode: 'B1',
      kind: 'OUT',
      at: '2026-11-20T13:30:00+05:30',
      reason: 'forgot to punch out; confirmed by the team lead',
      by: 'M1',
    });
    expect(fix.audit).toMatchObject({
      actor: 'manager:M1',
      action: 'punch.add',
      entityId: fix.punchId,
      before: null,
      after: expect.objectContaining({ source: 'correction', kind: 'OUT' }),
    });
    const after = await run({ name: 'workhours', from: '2026-11-20', to: '2026-11-20', employee: 'B1' });
    expect(pick(after, 'seconds', 'hours', 'open_sessions')).toEqual([{ seconds: 5400, hours: 1.5, open_sessions: 0 }]);
    const history = await delhi.call('audit.list', { employeeCode: 'B1' });
    expect(history.map((h) => [h.action, h.reason])).toEqual([['punch.add', 'forgot to punch out; confirmed by the team lead']]);
  });

  it('voids a wrong session with a reason, keeps the rows, and records the before state; a lone half is refused', async () => {
    const ids = await query<{ id: string }>(
      url,
      `SELECT p.id::text AS id FROM punches p JOIN employees e ON e.id = p.employee_id
        WHERE e.code = 'A1' AND p.at_utc IN ('2026-11-17T03:45:00Z', '2026-11-17T12:45:00Z') ORDER BY p.at_utc`,
    );
    const [inId, outId] = ids.map((r) => r.id) as [string, string];
    // Voiding the IN alone would leave its OUT without an IN: refused, naming it.
    expect(await delhi.raw('punches.correct', { action: 'void', punchId: inId, reason: 'badge used by someone else', by: 'M1' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('would leave the OUT at 18:15 on 2026-11-17 without its IN') },
    });
    const res = await delhi.call('punches.correct', {
      action: 'void',
      punchId: inId,
      withPunchId: outId,
      reason: 'badge used by someone else',
      by: 'M1',
    });
    expect(res.audit).toMatchObject({ action: 'punch.void', before: expect.objectContaining({ id: inId, kind: 'IN' }), after: { voided: true } });
    const r = await run({ name: 'workhours', from: '2026-11-17', to: '2026-11-17', employee: 'A1' });
    expect(r.rows).toEqual([]);
    expect(await delhi.raw('punches.correct', { action: 'void', punchId: inId, reason: 'again', by: 'M1' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await query(url, 'SELECT 1 FROM punches WHERE id = ANY($1::uuid[])', [[inId, outId]])).length).toBe(2);
    expect((await delhi.call('audit.list', { employeeCode: 'A1' })).filter((a) => a.action === 'punch.void')).toHaveLength(2);
  });

  it('checks a correction against the timeline: an OUT before its IN is refused naming the IN; the same correction twice is one row; an overnight OUT closes', async () => {
    // A1's IN at 09:05 on the 20th is followed by another IN at 10:00 (a missing OUT).
    const early = await delhi.raw('punches.correct', {
      action: 'add',
      employeeCode: 'A1',
      kind: 'OUT',
      at: '2026-11-20T00:05',
      reason: 'forgot',
      by: 'M1',
    });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'An OUT must come after the IN it closes: the IN on 2026-11-20 is at 09:05, after 00:05.' },
    });
    const day = { name: 'workhours', from: '2026-11-20', to: '2026-11-20', employee: 'A1' } as const;
    const asItWas = pick(await run(day), 'seconds', 'open_sessions');
    const fix = { action: 'add', employeeCode: 'A1', kind: 'OUT', at: '2026-11-20T09:55', reason: 'left for the bank, came back', by: 'M1' };
    const first = await delhi.call('punches.correct', fix);
    const second = await delhi.call('punches.correct', fix);
    expect(second).toMatchObject({ punchId: first.punchId, repeated: true });
    expect(first.repeated).toBe(false);
    expect(pick(await run(day), 'seconds')).toEqual([{ seconds: 50 * 60 }]);
    expect(await query(url, "SELECT count(*)::int AS n FROM punches WHERE source = 'correction' AND id = $1", [first.punchId])).toEqual([{ n: 1 }]);
    // Undo: a correction is voided like any punch, and the day is as it was.
    await delhi.call('punches.correct', { action: 'void', punchId: first.punchId, reason: 'wrong day, undone', by: 'M1' });
    expect(pick(await run(day), 'seconds', 'open_sessions')).toEqual(asItWas);
  });

  it('shows the day under review whole: its punches with who voided them and why, its history, and the shift end in force on that day', async () => {
    // Ops closes at 22:00 from the 19th on: a correction on the 20th defaults to 22:00, one on the 18th to the site's 18:00.
    await delhi.call('roster.updateTeam', { name: 'Ops', shiftEnd: '22:00', effectiveFrom: '2026-11-19', by: 'M1' });
    try {
      const fix = await delhi.call('punches.correct', {
        action: 'add',
        employeeCode: 'A1',
        kind: 'OUT',
        at: '2026-11-20T09:50',
        reason: 'stepped out to the bank',
        by: 'M1',
      });
      await delhi.call('punches.correct', { action: 'void', punchId: fix.punchId, reason: 'she never left', by: 'M1' });
      const day = await delhi.call('punches.day', { employeeCode: 'A1', date: '2026-11-20' });
      expect(day).toMatchObject({
        employee: { code: 'A1', name: 'Anita', team: 'Ops' },
        date: '2026-11-20',
        nextDate: '2026-11-21',
        tz: 'Asia/Kolkata',
      });
      expect([day.shiftStart, day.shiftEnd]).toEqual(['09:00', '22:00']);
      expect(day.punches.find((p) => p.id === fix.punchId)).toEqual({
        id: fix.punchId,
        kind: 'OUT',
        at: '2026-11-20T04:20:00.000Z',
        localDate: '2026-11-20',
        localTime: '09:50',
        source: 'correction',
        workMode: 'WFO',
        voided: true,
        voidedBy: expect.stringContaining('M1'),
        voidReason: 'she never left',
      });
      // The voided correction is listed but counts for nothing: the day's live punches start with the 09:05 IN.
      const live = day.punches.filter((p) => !p.voided).map((p) => `${p.localDate} ${p.localTime} ${p.kind}`);
      expect([live[0], live.includes('2026-11-20 09:50 OUT')]).toEqual(['2026-11-20 09:05 IN', false]);
      expect(day.history.filter((h) => h.entityId === fix.punchId).map((h) => [h.action, h.actor, h.reason])).toEqual([
        ['punch.add', 'manager:M1', 'stepped out to the bank'],
        ['punch.void', 'manager:M1', 'she never left'],
      ]);
      const before = await delhi.call('punches.day', { employeeCode: 'A1', date: '2026-11-18' });
      expect([before.shiftEnd, before.punches.map((p) => `${p.localDate} ${p.localTime} ${p.kind}`)]).toEqual([
        '18:00',
        ['2026-11-18 22:00 IN', '2026-11-19 06:00 OUT'],
      ]);
    } finally {
      await delhi.call('roster.updateTeam', { name: 'Ops', shiftEnd: null, effectiveFrom: '2026-11-19', by: 'M1' });
    }
  });

  it('refuses corrections without a manager, a reason, or from the kiosk screen', async () => {
    const add = { action: 'add', employeeCode: 'A1', kind: 'OUT', at: '2026-11-20T12:00:00+05:30', reason: 'fix it', by: 'A1' };
    expect(await delhi.raw('punches.correct', add)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await delhi.raw('punches.correct', { ...add, by: 'M1', reason: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await delhi.raw('punches.correct', { ...add, by: 'M1', employeeCode: 'ZZ' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EMPLOYEE' },
    });
    expect(await delhi.raw('punches.correct', { ...add, by: 'M1' }, 'http')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('says plainly when central cannot be reached', async () => {
    const offline = await makeTestApp({ clock: testClock(NOW) });
    try {
      expect(await offline.raw('reports.run', { name: 'daily' })).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: 'Central database refused the connection (is it running?).' },
      });
    } finally {
      await offline.dispose();
    }
  });
});

describe('workhours row order', () => {
  it('is employee code (code points) then date, whatever order the employees were added and punched in', async () => {
    const orderUrl = await createTestDatabase('reports_order');
    const app = await makeTestApp({ clock: testClock(NOW), config: { databaseUrl: orderUrl, siteName: 'Delhi', tz: 'Asia/Kolkata' } });
    try {
      for (const code of ['b2', 'Z9', 'A9', 'A10']) await addStaff(app, code);
      const days = ['2026-11-18', '2026-11-16', '2026-11-17'];
      const lines = ['Z9', 'b2', 'A10', 'A9'].flatMap((code, i) =>
        days.flatMap((d) => [`${code},IN,${d}T09:0${i}:00+05:30`, `${code},OUT,${d}T1${i}:30:00+05:30`]),
      );
      await app.call('punches.import', { fileName: 'order.csv', content: lines.join('\n') });
      await app.call('sync.now', {});
      const input = { name: 'workhours', from: '2026-11-16', to: '2026-11-18' } as const;
      const kept = await app.call('reports.run', input);
      const keys = kept.rows.map((row) => `${String(row.employee_code)} ${String(row.date)}`);
      const codes = ['A10', 'A9', 'Z9', 'b2'];
      expect(keys).toEqual(codes.flatMap((c) => ['2026-11-16', '2026-11-17', '2026-11-18'].map((d) => `${c} ${d}`)));
      // b2 (added first, punched second) works 09:01 to 11:30 each day: 2.48 h.
      expect(pick(kept, 'employee_code', 'seconds', 'hours').filter((r) => r.employee_code === 'b2')).toEqual(
        Array.from({ length: 3 }, () => ({ employee_code: 'b2', seconds: 8940, hours: 2.48 })),
      );
      // The same rows, in the same order, when computed from the punches.
      expect((await app.call('reports.run', { ...input, tz: 'Asia/Kolkata' })).rows).toEqual(kept.rows);
    } finally {
      await app.dispose();
    }
  });

  it('one max-hours setting: FRONTDESK_MAX_HOURS sets the reports’ clamp as it sets the kiosk’s, and central keeps its totals with the same default', async () => {
    expect(await query(url, 'SELECT public.kept_clamp_seconds() AS s')).toEqual([{ s: DEFAULT_MAX_HOURS * 3600 }]);
    const eight = await makeTestApp({ clock: testClock(NOW), config: { databaseUrl: url, siteName: 'Delhi', tz: 'Asia/Kolkata', maxHours: 8 } });
    try {
      // B1's 20-hour session on the 17th: 16 h by default, 8 h where the setting says 8.
      const atDefault = await run({ name: 'workhours', from: '2026-11-17', to: '2026-11-17', employee: 'B1' });
      const atEight = await eight.call('reports.run', { name: 'workhours', from: '2026-11-17', to: '2026-11-17', employee: 'B1' });
      expect(pick(atDefault, 'seconds')).toEqual([{ seconds: 16 * 3600 }]);
      expect(pick(atEight, 'seconds')).toEqual([{ seconds: 8 * 3600 }]);
      const exceptions = await eight.call('reports.run', { name: 'exceptions', from: '2026-11-17', to: '2026-11-17', employee: 'B1' });
      expect(pick(exceptions, 'kind')).toEqual([{ kind: 'CLAMPED' }]);
    } finally {
      await eight.dispose();
    }
  });
});

describe('late on a working day only', () => {
  it("a Saturday IN is not late on a Mon–Fri site; it is once the site works Saturdays, and the trends' late days agree", async () => {
    await addStaff(delhi, 'W1', '1234', { name: 'Wasim', team: 'Weekend' });
    const csv = ['W1,IN,2026-11-14T10:30:00+05:30', 'W1,OUT,2026-11-14T14:00:00+05:30', 'W1,IN,2026-11-16T10:30:00+05:30'].join('\n');
    await delhi.call('punches.import', { fileName: 'w.csv', content: csv });
    await delhi.call('sync.now', {});
    const range = { from: '2026-11-14', to: '2026-11-16', team: 'Weekend' } as const;
    const lateDates = async () => pick(await run({ name: 'late', ...range }), 'date').map((r) => r.date);
    const lateDays = async () =>
      (await run({ name: 'trends', ...range })).rows.filter((r) => r.employee_code === 'W1').map((r) => [r.week, r.late_days]);
    expect(await lateDates()).toEqual(['2026-11-16']);
    expect(await lateDays()).toEqual([
      ['2026-11-09', 0],
      ['2026-11-16', 1],
    ]);
    await delhi.call('roster.updateSite', { name: 'Delhi', workingDays: [1, 2, 3, 4, 5, 6], by: 'M1' });
    try {
      expect(await lateDates()).toEqual(['2026-11-14', '2026-11-16']);
      expect(await lateDays()).toEqual([
        ['2026-11-09', 1],
        ['2026-11-16', 1],
      ]);
    } finally {
      await delhi.call('roster.updateSite', { name: 'Delhi', workingDays: [1, 2, 3, 4, 5], by: 'M1' });
    }
  });
});

describe('in progress or a missing OUT: the exceptions report and openSessionState agree', () => {
  it('at the max-hours boundary, to the second, and an IN followed by another IN at once', async () => {
    await addStaff(delhi, 'T1', '1234', { name: 'Tara', team: 'Twins' });
    await addStaff(delhi, 'T2', '1234', { name: 'Tanu', team: 'Twins' });
    await addStaff(delhi, 'T3', '1234', { name: 'Tina', team: 'Twins' });
    const limit = NOW - DEFAULT_MAX_HOURS * 3_600_000;
    const at = (ms: number) => new Date(ms).toISOString();
    // T1 came in exactly the max hours ago, T2 a second later; T3 came in twice within the hour.
    const csv = [`T1,IN,${at(limit)}`, `T2,IN,${at(limit + 1000)}`, `T3,IN,${at(NOW - 3_000_000)}`, `T3,IN,${at(NOW - 600_000)}`].join('\n');
    await delhi.call('punches.import', { fileName: 't.csv', content: csv });
    await delhi.call('sync.now', {});
    const r = await run({ name: 'exceptions', from: '2026-11-19', to: '2026-11-20', team: 'Twins' });
    expect(pick(r, 'employee_code', 'kind', 'time')).toEqual([
      { employee_code: 'T1', kind: openSessionState(limit, NOW, DEFAULT_MAX_HOURS), time: '22:00' },
      { employee_code: 'T2', kind: openSessionState(limit + 1000, NOW, DEFAULT_MAX_HOURS), time: '22:00' },
      { employee_code: 'T3', kind: openSessionState(NOW - 600_000, NOW, DEFAULT_MAX_HOURS), time: '13:50' },
      { employee_code: 'T3', kind: openSessionState(NOW - 3_000_000, NOW, DEFAULT_MAX_HOURS, false), time: '13:10' },
    ]);
    expect(pick(r, 'kind').map((k) => k.kind)).toEqual(['MISSING_OUT', 'IN_PROGRESS', 'IN_PROGRESS', 'MISSING_OUT']);
  });
});
