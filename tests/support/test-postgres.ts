// A real PostgreSQL for tests: TEST_DATABASE_URL when set, otherwise one embedded server for the
// whole run (started by the test command or by vitest's global setup). Each test file or e2e
// test gets a database of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through `npm test` or vitest (its global setup starts PostgreSQL).');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database and returns its URL. */
export async function createTestDatabase(prefix = 'fd'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl(), name);
}

export async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
