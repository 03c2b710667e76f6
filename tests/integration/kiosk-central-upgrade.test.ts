// Upgrades: a frozen copy of the previous sync client (1.0) against today's Central, and a kiosk
// two versions behind refused in words, never silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams } from '../support/central-seed.js';
import { startTestCentral, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';
import { enrollTestKiosk, type TestKiosk } from '../support/test-kiosk.js';
import { readDeviceCredential } from '../../src-main/services/sync/device-credential.js';
import { FrozenSyncClient10 } from '../fixtures/frozen-sync-client-1.0.js';
import { uuidv7 } from '../../shared/ids.js';

let central: TestCentral;
let kiosk: TestKiosk;
let frozen: FrozenSyncClient10;

beforeAll(async () => {
  central = await startTestCentral();
  await seedTwoTeams(central, 1);
  kiosk = await enrollTestKiosk(central, { site: 'HQ', name: 'Frozen kiosk' });
  frozen = new FrozenSyncClient10(central.url, readDeviceCredential(kiosk.credentialFile)!.credential);
}, 60_000);

afterAll(async () => {
  await kiosk?.dispose();
  await central?.close();
});

describe('the previous sync client (1.0, frozen) against this Central', () => {
  it('reads its roster and pushes punches that land once, stamped with its device', async () => {
    const roster = await frozen.roster(0);
    expect(roster.status).toBe(200);
    const e1 = (roster.body as { employees: { code: string; id: string }[] }).employees.find((e) => e.code === 'E1')!;
    const now = Date.now();
    const punch = {
      id: uuidv7(now),
      employeeId: e1.id,
      kind: 'IN' as const,
      atUtc: now,
      workMode: 'WFO' as const,
      source: 'kiosk' as const,
      createdAt: now,
    };
    const first = await frozen.push([punch]);
    expect(first).toMatchObject({ status: 200, body: { accepted: [punch.id], rejected: [] } });
    const again = await frozen.push([punch]);
    expect(again).toMatchObject({ status: 200, body: { accepted: [punch.id] } });
    const rows = await query<{ device_id: string }>(central.databaseUrl, 'SELECT device_id FROM punches WHERE id = $1', [punch.id]);
    expect(rows).toEqual([{ device_id: kiosk.app.deps.kiosk.deviceId }]);
  });
});

describe('a sync version Central no longer serves', () => {
  it('is answered 426 with words saying which side needs the update', async () => {
    const credential = readDeviceCredential(kiosk.credentialFile)!.credential;
    const old = await fetch(`${central.url}/sync/v1/roster?since=0`, { headers: { authorization: `Bearer ${credential}`, 'frontdesk-sync': '0.9' } });
    expect(old.status).toBe(426);
    expect(((await old.json()) as { error: { message: string } }).error.message).toContain('This kiosk needs an update');
    const newer = await fetch(`${central.url}/sync/v1/roster?since=0`, {
      headers: { authorization: `Bearer ${credential}`, 'frontdesk-sync': '1.2' },
    });
    expect(newer.status).toBe(426);
    expect(((await newer.json()) as { error: { message: string } }).error.message).toContain('older than this kiosk');
    const none = await fetch(`${central.url}/sync/v1/roster?since=0`, { headers: { authorization: `Bearer ${credential}` } });
    expect(none.status).toBe(400);
  });
});
