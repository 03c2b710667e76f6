// What a device credential can and cannot do, and the enrollment code's rules: attacks a thief
// with a kiosk's credential would try, each refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams } from '../support/central-seed.js';
import { startTestCentral, type Json, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';
import { enrollTestKiosk, type TestKiosk } from '../support/test-kiosk.js';
import { tempDir } from '../support/test-app.js';
import { loadConfig } from '../../src-main/config.js';
import { enrollDataFolder } from '../../src-main/services/sync/enroll-folder.js';
import { readDeviceCredential } from '../../src-main/services/sync/device-credential.js';
import { uuidv7 } from '../../shared/ids.js';

let central: TestCentral;
let kiosk: TestKiosk;
let credential: string;
let ids: { e1: string; o1: string; plant: string };

const sync = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(central.url + path, {
    method,
    headers: {
      authorization: `Bearer ${credential}`,
      'frontdesk-sync': '1.1',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  central = await startTestCentral();
  await seedTwoTeams(central, 1);
  kiosk = await enrollTestKiosk(central, { site: 'HQ', name: 'Scope kiosk' });
  credential = readDeviceCredential(kiosk.credentialFile)!.credential;
  const rows = await query<{ code: string; id: string }>(
    central.databaseUrl,
    "SELECT code, id::text AS id FROM employees WHERE code IN ('E1', 'O1')",
  );
  const [plant] = await query<{ id: string }>(central.databaseUrl, "SELECT id::text AS id FROM sites WHERE name = 'Plant'");
  ids = { e1: rows.find((r) => r.code === 'E1')!.id, o1: rows.find((r) => r.code === 'O1')!.id, plant: plant!.id };
}, 60_000);

afterAll(async () => {
  await kiosk?.dispose();
  await central?.close();
});

const freshFolder = () => loadConfig({}, { dataDir: tempDir('frontdesk-kiosk-'), credentialDir: tempDir('frontdesk-cred-'), demo: 'off' });

describe('enrollment codes', () => {
  it('work once: the same code again is refused', async () => {
    await expect(enrollDataFolder(freshFolder(), new URL(central.url), kiosk.code)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('used already'),
    });
  });

  it('expire: a code older than a day is refused, in words saying so', async () => {
    const made = await central.admin('kiosks.add', { name: 'Late kiosk', site: 'HQ' });
    central.clock.advance(25 * 3600_000);
    try {
      await expect(enrollDataFolder(freshFolder(), new URL(central.url), made.code)).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
        message: expect.stringContaining('expired'),
      });
      const late = (await central.admin('kiosks.list', {})).find((k) => k.name === 'Late kiosk');
      expect(late?.state).toBe('code-expired');
    } finally {
      central.clock.advance(-25 * 3600_000);
    }
  });

  it('are refused when mistyped, and never guessed quickly (the enroll call is rate limited)', async () => {
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await fetch(`${central.url}/sync/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'frontdesk-sync': '1.1' },
        body: JSON.stringify({ code: 'AAAA-AAAA-AAAA-AAAA', deviceId: 'guessing-device', appVersion: '0.1.0' }),
      });
      if (res.status === 429) limited = true;
      else expect(res.status).toBe(401);
    }
    expect(limited).toBe(true);
  });
});

describe('a device credential', () => {
  it('cannot push for another device or site: such a punch is refused, and what it pushes carries its own', async () => {
    const foreign = uuidv7(central.clock.now());
    const own = uuidv7(central.clock.now());
    const now = central.clock.now();
    const res = await sync('POST', '/sync/v1/punches', {
      sentAt: now,
      punches: [
        {
          id: foreign,
          employeeId: ids.e1,
          kind: 'IN',
          atUtc: now,
          workMode: 'WFO',
          source: 'kiosk',
          createdAt: now,
          deviceId: 'someone-else',
          siteId: ids.plant,
        },
        { id: own, employeeId: ids.e1, kind: 'IN', atUtc: now - 60_000, workMode: 'WFO', source: 'kiosk', createdAt: now },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([own]);
    expect(res.body.rejected.map((r: { id: string }) => r.id)).toEqual([foreign]);
    const stored = await query<{ id: string; device_id: string }>(
      central.databaseUrl,
      'SELECT id::text AS id, device_id FROM punches WHERE id = ANY($1::uuid[])',
      [[foreign, own]],
    );
    expect(stored).toEqual([{ id: own, device_id: kiosk.app.deps.kiosk.deviceId }]);
  });

  it("reads only its own site's roster, with keyed verifiers, and cannot ask for another site", async () => {
    const res = await sync('GET', '/sync/v1/roster?since=0');
    expect(res.status).toBe(200);
    expect(res.body.sites.map((s: { name: string }) => s.name)).toEqual(['HQ']);
    expect(res.body.teams.map((t: { name: string }) => t.name)).toEqual(['Engineering']);
    expect(res.body.employees.map((e: { code: string }) => e.code).sort()).toEqual(['E1', 'E2']);
    const [raw] = await query<{ pin_hash: string }>(central.databaseUrl, 'SELECT pin_hash FROM employees WHERE id = $1', [ids.e1]);
    const sent = res.body.employees.find((e: Json) => e.id === ids.e1).pin_hash as string;
    expect(sent.startsWith('kscrypt$')).toBe(true);
    expect(sent).not.toBe(raw!.pin_hash);
    expect(JSON.stringify(res.body)).not.toContain(raw!.pin_hash.split('$')[5]);
    const other = await sync('GET', `/sync/v1/roster?since=0&site=${ids.plant}`);
    expect(other.status).toBe(400);
  });

  it("cannot count or clear PIN attempts of another site's employee", async () => {
    expect((await sync('POST', '/sync/v1/pin-attempts', { employeeId: ids.o1, purpose: 'kiosk' })).status).toBe(403);
    expect((await sync('POST', '/sync/v1/pin-attempts/clear', { employeeId: ids.o1 })).status).toBe(403);
    expect((await sync('POST', '/sync/v1/pin-attempts', { employeeId: ids.e1, purpose: 'kiosk' })).body).toMatchObject({ counted: { failures: 1 } });
  });

  it('opens no manager, admin or report endpoint, by the API or the console', async () => {
    for (const path of ['/api/v1/employees', '/api/v1/kiosks', '/api/v1/summary/workhours?days=7']) {
      const res = await fetch(central.url + path, { headers: { authorization: `Bearer ${credential}` } });
      expect(res.status, path).toBe(401);
    }
    for (const method of ['reports.run', 'reports.json']) {
      const rpc = await fetch(`${central.url}/rpc/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'workhours', days: 7 }),
      });
      expect([401, 403], method).toContain(rpc.status);
    }
  });

  it('is the only key to the sync API: an API token or no credential is refused', async () => {
    const token = await central.token('admin');
    const withToken = await fetch(`${central.url}/sync/v1/roster?since=0`, {
      headers: { authorization: `Bearer ${token}`, 'frontdesk-sync': '1.1' },
    });
    expect(withToken.status).toBe(401);
    const none = await fetch(`${central.url}/sync/v1/roster?since=0`, { headers: { 'frontdesk-sync': '1.1' } });
    expect(none.status).toBe(401);
    const forged = await fetch(`${central.url}/sync/v1/roster?since=0`, {
      headers: { authorization: `Bearer fdkiosk_${'x'.repeat(43)}`, 'frontdesk-sync': '1.1' },
    });
    expect(forged.status).toBe(401);
  });

  it('refuses a batch with malformed punches without losing the good ones, and a body that is not a batch', async () => {
    const now = central.clock.now();
    const good = uuidv7(now);
    const bad = uuidv7(now);
    const res = await sync('POST', '/sync/v1/punches', {
      sentAt: now,
      punches: [
        { id: good, employeeId: ids.e1, kind: 'OUT', atUtc: now, workMode: 'WFO', source: 'kiosk', createdAt: now },
        { id: bad, employeeId: ids.e1, kind: 'SIDEWAYS', atUtc: now, workMode: 'WFO', source: 'kiosk', createdAt: now },
      ],
    });
    expect(res.body.accepted).toEqual([good]);
    expect(res.body.rejected).toEqual([{ id: bad, reason: expect.stringContaining('kind') }]);
    expect((await sync('POST', '/sync/v1/punches', { punches: 'all of them' })).status).toBe(400);
    expect((await sync('POST', '/sync/v1/punches', { sentAt: now, punches: [{ id: 'not-a-uuid' }] })).status).toBe(400);
  });
});
