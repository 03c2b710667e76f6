// Roles and reach on a running Central: each role's allowed and refused calls, by the console
// (/rpc) and by the API (/api/v1), and a manager of Engineering who cannot see or change
// Operations by any path. A token made for a user never does more than the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams, type Seeded } from '../support/central-seed.js';
import { api, ConsoleClient, startTestCentral, type Json, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';

let c: TestCentral;
let seeded: Seeded;
const clients: Record<string, ConsoleClient> = {};
const passwords: Record<string, string> = {};

beforeAll(async () => {
  c = await startTestCentral();
  seeded = await seedTwoTeams(c);
  passwords.eng = await c.addUser('eng-manager', 'manager', { teams: ['Engineering'] });
  passwords.plant = await c.addUser('plant-manager', 'manager', { sites: ['Plant'] });
  passwords.viewer = await c.addUser('eng-viewer', 'viewer', { teams: ['Engineering'] });
  passwords.payroll = await c.addUser('payroll', 'payroll');
  passwords.root = await c.addUser('root', 'admin');
  for (const [key, username] of [
    ['eng', 'eng-manager'],
    ['plant', 'plant-manager'],
    ['viewer', 'eng-viewer'],
    ['payroll', 'payroll'],
    ['root', 'root'],
  ] as const) {
    const client = new ConsoleClient(c.url);
    expect((await client.signIn(username, passwords[key]!)).status).toBe(200);
    clients[key] = client;
  }
}, 60_000);
afterAll(async () => {
  await c.close();
});

const employeesOf = (rows: Json[]): string[] => [...new Set(rows.map((r: { employee_code: string }) => r.employee_code))].sort();
const day = () => seeded.dates[2]!; // O1 forgot the OUT that day

/** A correction adding the OUT O1 forgot on the third day. */
const omarOut = () => ({ action: 'add', employeeCode: 'O1', kind: 'OUT', at: `${day()}T18:00:00+05:30`, reason: 'forgot to punch out', by: 'X' });

describe('a manager of Engineering', () => {
  it('reads only Engineering in every report, the dashboard, the roster and the day view', async () => {
    const m = clients.eng!;
    const hours = await m.rpc('reports.run', { name: 'workhours', days: 7 });
    expect(hours.status).toBe(200);
    expect(employeesOf(hours.body.value.rows)).toEqual(['E1', 'E2']);
    const exceptions = await m.rpc('reports.run', { name: 'exceptions', days: 7 });
    expect(exceptions.body.value.rows.some((r: { employee_code: string }) => r.employee_code === 'O1')).toBe(false);
    // The REST API's JSON form of a report, called by name from the console, keeps the same reach.
    for (const name of ['workhours', 'late', 'exceptions']) {
      const json = await m.rpc('reports.json', { name, days: 7 });
      expect(json.status, name).toBe(200);
      const codes = new Set(JSON.parse(json.body.value.rowsJson).map((r: { employee_id: string }) => r.employee_id));
      expect(codes.has('O1'), name).toBe(false);
      if (name === 'workhours') expect([...codes].sort()).toEqual(['E1', 'E2']);
    }
    const roster = await m.rpc('roster.list');
    expect(roster.body.value.employees.map((e: { code: string }) => e.code).sort()).toEqual(['E1', 'E2']);
    expect(roster.body.value.teams.map((t: { name: string }) => t.name)).toEqual(['Engineering']);
    const dash = await m.rpc('reports.dashboard', { days: 7 });
    expect(dash.status).toBe(200);
    expect(JSON.stringify(dash.body.value)).not.toContain('Omar');
    const own = await m.rpc('punches.day', { employeeCode: 'E1', date: day() });
    expect(own.status).toBe(200);
    const other = await m.rpc('punches.day', { employeeCode: 'O1', date: day() });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/not in the teams or sites you are given/);
  });

  it('cannot correct, add or change anyone in Operations, and nothing is written when refused', async () => {
    const m = clients.eng!;
    const before = await query<{ n: number }>(c.databaseUrl, 'SELECT count(*)::int AS n FROM punches');
    const corrected = await m.rpc('punches.correct', omarOut());
    expect(corrected.status).toBe(403);
    const moved = await m.rpc('roster.updateEmployee', { code: 'O1', name: 'Renamed' });
    expect(moved.status).toBe(403);
    const intoOps = await m.rpc('roster.addEmployee', { code: 'N9', name: 'New Person', pin: '4321', team: 'Operations' });
    expect(intoOps.status).toBe(403);
    const stealE1 = await m.rpc('roster.updateEmployee', { code: 'E1', team: 'Operations' });
    expect(stealE1.status).toBe(403);
    const after = await query<{ n: number }>(c.databaseUrl, 'SELECT count(*)::int AS n FROM punches');
    expect(after[0]!.n).toBe(before[0]!.n);
    const names = await query<{ name: string; team: string }>(
      c.databaseUrl,
      "SELECT e.name, t.name AS team FROM employees e JOIN teams t ON t.id = e.team_id WHERE e.code IN ('O1', 'E1') ORDER BY e.code",
    );
    expect(names).toEqual([
      { name: 'Esha One', team: 'Engineering' },
      { name: 'Omar One', team: 'Operations' },
    ]);
    expect((await query<{ n: number }>(c.databaseUrl, "SELECT count(*)::int AS n FROM employees WHERE code = 'N9'"))[0]!.n).toBe(0);
  });

  it('corrects its own team, and the audit names the account', async () => {
    const m = clients.eng!;
    const r = await m.rpc('punches.correct', {
      action: 'add',
      employeeCode: 'E1',
      kind: 'IN',
      at: `${seeded.dates[0]!}T08:00:00+05:30`,
      outAt: `${seeded.dates[0]!}T08:30:00+05:30`,
      reason: 'early shift, badge forgotten',
      by: 'X',
    });
    expect(r.status).toBe(200);
    expect(r.body.value.audit.actor).toBe('user:eng-manager');
  });

  it('is refused the SQL console, the AI’s look at other teams, accounts, tokens and the audit log', async () => {
    const m = clients.eng!;
    expect((await m.rpc('sql.run', { sql: 'SELECT 1' })).status).toBe(403);
    for (const method of ['users.list', 'tokens.list', 'audit.list']) expect((await m.rpc(method)).status).toBe(403);
    expect((await m.rpc('users.add', { username: 'sneaky', password: 'long-enough-password', role: 'admin' })).status).toBe(403);
    const asked = await m.rpc('ai.ask', { question: 'how many hours did Omar One work last week' });
    expect(asked.status).toBe(200);
    expect(JSON.stringify(asked.body.value)).not.toMatch(/Omar One[^"]*\d+(\.\d+)? ?h/);
  });

  it('by the API with a token made for it: only Engineering, and no more than the account even with an admin scope', async () => {
    const token = await c.token('admin', 'eng-manager');
    const employees = await api(c.url, token, 'GET', '/api/v1/employees');
    expect(employees.body.map((e: { id: string }) => e.id)).toEqual(['E1', 'E2']);
    const hours = await api(c.url, token, 'GET', '/api/v1/summary/workhours?days=7');
    expect([...new Set(hours.body.map((r: { employee_id: string }) => r.employee_id))].sort()).toEqual(['E1', 'E2']);
    // Asked for by code, Operations' events are an empty page, as for a code that does not exist.
    const list = await api(c.url, token, 'GET', '/api/v1/attendance?employee_id=O1');
    expect(list.body.items).toEqual([]);
    const everyone = await c.token('read');
    expect((await api(c.url, everyone, 'GET', '/api/v1/attendance?employee_id=O1')).body.items.length).toBeGreaterThan(0);
    const all = await api(c.url, token, 'GET', '/api/v1/attendance?limit=500');
    expect(all.body.items.every((p: { employee_id: string }) => p.employee_id !== 'O1')).toBe(true);
    const post = await api(c.url, token, 'POST', '/api/v1/attendance', { employee_id: 'O1', event_type: 'OUT', timestamp: `${day()}T12:30:00Z` });
    expect(post.status).toBe(404);
    expect(post.body.error.message).toBe('No employee has the code O1 in your teams.');
    expect((await api(c.url, token, 'GET', '/api/v1/teams')).body.map((t: { name: string }) => t.name)).toEqual(['Engineering']);
    expect(
      (await api(c.url, token, 'GET', '/api/v1/reports/exceptions?days=7')).body.some((r: { employee_id: string }) => r.employee_id === 'O1'),
    ).toBe(false);
    // The admin scope is capped by the account: a manager may not make users or tokens.
    expect((await c.admin('tokens.list', {})).find((t) => t.user === 'eng-manager')?.scope).toBe('admin');
  });
});

describe('a manager given a site', () => {
  it('sees and corrects the site’s people, and not Engineering', async () => {
    const m = clients.plant!;
    const hours = await m.rpc('reports.run', { name: 'workhours', days: 7 });
    expect(employeesOf(hours.body.value.rows)).toEqual(['O1']);
    expect((await m.rpc('punches.day', { employeeCode: 'E1', date: day() })).status).toBe(403);
    const fixed = await m.rpc('punches.correct', omarOut());
    expect(fixed.status).toBe(200);
    expect(fixed.body.value.audit.actor).toBe('user:plant-manager');
  });
});

describe('a viewer', () => {
  it('reads its team only and changes nothing, even there', async () => {
    const v = clients.viewer!;
    const hours = await v.rpc('reports.run', { name: 'workhours', days: 7 });
    expect(employeesOf(hours.body.value.rows)).toEqual(['E1', 'E2']);
    const r = await v.rpc('punches.correct', {
      action: 'add',
      employeeCode: 'E2',
      kind: 'IN',
      at: `${seeded.dates[1]!}T07:00:00+05:30`,
      outAt: `${seeded.dates[1]!}T07:30:00+05:30`,
      reason: 'should not work',
      by: 'X',
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/may read reports but not change anything/);
    expect((await v.rpc('roster.updateEmployee', { code: 'E2', name: 'Changed' })).status).toBe(403);
  });
});

describe('payroll', () => {
  it('reads every team, runs the SQL console, and changes nothing', async () => {
    const p = clients.payroll!;
    const hours = await p.rpc('reports.run', { name: 'workhours', days: 7 });
    expect(employeesOf(hours.body.value.rows)).toEqual(['E1', 'E2', 'O1']);
    const sql = await p.rpc('sql.run', { sql: 'SELECT count(*) AS n FROM reporting.employees' });
    expect(sql.status).toBe(200);
    expect(Number(sql.body.value.rows[0].n)).toBe(3);
    expect((await p.rpc('punches.correct', omarOut())).status).toBe(403);
    expect((await p.rpc('roster.addTeam', { name: 'Finance', site: 'HQ' })).status).toBe(403);
    expect((await p.rpc('users.list')).status).toBe(403);
  });

  it('with a read token downloads the work-hours CSV for everyone, and may not post a punch', async () => {
    const token = await c.token('read', 'payroll');
    const csv = await api(c.url, token, 'GET', '/api/v1/summary/workhours?days=7', undefined, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    for (const code of ['E1', 'E2', 'O1']) expect(csv.text).toContain(code);
    const post = await api(c.url, token, 'POST', '/api/v1/clock-in', { employee_id: 'E1' });
    expect(post.status).toBe(403);
  });
});

describe('an admin', () => {
  it('does everything: accounts, tokens, the audit log, every team', async () => {
    const a = clients.root!;
    expect((await a.rpc('users.list')).body.value.map((u: { username: string }) => u.username)).toContain('eng-viewer');
    const audit = await a.rpc('audit.list', { actor: 'user:eng-manager' });
    expect(audit.status).toBe(200);
    expect(audit.body.value.length).toBeGreaterThan(0);
    expect((await a.rpc('roster.addTeam', { name: 'Finance', site: 'HQ' })).status).toBe(200);
  });

  it('but a read token made for an admin still only reads', async () => {
    const token = await c.token('read', 'root');
    expect((await api(c.url, token, 'POST', '/api/v1/employees', { code: 'R1', name: 'Read Only', team: 'Finance', pin: '1111' })).status).toBe(403);
    expect((await api(c.url, token, 'GET', '/api/v1/employees')).status).toBe(200);
    const write = await c.token('write', 'root');
    expect((await api(c.url, write, 'POST', '/api/v1/employees', { code: 'R1', name: 'Read Only', team: 'Finance', pin: '1111' })).status).toBe(201);
  });

  it('narrowing a manager takes effect on its open session at once', async () => {
    await c.admin('users.update', { username: 'plant-manager', teams: ['Engineering'], sites: [] });
    const hours = await clients.plant!.rpc('reports.run', { name: 'workhours', days: 7 });
    expect(employeesOf(hours.body.value.rows)).toEqual(['E1', 'E2']);
    expect((await clients.plant!.rpc('punches.day', { employeeCode: 'O1', date: day() })).status).toBe(403);
  });
});
