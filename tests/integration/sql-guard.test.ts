// The SQL guard against a real PostgreSQL: every attack in tests/eval/sql-attacks.ts is refused
// with a typed error or runs harmlessly, and afterwards central is exactly as it was.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { guardSql, runGuardedSql } from '../../src-main/services/ai/sql-guard.js';
import { INJECTED_NAME, SQL_ATTACKS } from '../eval/sql-attacks.js';
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';

let url: string;
let app: TestApp;
let pool: pg.Pool;
const LIMITS = { rowLimit: 1000, timeoutMs: 500 };

/** What an attack could change: row counts, tables, the read-only role's powers. */
async function state(): Promise<unknown> {
  const { rows } = await pool.query(`
    SELECT (SELECT count(*) FROM punches) AS punches, (SELECT count(*) FROM employees) AS employees,
           (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM teams) AS teams,
           (SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public') AS tables,
           (SELECT rolsuper FROM pg_roles WHERE rolname = 'frontdesk_reporting') AS role_super,
           (SELECT count(*) FROM punches WHERE source = 'x') AS odd`);
  return rows[0];
}

beforeAll(async () => {
  url = await createTestDatabase('guard');
  app = await makeTestApp({ demo: true, clock: testClock(Date.now()), config: { databaseUrl: url } });
  await app.call('sync.now', {});
  await app.call('roster.addEmployee', { code: 'INJ1', name: INJECTED_NAME, pin: '2468', by: '1001' });
  pool = new pg.Pool({ connectionString: url, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await app.dispose();
});

describe('SQL guard', () => {
  it(`refuses or defuses all ${SQL_ATTACKS.length} attacks, and central is unchanged`, async () => {
    expect(SQL_ATTACKS.length).toBeGreaterThanOrEqual(40);
    const before = await state();
    const outcomes: string[] = [];
    for (const attack of SQL_ATTACKS) {
      const outcome = await runGuardedSql(pool, attack.sql, LIMITS).then(
        (r) => (r.rows.length <= LIMITS.rowLimit ? 'harmless' : 'too many rows'),
        (err: unknown) => (err instanceof AppError && err.code === 'SQL_REFUSED' ? 'refused' : `failed: ${String(err)}`),
      );
      outcomes.push(`${attack.what}: ${outcome}`);
    }
    expect(outcomes).toEqual(SQL_ATTACKS.map((a) => `${a.what}: ${a.expect}`));
    expect(await state()).toEqual(before);
  });

  it('says why it refuses', async () => {
    await expect(guardSql('SELECT 1; SELECT 2')).rejects.toThrow('Exactly one statement is allowed; this has 2.');
    await expect(guardSql('SELECT * FROM public.employees')).rejects.toThrow('Only the reporting schema can be read, not public.employees.');
    await expect(guardSql('SELECT pg_sleep(1)')).rejects.toThrow('The function pg_sleep is not allowed.');
    await expect(guardSql('WITH x AS (DELETE FROM punches RETURNING 1) SELECT 1')).rejects.toThrow('Only SELECT is allowed; this contains DELETE.');
  });

  it('answers a real question, returns stored names as plain data, and cuts long results at the limit', async () => {
    const count = await runGuardedSql(pool, 'SELECT count(*)::int AS n FROM reporting.employees WHERE active', LIMITS);
    expect(count).toEqual({ columns: ['n'], rows: [{ n: 9 }], truncated: false });
    const names = await runGuardedSql(pool, "SELECT name FROM reporting.employees WHERE code = 'INJ1'", LIMITS);
    expect(names.rows).toEqual([{ name: INJECTED_NAME }]);
    const series = await runGuardedSql(pool, 'SELECT g FROM generate_series(1, 5000) AS g', LIMITS);
    expect(series.rows).toHaveLength(1000);
    expect(series.truncated).toBe(true);
    // A CTE named like a table is the CTE; a trailing comment cannot swallow the wrapper.
    const cte = await runGuardedSql(pool, 'WITH employees AS (SELECT 1 AS n) SELECT n FROM employees -- done', LIMITS);
    expect(cte.rows).toEqual([{ n: 1 }]);
  });

  it('is the sql.run call, for admins only', async () => {
    const r = await app.call('sql.run', { sql: 'SELECT count(*)::int AS n FROM reporting.teams' });
    expect(r.rows).toEqual([{ n: 3 }]);
    expect(await app.raw('sql.run', { sql: 'DELETE FROM punches' })).toMatchObject({ ok: false, error: { code: 'SQL_REFUSED' } });
    expect(await app.raw('sql.run', { sql: 'SELECT 1' }, 'http')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
