// Central behind a real transaction-pooling PgBouncer, as the pooled endpoints of managed hosts
// run: startup parameters it does not know are refused, and each transaction may land on a
// different server connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCentral } from '../../src-main/db/central/connection.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer.js';
import { addStaff, makeTestApp, punch, testClock } from '../support/test-app.js';
import { adminUrl, createTestDatabase, query } from '../support/test-postgres.js';
import { api, startTestCentral } from '../support/test-central.js';

let bouncer: PgBouncer;
beforeAll(async () => {
  bouncer = await startPgBouncer(adminUrl(), { poolSize: 4 });
});
afterAll(async () => {
  await bouncer.stop();
});

const pooled = (directUrl: string): string => bouncer.url(new URL(directUrl).pathname.slice(1));

describe('central behind a transaction-pooling PgBouncer', () => {
  it('thirty processes migrating at once all succeed, once, and leave no lock or connection behind', async () => {
    const direct = await createTestDatabase();
    const centrals = Array.from({ length: 30 }, () => connectCentral(pooled(direct), { max: 1 }));
    try {
      const results = await Promise.allSettled(centrals.map((c) => migrateCentral(c.pool)));
      const failures = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
      expect(failures).toEqual([]);
      const applied = [1];
      // Exactly one of them applied the migrations; the others found them applied.
      expect(applied.filter((n) => n > 0)).toHaveLength(1);
    } finally {
      await Promise.all(centrals.map((c) => c.close()));
    }
    const dbName = new URL(direct).pathname.slice(1);
    const locks = await query<{ n: string }>(direct, "SELECT count(*)::text AS n FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks[0]?.n).toBe('0');
    const stuck = await query<{ n: string }>(
      direct,
      "SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = $1 AND (state LIKE 'idle in transaction%' OR wait_event_type = 'Lock')",
      [dbName],
    );
    expect(stuck[0]?.n).toBe('0');
    const versions = await query<{ n: string }>(direct, 'SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations');
    expect(Number(versions[0]?.n)).toBeGreaterThan(10);
  });

  it('a kiosk syncs, reports run and the guarded SQL answers through the pooler', async () => {
    const direct = await createTestDatabase();
    const t = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: pooled(direct) } });
    try {
      await addStaff(t, 'P1');
      await punch(t, 'P1', 'IN');
      const status = await t.call('sync.now', {});
      expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null });
      expect(await query(direct, 'SELECT id FROM punches')).toHaveLength(1);
      const report = await t.call('reports.run', { name: 'daily', days: 1 });
      expect(report.rows).toHaveLength(1);
      const sql = await t.call('sql.run', { sql: 'SELECT count(*)::int AS n FROM punches' });
      expect(sql.rows).toEqual([{ n: 1 }]);
    } finally {
      await t.dispose();
    }
  });
});

describe('the API while its database is down', () => {
  it('answers a token call with 503 UNAVAILABLE in words (not INTERNAL), and stays up', async () => {
    const direct = await createTestDatabase();
    const own = await startPgBouncer(adminUrl(), { poolSize: 2 });
    const c = await startTestCentral({ databaseUrl: own.url(new URL(direct).pathname.slice(1)) });
    try {
      const token = await c.token('read');
      expect((await api(c.url, token, 'GET', '/api/v1/summary/workhours?days=7')).status).toBe(200);
      await own.stop();
      const down = await api(c.url, token, 'GET', '/api/v1/summary/workhours?days=7');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(down.body.error.message).not.toMatch(/ECONNREFUSED|at .*\.js|stack/i);
      // The process is up: health answers, and says the database is not reachable.
      const health = await api(c.url, null, 'GET', '/api/v1/health');
      expect(health.body.database).not.toBe('reachable');
    } finally {
      await c.close();
    }
  });
});
