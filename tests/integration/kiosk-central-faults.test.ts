// The sync's guarantees, now through Central: a Central restarted mid-drain, a database that
// refuses Central's connections, a kiosk SIGKILLed between Central's commit and its own delete,
// a punch Central refuses among good ones, an employee Central no longer knows. Nothing lost,
// nothing doubled, nothing blocked.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer } from '../../src-main/central/server.js';
import { seedTwoTeams } from '../support/central-seed.js';
import { startTestCentral, type TestCentral } from '../support/test-central.js';
import { adminUrl, query } from '../support/test-postgres.js';
import { enrollTestKiosk, type TestKiosk } from '../support/test-kiosk.js';
import { runLoad } from '../load/run-load.js';

let central: TestCentral;
const kiosks: TestKiosk[] = [];
const FAST = { batchSize: 100, idleIntervalMs: 200, kickDelayMs: 10, backoff: { baseMs: 20, capMs: 300 } };

const deviceIds = async (deviceId: string): Promise<string[]> =>
  (await query<{ id: string }>(central.databaseUrl, 'SELECT id::text AS id FROM punches WHERE device_id = $1 ORDER BY id', [deviceId])).map(
    (r) => r.id,
  );
const localIds = (k: TestKiosk): string[] =>
  (k.app.store.sqlite.prepare('SELECT id FROM punches ORDER BY id').all() as { id: string }[]).map((r) => r.id);

function until(k: TestKiosk, done: (s: { pending: number; state: string }) => boolean, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`sync did not reach the expected state in time (${JSON.stringify(k.app.sync.status())})`)),
      timeoutMs,
    );
    const check = (s: { pending: number; state: string }): void => {
      if (!done(s)) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = k.app.events.on('sync.statusChanged', check);
    check(k.app.sync.status());
  });
}

function runChild(args: string[]): Promise<{ signal: NodeJS.Signals | null; status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ signal, status, stdout, stderr }));
  });
}

const csv = (code: string, n: number, startMs: number): string =>
  [
    'employee_code,kind,at',
    ...Array.from({ length: n }, (_, i) => `${code},${i % 2 ? 'OUT' : 'IN'},${new Date(startMs + i * 60_000).toISOString()}`),
  ].join('\n');

const tap = async (k: TestKiosk, code: string, kind: 'IN' | 'OUT', workMode: 'WFO' | 'WFH' = 'WFO') => {
  const who = await k.call('kiosk.identify', { method: 'pin', code, pin: '1234' });
  return k.call('punches.record', { ticket: who.ticket, kind, workMode });
};

beforeAll(async () => {
  central = await startTestCentral({ clock: { now: () => Date.now(), set: () => undefined, advance: () => undefined } });
  await seedTwoTeams(central, 1);
}, 60_000);

afterAll(async () => {
  for (const k of kiosks) await k.dispose().catch(() => undefined);
  await central?.close();
});

describe('sync through Central under faults', () => {
  it('drains a backlog through a Central stopped mid-run and started again on its address', async () => {
    const k = await enrollTestKiosk(central, {
      site: 'HQ',
      name: 'Restart kiosk',
      sync: FAST,
      clock: { now: () => Date.now(), set: () => undefined, advance: () => undefined },
    });
    kiosks.push(k);
    await k.call('punches.import', { fileName: 'a.csv', content: csv('E1', 3000, Date.now() - 30 * 86_400_000) });
    k.app.sync.start();
    await until(k, (s) => s.pending < 2500);
    const port = Number(new URL(central.url).port);
    await central.server.close();
    await tap(k, 'E2', 'IN');
    await until(k, (s) => s.state === 'offline');
    expect(k.app.sync.status().pending).toBeGreaterThan(0);
    central.server = await startCentralServer({ ...central.app, config: { ...central.app.config, port } });
    await until(k, (s) => s.pending === 0 && s.state === 'idle');
    expect(await deviceIds(k.app.deps.kiosk.deviceId)).toEqual(localIds(k));
    expect((await k.call('sync.verify', {})).ok).toBe(true);
    await k.app.sync.stop();
  });

  it('waits while the database refuses Central, then sends everything once', async () => {
    const k = await enrollTestKiosk(central, {
      site: 'HQ',
      name: 'Database kiosk',
      sync: FAST,
      clock: { now: () => Date.now(), set: () => undefined, advance: () => undefined },
    });
    kiosks.push(k);
    const db = new URL(central.databaseUrl).pathname.slice(1);
    await query(adminUrl(), `ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
    await query(adminUrl(), 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
    try {
      await tap(k, 'E1', 'IN');
      const status = await k.call('sync.now', {});
      expect(status.state).toBe('waiting');
      expect(status.pending).toBe(1);
      expect(status.lastError).toMatch(/Central/);
    } finally {
      await query(adminUrl(), `ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
    }
    await tap(k, 'E1', 'OUT');
    expect(await k.call('sync.now', {})).toMatchObject({ state: 'idle', pending: 0 });
    expect(await deviceIds(k.app.deps.kiosk.deviceId)).toEqual(localIds(k));
  });

  it("sends no duplicate when the kiosk is SIGKILLed between Central's commit and its local delete", async () => {
    let k = await enrollTestKiosk(central, { site: 'HQ', name: 'Killed kiosk' });
    await k.call('punches.import', { fileName: 'a.csv', content: csv('E2', 120, Date.now() - 60 * 86_400_000) });
    await k.app.close();
    // Not spawnSync: Central answers from this process, so it must keep running meanwhile.
    const child = await runChild(['--import', 'tsx', 'tests/fixtures/sync-crash.ts', k.dataDir, '--credential-dir', k.credentialDir]);
    expect(child.signal, JSON.stringify({ status: child.status, out: child.stdout, err: child.stderr.slice(-2000) })).toBe('SIGKILL');
    expect(child.stdout).not.toContain('NOT KILLED');
    k = await k.reopen();
    kiosks.push(k);
    // A batch (two are in flight at once) reached Central…
    const reached = (await deviceIds(k.app.deps.kiosk.deviceId)).length;
    expect(reached).toBeGreaterThanOrEqual(50);
    expect(reached).toBeLessThan(120);
    // …but never left the outbox; the resend is harmless: nothing refused, nothing doubled.
    expect(k.app.sync.status().pending).toBe(120);
    expect(await k.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
    expect(await deviceIds(k.app.deps.kiosk.deviceId)).toEqual(localIds(k));
  });

  it('splits a batch around a punch Central refuses for its data, holds that one, and lets the rest in', async () => {
    const k = await enrollTestKiosk(central, { site: 'HQ', name: 'Split kiosk' });
    kiosks.push(k);
    await query(central.databaseUrl, "ALTER TABLE punches ADD CONSTRAINT test_no_wfh CHECK (work_mode <> 'WFH') NOT VALID");
    try {
      await tap(k, 'E1', 'IN');
      k.clock.advance(120_000);
      const bad = await tap(k, 'E2', 'IN', 'WFH');
      k.clock.advance(120_000);
      await tap(k, 'E1', 'OUT');
      const status = await k.call('sync.now', {});
      expect(status).toMatchObject({ pending: 0, rejected: 1 });
      const held = await k.call('sync.rejects', {});
      expect(held.map((r) => r.punchId)).toEqual([bad.punchId]);
      expect(held[0]!.reason).toContain('test_no_wfh');
      expect(await deviceIds(k.app.deps.kiosk.deviceId)).toHaveLength(localIds(k).length - 1);
      const recorded = await query(central.databaseUrl, 'SELECT 1 FROM sync_rejects WHERE punch_id = $1', [bad.punchId]);
      expect(recorded).toHaveLength(1);
      // Every punch of a batch refused alike is Central's fault, not the punches': nothing is held.
      k.clock.advance(120_000);
      await tap(k, 'E2', 'OUT', 'WFH');
      k.clock.advance(120_000);
      await tap(k, 'E1', 'IN', 'WFH');
      const after = await k.call('sync.now', {});
      expect(after).toMatchObject({ state: 'waiting', pending: 2, rejected: 1 });
      expect(after.lastError).toContain('every punch of a batch alike');
    } finally {
      await query(central.databaseUrl, 'ALTER TABLE punches DROP CONSTRAINT test_no_wfh');
    }
    expect(await k.call('sync.now', {})).toMatchObject({ state: 'idle', pending: 0, rejected: 1 });
  });

  it('holds the punch of an employee Central no longer knows, and the others flow', async () => {
    const k = await enrollTestKiosk(central, { site: 'HQ', name: 'Unknown kiosk' });
    kiosks.push(k);
    const gone = await tap(k, 'E2', 'IN');
    const [e2] = await query<{ row: unknown }>(central.databaseUrl, "SELECT to_jsonb(e) AS row FROM employees e WHERE code = 'E2'");
    await query(central.databaseUrl, "DELETE FROM employees WHERE code = 'E2'");
    try {
      const ok = await tap(k, 'E1', 'IN');
      const status = await k.call('sync.now', {});
      expect(status).toMatchObject({ pending: 0, rejected: 1 });
      expect((await k.call('sync.rejects', {}))[0]).toMatchObject({
        punchId: gone.punchId,
        reason: expect.stringContaining('knows no such employee at this kiosk'),
      });
      expect(await query(central.databaseUrl, 'SELECT 1 FROM punches WHERE id = $1', [ok.punchId])).toHaveLength(1);
    } finally {
      await query(central.databaseUrl, 'INSERT INTO employees SELECT * FROM jsonb_populate_record(NULL::employees, $1::jsonb)', [
        JSON.stringify(e2!.row),
      ]);
    }
  });
});

describe('a short load run through Central', () => {
  it('loses and doubles nothing with kiosk processes syncing over HTTP through Central crashes and restarts, a PostgreSQL restart behind it, a read-only database, killed connections, killed kiosks and a kiosk revoked mid-run', async () => {
    const result = await runLoad({ via: 'central', kiosks: 3, ratePerKiosk: 4, seconds: 16, employees: 12, faults: true });
    expect(result.acknowledged).toBeGreaterThan(3 * 4 * 16 * 0.5);
    expect(result).toMatchObject({ via: 'central', lost: 0, duplicated: 0, unexpected_in_central: 0 });
    expect(result.faults).toMatchObject({ central_server_restarts: 2, database_restarts: 1, kiosk_kills: 2, kiosks_revoked: 1, read_only_phases: 1 });
    // What the revoked kiosk took afterwards is on it and in quarantine, not in payroll.
    expect(result.quarantined).toBeGreaterThan(0);
    expect(result.in_central + result.held_on_revoked_kiosk).toBeGreaterThanOrEqual(result.acknowledged);
  }, 180_000);
});
