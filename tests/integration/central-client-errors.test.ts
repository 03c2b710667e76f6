// The kiosk's client of Central's sync API against real HTTP servers that fail the ways a network
// and a misconfigured server do: each failure is an error with the code the engine reads for
// the kiosk's state and words a person understands; and the cycle's own rules (the heartbeat
// only from sync 1.1, a revoked credential still sending what waits, an API punch sent as a
// kiosk one). The happy paths run against a real Central in the kiosk-central suites.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { openLocalStore, type LocalStore } from '../../src-main/db/local/connection.js';
import { migrateLocal } from '../../src-main/db/local/migrate.js';
import { createLogger } from '../../src-main/log.js';
import { loadConfig } from '../../src-main/config.js';
import { centralLink, centralPinCounts, createCentralClient, SyncApiError } from '../../src-main/services/sync/central-link.js';
import { enrollDataFolder } from '../../src-main/services/sync/enroll-folder.js';
import { requestEnrollment } from '../../src-main/services/sync/enroll.js';
import { credentialFileFor, writeDeviceCredential, type DeviceCredential } from '../../src-main/services/sync/device-credential.js';
import type { OutboxPunch } from '../../src-main/services/sync/outbox.js';
import { tempDir } from '../support/test-app.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

/** A real HTTP server answering every request with `handler`; returns its URL and what it saw. */
async function serve(handler: Handler, tls?: { key: Buffer; cert: Buffer }): Promise<{ url: string; seen: Seen[] }> {
  const server: Server = tls ? createHttpsServer(tls) : createServer();
  const seen: Seen[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json =
  (status: number, value: unknown): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };

const credentialFor = (url: string): DeviceCredential => ({
  centralUrl: url,
  kioskId: '00000000-0000-4000-8000-000000000001',
  name: 'Front desk',
  credential: 'fdkiosk_test',
  pinKey: 'k'.repeat(32),
  site: { id: '00000000-0000-4000-8000-000000000002', name: 'HQ', tz: 'UTC' },
  deviceId: 'kiosk-1',
  enrolledAt: '2026-12-01T00:00:00.000Z',
});

const OK = z.object({ ok: z.literal(true) });

/** The SyncApiError one request ends with. */
async function failureOf(url: string, opts: { timeoutMs?: number; body?: unknown } = {}): Promise<SyncApiError> {
  const client = createCentralClient({ credential: credentialFor(url), timeoutMs: opts.timeoutMs ?? 5000 });
  const err = await client.request('POST', '/sync/v1/punches', opts.body ?? { a: 1 }, OK).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncApiError);
  return err as SyncApiError;
}

describe('a request that does not reach Central', () => {
  let certDir: string;
  beforeAll(() => {
    certDir = tempDir('frontdesk-cert-');
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      path.join(certDir, 'key.pem'),
      '-out',
      path.join(certDir, 'cert.pem'),
    ]);
  });

  it('nothing listening: refused, and the kiosk is offline', async () => {
    const { url } = await serve(json(200, { ok: true }));
    await close(servers.pop()!);
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.message).toBe('Frontdesk Central refused the connection (is it running?).');
  });

  it('a host name that does not exist', async () => {
    const err = await failureOf('http://frontdesk-central.invalid');
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.message).toBe("Frontdesk Central's host name was not found.");
  });

  it('a connection cut mid-request', async () => {
    const { url } = await serve((req) => req.socket.destroy());
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.message).toBe('The connection to Frontdesk Central was cut.');
  });

  it('no answer within the time allowed', async () => {
    const { url } = await serve(() => undefined);
    const err = await failureOf(url, { timeoutMs: 300 });
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.message).toBe('Frontdesk Central did not answer in time.');
  });

  it('a TLS certificate the kiosk does not trust names why', async () => {
    const tls = { key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')) };
    const { url } = await serve(json(200, { ok: true }), tls);
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.message).toBe("Frontdesk Central's TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).");
  });

  it('a redirect is not followed (the credential stays with the URL enrolled) and says what fetch said', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' });
      res.end();
    });
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.message).toBe('Frontdesk Central could not be reached (fetch failed).');
    expect(seen).toHaveLength(1);
  });
});

describe('an answer the kiosk cannot use', () => {
  it('a 200 that is not JSON is a server fault (retried), with its status', async () => {
    const { url } = await serve((_req, res) => res.end('<html>hello</html>'));
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_HTTP');
    expect(err.status).toBe(200);
    expect(err.message).toBe(
      'Frontdesk Central answered 200 with a body that is not JSON (a proxy or another server may be answering at its address).',
    );
  });

  it("a proxy's 502 page is Central being unreachable", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_UNREACHABLE');
    expect(err.status).toBe(502);
    expect(err.message).toBe(
      'Frontdesk Central answered 502 with a body that is not JSON (a proxy or another server may be answering at its address).',
    );
  });

  it('an answer cut mid-body says the connection was cut', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_HTTP');
    expect(err.message).toBe('Frontdesk Central answered 200, but its answer could not be read: The connection to Frontdesk Central was cut.');
  });

  it('JSON of another shape is refused in words, and retried', async () => {
    const { url } = await serve(json(200, { ok: 'yes' }));
    const err = await failureOf(url);
    expect(err.code).toBe('CENTRAL_HTTP');
    expect(err.status).toBe(200);
    expect(err.message).toBe("Frontdesk Central's answer to /sync/v1/punches is not in the shape this kiosk expects; it retries.");
  });
});

describe("Central's refusals", () => {
  const cases: { name: string; status: number; body: unknown; code: SyncApiError['code']; message: string }[] = [
    {
      name: 'a revoked credential',
      status: 401,
      body: { error: { code: 'REVOKED', message: 'This kiosk was revoked.' } },
      code: 'REVOKED',
      message: 'This kiosk was revoked.',
    },
    {
      name: 'an unknown credential',
      status: 401,
      body: { error: { code: 'UNAUTHORIZED', message: 'Unknown kiosk.' } },
      code: 'REVOKED',
      message: 'Unknown kiosk.',
    },
    {
      name: 'a Central older than the kiosk',
      status: 426,
      body: { error: { code: 'VERSION_MISMATCH', message: 'Update Central.', details: { verdict: 'central-too-old' } } },
      code: 'CENTRAL_OUTDATED',
      message: 'Update Central.',
    },
    {
      name: 'a kiosk older than Central',
      status: 426,
      body: { error: { code: 'VERSION_MISMATCH', message: 'Update this kiosk.', details: { verdict: 'kiosk-too-old' } } },
      code: 'NEEDS_UPDATE',
      message: 'Update this kiosk.',
    },
    {
      name: 'a version refusal without a verdict',
      status: 426,
      body: { error: { code: 'VERSION_MISMATCH', message: 'Versions differ.' } },
      code: 'NEEDS_UPDATE',
      message: 'Versions differ.',
    },
    {
      name: 'any other refusal, its message cut at 400 characters',
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'x'.repeat(450) } },
      code: 'CENTRAL_HTTP',
      message: `Frontdesk Central refused the sync (500): ${'x'.repeat(400)}`,
    },
    {
      name: 'a refusal with no words says its status',
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: 42 } },
      code: 'CENTRAL_HTTP',
      message: 'Frontdesk Central refused the sync (503): Frontdesk Central answered 503.',
    },
    {
      name: 'a revoked credential with no words says its status',
      status: 401,
      body: { error: { code: 'REVOKED' } },
      code: 'REVOKED',
      message: 'Frontdesk Central answered 401.',
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const { url } = await serve(json(c.status, c.body));
      const err = await failureOf(url);
      expect({ code: err.code, status: err.status, message: err.message }).toEqual({ code: c.code, status: c.status, message: c.message });
    });
});

describe('what a request carries', () => {
  it('the credential, the protocol, and a JSON body only when there is one', async () => {
    const { url, seen } = await serve(json(200, { ok: true }));
    const client = createCentralClient({ credential: credentialFor(url), protocol: { major: 1, minor: 4 } });
    await expect(client.request('POST', '/sync/v1/punches', { a: [1, 'é'] }, OK)).resolves.toEqual({ ok: true });
    await expect(client.request('GET', '/sync/v1/roster?since=0', undefined, OK)).resolves.toEqual({ ok: true });
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/sync/v1/punches'],
      ['GET', '/sync/v1/roster?since=0'],
    ]);
    for (const s of seen) {
      expect(s.headers.authorization).toBe('Bearer fdkiosk_test');
      expect(s.headers['frontdesk-sync']).toBe('1.4');
      expect(s.headers.accept).toBe('application/json');
    }
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ a: [1, 'é'] });
    expect(seen[1]!.headers['content-type']).toBeUndefined();
    expect(seen[1]!.body).toBe('');
  });
});

describe("a sync cycle's rules", () => {
  let dir: string;
  let store: LocalStore;
  beforeAll(() => {
    dir = tempDir();
    store = openLocalStore(path.join(dir, LOCAL_DB_FILE));
    migrateLocal(store);
  });
  afterAll(() => store.close());

  const REPORT = { backlog: { count: 1, oldestAt: 1 }, rejected: 0, lastError: null };
  const ROSTER = { sites: [], teams: [], employees: [], removed: [], version: '0' };
  const punch = (id: string, source: OutboxPunch['source']): OutboxPunch => ({
    id,
    employeeId: '00000000-0000-4000-8000-0000000000e1',
    kind: 'IN',
    atUtc: 1_700_000_000_000,
    siteId: '00000000-0000-4000-8000-000000000002',
    deviceId: 'kiosk-1',
    workMode: 'WFH',
    source,
    createdAt: 1_700_000_000_001,
  });

  /** A server that answers the sync API's paths as Central would, or refuses the heartbeat. */
  const central = (heartbeat: Handler = json(200, { nonce: 'n1', centralTime: Date.now(), cloneSuspected: false })) =>
    serve((req, res, body) => {
      if (req.url === '/sync/v1/heartbeat') return heartbeat(req, res, body);
      if (req.url?.startsWith('/sync/v1/roster')) return json(200, ROSTER)(req, res, body);
      const ids = (JSON.parse(body) as { punches: { id: string }[] }).punches.map((p) => p.id);
      return json(200, { accepted: ids, rejected: [], clockFlagged: 0 })(req, res, body);
    });

  const linkTo = (url: string, protocol: { major: number; minor: number }) =>
    centralLink({
      credential: credentialFor(url),
      sqlite: store.sqlite,
      clock: { now: () => Date.now() },
      log: createLogger('test'),
      appVersion: '0.0.0-test',
      schemaVersion: 1,
      protocol,
    });

  it('sync 1.0 sends no heartbeat; 1.1 and 2.0 do', async () => {
    for (const [protocol, heartbeats] of [
      [{ major: 1, minor: 0 }, 0],
      [{ major: 1, minor: 1 }, 1],
      [{ major: 2, minor: 0 }, 1],
    ] as const) {
      const { url, seen } = await central();
      const cycle = await linkTo(url, protocol).begin(REPORT, { eager: true });
      expect(cycle.clockOffsetMs === null).toBe(heartbeats === 0);
      expect(seen.filter((s) => s.url === '/sync/v1/heartbeat')).toHaveLength(heartbeats);
    }
  });

  it('a punch recorded through the API is sent as a kiosk punch; the others keep their source and every field', async () => {
    const { url, seen } = await central();
    const cycle = await linkTo(url, { major: 1, minor: 1 }).begin(REPORT, { eager: true });
    const committed: unknown[] = [];
    // Central holds its refusals itself: nothing comes back to be held here.
    expect(await cycle.push([punch('p1', 'api'), punch('p2', 'import'), punch('p3', 'correction')], (c) => committed.push(c))).toEqual([]);
    const sent = JSON.parse(seen.find((s) => s.url === '/sync/v1/punches')!.body) as { punches: Record<string, unknown>[] };
    expect(sent.punches.map((p) => p.source)).toEqual(['kiosk', 'import', 'correction']);
    expect(sent.punches[0]).toEqual({
      id: 'p1',
      employeeId: '00000000-0000-4000-8000-0000000000e1',
      kind: 'IN',
      atUtc: 1_700_000_000_000,
      workMode: 'WFH',
      source: 'kiosk',
      createdAt: 1_700_000_000_001,
    });
    expect(committed).toEqual([{ accepted: ['p1', 'p2', 'p3'], rejected: [] }]);
  });

  it('revoked at the heartbeat: what waits is still sent (for Central to quarantine), and the cycle ends revoked', async () => {
    const { url, seen } = await central(json(401, { error: { code: 'REVOKED', message: 'Revoked.' } }));
    const cycle = await linkTo(url, { major: 1, minor: 1 }).begin(REPORT, { eager: true });
    expect(cycle.clockOffsetMs).toBeNull();
    const committed: unknown[] = [];
    await expect(cycle.push([punch('p9', 'kiosk')], (c) => committed.push(c))).rejects.toMatchObject({ code: 'REVOKED' });
    expect(committed).toEqual([]);
    expect(seen.filter((s) => s.url === '/sync/v1/punches')).toHaveLength(1);
    await expect(cycle.finish(REPORT)).rejects.toMatchObject({ code: 'REVOKED', message: 'Revoked.' });
    expect(seen.some((s) => s.url.startsWith('/sync/v1/roster'))).toBe(false);
  });

  it('any other heartbeat failure ends the cycle before anything is sent', async () => {
    const { url, seen } = await central(json(500, { error: { code: 'INTERNAL', message: 'Boom.' } }));
    await expect(linkTo(url, { major: 1, minor: 1 }).begin(REPORT, { eager: true })).rejects.toMatchObject({ code: 'CENTRAL_HTTP' });
    expect(seen.map((s) => s.url)).toEqual(['/sync/v1/heartbeat']);
  });

  it('a heartbeat whose answer was lost is sent again with the same attempt id; an answered one starts a new id', async () => {
    let fail = true;
    const { url, seen } = await central((req, res, body) => {
      if (fail) {
        fail = false;
        return json(500, { error: { code: 'INTERNAL', message: 'Lost.' } })(req, res, body);
      }
      return json(200, { nonce: 'n2', centralTime: Date.now(), cloneSuspected: false })(req, res, body);
    });
    const link = linkTo(url, { major: 1, minor: 1 });
    await expect(link.begin(REPORT, { eager: true })).rejects.toMatchObject({ code: 'CENTRAL_HTTP' });
    await link.begin(REPORT, { eager: true });
    await link.begin(REPORT, { eager: true });
    const attempts = seen.filter((s) => s.url === '/sync/v1/heartbeat').map((s) => (JSON.parse(s.body) as { attempt: string }).attempt);
    expect(attempts).toHaveLength(3);
    expect(attempts[1]).toBe(attempts[0]);
    expect(attempts[2]).not.toBe(attempts[1]);
    expect(store.sqlite.prepare("SELECT value FROM sync_state WHERE key = 'heartbeat_attempt'").get()).toBeUndefined();
  });

  it('the shared wrong-PIN count: each attempt and each clear sent for the employee, one kind or both', async () => {
    const { url, seen } = await serve((req, res, body) =>
      req.url === '/sync/v1/pin-attempts'
        ? json(200, { counted: { failures: 2, lockedUntilMs: null } })(req, res, body)
        : json(200, { cleared: true })(req, res, body),
    );
    const counts = centralPinCounts(createCentralClient({ credential: credentialFor(url) }));
    const emp = '00000000-0000-4000-8000-0000000000e1';
    expect(await counts.count(emp, 'manager')).toEqual({ counted: { failures: 2, lockedUntilMs: null } });
    await counts.clear(emp, 'kiosk');
    await counts.clear(emp);
    expect(seen.map((s) => [s.url, JSON.parse(s.body) as unknown])).toEqual([
      ['/sync/v1/pin-attempts', { employeeId: emp, purpose: 'manager' }],
      ['/sync/v1/pin-attempts/clear', { employeeId: emp, purpose: 'kiosk' }],
      ['/sync/v1/pin-attempts/clear', { employeeId: emp }],
    ]);
  });

  it('between eager cycles the heartbeat and the roster wait their spacing; "Sync now" asks again at once', async () => {
    const { url, seen } = await central();
    const link = linkTo(url, { major: 1, minor: 1 });
    const first = await link.begin(REPORT);
    await first.finish(REPORT);
    const second = await link.begin(REPORT);
    await second.finish(REPORT);
    expect(seen.map((s) => s.url.split('?')[0])).toEqual(['/sync/v1/heartbeat', '/sync/v1/roster']);
    await link.begin(REPORT, { eager: true });
    expect(seen.map((s) => s.url.split('?')[0])).toEqual(['/sync/v1/heartbeat', '/sync/v1/roster', '/sync/v1/heartbeat', '/sync/v1/roster']);
  });
});

describe('enrolling with a one-time code', () => {
  const body = { code: 'ABCD-EFGH', deviceId: 'kiosk-1', appVersion: '1.2.3' };
  const refusal = async (url: string) =>
    requestEnrollment(new URL(url), body).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );

  it('sends the code, the device and the version to /sync/v1/enroll', async () => {
    const answer = {
      kioskId: '00000000-0000-4000-8000-000000000001',
      name: 'Front desk',
      credential: 'fdkiosk_x',
      pinKey: 'k'.repeat(32),
      site: { id: '00000000-0000-4000-8000-000000000002', name: 'HQ', tz: 'UTC' },
      protocol: '1.1',
    };
    const { url, seen } = await serve(json(200, answer));
    await expect(requestEnrollment(new URL(url), body)).resolves.toEqual(answer);
    expect(seen).toHaveLength(1);
    expect([seen[0]!.method, seen[0]!.url]).toEqual(['POST', '/sync/v1/enroll']);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['frontdesk-sync']).toBe('1.1');
    expect(JSON.parse(seen[0]!.body)).toEqual(body);
  });

  it('nothing listening: unavailable, naming the address and that nothing was enrolled', async () => {
    const { url } = await serve(json(200, {}));
    await close(servers.pop()!);
    expect(await refusal(url)).toMatchObject({
      code: 'UNAVAILABLE',
      message: `Frontdesk Central at ${url} could not be reached (ECONNREFUSED); nothing was enrolled.`,
    });
  });

  it('a redirect is not followed, and says what fetch said', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:9/' });
      res.end();
    });
    expect(await refusal(url)).toMatchObject({
      code: 'UNAVAILABLE',
      message: `Frontdesk Central at ${url} could not be reached (fetch failed); nothing was enrolled.`,
    });
  });

  for (const [code, expected] of [
    ['UNAUTHORIZED', 'UNAUTHORIZED'],
    ['CONFLICT', 'CONFLICT'],
    ['BAD_INPUT', 'BAD_INPUT'],
    ['RATE_LIMITED', 'UNAVAILABLE'],
  ] as const)
    it(`Central's ${code} is ${expected}, in Central's words`, async () => {
      const { url } = await serve(json(400, { error: { code, message: `Refused: ${code}.` } }));
      expect(await refusal(url)).toMatchObject({ code: expected, message: `Refused: ${code}.` });
    });

  it('a refusal that is not JSON says its status', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    });
    expect(await refusal(url)).toMatchObject({ code: 'UNAVAILABLE', message: 'Frontdesk Central answered 404.' });
  });

  it('a server that answers 200 but not like Central enrolls nothing', async () => {
    const { url } = await serve(json(200, { hello: 'world' }));
    expect(await refusal(url)).toMatchObject({
      code: 'UNAVAILABLE',
      message: `The server at ${url} did not answer like Frontdesk Central; nothing was enrolled.`,
    });
  });

  it('a folder enrolled already, or one with DATABASE_URL set, is refused before anything is sent', async () => {
    const { url, seen } = await serve(json(500, {}));
    const paths = { dataDir: tempDir('frontdesk-kiosk-'), credentialDir: tempDir('frontdesk-cred-') };
    const config = loadConfig({}, { ...paths, demo: 'off' });
    const file = credentialFileFor(paths.credentialDir, paths.dataDir);
    writeDeviceCredential(file, credentialFor(url));
    await expect(enrollDataFolder(config, new URL(url), 'ABCD')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `This data folder is enrolled already (its credential is ${file}). To enroll it again, an admin revokes the old kiosk and you delete that file.`,
    });
    const other = { dataDir: tempDir('frontdesk-kiosk-'), credentialDir: tempDir('frontdesk-cred-') };
    const withDb = { ...loadConfig({}, { ...other, demo: 'off' }), databaseUrl: 'postgres://127.0.0.1:9/x' };
    await expect(enrollDataFolder(withDb, new URL(url), 'ABCD')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'Unset DATABASE_URL first: an enrolled kiosk syncs through Central and holds no database credential.',
    });
    expect(seen).toHaveLength(0);
  });
});
