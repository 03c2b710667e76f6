// PostgreSQL as hosting providers give it, on a cluster of this test's own: Central owned by a
// role that is not a superuser (CREATEROLE at most, as on managed hosts) runs its migrations,
// the SQL console and the AI's SQL tool; and TLS, with what each sslmode does against a
// self-signed certificate and against a CA given by sslrootcert.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeEmbeddedCluster, startEmbeddedCentral, type EmbeddedCentral } from '../../src-main/db/central/embedded.js';
import { createLogger } from '../../src-main/log.js';
import { api, ConsoleClient, startTestCentral } from '../support/test-central.js';
import { query, withDatabase } from '../support/test-postgres.js';

let dir: string;
let certs: string;
let server: EmbeddedCentral;
let ownerUrl: string;

/** The URL of the managed-host-like owner role, with query parameters. */
const owner = (params = ''): string => (params ? `${ownerUrl}?${params}` : ownerUrl);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-hosting-'));
  certs = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-certs-'));
  chmodSync(certs, 0o755);
  server = await startEmbeddedCentral(dir, createLogger('hosting-pg'));
  await query(server.url, "CREATE ROLE app_owner LOGIN CREATEROLE PASSWORD 'owner-password'");
  await query(server.url, 'CREATE DATABASE app OWNER app_owner');
  const u = new URL(withDatabase(server.url, 'app'));
  u.username = 'app_owner';
  u.password = 'owner-password';
  ownerUrl = u.toString();
}, 60_000);

afterAll(async () => {
  await server.stop();
  removeEmbeddedCluster(dir);
  rmSync(dir, { recursive: true, force: true });
  rmSync(certs, { recursive: true, force: true });
});

describe('an owner role that is not a superuser', () => {
  it('migrates Central, and the guarded SQL (the one path of the SQL console and the AI’s SQL tool) reads the reporting schema', async () => {
    const [role] = await query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      server.url,
      "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = 'app_owner'",
    );
    expect(role).toEqual({ rolsuper: false, rolcreaterole: true });
    const c = await startTestCentral({ databaseUrl: owner() });
    try {
      await c.admin('roster.addSite', { name: 'HQ', tz: 'Asia/Kolkata' });
      await c.admin('roster.addEmployee', { code: 'A1', name: 'Anil One', pin: '1234' });
      const sql = await c.admin('sql.run', { sql: 'SELECT code, name FROM reporting.employees' });
      expect(sql.rows).toEqual([{ code: 'A1', name: 'Anil One' }]);
      // The guard still holds for this owner: the reporting role cannot see the PIN hashes.
      await expect(c.admin('sql.run', { sql: 'SELECT pin_hash FROM public.employees' })).rejects.toThrow();
      const password = await c.addUser('pay', 'payroll');
      const client = new ConsoleClient(c.url);
      await client.signIn('pay', password);
      const asked = await client.rpc('sql.run', { sql: 'SELECT count(*)::int AS n FROM reporting.employees' });
      expect(asked.body.value.rows).toEqual([{ n: 1 }]);
    } finally {
      await c.close();
    }
  });
});

/** Writes a key and certificate; signed by the CA when given, else self-signed. */
function makeCert(name: string, ca?: { key: string; cert: string }): { key: string; cert: string } {
  const key = path.join(certs, `${name}.key`);
  const cert = path.join(certs, `${name}.crt`);
  const ext = path.join(certs, `${name}.ext`);
  writeFileSync(ext, 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  const subject = `/CN=${name === 'ca' ? 'Frontdesk Test CA' : 'localhost'}`;
  if (!ca) {
    const caFlags = name === 'ca' ? ['-addext', 'basicConstraints=critical,CA:TRUE'] : ['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', subject, ...caFlags],
      {
        stdio: 'ignore',
      },
    );
  } else {
    const csr = path.join(certs, `${name}.csr`);
    execFileSync('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', subject], { stdio: 'ignore' });
    execFileSync(
      'openssl',
      ['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext],
      {
        stdio: 'ignore',
      },
    );
  }
  return { key, cert };
}

/** Turns TLS on in the test cluster with this certificate (the server reads it on reload). */
async function serveTls(pair: { key: string; cert: string }): Promise<void> {
  const [{ data_directory }] = (await query<{ data_directory: string }>(server.url, 'SHOW data_directory')) as [{ data_directory: string }];
  const { uid, gid } = statSync(data_directory);
  for (const f of [pair.key, pair.cert]) chownSync(f, uid, gid);
  chmodSync(pair.key, 0o600);
  chmodSync(pair.cert, 0o644);
  await query(server.url, `ALTER SYSTEM SET ssl_cert_file = '${pair.cert}'`);
  await query(server.url, `ALTER SYSTEM SET ssl_key_file = '${pair.key}'`);
  await query(server.url, 'ALTER SYSTEM SET ssl = on');
  await query(server.url, 'SELECT pg_reload_conf()');
  // The reload is asynchronous: wait until a TLS connection is accepted.
  for (let i = 0; ; i++) {
    const [row] = await query<{ on: string }>(server.url, 'SHOW ssl');
    if (row?.on === 'on' || i > 50) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Connects with the URL and tells whether the session is encrypted, or the error's words. */
async function tryConnect(url: string): Promise<{ ssl: boolean } | { error: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    return { ssl: rows[0]!.ssl };
  } catch (err) {
    return { error: String((err as Error).message) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('TLS to PostgreSQL', () => {
  it('a self-signed certificate: pg’s sslmode=require refuses it; libpq’s meaning (uselibpqcompat) encrypts without verifying; Central runs on it', async () => {
    await serveTls(makeCert('self'));
    expect(await tryConnect(owner('sslmode=require'))).toEqual({ error: expect.stringMatching(/self[- ]signed/i) });
    expect(await tryConnect(owner('uselibpqcompat=true&sslmode=require'))).toEqual({ ssl: true });
    expect(await tryConnect(owner('sslmode=disable'))).toEqual({ ssl: false });
    const c = await startTestCentral({ databaseUrl: owner('uselibpqcompat=true&sslmode=require') });
    try {
      const health = await api(c.url, null, 'GET', '/api/v1/health');
      expect(health.body).toMatchObject({ status: 'up', database: 'reachable' });
      const pool = await c.app.pool();
      const { rows } = await pool.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(rows[0]!.ssl).toBe(true);
    } finally {
      await c.close();
    }
  });

  it('a certificate from a CA given by sslrootcert is verified (verify-full); another CA is refused', async () => {
    const ca = makeCert('ca');
    await serveTls(makeCert('server', ca));
    expect(await tryConnect(owner(`sslmode=verify-full&sslrootcert=${encodeURIComponent(ca.cert)}`))).toEqual({ ssl: true });
    const other = makeCert('other-ca');
    expect(await tryConnect(owner(`sslmode=verify-full&sslrootcert=${encodeURIComponent(other.cert)}`))).toEqual({
      error: expect.stringMatching(/certificate/i),
    });
    const c = await startTestCentral({ databaseUrl: owner(`sslmode=verify-full&sslrootcert=${encodeURIComponent(ca.cert)}`) });
    try {
      expect((await api(c.url, null, 'GET', '/api/v1/health')).body.database).toBe('reachable');
    } finally {
      await c.close();
    }
  });
});
