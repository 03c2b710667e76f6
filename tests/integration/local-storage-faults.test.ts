// The kiosk's own storage failing under a running host: a full disk, another process holding
// the SQLite write lock longer than the busy timeout (a large import beside the host does it),
// a damaged page. The background sync must not take the host down (it did: its records were
// written outside any catch in a timer's `void cycle()`); taps get the typed storage error; the
// status names the cause; and everything recovers when the cause goes away.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { addStaff, makeTestApp, punch, tempDir, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

const FAST = { kickDelayMs: 10, idleIntervalMs: 50, backoff: { baseMs: 20, capMs: 100 } };
const apps: TestApp[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.dispose();
  for (const c of cleanups.splice(0)) c();
});

const centralCount = async (url: string): Promise<number> => Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM punches'))[0]?.n);

/** Resolves when the pushed status satisfies `done`. */
function until(t: TestApp, done: (s: { localError: string | null; pending: number; state: string }) => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status never matched; last: ${JSON.stringify(t.app.sync.status())}`)), timeoutMs);
    const check = (s: { localError: string | null; pending: number; state: string }): void => {
      if (!done(s)) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = t.app.events.on('sync.statusChanged', check);
    check(t.app.sync.status());
  });
}

async function runningKiosk(dataDir?: string): Promise<{ t: TestApp; url: string }> {
  const url = await createTestDatabase();
  const t = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url }, sync: FAST, ...(dataDir ? { dataDir } : {}) });
  apps.push(t);
  await addStaff(t, 'S1');
  await addStaff(t, 'S2');
  await t.call('sync.now', {});
  t.app.sync.start();
  return { t, url };
}

describe('local storage failing under a running host', () => {
  it('another process holds the write lock: the host stays up, taps say the storage is busy, the status names it, and all recovers', async () => {
    const { t, url } = await runningKiosk();
    t.app.store.sqlite.pragma('busy_timeout = 50'); // the field's 5 s would only make the test slow
    await punch(t, 'S1', 'IN');
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'S2', pin: '1234' });
    const holder = new Database(path.join(t.dataDir, LOCAL_DB_FILE));
    holder.pragma('busy_timeout = 5000');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const tap = await t.raw('punches.record', { ticket: who.ticket, kind: 'IN' }, 'http');
      expect(tap).toMatchObject({
        ok: false,
        error: { code: 'STORAGE_FAILED', details: { cause: 'busy' }, message: expect.stringContaining('try again') },
      });
      t.app.sync.kick();
      await until(t, (s) => s.localError !== null);
      expect(t.app.sync.status().localError).toMatch(/another program is holding/);
      // Several timer-driven cycles meet the lock; none may escape as a rejection.
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    expect((await t.call('punches.record', { ticket: who.ticket, kind: 'IN' })).duplicate).toBe(false);
    await until(t, (s) => s.localError === null && s.pending === 0);
    expect(await centralCount(url)).toBe(2);
  });

  it('a full disk: taps say the disk is full and nothing saved is lost; once space is freed, taps and the sync work again', async () => {
    // A real full file system (a 3 MB tmpfs) when this machine lets us mount one; otherwise
    // SQLite's own page limit, which fails the same way (SQLITE_FULL).
    const mountPoint = tempDir('frontdesk-full-');
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
      cleanups.push(() => execFileSync('umount', ['-l', mountPoint]));
    } catch {
      // not permitted here
    }
    const dataDir = path.join(mountPoint, 'data');
    mkdirSync(dataDir);
    const { t, url } = await runningKiosk(dataDir);
    await punch(t, 'S1', 'IN');
    const filler = path.join(mountPoint, 'filler');
    const fill = (): void => {
      if (mounted) {
        const fd = openSync(filler, 'w');
        try {
          for (;;) writeSync(fd, Buffer.alloc(64 * 1024));
        } catch {
          // ENOSPC: the disk is full
        } finally {
          closeSync(fd);
        }
      } else {
        const pages = Number(t.app.store.sqlite.pragma('page_count', { simple: true }));
        t.app.store.sqlite.pragma(`max_page_count = ${pages}`);
      }
    };
    const free = (): void => {
      if (mounted) rmSync(filler);
      else t.app.store.sqlite.pragma('max_page_count = 1073741823');
    };
    // Fill until even the write-ahead log cannot grow.
    fill();
    let tap: unknown;
    for (let i = 0; i < 200; i++) {
      const who = await t.call('kiosk.identify', { method: 'code', code: i % 2 ? 'S1' : 'S2' });
      tap = await t.raw('punches.record', {
        ticket: who.ticket,
        kind: i % 4 < 2 ? 'OUT' : 'IN',
        at: new Date(Date.now() - (300 - i) * 60_000).toISOString(),
      });
      if (!(tap as { ok: boolean }).ok) break;
    }
    expect(tap).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FAILED', details: { cause: 'full' }, message: expect.stringMatching(/disk is full.*not recorded/) },
    });
    const saved = (t.app.store.sqlite.prepare('SELECT count(*) AS n FROM punches').get() as { n: number }).n;
    await new Promise((r) => setTimeout(r, 300)); // timer-driven cycles meet the full disk
    free();
    const who = await t.call('kiosk.identify', { method: 'code', code: 'S2' });
    await t.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    await until(t, (s) => s.localError === null && s.pending === 0);
    expect(await centralCount(url)).toBe(saved + 1);
  });

  it('a damaged page: the sync says the data file is damaged instead of crashing the host, and recovers when it is repaired', async () => {
    const { t } = await runningKiosk();
    await punch(t, 'S1', 'IN');
    const sqlite = t.app.store.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const root = (sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'outbox'").get() as { rootpage: number }).rootpage;
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
    const file = path.join(t.dataDir, LOCAL_DB_FILE);
    const original = Buffer.alloc(pageSize);
    const fd = openSync(file, 'r+');
    readSync(fd, original, 0, pageSize, (root - 1) * pageSize);
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
    sqlite.pragma('cache_size = 0'); // read the damaged page from disk, as a restarted kiosk would
    t.app.sync.kick();
    await until(t, (s) => s.localError !== null);
    expect(t.app.sync.status().localError).toMatch(/damaged/);
    expect(await t.raw('sync.status', {}, 'http')).toMatchObject({ ok: true });
    writeSync(fd, original, 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    await until(t, (s) => s.localError === null && s.pending === 0);
  });

  it('the pages the status reads are damaged: the status keeps the last one read, names the cause, and recovers', async () => {
    const { t } = await runningKiosk();
    await punch(t, 'S1', 'IN');
    await until(t, (s) => s.pending === 0 && s.localError === null);
    const good = t.app.sync.status();
    expect(good.lastSuccessAt).not.toBeNull();
    const sqlite = t.app.store.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const roots = (
      sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE tbl_name IN ('outbox', 'sync_rejects') AND rootpage > 0").all() as {
        rootpage: number;
      }[]
    ).map((r) => r.rootpage);
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
    const fd = openSync(path.join(t.dataDir, LOCAL_DB_FILE), 'r+');
    const originals = roots.map((root) => {
      const page = Buffer.alloc(pageSize);
      readSync(fd, page, 0, pageSize, (root - 1) * pageSize);
      writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
      return { root, page };
    });
    sqlite.pragma('cache_size = 0');
    try {
      const damaged = t.app.sync.status();
      expect(damaged.localError).toMatch(/damaged/);
      // The last status read, not an empty one: its last success and its central stay.
      expect({ ...damaged, localError: null }).toEqual({ ...good, localError: null });
      expect(await t.raw('sync.status', {}, 'http')).toMatchObject({ ok: true });
    } finally {
      for (const { root, page } of originals) writeSync(fd, page, 0, pageSize, (root - 1) * pageSize);
      closeSync(fd);
    }
    t.app.sync.kick();
    await until(t, (s) => s.localError === null);
    expect(t.app.sync.status().pending).toBe(0);
  });
});
