import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

let url: string;
let hq: TestApp;
let branch: TestApp;

beforeAll(async () => {
  url = await createTestDatabase('roster');
  hq = await makeTestApp({ demo: true, clock: testClock(Date.now()), config: { databaseUrl: url } });
  branch = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url, siteName: 'Branch' } });
  await hq.call('sync.now', {});
  await branch.call('sync.now', {});
});
afterAll(async () => {
  await hq.dispose();
  await branch.dispose();
});

describe('roster managed on central reaches every kiosk', () => {
  it('adds a site and a team, audited, with shift start and grace', async () => {
    const site = await hq.call('roster.addSite', { name: 'Pune', tz: 'Asia/Kolkata', shiftStart: '08:30', graceMinutes: 5, by: '1001' });
    const team = await hq.call('roster.addTeam', { name: 'Pune Desk', site: 'Pune', by: '1001' });
    expect(team.version).toBeGreaterThan(site.version);
    expect(await query(url, "SELECT shift_start, grace_minutes FROM sites WHERE name = 'Pune'")).toEqual([
      { shift_start: '08:30', grace_minutes: 5 },
    ]);
    expect(
      (await query<{ action: string }>(url, "SELECT action FROM audit_log WHERE entity IN ('site', 'team') ORDER BY id")).map((r) => r.action),
    ).toEqual(['site.add', 'team.add']);
    expect(await hq.raw('roster.addSite', { name: 'Pune', tz: 'Asia/Kolkata', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await hq.raw('roster.addTeam', { name: 'X', site: 'Nowhere', by: '1001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('resets a PIN, moves a team, reassigns a badge and deactivates — every kiosk follows after its pull', async () => {
    await hq.call('roster.updateEmployee', { code: '1002', pin: '9876', team: 'Pune Desk', badge: 'NEW-BADGE-1002', by: '1001' });
    await branch.call('sync.now', {});
    expect(await branch.raw('kiosk.identify', { method: 'pin', code: '1002', pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN' },
    });
    expect((await branch.call('kiosk.identify', { method: 'pin', code: '1002', pin: '9876' })).employee.name).toBe('Vikram Nair');
    expect((await branch.call('kiosk.identify', { method: 'badge', badge: 'NEW-BADGE-1002' })).employee.code).toBe('1002');
    const list = await branch.call('employees.list', { includeInactive: true });
    expect(list.find((e) => e.code === '1002')?.team).toBe('Pune Desk');

    await hq.call('roster.updateEmployee', { code: '1003', active: false, by: '1006' });
    await branch.call('sync.now', {});
    expect(await branch.raw('kiosk.identify', { method: 'pin', code: '1003', pin: '2345' })).toMatchObject({
      ok: false,
      error: { code: 'INACTIVE_EMPLOYEE' },
    });
    const history = await query<{ actor: string; action: string }>(url, "SELECT actor, action FROM audit_log WHERE entity = 'employee' ORDER BY id");
    expect(history).toEqual([
      { actor: 'manager:1001', action: 'employee.update' },
      { actor: 'manager:1006', action: 'employee.update' },
    ]);
  });

  it("changes a site's and a team's shift times; a team's override falls back to the site's when cleared", async () => {
    await hq.call('roster.updateSite', { name: 'Pune', shiftEnd: '17:30', graceMinutes: 15, by: '1001' });
    await hq.call('roster.addTeam', { name: 'Pune Nights', site: 'Pune', shiftStart: '21:00', shiftEnd: '06:00', by: '1001' });
    let roster = await hq.call('roster.list', {});
    expect(roster.sites.find((x) => x.name === 'Pune')).toEqual({
      name: 'Pune',
      tz: 'Asia/Kolkata',
      shiftStart: '08:30',
      graceMinutes: 15,
      shiftEnd: '17:30',
    });
    expect(roster.teams.find((x) => x.name === 'Pune Nights')).toMatchObject({
      site: 'Pune',
      shiftStart: '21:00',
      graceMinutes: null,
      shiftEnd: '06:00',
    });
    await hq.call('roster.updateTeam', { name: 'Pune Nights', shiftStart: null, graceMinutes: 0, by: '1001' });
    expect(await query(url, "SELECT shift_start, grace_minutes, shift_end FROM reporting.teams WHERE name = 'Pune Nights'")).toEqual([
      { shift_start: '08:30', grace_minutes: 0, shift_end: '06:00' },
    ]);
    const audit = await query<{ action: string; before: { shift_start: string | null } }>(
      url,
      "SELECT action, before FROM audit_log WHERE action = 'team.update'",
    );
    expect(audit).toEqual([{ action: 'team.update', before: expect.objectContaining({ shift_start: '21:00' }) }]);
    expect(await hq.raw('roster.updateSite', { name: 'Nowhere', shiftEnd: '17:00', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await hq.raw('roster.updateSite', { name: 'Pune', tz: 'UTC', by: '1001' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await hq.raw('roster.updateTeam', { name: 'Pune Nights', shiftEnd: '25:00', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    roster = await hq.call('roster.list', {});
    expect(roster.teams.map((t) => t.name)).toContain('Pune Nights');
  });

  it('creates an employee on central; every kiosk can punch them after its pull', async () => {
    const added = await hq.call('roster.addEmployee', {
      code: '2001',
      name: 'Nila Sen',
      pin: '2468',
      team: 'Pune Desk',
      badge: 'B-2001',
      by: '1001',
    });
    expect(added.entity).toBe('employee');
    await branch.call('sync.now', {});
    expect((await branch.call('kiosk.identify', { method: 'pin', code: '2001', pin: '2468' })).employee).toMatchObject({
      code: '2001',
      name: 'Nila Sen',
    });
    expect(await hq.raw('roster.addEmployee', { code: '2001', name: 'Again', pin: '2468', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'An employee with the code 2001 already exists.' },
    });
    // A taken badge is named as a badge, not as "code or badge".
    expect(await hq.raw('roster.addEmployee', { code: '2003', name: 'Other', pin: '2468', badge: 'B-2001', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'That badge is already assigned to another employee.' },
    });
    expect(await hq.raw('roster.addEmployee', { code: '2002', name: 'X', pin: '12', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const roster = await hq.call('roster.list', {});
    expect(roster.employees.find((e) => e.code === '2001')).toEqual({
      code: '2001',
      name: 'Nila Sen',
      team: 'Pune Desk',
      isManager: false,
      badge: 'B-2001',
      active: true,
    });
    expect((await query<{ pin_hash: string }>(url, "SELECT pin_hash FROM employees WHERE code = '2001'"))[0]?.pin_hash).toMatch(/^scrypt/);
  });

  it('refuses roster changes by non-managers and for unknown employees', async () => {
    expect(await hq.raw('roster.updateEmployee', { code: '1004', active: false, by: '1002' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await hq.raw('roster.updateEmployee', { code: 'NOPE', active: false, by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EMPLOYEE' },
    });
    expect(await hq.raw('roster.updateEmployee', { code: '1004', badge: 'NEW-BADGE-1002', by: '1001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'That badge is already assigned to another employee.' },
    });
    expect(await hq.raw('roster.updateEmployee', { code: '1004', active: false, by: '1001' }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
