// The sync engine's own arithmetic on a real SQLite file and a real PostgreSQL: a backlog larger
// than a batch goes in halves, each punch sent once and counted once (a refused one is counted in
// sync-refusals); and each failure backs off by the full-jitter delay of its attempt, from the
// kiosk's clock (the status says when it tries next).
import type { SyncStatus } from '../../shared/contract/sync.js';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, punch, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.dispose();
});

const T0 = Date.parse('2026-12-01T09:00:00.000Z');

/** Resolves when a pushed status satisfies `done` (or the one now does). */
function until(t: TestApp, done: (s: SyncStatus) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status never matched; last: ${JSON.stringify(t.app.sync.status())}`)), 20_000);
    const check = (s: SyncStatus): void => {
      if (!done(s)) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = t.app.events.on('sync.statusChanged', check);
    check(t.app.sync.status());
  });
}

describe('the sync engine', () => {
  it('sends a backlog of five in batches of two: three batches, five pushed, none twice', async () => {
    const url = await createTestDatabase();
    const t = await makeTestApp({ clock: testClock(T0), config: { databaseUrl: url }, sync: { batchSize: 2 } });
    apps.push(t);
    for (const code of ['A1', 'A2', 'A3', 'A4', 'A5']) await addStaff(t, code);
    await t.call('sync.now', {});
    const before = { ...t.app.sync.stats };
    for (const code of ['A1', 'A2', 'A3', 'A4', 'A5']) await punch(t, code, 'IN');
    const status = await t.call('sync.now', {});
    expect(status).toMatchObject({ state: 'idle', pending: 0, rejected: 0 });
    expect({
      batches: t.app.sync.stats.batches - before.batches,
      pushed: t.app.sync.stats.pushed - before.pushed,
      rejected: t.app.sync.stats.rejected - before.rejected,
    }).toEqual({ batches: 3, pushed: 5, rejected: 0 });
    expect((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM punches'))[0]!.n).toBe('5');
  });

  it('backs off by the jittered delay of each attempt in turn, counted from the kiosk clock', async () => {
    const t = await makeTestApp({
      clock: testClock(T0),
      sync: { random: () => 0.5, backoff: { baseMs: 1000, capMs: 3000 } },
    });
    apps.push(t);
    await addStaff(t, 'B1');
    await punch(t, 'B1', 'IN');
    const nextAfter = async () => Date.parse((await t.call('sync.now', {})).nextAttemptAt!) - t.clock.now();
    // Half of 1 s, 2 s, 4 s capped at 3 s.
    expect([await nextAfter(), await nextAfter(), await nextAfter(), await nextAfter()]).toEqual([500, 1000, 1500, 1500]);
    const status = t.app.sync.status();
    expect(status).toMatchObject({ state: 'offline', pending: 1 });
    // The waiting punch carries each failure: how many, the last words, and when it goes next.
    expect(t.app.store.sqlite.prepare('SELECT attempts, last_error, next_attempt_at FROM outbox').all()).toEqual([
      { attempts: 4, last_error: status.lastError, next_attempt_at: t.clock.now() + 1500 },
    ]);
    expect(status.lastError).toMatch(/refused the connection/);
  });

  it('a tap is sent moments after it is made, not at the next idle cycle ten minutes on', async () => {
    const url = await createTestDatabase();
    const t = await makeTestApp({
      clock: testClock(T0),
      config: { databaseUrl: url },
      sync: { idleIntervalMs: 600_000, kickDelayMs: 20, kickMaxWaitMs: 100 },
    });
    apps.push(t);
    await addStaff(t, 'C1');
    t.app.sync.start();
    await until(t, (s) => s.state === 'idle');
    await punch(t, 'C1', 'IN');
    await until(t, (s) => s.state === 'idle' && s.pending === 0);
    expect((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM punches'))[0]!.n).toBe('1');
  });

  it('while central is failing, taps do not cut its backoff short', async () => {
    const t = await makeTestApp({
      clock: testClock(T0),
      sync: { idleIntervalMs: 600_000, kickDelayMs: 10, random: () => 0.5, backoff: { baseMs: 120_000, capMs: 120_000 } },
    });
    apps.push(t);
    await addStaff(t, 'D1');
    await addStaff(t, 'D2');
    let cycles = 0;
    t.app.events.on('sync.statusChanged', (s) => {
      if (s.state === 'syncing') cycles++;
    });
    t.app.sync.start();
    await until(t, (s) => s.state === 'offline');
    const failed = cycles;
    await punch(t, 'D1', 'IN');
    await punch(t, 'D2', 'IN');
    // Kicks would run within 10 ms; give them far longer to show.
    await new Promise((r) => setTimeout(r, 300));
    expect(cycles).toBe(failed);
    expect(t.app.sync.status()).toMatchObject({ state: 'offline', pending: 2 });
  });
});
