import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeEmbeddedCluster, startEmbeddedCentral, type EmbeddedCentral } from '../../src-main/db/central/embedded.js';
import { runLoad } from '../load/run-load.js';
import { createLogger } from '../../src-main/log.js';
import { addStaff, makeTestApp, punch, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

const centralIds = async (url: string): Promise<string[]> =>
  (await query<{ id: string }>(url, 'SELECT id::text AS id FROM punches ORDER BY id')).map((r) => r.id);
const localIds = (t: TestApp): string[] =>
  (t.app.store.sqlite.prepare('SELECT id FROM punches ORDER BY id').all() as { id: string }[]).map((r) => r.id);

/** Resolves when the pushed status satisfies `done` (the engine emits after every cycle). */
function until(t: TestApp, done: (s: { pending: number; state: string }) => boolean, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync did not reach the expected state in time')), timeoutMs);
    const check = (s: { pending: number; state: string }): void => {
      if (!done(s)) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = t.app.events.on('sync.statusChanged', check);
    check(t.app.sync.status());
  });
}

function csv(code: string, n: number, startMs: number): string {
  const lines = ['employee_code,kind,at'];
  for (let i = 0; i < n; i++) lines.push(`${code},${i % 2 ? 'OUT' : 'IN'},${new Date(startMs + i * 60_000).toISOString()}`);
  return lines.join('\n');
}

describe('sync under faults', () => {
  it('drains the backlog after central is stopped mid-run and started again', async () => {
    const pgDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-fault-pg-'));
    const log = createLogger('fault-pg');
    let server: EmbeddedCentral = await startEmbeddedCentral(pgDir, log);
    const t = await makeTestApp({
      clock: testClock(Date.now()),
      config: { databaseUrl: server.url },
      sync: { batchSize: 100, idleIntervalMs: 200, kickDelayMs: 10, backoff: { baseMs: 20, capMs: 300 } },
    });
    try {
      await addStaff(t, 'F1');
      await addStaff(t, 'F2');
      await t.call('punches.import', { fileName: 'a.csv', content: csv('F1', 4000, Date.now() - 10 * 86_400_000) });
      t.app.sync.start();
      await until(t, (s) => s.pending < 3500);
      await server.stop();
      await punch(t, 'F2', 'IN');
      await until(t, (s) => s.state === 'offline' || s.state === 'waiting');
      expect(t.app.sync.status().pending).toBeGreaterThan(0);
      server = await startEmbeddedCentral(pgDir, log);
      await until(t, (s) => s.pending === 0 && s.state === 'idle');
      expect(await centralIds(server.url)).toEqual(localIds(t));
      expect((await t.call('sync.verify', {})).ok).toBe(true);
    } finally {
      await t.dispose();
      await server.stop();
      removeEmbeddedCluster(pgDir);
      rmSync(pgDir, { recursive: true, force: true });
    }
  });

  it('sends no duplicate when the kiosk is SIGKILLed between central commit and local delete', async () => {
    const url = await createTestDatabase();
    let t = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url } });
    await addStaff(t, 'S1');
    await t.call('punches.import', { fileName: 'a.csv', content: csv('S1', 120, Date.now() - 5 * 86_400_000) });
    await t.app.close();

    const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/sync-crash.ts', t.dataDir, url], {
      encoding: 'utf8',
      env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error' },
    });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('NOT KILLED');

    t = await t.reopen();
    try {
      const committed = await centralIds(url);
      expect(committed).toHaveLength(50); // the first batch reached central…
      expect(t.app.sync.status().pending).toBe(120); // …but never left the outbox
      // The resend is harmless: nothing refused (a resend without ON CONFLICT would see 50
      // unique violations and hold those punches as "refused"), nothing held, nothing doubled.
      expect(await t.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
      expect(t.app.store.sqlite.prepare('SELECT count(*) AS n FROM sync_rejects').get()).toEqual({ n: 0 });
      expect(await centralIds(url)).toEqual(localIds(t));
      expect((await t.call('sync.verify', {})).ok).toBe(true);
    } finally {
      await t.dispose();
    }
  });

  it('loses and doubles nothing with several kiosks punching through restarts, a read-only central, killed connections, a locked kiosk database and a killed kiosk (short load run)', async () => {
    const result = await runLoad({ kiosks: 3, ratePerKiosk: 4, seconds: 12, employees: 12, faults: true });
    expect(result.acknowledged).toBeGreaterThan(3 * 4 * 12 * 0.6);
    expect(result).toMatchObject({ lost: 0, duplicated: 0, unexpected_in_central: 0 });
    expect(result.faults.database_restarts).toBe(2);
    expect(result.faults.kiosk_kills).toBe(2);
    expect(result.faults.read_only_phases).toBe(1);
    expect(result.faults.locked_database_phases).toBe(1);
    expect(result.in_central).toBeGreaterThanOrEqual(result.acknowledged);
  });
});
