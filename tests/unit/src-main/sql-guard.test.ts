// The SQL guard on its own, apart from the read-only role that runs its queries: the role's
// permission errors would mask a hole in the guard, so every rule here is checked on the guard.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, guardSql, refuseFailure } from '../../../src-main/services/ai/sql-guard.js';

const refused = (sql: string) => expect(guardSql(sql)).rejects.toMatchObject({ code: 'SQL_REFUSED' });
const passes = (sql: string) => expect(guardSql(sql)).resolves.toEqual(expect.any(String));

describe('SQL guard: names resolve as PostgreSQL resolves them', () => {
  it('a CTE shadows a name only with the exact same name (quoted names keep their case)', async () => {
    await refused('WITH "PG_ROLES" AS (SELECT 1) SELECT rolname FROM pg_roles');
    await refused('WITH U&"PG\\005FROLES" AS (SELECT 1) SELECT rolname FROM pg_roles');
    await refused('SELECT * FROM "Employees"');
    await passes('WITH "Employees" AS (SELECT 1 AS n) SELECT n FROM "Employees"');
    await passes('WITH employees AS (SELECT 1 AS n) SELECT n FROM employees');
  });

  it('a CTE is seen only at its own query level and inside it, never from a sibling', async () => {
    await refused('SELECT (SELECT rolname FROM pg_roles LIMIT 1), (WITH pg_roles AS (SELECT 1) SELECT 1)');
    await refused('SELECT * FROM (WITH pg_roles AS (SELECT 1 AS n) SELECT n FROM pg_roles) a, pg_roles');
    await refused('SELECT 1 FROM reporting.employees UNION SELECT 1 FROM (WITH pg_user AS (SELECT 1) SELECT 1) a, pg_user');
    await passes('WITH x AS (SELECT 1 AS n) SELECT n FROM (SELECT n FROM x) AS inner_x');
    await passes('WITH x AS (SELECT 1 AS n) SELECT n FROM x UNION ALL SELECT n FROM x');
  });

  it('a WITH list sees earlier siblings, and itself only when RECURSIVE', async () => {
    await passes('WITH a AS (SELECT 1 AS n), b AS (SELECT n FROM a) SELECT n FROM b');
    await refused('WITH a AS (SELECT * FROM pg_user), pg_user AS (SELECT 1) SELECT * FROM a');
    await refused('WITH pg_user AS (SELECT * FROM pg_user) SELECT * FROM pg_user');
    await passes('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r');
  });

  it('reads only the reporting schema, however it is spelled', async () => {
    await refused('SELECT * FROM pg_catalog.pg_authid');
    await refused('SELECT * FROM "public"."employees"');
    await refused('SELECT * FROM frontdesk.reporting.employees');
    await passes('SELECT * FROM reporting.employees');
    await passes('SELECT COUNT(*) AS n FROM REPORTING.EMPLOYEES');
  });
});

describe('SQL guard: functions, casts and session values', () => {
  it('refuses functions that are not allow-listed, also schema-qualified or in attribute notation', async () => {
    await refused("SELECT current_setting('data_directory')");
    await refused("SELECT pg_read_file('/etc/passwd')");
    await refused('SELECT pg_catalog.pg_sleep(1)');
    await refused('SELECT reporting.count(*) FROM employees');
    await refused('SELECT e.current_setting FROM employees e');
    await refused('SELECT (e).row_to_json FROM employees AS e');
    await refused('SELECT e.pg_column_size FROM employees e, generate_series(1, 1) AS pg_column_size');
    await passes('SELECT pg_catalog.count(*) FROM employees');
    await passes('SELECT e.name, t.name FROM employees e JOIN teams t ON t.id = e.team_id');
    await passes('SELECT s.n, s.count FROM (SELECT count(*) AS n, count(*) FROM punches) AS s');
    await passes('SELECT g.g FROM generate_series(1, 3) AS g');
    await passes('SELECT x.a FROM (VALUES (1)) AS x(a)');
  });

  it('refuses casts to reg* types and their arrays, and pg_* types', async () => {
    await refused("SELECT 'pg_authid'::regclass::oid");
    await refused("SELECT '{pg_authid}'::regclass[]");
    await refused("SELECT '{}'::_regclass");
    await refused("SELECT CAST('postgres' AS regrole)");
    await refused("SELECT '0/0'::pg_lsn");
    await passes("SELECT '2026-11-20'::date, '1'::int, 'x'::text");
  });

  it('refuses session values that describe the server, and allows the clock', async () => {
    for (const v of ['session_user', 'current_user', 'current_role', 'user', 'current_catalog', 'current_schema']) await refused(`SELECT ${v}`);
    await passes('SELECT current_date, current_timestamp, localtimestamp, current_time, localtime(0)');
  });

  it('refuses XML functions and the other statement kinds', async () => {
    await refused("SELECT XMLPARSE(DOCUMENT '<a/>')");
    await refused("SELECT * FROM XMLTABLE('/a' PASSING '<a/>' COLUMNS x int)");
    await refused('WITH x AS (DELETE FROM punches RETURNING 1) SELECT * FROM x');
    await refused('SELECT * INTO t FROM employees');
  });
});

describe('SQL guard: the statement it returns', () => {
  it('cuts the statement at the right place with non-ASCII text before a trailing semicolon', async () => {
    expect(await guardSql("SELECT 'नमस्ते — café' AS hello;")).toBe("SELECT 'नमस्ते — café' AS hello");
    expect(await guardSql("  SELECT name FROM employees WHERE name = 'Zoë Ångström' ;  ")).toBe(
      "SELECT name FROM employees WHERE name = 'Zoë Ångström' ",
    );
  });
});

describe('SQL guard: what it says when it refuses', () => {
  const says = (sql: string, message: string) => expect(guardSql(sql)).rejects.toMatchObject({ code: 'SQL_REFUSED', message });
  it('takes a query of 20,000 characters and refuses one longer, saying so', async () => {
    await passes('SELECT 1' + ' '.repeat(20_000 - 8));
    await says('SELECT 1' + ' '.repeat(20_001 - 8), 'The query is longer than 20,000 characters.');
  });
  it('passes on what the parser says of a query it cannot parse', async () => {
    await says('SELEC 1', 'PostgreSQL cannot parse this: syntax error at or near "SELEC".');
  });
  it('names a statement that is not a SELECT as such', async () => {
    for (const sql of [
      'EXPLAIN SELECT 1',
      'INSERT INTO reporting.employees VALUES (1)',
      'SET ROLE postgres',
      'SHOW work_mem',
      'COPY reporting.employees TO STDOUT',
    ])
      await says(sql, 'Only a SELECT is allowed.');
    await says('-- only a comment', 'There is no statement here, only blanks or comments.');
    await says(' ; ', 'There is no statement here, only blanks or comments.');
  });
});

describe('SQL guard: the words of each refusal', () => {
  const cases: [string, string][] = [
    ['SELECT * FROM frontdesk.reporting.employees', 'Only the reporting schema can be read, not frontdesk.reporting.employees.'],
    ['SELECT * FROM public.employees', 'Only the reporting schema can be read, not public.employees.'],
    [
      'SELECT * FROM pg_roles',
      'pg_roles is not a reporting relation. These are: employees, teams, punches, punch_sequence, work_sessions, exceptions, daily_hours, daily_work.',
    ],
    ['SELECT reporting.count(*) FROM employees', 'The function reporting.count is not allowed.'],
    ["SELECT pg_read_file('/etc/passwd')", 'The function pg_read_file is not allowed.'],
    ["SELECT lpad('x', 1001)", 'lpad pads to at most 1000 characters, written as a number in the query.'],
    ["SELECT rpad('x', code::int) FROM employees", 'rpad pads to at most 1000 characters, written as a number in the query.'],
    ["SELECT lpad('x', '5')", 'lpad pads to at most 1000 characters, written as a number in the query.'],
    ["SELECT rpad('x', 2.5)", 'rpad pads to at most 1000 characters, written as a number in the query.'],
    ['SELECT pg_catalog.public.count(*)', 'The function pg_catalog.public.count is not allowed.'],
    [
      'WITH foo AS (SELECT 1 AS n) SELECT n FROM reporting.foo',
      'foo is not a reporting relation. These are: employees, teams, punches, punch_sequence, work_sessions, exceptions, daily_hours, daily_work.',
    ],
    [
      'SELECT e.w FROM employees e WINDOW w AS ()',
      'e.w is not a column of the reporting relations; written this way it would call a function, which is not allowed.',
    ],
    ["SELECT 'pg_authid'::regclass", 'Casting to regclass reads the system catalogs; it is not allowed.'],
    ["SELECT '{a}'::_regclass", 'Casting to regclass reads the system catalogs; it is not allowed.'],
    ["SELECT 'x'::pg_lsn", 'Casting to pg_lsn reads the system catalogs; it is not allowed.'],
    ['SELECT \'{a}\'::"__regclass"', 'Casting to regclass reads the system catalogs; it is not allowed.'],
    ['SELECT session_user', 'session_user describes the server, not attendance; it is not allowed.'],
    [
      'SELECT e.current_setting FROM employees e',
      'e.current_setting is not a column of the reporting relations; written this way it would call a function, which is not allowed.',
    ],
    [
      'SELECT (e).row_to_json FROM employees AS e',
      '(…).row_to_json is not a column of the reporting relations; written this way it would call a function, which is not allowed.',
    ],
    ['SELECT * INTO t FROM employees', 'SELECT INTO writes a table; only plain SELECT is allowed.'],
    ['SELECT * FROM employees FOR SHARE', 'Locking clauses (FOR UPDATE, FOR SHARE) are not allowed.'],
    ['SELECT * FROM employees TABLESAMPLE SYSTEM (10)', 'TABLESAMPLE is not allowed.'],
    ['SELECT $1', 'Parameters ($1) are not allowed; write the values in the query.'],
    ['SELECT xmlelement(name a)', 'XML functions are not allowed.'],
    ["SELECT * FROM XMLTABLE('/a' PASSING '<a/>' COLUMNS x int)", 'XMLTABLE is not allowed.'],
    ['SELECT 1; SELECT 2', 'Exactly one statement is allowed; this has 2.'],
    ['WITH x AS (DELETE FROM employees RETURNING *) SELECT * FROM x', 'Only SELECT is allowed; this contains DELETE.'],
  ];
  for (const [sql, message] of cases)
    it(sql, async () => {
      await expect(guardSql(sql)).rejects.toMatchObject({ code: 'SQL_REFUSED', message });
    });

  it('passes the edges of what it allows: a padding of 0 and of 1000, the clock, a function alias used as its row, a CTE column list, a function in FROM with no alias', async () => {
    await passes("SELECT lpad('x', 0), rpad('x', 1000)");
    await passes('SELECT current_date, current_timestamp, localtime');
    await passes('SELECT * FROM generate_series(1, 2) AS g(a) WHERE g.a > 0');
    await passes('WITH t(zz) AS (SELECT 1) SELECT t.zz FROM t');
    await passes('SELECT count(*) FROM generate_series(1, 3)');
  });
});

describe('SQL guard: what it says when central stops a guarded query', () => {
  const says = (err: unknown, code: string, message: string) =>
    expect(() => refuseFailure(err, { ...DEFAULT_LIMITS, timeoutMs: 1234 })).toThrow(expect.objectContaining({ code, message }));
  it('names each limit central enforces, and passes other refusals on in their own words', () => {
    says({ code: '57014' }, 'SQL_REFUSED', 'The query ran longer than 1234 ms and was stopped.');
    says({ code: '53400' }, 'SQL_REFUSED', 'The query needed more than 64MB of temporary disk on central and was stopped.');
    says({ code: '53200' }, 'SQL_REFUSED', 'The query needed more memory than central allows one query, and was stopped.');
    says(
      { code: '42501', message: 'permission denied for table x' },
      'SQL_REFUSED',
      'The read-only role may not do that: permission denied for table x.',
    );
    says({ code: '42501' }, 'SQL_REFUSED', 'The read-only role may not do that.');
    says({ code: '22012', message: 'division by zero' }, 'BAD_INPUT', 'PostgreSQL refused the query: division by zero.');
    says(undefined, 'BAD_INPUT', 'PostgreSQL refused the query: unknown error.');
  });
});
