import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
afterEach(() => t?.dispose());

const CSV = [
  'employee_code,kind,at,work_mode,device_id',
  'E1,IN,2026-11-18T09:00:00+05:30,WFO,gate-1',
  'E1,OUT,2026-11-18T18:00:00+05:30',
  'E9,IN,2026-11-18T09:00:00+05:30',
  'E1,IN,not-a-time',
  '',
  'E2,IN,2026-11-18T09:30:00+05:30,WFH',
  'E2,OUT,2030-01-01T00:00:00Z',
].join('\n');

describe('punch import', () => {
  it('imports good lines, reports each bad one with its line number, and adds nothing the second time', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    await addStaff(t, 'E2');
    const first = await t.call('punches.import', { fileName: 'a.csv', content: CSV });
    expect(first).toEqual({
      format: 'csv',
      lines: 6,
      imported: 3,
      alreadyPresent: 0,
      errors: [
        { line: 4, reason: "unknown employee code 'E9'" },
        { line: 5, reason: expect.stringContaining('ISO-8601') },
        { line: 8, reason: '2030-01-01T00:00:00.000Z is in the future' },
      ],
    });
    const again = await t.call('punches.import', { fileName: 'a.csv', content: CSV });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 3 });
    const rows = await t.call('punches.list', {});
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.employeeCode === 'E2')).toMatchObject({ workMode: 'WFH', source: 'import', localTime: '09:30' });
    expect(rows.find((r) => r.kind === 'IN' && r.employeeCode === 'E1')).toMatchObject({ deviceId: 'gate-1', pending: true });
  });

  it('imports a ZKTeco attendance log in the site zone', async () => {
    t = await makeTestApp();
    await addStaff(t, '1001');
    const log = '  1001\t2026-11-18 09:02:11\t1\t0\t1\t0\n  1001\t2026-11-18 18:10:00\t1\t1\t1\t0\n  1001\t2026-11-18 13:00:00\t1\t3\t1\t0\n';
    const r = await t.call('punches.import', { fileName: 'attlog.dat', content: log });
    expect(r).toMatchObject({ format: 'zkteco', imported: 2, errors: [{ line: 3, reason: expect.stringContaining('state 3') }] });
    const rows = await t.call('punches.list', {});
    expect(rows.map((x) => [x.kind, x.at])).toEqual([
      ['OUT', '2026-11-18T12:40:00.000Z'],
      ['IN', '2026-11-18T03:32:11.000Z'],
    ]);
  });

  it('treats the same punch in two files as one', async () => {
    t = await makeTestApp();
    await addStaff(t, '1001');
    await t.call('punches.import', { fileName: 'a.csv', content: '1001,IN,2026-11-18T03:32:11Z' });
    const r = await t.call('punches.import', { fileName: 'b.dat', content: '1001\t2026-11-18 09:02:11\t1\t0\n' });
    expect(r).toMatchObject({ imported: 0, alreadyPresent: 1 });
  });
});
