// Where central lives and how a manager-facing call against it fails, on a real PostgreSQL: a
// value PostgreSQL refuses is the caller's BAD_INPUT, a central that cannot be reached is
// UNAVAILABLE in words, the program's own faults go on as they are; one pool per source,
// opened once however many callers ask at once, and opened again after a failure or a close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { createLogger } from '../../src-main/log.js';
import { createCentralSource, withCentral, type CentralSource } from '../../src-main/services/sync/central-source.js';
import { adminUrl, createTestDatabase, withDatabase } from '../support/test-postgres.js';
import { tempDir } from '../support/test-app.js';

let url: string;
let source: CentralSource;
const log = createLogger('test-central-source');
const caught = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => null,
    (err: unknown) => err,
  );

beforeAll(async () => {
  url = await createTestDatabase('central_source');
  source = createCentralSource({ databaseUrl: url, dataDir: tempDir('frontdesk-central-source-'), log, poolSize: 3 });
});
afterAll(async () => {
  await source.close();
});

describe('withCentral', () => {
  it('answers with what the call returns', async () => {
    expect(await withCentral(source, async (c) => (await c.pool.query<{ n: number }>('SELECT 2 + 2 AS n')).rows[0]!.n)).toBe(4);
  });

  it('turns a value PostgreSQL refuses (SQLSTATE class 22) into BAD_INPUT that quotes it', async () => {
    const err = await caught(withCentral(source, (c) => c.pool.query("SELECT 'x'::int")));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'BAD_INPUT', message: 'Central cannot use a value given: invalid input syntax for type integer: "x".' });
    const zone = await caught(withCentral(source, (c) => c.pool.query("SELECT now() AT TIME ZONE 'Mars/Olympus'")));
    expect(zone).toMatchObject({ code: 'BAD_INPUT', message: 'Central cannot use a value given: time zone "Mars/Olympus" not recognized.' });
  });

  it('cuts a long refused value at 200 characters', async () => {
    const long = 'y'.repeat(400);
    const err = (await caught(withCentral(source, (c) => c.pool.query(`SELECT '${long}'::int`)))) as AppError;
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toBe(`Central cannot use a value given: ${`invalid input syntax for type integer: "${long}"`.slice(0, 200)}.`);
  });

  it('lets any other database error, and the program’s own faults, go on unchanged', async () => {
    const missing = await caught(withCentral(source, (c) => c.pool.query('SELECT * FROM no_such_table')));
    expect(missing).not.toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ code: '42P01' });
    const typeError = new TypeError('a bug');
    expect(await caught(withCentral(source, () => Promise.reject(typeError)))).toBe(typeError);
    const rangeError = new RangeError('out of range');
    expect(await caught(withCentral(source, () => Promise.reject(rangeError)))).toBe(rangeError);
    const syntax = new SyntaxError('bad JSON');
    expect(await caught(withCentral(source, () => Promise.reject(syntax)))).toBe(syntax);
    const zod = Object.assign(new Error('parse'), { name: 'ZodError' });
    expect(await caught(withCentral(source, () => Promise.reject(zod)))).toBe(zod);
    const typed = new AppError('NOT_FOUND', 'No such thing.');
    expect(await caught(withCentral(source, () => Promise.reject(typed)))).toBe(typed);
    // A refused-connection code raised by the program is still the database being away.
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(await caught(withCentral(source, () => Promise.reject(refused)))).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Central database refused the connection (is it running?).',
    });
  });

  it('says central is unavailable, in words, when nothing listens at its address', async () => {
    const u = new URL(adminUrl());
    u.port = '9';
    const away = createCentralSource({ databaseUrl: u.toString(), dataDir: tempDir('frontdesk-central-away-'), log });
    try {
      expect(away.kind).toBe('external');
      const err = await caught(withCentral(away, async () => 'never'));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'UNAVAILABLE', message: 'Central database refused the connection (is it running?).' });
    } finally {
      await away.close();
    }
  });
});

describe('createCentralSource', () => {
  it('opens one pool however many callers ask at once, and keeps it', async () => {
    const [a, b] = await Promise.all([source.connect(), source.connect()]);
    expect(a).toBe(b);
    expect(await source.connect()).toBe(a);
    expect(a.pool.options.max).toBe(3); // the pool size asked for
    // It applied the central migrations before handing the pool out.
    const { rows } = await a.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'punches'",
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('opens a new pool after close, and tries again after a failed open instead of keeping the failure', async () => {
    const name = `central_later_${Date.now()}`;
    const later = createCentralSource({ databaseUrl: withDatabase(adminUrl(), name), dataDir: tempDir('frontdesk-central-later-'), log });
    try {
      const first = await caught(withCentral(later, async () => 'never'));
      expect(first).toMatchObject({ code: 'UNAVAILABLE', message: 'The central database named in DATABASE_URL does not exist.' });
      const admin = (await source.connect()).pool;
      await admin.query(`CREATE DATABASE ${name}`);
      const c1 = await later.connect();
      expect((await c1.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
      await later.close();
      const c2 = await later.connect();
      expect(c2).not.toBe(c1);
      expect((await c2.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    } finally {
      await later.close();
    }
  });

  it('is embedded without a DATABASE_URL, and closes cleanly when it never opened', async () => {
    const embedded = createCentralSource({ dataDir: tempDir('frontdesk-central-embedded-'), log });
    expect(embedded.kind).toBe('embedded');
    await embedded.close();
  });

  it('an integrity error is not a value the caller gave: it goes on unchanged; a refusal with no words names its SQLSTATE', async () => {
    const dup = await caught(
      withCentral(source, (c) => c.pool.query('CREATE TEMP TABLE twice (a int PRIMARY KEY); INSERT INTO twice VALUES (1), (1)')),
    );
    expect(dup).not.toBeInstanceOf(AppError);
    expect(dup).toMatchObject({ code: '23505' });
    expect(await caught(withCentral(source, () => Promise.reject(Object.assign(new Error(), { code: '22023', message: 42 }))))).toMatchObject({
      code: 'BAD_INPUT',
      message: 'Central cannot use a value given: 22023.',
    });
  });

  it('says in the log when central drops a connection it kept open, and opens another for the next call', async () => {
    const warnings: { msg: string; fields: Record<string, unknown> | undefined }[] = [];
    const quiet = { ...log, warn: (msg: string, fields?: Record<string, unknown>) => void warnings.push({ msg, fields }) };
    const own = createCentralSource({ databaseUrl: url, dataDir: tempDir('frontdesk-central-drop-'), log: quiet, poolSize: 1 });
    try {
      const pid = await withCentral(own, async (c) => (await c.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
      await withCentral(source, (c) => c.pool.query('SELECT pg_terminate_backend($1)', [pid]));
      await expect.poll(() => warnings.map((w) => w.msg), { timeout: 10_000 }).toEqual(['central connection dropped']);
      expect(String(warnings[0]!.fields?.error)).toMatch(/terminat/i);
      expect(await withCentral(own, async (c) => (await c.pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n)).toBe(1);
    } finally {
      await own.close();
    }
  });
});
