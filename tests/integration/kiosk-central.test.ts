// A kiosk enrolled with Frontdesk Central syncs through its sync API: no database credential on
// the kiosk, its own site's roster with keyed PIN verifiers, punches stamped by Central with the
// kiosk's device and site, and its health on Central's fleet list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams } from '../support/central-seed.js';
import { startTestCentral, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';
import { enrollTestKiosk, type TestKiosk } from '../support/test-kiosk.js';
import { verifySecret } from '../../src-main/services/roster/pin-hash.js';

let central: TestCentral;
let kiosk: TestKiosk;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

beforeAll(async () => {
  central = await startTestCentral();
  await seedTwoTeams(central, 1);
  kiosk = await enrollTestKiosk(central, { site: 'HQ', name: 'HQ front desk' });
  await kiosk.call('sync.now', {});
}, 60_000);

afterAll(async () => {
  await kiosk?.dispose();
  await central?.close();
});

describe('a kiosk enrolled with Central', () => {
  it('holds no database credential: none in its configuration, its data folder, or its credential file', () => {
    expect(kiosk.app.config.databaseUrl).toBeUndefined();
    expect(kiosk.app.link.kind).toBe('central');
    for (const file of filesUnder(kiosk.dataDir)) {
      const text = readFileSync(file).toString('latin1');
      expect(text, file).not.toMatch(/postgres(ql)?:\/\//);
      expect(text, file).not.toContain('fdkiosk_');
    }
    const credential = readFileSync(kiosk.credentialFile, 'utf8');
    expect(credential).not.toMatch(/postgres(ql)?:\/\//);
    expect(path.relative(kiosk.dataDir, kiosk.credentialFile).startsWith('..')).toBe(true);
    expect(statSync(kiosk.credentialFile).mode & 0o777).toBe(0o600);
  });

  it("keeps only its own site's employees, with PIN verifiers useless without the key", async () => {
    const rows = kiosk.app.store.sqlite
      .prepare("SELECT code, pin_hash FROM roster_employees WHERE active = 1 AND pin_hash <> '' ORDER BY code")
      .all() as {
      code: string;
      pin_hash: string;
    }[];
    expect(rows.map((r) => r.code)).toEqual(['E1', 'E2']);
    for (const r of rows) {
      expect(r.pin_hash.startsWith('kscrypt$')).toBe(true);
      // The right PIN against the stored verifier, without the key: no match.
      expect(await verifySecret('1234', r.pin_hash.replace(/^kscrypt/, 'scrypt'))).toBe(false);
    }
    const who = await kiosk.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    expect(who.employee.name).toBe('Esha One');
    await expect(kiosk.call('kiosk.identify', { method: 'pin', code: 'O1', pin: '1234' })).rejects.toMatchObject({ code: 'UNKNOWN_EMPLOYEE' });
  });

  it("pushes punches that Central stamps with the kiosk's device and site and its clock offset", async () => {
    const who = await kiosk.call('kiosk.identify', { method: 'pin', code: 'E2', pin: '1234' });
    const receipt = await kiosk.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    const status = await kiosk.call('sync.now', {});
    expect(status).toMatchObject({ state: 'idle', central: 'central', pending: 0, rejected: 0 });
    const [row] = await query<{ device_id: string; site_id: string; clock_offset_ms: number | null }>(
      central.databaseUrl,
      'SELECT device_id, site_id::text AS site_id, clock_offset_ms FROM punches WHERE id = $1',
      [receipt.punchId],
    );
    const [hq] = await query<{ id: string }>(central.databaseUrl, "SELECT id::text AS id FROM sites WHERE name = 'HQ'");
    expect(row).toMatchObject({ device_id: kiosk.app.deps.kiosk.deviceId, site_id: hq!.id });
    expect(row!.clock_offset_ms).not.toBeNull();
    const verify = await kiosk.call('sync.verify', {});
    expect(verify.ok).toBe(true);
    expect(verify.days.at(-1)).toMatchObject({ local: { count: 1 }, central: { count: 1 } });
  });

  it('is on the fleet list with its heartbeat, push, backlog and versions', async () => {
    const [k] = await central.admin('kiosks.list', {});
    expect(k).toMatchObject({
      name: 'HQ front desk',
      site: { name: 'HQ' },
      state: 'enrolled',
      backlog: { count: 0, oldestAt: null },
      rejected: 0,
      syncVersion: '1.1',
      stale: false,
      clockDrift: false,
      cloneSuspected: false,
    });
    expect(k!.lastHeartbeatAt).not.toBeNull();
    expect(k!.lastPushAt).not.toBeNull();
    expect(k!.schemaVersion).toBeGreaterThan(0);
  });

  it("refuses to add employees itself: the roster is Central's", async () => {
    await expect(kiosk.call('employees.add', { code: 'X9', name: 'Local Person', pin: '2468' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('sends manager screens to Central, in words naming its URL', async () => {
    await expect(kiosk.call('reports.run', { name: 'workhours', days: 7 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining(central.url),
    });
  });
});
