// The SQL guard against a real PostgreSQL: every attack in tests/eval/sql-attacks.ts is refused
// with a typed error or runs harmlessly, and afterwards central is exactly as it was.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { guardSql, REPORTING_COLUMNS, REPORTING_RELATIONS, runGuardedSql } from '../../src-main/services/ai/sql-guard.js';
import { INJECTED_NAME, SQL_ATTACKS } from '../eval/sql-attacks.js';
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';

let url: string;
let app: TestApp;
let pool: pg.Pool;
const LIMITS = { rowLimit: 1000, maxBytes: 4 * 1024 * 1024, timeoutMs: 500 };

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

/** One value of about 290 kB (the digits of 1 to 60,000), computed once per query. */
const PAD_290_KB = "SELECT string_agg(h::text, '') FROM generate_series(1, 60000) AS h";

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
    expect(count).toEqual({ columns: ['n'], rows: [{ n: 9 }], truncated: false, truncatedBy: null });
    const names = await runGuardedSql(pool, "SELECT name FROM reporting.employees WHERE code = 'INJ1'", LIMITS);
    expect(names.rows).toEqual([{ name: INJECTED_NAME }]);
    const series = await runGuardedSql(pool, 'SELECT g FROM generate_series(1, 5000) AS g', LIMITS);
    expect(series.rows).toHaveLength(1000);
    expect(series).toMatchObject({ truncated: true, truncatedBy: 'rows' });
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

  it('pads to at most 1,000 characters, written as a number: a padding cannot build a gigabyte', async () => {
    for (const sql of [
      "SELECT length(string_agg(lpad('x', 10000000), '')) FROM generate_series(1, 50)",
      "SELECT rpad('x', 1001, 'y')",
      "SELECT lpad('x', (SELECT count(*)::int FROM reporting.employees))",
      "SELECT lpad('x', 10 * 1000000)",
    ]) {
      await expect(runGuardedSql(pool, sql), sql).rejects.toMatchObject({
        code: 'SQL_REFUSED',
        message: expect.stringMatching(/pads to at most 1000 characters/),
      });
    }
    const ok = await runGuardedSql(pool, "SELECT lpad('7', 4, '0') AS code, rpad('a', 0) AS none");
    expect(ok.rows).toEqual([{ code: '0007', none: '' }]);
  });

  it('caps a result in bytes as well as rows: central stops at the cap and never sends past it', async () => {
    const limits = { rowLimit: 1000, maxBytes: 1024 * 1024, timeoutMs: 3000 };
    // One row of 5.9 MB: nothing fits, and the answer says it was cut (the pg client once threw
    // outside any handler on the 560 MB version of this and took the process down).
    const huge = await runGuardedSql(pool, "SELECT string_agg(g::text, '') AS s FROM generate_series(1, 1000000) AS g", limits);
    expect(huge).toEqual({ columns: ['s'], rows: [], truncated: true, truncatedBy: 'bytes' });
    // Many rows of 290 kB: the ones under the cap arrive, the rest never leave central.
    const many = await runGuardedSql(pool, `SELECT g, (${PAD_290_KB}) AS pad FROM generate_series(1, 1001) AS g`, limits);
    expect(many.truncatedBy).toBe('bytes');
    expect(many.rows.map((r) => r.g)).toEqual([1, 2, 3]);
    const bytes = many.rows.reduce((n, r) => n + String(r.pad).length, 0);
    expect(bytes).toBeLessThanOrEqual(limits.maxBytes);
    // Exactly at the row limit is not cut; small rows are not cut by bytes.
    const exact = await runGuardedSql(pool, 'SELECT g FROM generate_series(1, 1000) AS g', limits);
    expect(exact).toMatchObject({ truncated: false, truncatedBy: null });
    expect(exact.rows).toHaveLength(1000);
    expect(await runGuardedSql(pool, 'SELECT 1 AS one WHERE false', limits)).toEqual({
      columns: ['one'],
      rows: [],
      truncated: false,
      truncatedBy: null,
    });
  });

  it('caps the temporary disk and memory one query may take on central', async () => {
    const limits = { rowLimit: 10, maxBytes: 1024 * 1024, timeoutMs: 20_000 };
    await expect(
      runGuardedSql(
        pool,
        "SELECT count(*) AS n FROM (SELECT g::text || 'abcdefghijklmnop' AS k FROM generate_series(1, 3000000) AS g GROUP BY 1) AS x",
        limits,
      ),
    ).rejects.toMatchObject({
      code: 'SQL_REFUSED',
      message: expect.stringContaining('temporary disk'),
    });
    // The session that ran it is unchanged afterwards (the caps were local to its transaction).
    const { rows } = await pool.query<{ work_mem: string }>('SHOW work_mem');
    expect(rows[0]?.work_mem).not.toBe('16MB');
  });

  it('says why central stopped or refused a query', async () => {
    await expect(runGuardedSql(pool, 'SELECT 1 / 0 AS x', LIMITS)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'PostgreSQL refused the query: division by zero.',
    });
    await expect(
      runGuardedSql(pool, 'SELECT count(*) AS n FROM generate_series(1, 500000000) AS g', { ...LIMITS, timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'SQL_REFUSED', message: 'The query ran longer than 200 ms and was stopped.' });
  });

  it('runs nothing, not even as the connecting user, when it cannot become the read-only role', async () => {
    // A login that is not a member of the read-only role: SET ROLE fails, and the query must not
    // then run with the login's own rights (it would be refused for another reason, or answer).
    const name = `guard_outsider_${process.pid}`;
    await pool.query(`CREATE ROLE ${name} LOGIN PASSWORD 'outsider-pw'`);
    await pool.query(`GRANT USAGE ON SCHEMA reporting TO ${name}`);
    await pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO ${name}`);
    const u = new URL(url);
    u.username = name;
    u.password = 'outsider-pw';
    const outsider = new pg.Pool({ connectionString: u.toString(), max: 1 });
    try {
      expect((await outsider.query('SELECT count(*)::int AS n FROM reporting.teams')).rows).toEqual([{ n: 3 }]);
      await expect(runGuardedSql(outsider, 'SELECT count(*)::int AS n FROM reporting.teams', LIMITS)).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/^The read-only role frontdesk_reporting is not usable on this central database, so no SQL runs \(.+\)\.$/),
      });
    } finally {
      await outsider.end();
      await pool.query(`DROP OWNED BY ${name}`);
      await pool.query(`DROP ROLE ${name}`);
    }
  });

  it('knows exactly the reporting relations and columns central has', async () => {
    const { rows } = await pool.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'reporting'",
    );
    expect([...new Set(rows.map((r) => r.table_name))].sort()).toEqual([...REPORTING_RELATIONS].sort());
    expect([...new Set(rows.map((r) => r.column_name))].sort()).toEqual([...REPORTING_COLUMNS].sort());
  });
});
