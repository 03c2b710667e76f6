// A kiosk's life with Central: revoked (its punches kept and quarantined for an admin), its
// clock wrong (punches flagged, instants kept), its data folder copied (both copies flagged,
// verify says why instead of reporting false mismatches), and versions apart both ways.
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTeams } from '../support/central-seed.js';
import { startTestCentral, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';
import { enrollTestKiosk, type TestKiosk } from '../support/test-kiosk.js';
import { tempDir, testClock } from '../support/test-app.js';
import { createApp } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { call } from '../../src-main/rpc/dispatch.js';
import { credentialFileFor } from '../../src-main/services/sync/device-credential.js';

let central: TestCentral;
const kiosks: TestKiosk[] = [];

const tap = async (k: Pick<TestKiosk, 'call'>, code: string, kind: 'IN' | 'OUT') => {
  const who = await k.call('kiosk.identify', { method: 'pin', code, pin: '1234' });
  return k.call('punches.record', { ticket: who.ticket, kind });
};

const enroll = async (name: string, opts: Parameters<typeof enrollTestKiosk>[1] extends infer O ? Partial<O> : never = {}) => {
  const k = await enrollTestKiosk(central, { site: 'HQ', name, ...opts });
  kiosks.push(k);
  return k;
};

beforeAll(async () => {
  central = await startTestCentral();
  await seedTwoTeams(central, 1);
}, 60_000);

afterAll(async () => {
  for (const k of kiosks) await k.dispose().catch(() => undefined);
  await central?.close();
});

describe('a revoked kiosk', () => {
  it('is refused at once with a clear status, keeps its punches, and what it sent waits in quarantine for an admin', async () => {
    const k = await enroll('Revoked kiosk');
    await tap(k, 'E1', 'IN');
    expect((await k.call('sync.now', {})).state).toBe('idle');
    await central.admin('kiosks.revoke', { kiosk: 'Revoked kiosk' });
    // Taken after the revocation (offline, say): kept here, never lost.
    k.clock.advance(60_000);
    const late = await tap(k, 'E1', 'OUT');
    const status = await k.call('sync.now', {});
    expect(status).toMatchObject({ state: 'revoked', pending: 1 });
    expect(status.lastError).toContain('revoked');
    const onCentral = await query(central.databaseUrl, 'SELECT 1 FROM punches WHERE id = $1', [late.punchId]);
    expect(onCentral).toHaveLength(0);
    const held = await central.admin('kiosks.quarantine', { kiosk: 'Revoked kiosk' });
    expect(held.map((q) => q.punchId)).toEqual([late.punchId]);
    expect(held[0]).toMatchObject({ employeeCode: 'E1', kind: 'OUT', kiosk: 'Revoked kiosk', resolution: null });
    const fleet = (await central.admin('kiosks.list', {})).find((x) => x.name === 'Revoked kiosk');
    expect(fleet).toMatchObject({ state: 'revoked', quarantined: 1 });

    const done = await central.admin('kiosks.resolveQuarantine', { punchIds: [late.punchId], action: 'accept' });
    expect(done).toEqual({ accepted: 1, rejected: 0, unknown: [] });
    const [landed] = await query<{ device_id: string }>(central.databaseUrl, 'SELECT device_id FROM punches WHERE id = $1', [late.punchId]);
    expect(landed?.device_id).toBe(k.app.deps.kiosk.deviceId);
    expect(await central.admin('kiosks.quarantine', {})).toEqual([]);
    // Sent again (the kiosk keeps retrying): quarantined once, accepted once, no double.
    await k.call('sync.now', {});
    const twice = await query(central.databaseUrl, 'SELECT 1 FROM punches WHERE id = $1', [late.punchId]);
    expect(twice).toHaveLength(1);
  });

  it('a quarantined punch an admin rejects never becomes a punch', async () => {
    const k = await enroll('Rejected kiosk');
    await k.call('sync.now', {});
    await central.admin('kiosks.revoke', { kiosk: 'Rejected kiosk' });
    const p = await tap(k, 'E2', 'IN');
    await k.call('sync.now', {});
    expect(await central.admin('kiosks.resolveQuarantine', { punchIds: [p.punchId], action: 'reject' })).toMatchObject({ rejected: 1 });
    expect(await query(central.databaseUrl, 'SELECT 1 FROM punches WHERE id = $1', [p.punchId])).toHaveLength(0);
    const all = await central.admin('kiosks.quarantine', { includeResolved: true, kiosk: 'Rejected kiosk' });
    expect(all).toMatchObject([{ punchId: p.punchId, resolution: 'rejected', resolvedBy: 'cli:admin' }]);
  });
});

describe('a kiosk whose clock is wrong', () => {
  it('has its punches flagged with the offset kept, and shows the drift on Central and on itself', async () => {
    // The kiosk's clock reset after a power cut: 3 hours behind Central's.
    const k = await enroll('Drifting kiosk', { clock: testClock(central.clock.now() - 3 * 3600_000) });
    const p = await tap(k, 'E2', 'IN');
    const status = await k.call('sync.now', {});
    expect(status.clockDrift).toBe(true);
    expect(status.clockOffsetSeconds).toBeGreaterThan(3 * 3600 - 5);
    const [row] = await query<{ at_utc: Date; clock_offset_ms: number }>(
      central.databaseUrl,
      'SELECT at_utc, clock_offset_ms FROM punches WHERE id = $1',
      [p.punchId],
    );
    // The instant is the kiosk's, as it was recorded; the offset says how far to trust it.
    expect(row!.at_utc.getTime()).toBe(Date.parse(p.at));
    expect(row!.clock_offset_ms).toBeGreaterThan(3 * 3600_000 - 5000);
    const fleet = (await central.admin('kiosks.list', {})).find((x) => x.name === 'Drifting kiosk');
    expect(fleet).toMatchObject({ clockDrift: true, stale: false, clockFlaggedPunches: 1 });
  });

  it('a kiosk on time is not flagged', async () => {
    const k = await enroll('On-time kiosk', { clock: testClock(central.clock.now() + 30_000) });
    await tap(k, 'E1', 'IN');
    expect((await k.call('sync.now', {})).clockDrift).toBe(false);
    expect((await central.admin('kiosks.list', {})).find((x) => x.name === 'On-time kiosk')).toMatchObject({
      clockDrift: false,
      clockFlaggedPunches: 0,
    });
  });
});

describe('a copied data folder', () => {
  it('is caught by the heartbeat: both copies are flagged and verify says why instead of false mismatches', async () => {
    const original = await enroll('Copied kiosk');
    await tap(original, 'E1', 'IN');
    await original.call('sync.now', {});
    // Someone copies the folder and the credential to a second machine.
    const copyData = tempDir('frontdesk-copy-');
    const copyCred = tempDir('frontdesk-copycred-');
    await original.app.close();
    cpSync(original.dataDir, copyData, { recursive: true });
    mkdirSync(copyCred, { recursive: true });
    cpSync(original.credentialFile, credentialFileFor(copyCred, copyData));
    const reopened = await original.reopen();
    kiosks[kiosks.indexOf(original)] = reopened;
    const copy = await createApp({
      config: loadConfig({}, { dataDir: copyData, credentialDir: copyCred, demo: 'off' }),
      host: 'test',
      clock: reopened.clock,
    });
    try {
      await call(copy.dispatch, 'sync.now', {}, { origin: 'test' });
      await tap(reopened, 'E2', 'IN');
      const first = await reopened.call('sync.now', {});
      expect(first.cloneSuspected).toBe(true);
      const second = await call(copy.dispatch, 'sync.now', {}, { origin: 'test' });
      expect(second.cloneSuspected).toBe(true);
      const fleet = (await central.admin('kiosks.list', {})).find((x) => x.name === 'Copied kiosk');
      expect(fleet?.cloneSuspected).toBe(true);
      const verify = await reopened.call('sync.verify', {});
      expect(verify.ok).toBe(false);
      expect(verify.problem).toContain('two kiosks');
      const audit = await central.admin('audit.list', { action: 'kiosk.cloneSuspected' });
      expect(audit).toHaveLength(1);
    } finally {
      await copy.close();
    }
  });
});

describe("a command run beside the kiosk's host", () => {
  it('is not taken for a copied folder: it leaves the heartbeats to the host', async () => {
    const k = await enroll('Busy desk');
    await k.app.close();
    const config = loadConfig({}, { dataDir: k.dataDir, credentialDir: k.credentialDir, demo: 'off' });
    const host = await createApp({ config, host: 'web', clock: k.clock });
    const beside = await createApp({ config, host: 'cli', clock: k.clock });
    try {
      // At the same moment: both would read the same nonce, and the second answer would look like a copy.
      for (let i = 0; i < 3; i++) {
        await Promise.all([call(host.dispatch, 'sync.now', {}, { origin: 'test' }), call(beside.dispatch, 'sync.now', {}, { origin: 'test' })]);
      }
      expect((await call(host.dispatch, 'sync.now', {}, { origin: 'test' })).cloneSuspected).toBe(false);
      expect((await central.admin('kiosks.list', {})).find((x) => x.name === 'Busy desk')?.cloneSuspected).toBe(false);
    } finally {
      await beside.close();
      await host.close();
    }
    kiosks[kiosks.indexOf(k)] = await k.reopen();
  });
});

describe('versions apart', () => {
  it('a kiosk of the previous minor version is served', async () => {
    const k = await enroll('Previous version', { protocol: { major: 1, minor: 0 } });
    const p = await tap(k, 'E1', 'IN');
    const status = await k.call('sync.now', {});
    expect(status.state).toBe('idle');
    expect(await query(central.databaseUrl, 'SELECT 1 FROM punches WHERE id = $1', [p.punchId])).toHaveLength(1);
  });

  it('an older kiosk keeps punching offline and says it needs an update; once updated it syncs', async () => {
    let k = await enroll('Old kiosk');
    k = await k.reopen({ protocol: { major: 0, minor: 9 } });
    kiosks[kiosks.length - 1] = k;
    const p = await tap(k, 'E1', 'IN');
    const status = await k.call('sync.now', {});
    expect(status).toMatchObject({ state: 'needs-update', pending: 1 });
    expect(status.lastError).toContain('needs an update');
    k = await k.reopen({ protocol: { major: 1, minor: 1 } });
    kiosks[kiosks.length - 1] = k;
    expect((await k.call('sync.now', {})).state).toBe('idle');
    expect(await query(central.databaseUrl, 'SELECT 1 FROM punches WHERE id = $1', [p.punchId])).toHaveLength(1);
  });

  it('a newer kiosk against an older Central waits for Central, keeping its punches', async () => {
    let k = await enroll('New kiosk');
    k = await k.reopen({ protocol: { major: 1, minor: 2 } });
    kiosks[kiosks.length - 1] = k;
    await tap(k, 'E2', 'IN');
    const status = await k.call('sync.now', {});
    expect(status).toMatchObject({ state: 'central-outdated', pending: 1 });
    expect(status.lastError).toContain('waits for Central');
  });
});

describe('fleet health', () => {
  it('marks a kiosk stale when its heartbeat is older than ten minutes', async () => {
    const k = await enroll('Quiet kiosk');
    await k.call('sync.now', {});
    expect((await central.admin('kiosks.list', {})).find((x) => x.name === 'Quiet kiosk')?.stale).toBe(false);
    central.clock.advance(11 * 60_000);
    try {
      const quiet = (await central.admin('kiosks.list', {})).find((x) => x.name === 'Quiet kiosk');
      expect(quiet?.stale).toBe(true);
    } finally {
      central.clock.advance(-11 * 60_000);
    }
  });

  it('reports the backlog and the last error the kiosk sends', async () => {
    const k = await enroll('Busy kiosk');
    await k.call('sync.now', {});
    const rows = await query<{ backlog_count: number }>(central.databaseUrl, "SELECT backlog_count FROM kiosks WHERE name = 'Busy kiosk'");
    expect(rows[0]?.backlog_count).toBe(0);
    expect(path.isAbsolute(k.credentialFile)).toBe(true);
  });
});

describe('the roster a kiosk keeps', () => {
  it('loses the people of a team that moved to another site, and gets them back when it returns', async () => {
    const k = await enroll('Roster kiosk');
    expect((await k.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' })).employee.code).toBe('E1');
    await central.admin('roster.updateTeam', { name: 'Engineering', site: 'Plant' });
    try {
      await k.call('sync.now', {});
      await expect(k.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' })).rejects.toMatchObject({
        code: expect.stringMatching(/UNKNOWN_EMPLOYEE|INACTIVE_EMPLOYEE/),
      });
      const hashes = k.app.store.sqlite.prepare("SELECT count(*) AS n FROM roster_employees WHERE pin_hash <> '' AND code IN ('E1', 'E2')").get() as {
        n: number;
      };
      expect(hashes.n).toBe(0);
    } finally {
      await central.admin('roster.updateTeam', { name: 'Engineering', site: 'HQ' });
    }
    await k.call('sync.now', {});
    expect((await k.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' })).employee.code).toBe('E1');
  });
});
