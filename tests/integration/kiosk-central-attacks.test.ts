// Attacks on Central's sync API by a thief holding one kiosk's device credential, or a stranger
// on the network. Each test states what a safe Central does: the ones that pass document a
// defence, the ones that fail name a bug.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams, TZ } from '../support/central-seed.js';
import { startTestCentral, type Json, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';
import { tempDir, testClock } from '../support/test-app.js';
import { createApp } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { call } from '../../src-main/rpc/dispatch.js';
import { enrollDataFolder } from '../../src-main/services/sync/enroll-folder.js';
import { addDays, localDateOf } from '../../shared/domain/local-time.js';
import { uuidv7 } from '../../shared/ids.js';
import { stableId } from '../../src-main/services/roster/roster.js';

let central: TestCentral;
let ids: { e1: string; e2: string; o1: string };

interface Device {
  name: string;
  credential: string;
  kioskId: string;
  deviceId: string;
}

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

let hq: Device; // the thief's kiosk
let hqOther: Device; // another kiosk of the same site
let plant: Device; // a kiosk of the other site

async function send(
  credential: string | null,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(central.url + path, {
    method,
    headers: {
      ...(credential === null ? {} : { authorization: `Bearer ${credential}` }),
      'frontdesk-sync': '1.1',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

const sync = (d: Device, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) =>
  send(d.credential, method, path, body, headers);

/**
 * Runs `start` while a table is held in EXCLUSIVE mode (reads go on, writes wait), and lets go
 * once `waiters` of Central's statements wait for a lock: racing requests then all get past
 * their checks before any of them writes.
 */
async function whileHolding<T>(table: string, waiters: number, start: () => Promise<T>): Promise<T> {
  const blocker = new pg.Client({ connectionString: central.databaseUrl });
  // Another session watches: the activity view stands still inside the blocker's transaction.
  const watcher = new pg.Client({ connectionString: central.databaseUrl });
  await blocker.connect();
  await watcher.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
    const racing = start();
    racing.catch(() => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await watcher.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'",
      );
      if (rows[0]!.n >= waiters) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${waiters} statements came to wait for ${table}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await blocker.query('COMMIT');
    return await racing;
  } finally {
    await blocker.end();
    await watcher.end();
  }
}

let made = 0;
async function enroll(site: 'HQ' | 'Plant', deviceId = `attack-device-${randomUUID()}`): Promise<Device> {
  const name = `Attack kiosk ${++made}`;
  const added = await central.admin('kiosks.add', { name, site });
  const res = await send(null, 'POST', '/sync/v1/enroll', { code: added.code, deviceId, appVersion: '0.1.0' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { name, credential: res.body.credential as string, kioskId: added.kiosk.id, deviceId };
}

const punch = (employeeId: string, over: Record<string, unknown> = {}) => {
  const now = central.clock.now();
  return { id: uuidv7(now), employeeId, kind: 'IN', atUtc: now, workMode: 'WFO', source: 'kiosk', createdAt: now, ...over };
};

const heartbeat = (over: Record<string, unknown> = {}) => ({
  sentAt: central.clock.now(),
  nonce: null,
  appVersion: '0.1.0',
  schemaVersion: 1,
  backlog: { count: 0, oldestAt: null },
  rejected: 0,
  lastError: null,
  ...over,
});

const stored = (punchIds: string[]) =>
  query<{ id: string; device_id: string; employee_id: string }>(
    central.databaseUrl,
    'SELECT id::text AS id, device_id, employee_id::text AS employee_id FROM punches WHERE id = ANY($1::uuid[]) ORDER BY id',
    [punchIds],
  );

const kioskRow = async (kioskId: string) =>
  (
    await query<{ last_heartbeat_at: Date | null; clock_offset_ms: number | null; clone_suspected_at: Date | null }>(
      central.databaseUrl,
      'SELECT last_heartbeat_at, clock_offset_ms, clone_suspected_at FROM kiosks WHERE id = $1',
      [kioskId],
    )
  )[0]!;

beforeAll(async () => {
  // Enrollment's own limit (30 a minute, on a clock that stands still here) is tested elsewhere.
  central = await startTestCentral({ config: { enrollRateLimit: 1000 } });
  await seedTwoTeams(central, 1);
  const rows = await query<{ code: string; id: string }>(central.databaseUrl, 'SELECT code, id::text AS id FROM employees');
  const id = (code: string) => rows.find((r) => r.code === code)!.id;
  ids = { e1: id('E1'), e2: id('E2'), o1: id('O1') };
  hq = await enroll('HQ');
  hqOther = await enroll('HQ');
  plant = await enroll('Plant');
}, 60_000);

afterAll(async () => {
  await central?.close();
});

describe('pushing punches with a stolen credential', () => {
  it("cannot clock in another site's employee: the punch is refused (held on the kiosk), never attendance", async () => {
    // Employee ids are a hash of the employee code: the thief needs no roster to name anyone.
    expect(stableId('employee', 'O1')).toBe(ids.o1);
    const foreign = punch(stableId('employee', 'O1'));
    const res = await sync(hq, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [foreign] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([]);
    expect(res.body.rejected.map((r: { id: string }) => r.id)).toEqual([foreign.id]);
    expect(await stored([foreign.id])).toEqual([]);
  });

  it('takes 5,000 copies of one punch in one batch as one row, without failing the batch', async () => {
    const one = punch(ids.e1, { kind: 'OUT' });
    const res = await sync(hq, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: Array.from({ length: 5000 }, () => one) });
    expect(res.status).toBe(200);
    expect(new Set(res.body.accepted)).toEqual(new Set([one.id]));
    expect(res.body.rejected).toEqual([]);
    expect(await stored([one.id])).toEqual([{ id: one.id, device_id: hq.deviceId, employee_id: ids.e1 }]);
  });

  it('refuses a batch over 5,000 punches as a whole, storing nothing', async () => {
    const batch = Array.from({ length: 5001 }, () => punch(ids.e1));
    const res = await sync(hq, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: batch });
    expect(res.status).toBe(400);
    expect(await stored([batch[0]!.id, batch[5000]!.id])).toEqual([]);
  });

  it("cannot overwrite another kiosk's punch by reusing its id, and cannot read it back through verify", async () => {
    const theirs = punch(ids.e2, { kind: 'IN' });
    expect((await sync(hqOther, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [theirs] })).body.accepted).toEqual([theirs.id]);
    const forged = { ...theirs, employeeId: ids.e1, kind: 'OUT', atUtc: theirs.atUtc - 3600_000 };
    const res = await sync(hq, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [forged] });
    expect(res.status).toBe(200);
    expect(await stored([theirs.id])).toEqual([{ id: theirs.id, device_id: hqOther.deviceId, employee_id: ids.e2 }]);
    const verify = await sync(hq, 'POST', '/sync/v1/verify', {
      days: [{ ids: [theirs.id], startMs: theirs.atUtc - 86_400_000, endMs: theirs.atUtc + 86_400_000 }],
    });
    expect(verify.status).toBe(200);
    expect(verify.body.days[0]).not.toContain(theirs.id);
  });

  it("is not told 'accepted' for a punch whose id another device holds (its outbox would drop a punch Central never stored)", async () => {
    const theirs = punch(ids.e2);
    await sync(hqOther, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [theirs] });
    const mine = { ...theirs, employeeId: ids.e1, kind: 'OUT' };
    const res = await sync(hq, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [mine] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).not.toContain(mine.id);
    expect(res.body.rejected.map((r: { id: string }) => r.id)).toEqual([mine.id]);
  });

  it("cannot erase another kiosk's refused punch from Central's record by pushing its id", async () => {
    const unknownEmployee = randomUUID();
    const refused = punch(unknownEmployee);
    const first = await sync(hqOther, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [refused] });
    expect(first.body.rejected.map((r: { id: string }) => r.id)).toEqual([refused.id]);
    await sync(hq, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [{ ...refused, employeeId: ids.e1 }] });
    const rejects = await query<{ device_id: string }>(central.databaseUrl, 'SELECT device_id FROM sync_rejects WHERE punch_id = $1', [refused.id]);
    expect(rejects).toEqual([{ device_id: hqOther.deviceId }]);
  });

  it('refuses a deeply nested body, a prototype-polluting body and one over 8 MB, and keeps serving', async () => {
    const depth = 200_000;
    const nested = `{"sentAt":${central.clock.now()},"punches":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
    expect((await sync(hq, 'POST', '/sync/v1/punches', nested)).status).toBe(400);
    const nestedHeartbeat = `{"sentAt":${central.clock.now()},"nonce":null,"backlog":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    expect((await sync(hq, 'POST', '/sync/v1/heartbeat', nestedHeartbeat)).status).toBe(400);
    const polluting = `{"sentAt":${central.clock.now()},"punches":[{"__proto__":{"admin":true},"id":"${randomUUID()}"}]}`;
    expect((await sync(hq, 'POST', '/sync/v1/punches', polluting)).status).toBe(400);
    const huge = JSON.stringify({ sentAt: central.clock.now(), punches: [{ id: randomUUID(), pad: 'x'.repeat(9 * 1024 * 1024) }] });
    expect((await sync(hq, 'POST', '/sync/v1/punches', huge)).status).toBe(413);
    expect((await sync(hq, 'GET', '/sync/v1/roster?since=0')).status).toBe(200);
  });
});

describe('the roster', () => {
  it('refuses a since that is negative, not a number, fractional, beyond 2^53 or repeated; the largest safe one reads nothing', async () => {
    for (const since of ['-1', 'abc', '1.5', '1e400', 'NaN', '9007199254740993', '9223372036854775808', '1&since=2']) {
      const res = await sync(hq, 'GET', `/sync/v1/roster?since=${since}`);
      expect(res.status, since).toBe(400);
    }
    const top = await sync(hq, 'GET', '/sync/v1/roster?since=9007199254740991');
    expect(top.status).toBe(200);
    expect(top.body).toMatchObject({ sites: [], teams: [], employees: [], removed: [] });
  });

  it("names no employee of another site in `removed` who was never of this kiosk's site", async () => {
    const res = await sync(hq, 'GET', '/sync/v1/roster?since=1');
    expect(res.status).toBe(200);
    expect(res.body.removed).not.toContain(ids.o1);
    expect(JSON.stringify(res.body)).not.toContain(ids.o1);
  });

  it("a team moved to another site: its people leave the old site's kiosks and come to the new site's", async () => {
    await central.admin('roster.addTeam', { name: 'Movers', site: 'HQ' });
    const startDate = addDays(localDateOf(central.clock.now(), TZ), -10);
    await central.admin('roster.addEmployee', { code: 'M1', name: 'Mo Ver', pin: '1234', team: 'Movers', startDate });
    const [m1] = await query<{ id: string }>(central.databaseUrl, "SELECT id::text AS id FROM employees WHERE code = 'M1'");
    const atHq = await sync(hq, 'GET', '/sync/v1/roster?since=0');
    expect(atHq.body.employees.map((e: { id: string }) => e.id)).toContain(m1!.id);
    const atPlant = await sync(plant, 'GET', '/sync/v1/roster?since=0');
    expect(atPlant.body.employees.map((e: { id: string }) => e.id)).not.toContain(m1!.id);

    await central.admin('roster.updateTeam', { name: 'Movers', site: 'Plant' });

    const hqAfter = await sync(hq, 'GET', `/sync/v1/roster?since=${atHq.body.version}`);
    expect(hqAfter.body.removed).toContain(m1!.id);
    const plantAfter = await sync(plant, 'GET', `/sync/v1/roster?since=${atPlant.body.version}`);
    expect(plantAfter.body.employees.map((e: { id: string }) => e.id)).toContain(m1!.id);
  });
});

describe('verify', () => {
  it("tells nothing of another device's punches, by id or by time", async () => {
    const theirs = punch(ids.e2, { atUtc: central.clock.now() - 7200_000 });
    await sync(hqOther, 'POST', '/sync/v1/punches', { sentAt: central.clock.now(), punches: [theirs] });
    const res = await sync(hq, 'POST', '/sync/v1/verify', {
      days: [
        { ids: [theirs.id], startMs: 0, endMs: 32_503_680_000_000 },
        { ids: [theirs.id], startMs: theirs.atUtc, endMs: theirs.atUtc + 1 },
      ],
    });
    expect(res.status).toBe(200);
    const mine = await query<{ id: string }>(central.databaseUrl, 'SELECT id::text AS id FROM punches WHERE device_id = $1', [hq.deviceId]);
    expect(new Set(res.body.days[0])).toEqual(new Set(mine.map((r) => r.id)));
    expect(res.body.days[1]).toEqual([]);
  });
});

describe('PIN counts', () => {
  it('answer alike for an employee of another site and one who does not exist (no oracle)', async () => {
    const other = await sync(hq, 'POST', '/sync/v1/pin-attempts', { employeeId: ids.o1, purpose: 'kiosk' });
    const none = await sync(hq, 'POST', '/sync/v1/pin-attempts', { employeeId: randomUUID(), purpose: 'kiosk' });
    expect(other.status).toBe(403);
    expect(none).toMatchObject({ status: other.status, body: other.body });
    const clearOther = await sync(hq, 'POST', '/sync/v1/pin-attempts/clear', { employeeId: ids.o1, purpose: 'manager' });
    expect(clearOther.status).toBe(403);
  });
});

describe('the heartbeat', () => {
  it('records a kiosk clock months off as drift, instead of failing as if Central were down', async () => {
    const k = await enroll('HQ');
    const res = await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat({ sentAt: central.clock.now() - 60 * 86_400_000 }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await central.admin('kiosks.list', {})).find((x) => x.id === k.kioskId)).toMatchObject({ clockDrift: true, stale: false });
  });

  it("answers a kiosk at the contract's extreme clocks (1900, 3000) without a server failure", async () => {
    for (const sentAt of [-2_208_988_800_000, 32_503_680_000_000]) {
      const k = await enroll('HQ');
      const res = await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat({ sentAt }));
      expect(res.status, `${sentAt}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it('refuses numbers the kiosks table cannot hold and text PostgreSQL cannot store as bad input, not as Central being down', async () => {
    const k = await enroll('HQ');
    const answered: Record<string, number> = {};
    for (const over of [
      { backlog: { count: 2 ** 31, oldestAt: null } },
      { rejected: Number.MAX_SAFE_INTEGER },
      { lastError: 'disk \u0000 full' },
      { appVersion: '0.1\u0000' },
    ]) {
      answered[JSON.stringify(over)] = (await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat(over))).status;
    }
    expect(
      Object.values(answered).every((status) => status < 500),
      JSON.stringify(answered),
    ).toBe(true);
  });

  it('catches a second machine with the credential, and the kiosk cannot clear the flag itself', async () => {
    const k = await enroll('HQ');
    const first = await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat());
    expect(first.body.cloneSuspected).toBe(false);
    // The thief has the credential but not the data folder: no nonce, or a made-up one.
    const thief = await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat({ nonce: randomBytes(18).toString('base64url') }));
    expect(thief.body.cloneSuspected).toBe(true);
    const again = await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat({ nonce: thief.body.nonce }));
    expect(again.body.cloneSuspected).toBe(true);
    const reset = await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat({ nonce: null }));
    expect(reset.body.cloneSuspected).toBe(true);
    expect((await kioskRow(k.kioskId)).clone_suspected_at).not.toBeNull();
  });

  it('a real kiosk whose heartbeat answer was lost (Central committed, the connection then dropped) is not taken for a copied folder', async () => {
    // A pass-through in front of Central that can cut the connection after Central answered.
    const centralUrl = new URL(central.url);
    let dropNext: string | null = null;
    const proxy = http.createServer((req, res) => {
      const upstream = http.request(
        { host: centralUrl.hostname, port: centralUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: centralUrl.host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            if (dropNext !== null && req.url?.startsWith(dropNext)) {
              dropNext = null;
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = new URL(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const paths = { dataDir: tempDir('frontdesk-kiosk-'), credentialDir: tempDir('frontdesk-cred-') };
    const config = loadConfig({}, { ...paths, demo: 'off', tz: TZ });
    const added = await central.admin('kiosks.add', { name: 'Flaky network kiosk', site: 'HQ' });
    await enrollDataFolder(config, proxyUrl, added.code);
    const kiosk = await createApp({ config, host: 'test', clock: testClock(central.clock.now()) });
    const syncNow = () => call(kiosk.dispatch, 'sync.now', {}, { origin: 'test' });
    try {
      expect((await syncNow()).state).toBe('idle');
      dropNext = '/sync/v1/heartbeat';
      await syncNow();
      expect(dropNext).toBeNull();
      const after = await syncNow();
      expect(after.cloneSuspected).toBe(false);
      expect((await central.admin('kiosks.list', {})).find((x) => x.name === 'Flaky network kiosk')?.cloneSuspected).toBe(false);
    } finally {
      await kiosk.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      rmSync(paths.dataDir, { recursive: true, force: true });
      rmSync(paths.credentialDir, { recursive: true, force: true });
    }
  });
});

describe('a kiosk with a wrong clock pushing', () => {
  it('has its punches accepted and flagged when its clock is a month off, not refused forever', async () => {
    const k = await enroll('HQ');
    const kioskNow = central.clock.now() - 30 * 86_400_000;
    const p = punch(ids.e1, { atUtc: kioskNow, createdAt: kioskNow });
    const res = await sync(k, 'POST', '/sync/v1/punches', { sentAt: kioskNow, punches: [p, { ...p, id: uuidv7(kioskNow), kind: 'OUT' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ accepted: [p.id, expect.any(String)], rejected: [], clockFlagged: 2 });
  });
});

describe('enrollment', () => {
  it('a code raced by two enrollments at once enrolls exactly one', async () => {
    const added = await central.admin('kiosks.add', { name: 'Raced code kiosk', site: 'HQ' });
    const a = `race-a-${randomUUID()}`;
    const b = `race-b-${randomUUID()}`;
    // The first holds the code's row while the second waits for it: both were sent before either committed.
    const answers = await whileHolding('audit_log', 2, () =>
      Promise.all([a, b].map((deviceId) => send(null, 'POST', '/sync/v1/enroll', { code: added.code, deviceId, appVersion: '0.1.0' }))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    const rows = await query<{ device_id: string; credential_hash: string | null }>(
      central.databaseUrl,
      'SELECT device_id, credential_hash FROM kiosks WHERE device_id = ANY($1::text[])',
      [[a, b]],
    );
    expect(rows).toHaveLength(1);
  });

  it("refuses another kiosk's device id (the code stays good for the right device)", async () => {
    const added = await central.admin('kiosks.add', { name: 'Impostor kiosk', site: 'Plant' });
    const stolen = await send(null, 'POST', '/sync/v1/enroll', { code: added.code, deviceId: hq.deviceId, appVersion: '0.1.0' });
    expect(stolen.status).toBe(409);
    expect(JSON.stringify(stolen.body)).not.toContain(hq.name);
    const own = await send(null, 'POST', '/sync/v1/enroll', { code: added.code, deviceId: `impostor-${randomUUID()}`, appVersion: '0.1.0' });
    expect(own.status).toBe(200);
  });

  it('two codes raced with one device id enroll one kiosk; the other hears CONFLICT, not that Central is down', async () => {
    const codes: string[] = [];
    for (const twin of ['A', 'B']) codes.push((await central.admin('kiosks.add', { name: `Twin kiosk ${twin}`, site: 'HQ' })).code);
    const deviceId = `twin-${randomUUID()}`;
    // Holding the audit log makes both enrollments pass their device-id check before either commits.
    const answers = await whileHolding('audit_log', 2, () =>
      Promise.all(codes.map((code) => send(null, 'POST', '/sync/v1/enroll', { code, deviceId, appVersion: '0.1.0' }))),
    );
    const rows = await query(central.databaseUrl, 'SELECT 1 FROM kiosks WHERE device_id = $1', [deviceId]);
    expect(rows).toHaveLength(1);
    expect(answers.map((r) => r.status).sort(), JSON.stringify(answers.map((r): unknown => r.body.error ?? 'enrolled'))).toEqual([200, 409]);
  });

  it('refuses a device id PostgreSQL cannot store as bad input, not as Central being down', async () => {
    const added = await central.admin('kiosks.add', { name: 'NUL kiosk', site: 'HQ' });
    const res = await send(null, 'POST', '/sync/v1/enroll', { code: added.code, deviceId: 'device\u0000id', appVersion: '0.1.0' });
    expect(res.status).toBe(400);
  });

  it('a revoked kiosk can be enrolled again from its data folder, as the kiosk and Central tell the admin to', async () => {
    const k = await enroll('HQ');
    await central.admin('kiosks.revoke', { kiosk: k.name });
    const again = await central.admin('kiosks.add', { name: `${k.name} again`, site: 'HQ' });
    const res = await send(null, 'POST', '/sync/v1/enroll', { code: again.code, deviceId: k.deviceId, appVersion: '0.1.0' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('protocol versions', () => {
  it('refuses versions it cannot read, and answers the ones apart in words', async () => {
    const spoken = async (v: string) => (await sync(hq, 'GET', '/sync/v1/roster?since=0', undefined, { 'frontdesk-sync': v })).status;
    for (const v of ['999999.1', '1.1.1', '1', 'v1.1', '1.1, 1.1', '-1.1', '1.-1', '']) expect(await spoken(v), v).toBe(400);
    expect(await spoken('1.01')).toBe(200);
    expect(await spoken('1.0')).toBe(200);
    expect(await spoken('0.99')).toBe(426);
    expect(await spoken('1.999')).toBe(426);
    expect(await spoken('999.1')).toBe(426);
    // Without a credential, the version is refused before anything else is said.
    const stranger = await send(null, 'GET', '/sync/v1/roster?since=0', undefined, { 'frontdesk-sync': '999.1' });
    expect(stranger.status).toBe(426);
  });
});

describe("a revoked kiosk's credential", () => {
  it('is refused on the heartbeat, roster, verify and PIN calls, and changes nothing there', async () => {
    const k = await enroll('HQ');
    await sync(k, 'POST', '/sync/v1/heartbeat', heartbeat());
    const before = await kioskRow(k.kioskId);
    await central.admin('kiosks.revoke', { kiosk: k.name });
    const calls: [string, 'GET' | 'POST', unknown][] = [
      ['/sync/v1/heartbeat', 'POST', heartbeat({ sentAt: central.clock.now() - 86_400_000 })],
      ['/sync/v1/roster?since=0', 'GET', undefined],
      ['/sync/v1/verify', 'POST', { days: [{ ids: [], startMs: 0, endMs: 32_503_680_000_000 }] }],
      ['/sync/v1/pin-attempts', 'POST', { employeeId: ids.e1, purpose: 'kiosk' }],
      ['/sync/v1/pin-attempts/clear', 'POST', { employeeId: ids.e1 }],
    ];
    for (const [path, method, body] of calls) {
      const res = await sync(k, method, path, body);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code, path).toBe('REVOKED');
    }
    expect(await kioskRow(k.kioskId)).toEqual(before);
  });

  it('cannot fill quarantine past its cap, even with batches sent at once', async () => {
    const k = await enroll('HQ');
    await central.admin('kiosks.revoke', { kiosk: k.name });
    const batch = () => ({ sentAt: central.clock.now(), punches: Array.from({ length: 5000 }, () => punch(ids.e1, { id: randomUUID() })) });
    // Six floods at once: each counts what is held before any of them has written.
    const answers = await whileHolding('sync_quarantine', 6, () =>
      Promise.all(Array.from({ length: 6 }, () => sync(k, 'POST', '/sync/v1/punches', batch()))),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => 403));
    const [held] = await query<{ n: number }>(central.databaseUrl, 'SELECT count(*)::int AS n FROM sync_quarantine WHERE kiosk_id = $1', [k.kioskId]);
    expect(held!.n).toBeLessThanOrEqual(20_000);
  });
});

describe('a stranger probing credentials', () => {
  it('hears the same answer for every unknown credential, and for a token that is not one', async () => {
    const a = await send(`fdkiosk_${randomBytes(32).toString('base64url')}`, 'GET', '/sync/v1/roster?since=0');
    const b = await send(`fdkiosk_${randomBytes(32).toString('base64url')}`, 'GET', '/sync/v1/roster?since=0');
    expect(a.status).toBe(401);
    expect(b).toMatchObject({ status: 401, body: a.body });
    expect((await send(`fdapi_${randomBytes(32).toString('base64url')}`, 'GET', '/sync/v1/roster?since=0')).status).toBe(401);
    expect((await send('fdkiosk_', 'GET', '/sync/v1/roster?since=0')).status).toBe(401);
  });

  // Last: a fixed limit would also slow this file's own calls from this address.
  it('cannot escape the rate limit by sending a new made-up credential with every request', async () => {
    let limited = 0;
    const total = 6100;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next++;
        const res = await send(`fdkiosk_${randomBytes(32).toString('base64url')}`, 'GET', '/sync/v1/roster?since=0');
        if (res.status === 429) limited++;
        else expect(res.status).toBe(401);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(limited).toBeGreaterThan(0);
  }, 120_000);
});
