// The REST API against a running Central on a real PostgreSQL: every endpoint, the first
// system's parameters and its work-hours answers (checked against the domain's own
// computation), pagination, idempotent creates, CSV, errors, rate limits and CORS.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeWorkSessions, dailySeconds, hoursOf } from '../../shared/domain/work-hours.js';
import { instantOf } from '../../shared/domain/local-time.js';
import { seedTwoTeams, TZ, type Seeded } from '../support/central-seed.js';
import { api, startTestCentral, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';
import { withEmployeeId } from '../../shared/contract/rest.js';

let c: TestCentral;
let seeded: Seeded;
let read: string;
let write: string;
beforeAll(async () => {
  c = await startTestCentral();
  seeded = await seedTwoTeams(c);
  read = await c.token('read', undefined, 'payroll export');
  write = await c.token('write', undefined, 'hr sync');
}, 60_000);
afterAll(async () => {
  await c.close();
});

/** The work hours the domain computes from the seeded punches, as the API's rows. */
function expectedWorkhours(maxHours: number, dates: readonly string[]) {
  const facts = seeded.punches.map((p, i) => ({ id: String(i).padStart(4, '0'), employeeId: p.code, kind: p.kind, atMs: instantOf(p.at, TZ) }));
  const days = dailySeconds(computeWorkSessions(facts, { tz: TZ, maxHours }).sessions);
  const rows: { employee_id: string; date: string; seconds: number; hours: number }[] = [];
  for (const code of ['E1', 'E2', 'O1']) {
    for (const date of dates) {
      const seconds = days.get(code)?.get(date);
      // The report has a row for each day with an IN; O1's day without an OUT has 0 seconds.
      const hasIn = seeded.punches.some((p) => p.code === code && p.kind === 'IN' && p.at.startsWith(date));
      if (hasIn) rows.push({ employee_id: code, date, seconds: seconds ?? 0, hours: hoursOf(seconds ?? 0) });
    }
  }
  return rows;
}

describe('the first system’s endpoints', () => {
  it('GET /api/v1/health answers without a token and says the database is reachable', async () => {
    const r = await api(c.url, null, 'GET', '/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'up', database: 'reachable' });
  });

  it('GET /api/v1/employees lists the employees; POST adds one (write scope), refused for read', async () => {
    const list = await api(c.url, read, 'GET', '/api/v1/employees');
    expect(list.status).toBe(200);
    expect(list.body.map((e: { id: string }) => e.id)).toEqual(['E1', 'E2', 'O1']);
    expect(list.body[0]).toEqual({ id: 'E1', code: 'E1', name: 'Esha One', team: 'Engineering', is_manager: false, active: true });
    const refused = await api(c.url, read, 'POST', '/api/v1/employees', { code: 'N1', name: 'New One', pin: '4321' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const made = await api(c.url, write, 'POST', '/api/v1/employees', { code: 'N1', name: 'New One', pin: '4321', team: 'Engineering' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: 'N1', team: 'Engineering' });
    const again = await api(c.url, write, 'POST', '/api/v1/employees', { code: 'N1', name: 'New One', pin: '4321' });
    expect(again.status).toBe(409);
    const byTeam = await api(c.url, read, 'GET', '/api/v1/employees?team=Operations');
    expect(byTeam.body.map((e: { id: string }) => e.id)).toEqual(['O1']);
  });

  it('GET /api/v1/summary/workhours?days=&max_hours= gives the same hours the domain computes', async () => {
    const r = await api(c.url, read, 'GET', '/api/v1/summary/workhours?days=7');
    expect(r.status).toBe(200);
    const got = r.body.map((row: Record<string, unknown>) => ({
      employee_id: row.employee_id,
      date: row.date,
      seconds: row.seconds,
      hours: row.hours,
    }));
    expect(got).toEqual(expectedWorkhours(16, seeded.dates));
    expect(got.find((x: { employee_id: string }) => x.employee_id === 'E1')).toMatchObject({ hours: 8.5 });
    // max_hours clamps each session: O1's 12-hour days count 10.
    const clamped = await api(c.url, read, 'GET', '/api/v1/summary/workhours?days=7&max_hours=10');
    const o1 = clamped.body.filter((row: { employee_id: string }) => row.employee_id === 'O1');
    expect(o1.map((row: { hours: number }) => row.hours)).toEqual(
      expectedWorkhours(10, seeded.dates)
        .filter((x) => x.employee_id === 'O1')
        .map((x) => x.hours),
    );
    expect(o1[0].hours).toBe(10);
    // from/to and employee_id narrow it.
    const one = await api(c.url, read, 'GET', `/api/v1/summary/workhours?from=${seeded.dates[1]}&to=${seeded.dates[1]}&employee_id=E2`);
    expect(one.body).toEqual([expect.objectContaining({ employee_id: 'E2', date: seeded.dates[1], seconds: 7 * 3600 + 55 * 60 })]);
    // Only the last day: days=1 is today, which has nothing.
    expect((await api(c.url, read, 'GET', '/api/v1/summary/workhours?days=1')).body).toEqual([]);
  });

  it('answers text/csv when asked, with a file name that says what it holds', async () => {
    const r = await api(c.url, read, 'GET', '/api/v1/summary/workhours?days=7', undefined, { accept: 'text/csv' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/workhours_.*\.csv/);
    const lines = r.text.trim().split('\r\n');
    expect(lines[0]).toBe('employee_id,name,team,date,seconds,hours,sessions,open_sessions,auto_closed_sessions');
    expect(lines).toHaveLength(1 + expectedWorkhours(16, seeded.dates).length);
  });

  it('GET /api/v1/summary/daily counts the employees in and the IN events per date, zeros included', async () => {
    const r = await api(c.url, read, 'GET', '/api/v1/summary/daily?days=7');
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(7);
    expect(r.body.filter((d: { employees_in: number }) => d.employees_in === 3)).toHaveLength(5);
    expect(r.body.at(-1)).toMatchObject({ employees_in: 0, in_events: 0 });
    const one = await api(c.url, read, 'GET', `/api/v1/summary/daily?date=${seeded.dates[0]}`);
    expect(one.body).toEqual([{ date: seeded.dates[0], employees_in: 3, in_events: 3 }]);
  });

  it('GET /api/v1/attendance pages through events in time order with a cursor, filtered by employee and dates', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await api(c.url, read, 'GET', `/api/v1/attendance?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      all.push(...r.body.items.map((e: { id: string }) => e.id));
      cursor = r.body.next_cursor;
      pages++;
    } while (cursor && pages < 50);
    const ids = await query<{ id: string }>(c.databaseUrl, 'SELECT id::text AS id FROM punches ORDER BY at_utc, id');
    expect(all).toEqual(ids.map((r) => r.id));
    const e1 = await api(c.url, read, 'GET', `/api/v1/attendance?employee_id=E1&from=${seeded.dates[0]}&to=${seeded.dates[0]}`);
    expect(e1.body.items.map((e: { event_type: string; local_time: string }) => [e.event_type, e.local_time])).toEqual([
      ['IN', `${seeded.dates[0]}T09:00:00+05:30`],
      ['OUT', `${seeded.dates[0]}T17:30:00+05:30`],
    ]);
    expect(e1.body.next_cursor).toBeNull();
    const bad = await api(c.url, read, 'GET', '/api/v1/attendance?cursor=!!!');
    expect(bad.status).toBe(400);
  });

  it('POST /api/v1/attendance is idempotent with an Idempotency-Key and with a client id', async () => {
    const body = { employee_id: 'E1', event_type: 'IN', timestamp: `${seeded.dates[0]}T23:00:00+05:30` };
    const first = await api(c.url, write, 'POST', '/api/v1/attendance', body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ employee_id: 'E1', event_type: 'IN', repeated: false, source: 'api' });
    const again = await api(c.url, write, 'POST', '/api/v1/attendance', body, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, repeated: true });
    const misuse = await api(c.url, write, 'POST', '/api/v1/attendance', { ...body, event_type: 'OUT' }, { 'idempotency-key': 'k-1' });
    expect(misuse.status).toBe(409);
    const withClientId = { employee_id: 'E2', event_type: 'IN', timestamp: `${seeded.dates[0]}T23:10:00+05:30`, client_id: 'payroll-77' };
    const a = await api(c.url, write, 'POST', '/api/v1/attendance', withClientId);
    const b = await api(c.url, write, 'POST', '/api/v1/attendance', withClientId);
    expect(a.body.id).toBe(b.body.id);
    const rows = await query<{ n: number }>(
      c.databaseUrl,
      "SELECT count(*)::int AS n FROM punches WHERE source = 'api' AND device_id LIKE 'token:%'",
    );
    expect(rows[0]!.n).toBe(2);
    const future = await api(c.url, write, 'POST', '/api/v1/attendance', { ...body, timestamp: '2099-01-01T09:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/future/);
    const unknown = await api(c.url, write, 'POST', '/api/v1/attendance', { ...body, employee_id: 'ZZ9' });
    expect(unknown.status).toBe(404);
    const readOnly = await api(c.url, read, 'POST', '/api/v1/attendance', body);
    expect(readOnly.status).toBe(403);
  });
});

describe('the second system’s endpoints', () => {
  it('teams, clock-in and clock-out, trends by employee and team', async () => {
    const teams = await api(c.url, read, 'GET', '/api/v1/teams');
    expect(teams.body.map((t: { name: string; site: string }) => [t.name, t.site])).toEqual([
      ['Engineering', 'HQ'],
      ['Operations', 'Plant'],
    ]);
    const at = new Date(c.clock.now() - 3600_000).toISOString();
    const clockIn = await api(c.url, write, 'POST', '/api/v1/clock-in', { employee_id: 'O1', timestamp: at, work_mode: 'WFH' });
    expect(clockIn.status).toBe(201);
    expect(clockIn.body).toMatchObject({ event_type: 'IN', work_mode: 'WFH' });
    const clockOut = await api(c.url, write, 'POST', '/api/v1/clock-out', { employee_id: 'O1' });
    expect(clockOut.status).toBe(201);
    expect(clockOut.body.event_type).toBe('OUT');
    const byEmployee = await api(c.url, read, 'GET', '/api/v1/trends/employees?days=14');
    expect(byEmployee.body.every((r: { employee_id: string | null }) => r.employee_id !== null)).toBe(true);
    expect(byEmployee.body.some((r: { employee_id: string }) => r.employee_id === 'E1')).toBe(true);
    const byTeam = await api(c.url, read, 'GET', '/api/v1/trends/teams?days=14');
    expect(byTeam.body.length).toBeGreaterThan(0);
    expect(byTeam.body.every((r: { employee_id?: string | null; team: string }) => r.employee_id === undefined || r.employee_id === null)).toBe(true);
    const late = await api(c.url, read, 'GET', '/api/v1/reports/late?days=7');
    expect(late.body.map((r: { employee_id: string }) => r.employee_id)).toContain('E2'); // 10:05 is past 09:00 + 10 min
    const exceptions = await api(c.url, read, 'GET', '/api/v1/reports/exceptions?days=7');
    expect(exceptions.body.some((r: { employee_id: string; kind: string }) => r.employee_id === 'O1' && r.kind === 'MISSING_OUT')).toBe(true);
  });

  it('report rows in JSON are reports.run’s rows with employee_id, key for key and in order, as the CSV holds them', async () => {
    // The API's JSON comes from reports.json (keyed by the query itself); the CSV and the console
    // from reports.run. A renamed, dropped, re-typed or re-ordered column in either shows here.
    const from = seeded.dates[0]!;
    const to = seeded.dates[seeded.dates.length - 1]!;
    for (const [path, name] of [
      ['/api/v1/summary/workhours', 'workhours'],
      ['/api/v1/reports/late', 'late'],
      ['/api/v1/reports/exceptions', 'exceptions'],
    ] as const) {
      const r = await api(c.url, read, 'GET', `${path}?from=${from}&to=${to}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toMatch(/^application\/json/);
      const run = await c.admin('reports.run', { name, from, to });
      expect(run.rows.length, path).toBeGreaterThan(0);
      expect(r.text, path).toBe(JSON.stringify(withEmployeeId(run.rows)));
      const csv = await api(c.url, read, 'GET', `${path}?from=${from}&to=${to}`, undefined, { accept: 'text/csv' });
      expect(csv.text.split('\r\n')[0], path).toBe(Object.keys(r.body[0]).join(','));
    }
    // Names beyond ASCII arrive as the same characters (the answer is sent as UTF-8 bytes).
    const name = 'Zoë Ñúñez 東京';
    expect((await api(c.url, write, 'POST', '/api/v1/employees', { code: 'U1', name, pin: '4321', team: 'Engineering' })).status).toBe(201);
    for (const [event_type, at] of [
      ['IN', '09:00'],
      ['OUT', '17:30'],
    ] as const) {
      const punch = { employee_id: 'U1', event_type, timestamp: `${from}T${at}:00+05:30` };
      expect((await api(c.url, write, 'POST', '/api/v1/attendance', punch)).status).toBe(201);
    }
    const mine = await api(c.url, read, 'GET', `/api/v1/summary/workhours?from=${from}&to=${from}&employee_id=U1`);
    expect(mine.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(mine.body).toMatchObject([{ employee_id: 'U1', name, hours: 8.5 }]);
    const run = await c.admin('reports.run', { name: 'workhours', from, to: from, employee: 'U1' });
    expect(mine.text).toBe(JSON.stringify(withEmployeeId(run.rows)));
    // Work hours' JSON is written by PostgreSQL (to_json and the kept day tails): a name with
    // quotes, a backslash, a tab, a line break and a control character, and no team, must come
    // out as JSON.stringify writes them; and a day of 7 h 20 min 24 s as 7.34 hours.
    const odd = 'Ann "Q" O\\Neil\tx\ny\u0001z';
    expect((await api(c.url, write, 'POST', '/api/v1/employees', { code: 'U2', name: odd, pin: '4321' })).status).toBe(201);
    for (const [event_type, at] of [
      ['IN', '09:00:00'],
      ['OUT', '16:20:24'],
    ] as const) {
      const punch = { employee_id: 'U2', event_type, timestamp: `${from}T${at}+05:30` };
      expect((await api(c.url, write, 'POST', '/api/v1/attendance', punch)).status).toBe(201);
    }
    const oddRows = await api(c.url, read, 'GET', `/api/v1/summary/workhours?from=${from}&to=${from}&employee_id=U2`);
    expect(oddRows.body).toMatchObject([{ employee_id: 'U2', name: odd, team: null, hours: 7.34, seconds: 26424 }]);
    const oddRun = await c.admin('reports.run', { name: 'workhours', from, to: from, employee: 'U2' });
    expect(oddRows.text).toBe(JSON.stringify(withEmployeeId(oddRun.rows)));
    const all = await api(c.url, read, 'GET', `/api/v1/summary/workhours?from=${from}&to=${to}`);
    expect(all.text).toBe(JSON.stringify(withEmployeeId((await c.admin('reports.run', { name: 'workhours', from, to })).rows)));
  });

  it('daily and weekly summaries, and a question', async () => {
    const daily = await api(c.url, read, 'GET', `/api/v1/summaries/daily?date=${seeded.dates[0]}`);
    expect(daily.status).toBe(200);
    expect(daily.body).toMatchObject({ period: 'day', range: { from: seeded.dates[0], to: seeded.dates[0] } });
    expect(daily.body.text.length).toBeGreaterThan(10);
    const weekly = await api(c.url, read, 'GET', '/api/v1/summaries/weekly');
    expect(weekly.body.period).toBe('week');
    const asked = await api(c.url, read, 'POST', '/api/v1/ask', { question: 'who is in now?' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ engine: 'offline', answered: true });
  });
});

describe('errors, limits and the document', () => {
  it('refuses no token, an unknown token and a revoked one, in words, and keeps the last-used time', async () => {
    expect((await api(c.url, null, 'GET', '/api/v1/employees')).status).toBe(401);
    expect((await api(c.url, 'fdk_made-up', 'GET', '/api/v1/employees')).body.error.code).toBe('UNAUTHORIZED');
    const made = await c.admin('tokens.create', { name: 'short-lived', scope: 'read' });
    expect((await api(c.url, made.token, 'GET', '/api/v1/employees')).status).toBe(200);
    const listed = (await c.admin('tokens.list', {})).find((t) => t.id === made.info.id)!;
    expect(listed.lastUsedAt).not.toBeNull();
    await c.admin('tokens.revoke', { id: made.info.id });
    const revoked = await api(c.url, made.token, 'GET', '/api/v1/employees');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revoked/);
    const rows = await query<{ token_hash: string }>(c.databaseUrl, 'SELECT token_hash FROM api_tokens WHERE id = $1', [made.info.id]);
    expect(rows[0]!.token_hash).not.toContain(made.token.slice(4));
  });

  it('a bad parameter is a 400 that names it', async () => {
    const r = await api(c.url, read, 'GET', '/api/v1/summary/workhours?days=zero');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_INPUT');
    expect(r.body.error.message).toMatch(/days/);
    const both = await api(c.url, read, 'GET', `/api/v1/summary/workhours?days=3&from=${seeded.dates[0]}`);
    expect(both.status).toBe(400);
    const extra = await api(c.url, read, 'GET', '/api/v1/employees?colour=blue');
    expect(extra.status).toBe(400);
    const notJson = await fetch(`${c.url}/api/v1/attendance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${write}`, 'content-type': 'application/json' },
      body: '{"employee_id":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const nowhere = await api(c.url, read, 'GET', '/api/v1/nothing-here');
    expect(nowhere.status).toBe(404);
  });

  it('limits requests per token with 429 and Retry-After; other tokens are not affected', async () => {
    const limited = await startTestCentral({ config: { apiRateLimit: 5 } });
    try {
      const t1 = await limited.token('read');
      const t2 = await limited.token('read');
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i++) {
        const r = await api(limited.url, t1, 'GET', '/api/v1/teams');
        statuses.push(r.status);
        if (r.status === 429) {
          retryAfter = r.headers.get('retry-after');
          expect(r.body.error.code).toBe('RATE_LIMITED');
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect((await api(limited.url, t2, 'GET', '/api/v1/teams')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('sends no CORS headers by default, and only to allowed origins when configured', async () => {
    const plain = await api(c.url, read, 'GET', '/api/v1/teams', undefined, { origin: 'https://payroll.example' });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const open = await startTestCentral({ config: { corsOrigins: ['https://payroll.example'] } });
    try {
      const t = await open.token('read');
      const allowed = await api(open.url, t, 'GET', '/api/v1/teams', undefined, { origin: 'https://payroll.example' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://payroll.example');
      const other = await api(open.url, t, 'GET', '/api/v1/teams', undefined, { origin: 'https://evil.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('publishes an OpenAPI 3.1 document that a standard validator accepts, covering every route', async () => {
    const r = await api(c.url, null, 'GET', '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.body as OpenAPIV3_1.Document;
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as never);
    for (const p of [
      '/api/v1/health',
      '/api/v1/employees',
      '/api/v1/attendance',
      '/api/v1/summary/daily',
      '/api/v1/summary/workhours',
      '/api/v1/teams',
      '/api/v1/clock-in',
      '/api/v1/clock-out',
      '/api/v1/trends/employees',
      '/api/v1/trends/teams',
      '/api/v1/summaries/daily',
      '/api/v1/summaries/weekly',
      '/api/v1/ask',
    ]) {
      expect(doc.paths?.[p], p).toBeDefined();
    }
    const params = (doc.paths!['/api/v1/summary/workhours']!.get!.parameters ?? []) as { name: string }[];
    expect(params.map((x) => x.name)).toEqual(expect.arrayContaining(['days', 'max_hours', 'from', 'to', 'team', 'tz']));
    const page = await api(c.url, null, 'GET', '/api/v1/docs');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('/api/v1/summary/workhours');
    expect(page.text).not.toMatch(/<script/i);
  });
});
