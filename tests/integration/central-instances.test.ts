// Two Central instances on one database, as behind a load balancer: Central keeps nothing in
// memory that the other needs. A session made on one works on the other and ends on both;
// programs alternating between them (and retrying on the other) lose and double nothing; the
// per-token rate limit is one count for the organization, not one per instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams } from '../support/central-seed.js';
import { api, ConsoleClient, startTestCentral, type TestCentral } from '../support/test-central.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

let a: TestCentral;
let b: TestCentral;
beforeAll(async () => {
  const databaseUrl = await createTestDatabase('twoinst');
  // Both start at once: the migrations run once, under their lock.
  [a, b] = await Promise.all([
    startTestCentral({ databaseUrl, config: { apiRateLimit: 40 } }),
    startTestCentral({ databaseUrl, config: { apiRateLimit: 40 } }),
  ]);
  b.clock.set(a.clock.now());
  await seedTwoTeams(a);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('two instances on one database', () => {
  it('a session made on one works on the other, and signing out on one ends it on both', async () => {
    const password = await a.addUser('lb-user', 'manager', { teams: ['Engineering'] });
    const onA = new ConsoleClient(a.url);
    expect((await onA.signIn('lb-user', password)).status).toBe(200);
    // The same browser, sent to B by the balancer: same cookie, same CSRF token.
    const onB = new ConsoleClient(b.url);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    expect((await onB.request('GET', '/auth/session')).body.value.username).toBe('lb-user');
    const hours = await onB.rpc('reports.run', { name: 'workhours', days: 7 });
    expect(hours.status).toBe(200);
    expect(new Set(hours.body.value.rows.map((r: { employee_code: string }) => r.employee_code))).toEqual(new Set(['E1', 'E2']));
    expect((await onB.request('POST', '/auth/sign-out', {})).status).toBe(200);
    onA.cookie = onB.cookie ?? onA.cookie;
    expect((await onA.rpc('reports.run', { name: 'workhours', days: 7 })).status).toBe(401);
  });

  it('events posted alternately to each, half of them retried on the other, are each stored once', async () => {
    const token = await a.token('write');
    const day = new Date(a.clock.now() - 86_400_000).toISOString().slice(0, 10);
    const events = Array.from({ length: 24 }, (_, i) => ({
      employee_id: ['E1', 'E2', 'O1'][i % 3]!,
      event_type: Math.floor(i / 3) % 2 === 0 ? 'IN' : 'OUT',
      timestamp: `${day}T${String(6 + Math.floor(i / 3)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
      client_id: `lb-${i}`,
    }));
    const sends = events.flatMap((e, i) => {
      const first = i % 2 === 0 ? a : b;
      const other = first === a ? b : a;
      const once = api(first.url, token, 'POST', '/api/v1/attendance', e);
      // Every other event is also sent to the other instance at the same time (a retry after a timeout).
      return i % 2 === 0 ? [once, api(other.url, token, 'POST', '/api/v1/attendance', e)] : [once];
    });
    // 36 calls in all, within the token's 40 a minute.
    const answers = await Promise.all(sends);
    for (const r of answers) expect([200, 201]).toContain(r.status);
    const ids = new Set(answers.map((r) => r.body.id as string));
    expect(ids.size).toBe(24);
    const [stored] = await query<{ n: number }>(
      a.databaseUrl,
      "SELECT count(*)::int AS n FROM punches WHERE source = 'api' AND id = ANY($1::uuid[])",
      [[...ids]],
    );
    expect(stored!.n).toBe(24);
  });

  it('counts a token’s rate limit across both instances', async () => {
    const token = await a.token('read');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await api(a.url, token, 'GET', '/api/v1/teams')).status);
      statuses.push((await api(b.url, token, 'GET', '/api/v1/teams')).status);
    }
    // 40 a minute in all: the 41st call is refused, on whichever instance it lands.
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(40).every((s) => s === 429)).toBe(true);
  });
});
