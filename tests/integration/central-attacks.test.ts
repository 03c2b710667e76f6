// Attacks on a running Central from an attack pass, each fixed at its root: a team manager who
// minted a kiosk manager (who reaches every team), made-up tokens that dodged the rate limit,
// bad input answered with 500 or "database unavailable", and client ids shared by tokens of
// one name.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams, type Seeded } from '../support/central-seed.js';
import { api, ConsoleClient, startTestCentral, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';

let c: TestCentral;
let seeded: Seeded;
let manager: ConsoleClient;
let admin: ConsoleClient;
let read: string;

beforeAll(async () => {
  c = await startTestCentral({ config: { apiRateLimit: 30 } });
  seeded = await seedTwoTeams(c);
  const pw = await c.addUser('eng-lead', 'manager', { teams: ['Engineering'] });
  manager = new ConsoleClient(c.url);
  await manager.signIn('eng-lead', pw);
  const apw = await c.addUser('boss', 'admin');
  admin = new ConsoleClient(c.url);
  await admin.signIn('boss', apw);
  read = await c.token('read');
}, 60_000);
afterAll(async () => {
  await c.close();
});

describe('a team manager cannot mint a kiosk manager', () => {
  it('may not make someone of the team a kiosk manager, nor set a kiosk manager’s PIN; an admin may', async () => {
    const make = await manager.rpc('roster.updateEmployee', { code: 'E1', isManager: true, pin: '9999', by: 'x' });
    expect(make.status).toBe(403);
    expect(make.body.error.message).toMatch(/kiosk manager reaches every team/);
    const add = await manager.rpc('roster.addEmployee', { code: 'E9', name: 'New Lead', pin: '2468', team: 'Engineering', isManager: true, by: 'x' });
    expect(add.status).toBe(403);
    expect((await query<{ is_manager: boolean }>(c.databaseUrl, "SELECT is_manager FROM employees WHERE code = 'E1'"))[0]!.is_manager).toBe(false);
    // An admin makes E1 a kiosk manager; the team's manager may still rename E1, not reset E1's PIN.
    expect((await admin.rpc('roster.updateEmployee', { code: 'E1', isManager: true, by: 'x' })).status).toBe(200);
    expect((await manager.rpc('roster.updateEmployee', { code: 'E1', name: 'Esha Uno', isManager: true, by: 'x' })).status).toBe(200);
    expect((await manager.rpc('roster.updateEmployee', { code: 'E1', pin: '1111', by: 'x' })).status).toBe(403);
    expect((await admin.rpc('roster.updateEmployee', { code: 'E1', pin: '1111', by: 'x' })).status).toBe(200);
    // Adding an ordinary employee to the team is still the manager's to do.
    expect((await manager.rpc('roster.addEmployee', { code: 'E8', name: 'New Hire', pin: '2468', team: 'Engineering', by: 'x' })).status).toBe(200);
  });
});

describe('the rate limit', () => {
  it('counts made-up tokens against the sender’s address, and keeps no row per made-up token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await api(c.url, `fdk_made-up-${i}-${Math.random()}`, 'GET', '/api/v1/teams')).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const [{ n }] = (await query<{ n: number }>(c.databaseUrl, "SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE 'tok:%'")) as [
      { n: number },
    ];
    expect(n).toBeLessThanOrEqual(1);
    // A real token has its own allowance, whatever the address has used.
    expect((await api(c.url, read, 'GET', '/api/v1/teams')).status).toBe(200);
  });
});

describe('bad input is a 400 that says what is wrong, never a 500 or "unavailable"', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['a forged cursor with a non-UUID id', `/api/v1/attendance?cursor=${cursor(`1.${'-'.repeat(36)}`)}`, /cursor/],
    ['a forged cursor with hex but no dashes', `/api/v1/attendance?cursor=${cursor(`1.${'f'.repeat(36)}`)}`, /cursor/],
    ['a forged cursor past any date', `/api/v1/attendance?cursor=${cursor(`8640000000000001.00000000-0000-7000-8000-000000000001`)}`, /cursor/],
    ['an end date in the year 9999', '/api/v1/attendance?to=9999-12-31', /end date/],
    ['a zone Node knows and PostgreSQL does not', '/api/v1/summary/workhours?days=7&tz=US/Pacific-New', /Central cannot use a value given|time zone/],
    ['a NUL in a team name', '/api/v1/summary/workhours?days=7&team=a%00b', /Central cannot use a value given|team/],
    ['a weekly summary in the year 9999', '/api/v1/summaries/weekly?date=9999-12-31', /1900-01-01 to 2999-12-31/],
  ])('%s', async (_what, path, words) => {
    const r = await api(c.url, read, 'GET', path);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_INPUT');
    expect(r.body.error.message).toMatch(words);
  });

  it('in the console: a day in 9999, audit bounds PostgreSQL cannot hold, a NUL in a new team', async () => {
    const day = await admin.rpc('punches.day', { employeeCode: 'E1', date: '9999-12-31' });
    expect(day.status).toBe(400);
    for (const input of [{ from: '0000-01-01T00:00:00Z' }, { to: '2026-12-31T23:59:59+23:59' }]) {
      const r = await admin.rpc('audit.list', input);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('BAD_INPUT');
    }
    const team = await admin.rpc('roster.addTeam', { name: 'Bad\u0000Team', site: 'HQ', by: 'x' });
    expect(team.status).toBe(400);
    expect(team.body.error.code).toBe('BAD_INPUT');
  });

  it('a question with a date that does not exist or a range past reason is answered as not understood', async () => {
    for (const question of ['hours last 99999999 days', 'who was late on 2026-02-30', 'who was absent on 9999-12-31']) {
      const r = await api(c.url, read, 'POST', '/api/v1/ask', { question });
      expect(r.status, question).toBe(200);
      expect(r.body.answered, question).toBe(false);
    }
  });

  it('a body that is not an object, and a malformed % escape, answer in the one JSON shape', async () => {
    const r = await manager.rpc('reports.run', 42);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('The input must be an object ({…} in JSON).');
    const port = new URL(c.url).port;
    const bad = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/%ff%E0%A4%A', headers: { host: `127.0.0.1:${port}` } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'The address has a malformed % escape.' } });
  });
});

describe('client ids', () => {
  it('belong to a token, not its name: two tokens called alike may use the same client id', async () => {
    const one = await c.token('write', undefined, 'hr-sync');
    const two = await c.token('write', undefined, 'hr-sync');
    const at = `${seeded.dates[0]!}T07:00:00+05:30`;
    const a = await api(c.url, one, 'POST', '/api/v1/attendance', { employee_id: 'O1', event_type: 'IN', timestamp: at, client_id: 'k1' });
    const b = await api(c.url, two, 'POST', '/api/v1/attendance', { employee_id: 'E2', event_type: 'IN', timestamp: at, client_id: 'k1' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    // The same token again with the same client id is the same event.
    const again = await api(c.url, one, 'POST', '/api/v1/attendance', { employee_id: 'O1', event_type: 'IN', timestamp: at, client_id: 'k1' });
    expect(again.body).toMatchObject({ id: a.body.id, repeated: true });
  });
});
