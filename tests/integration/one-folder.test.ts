// Several processes on one data folder: commands beside a host are fine, but a punch must read
// its time holding the write lock (so a double tap from two processes is one punch), and a
// second host on a folder that one already serves is refused.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp, LOCAL_DB_FILE } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { addStaff, makeTestApp, NO_CENTRAL } from '../support/test-app.js';

const FIXTURE = path.resolve('tests/fixtures/double-tap.ts');

function startTapper(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error' },
  });
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  child.stdout.on('data', (c: Buffer) => {
    buffer += c.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = (): Promise<string> => new Promise((resolve) => waiting.push(resolve));
  const ready = nextLine();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    ready,
    tap: (code: string): Promise<string> => {
      const line = nextLine();
      child.stdin.write(`TAP ${code}\n`);
      return line;
    },
    end: (): Promise<number | null> => {
      child.stdin.end('END\n');
      return exited;
    },
  };
}

describe('one data folder, several processes', () => {
  it('a double tap from two processes that waited for the write lock is one punch', async () => {
    const t = await makeTestApp({ clock: { now: () => Date.now(), set: () => undefined, advance: () => undefined } });
    const codes = Array.from({ length: 12 }, (_, i) => `D${i}`);
    for (const c of codes) await addStaff(t, c);
    const dataDir = t.dataDir;
    await t.app.close();

    const a = startTapper(dataDir);
    const b = startTapper(dataDir);
    await Promise.all([a.ready, b.ready]);
    // Round by round, a third process holds the write lock (a large import, say) while both
    // tap the same employee; which one gets the lock first is up to SQLite.
    const holder = new Database(path.join(dataDir, LOCAL_DB_FILE));
    for (const code of codes) {
      holder.exec('BEGIN IMMEDIATE');
      const receipts = Promise.all([a.tap(code), b.tap(code)]);
      await new Promise((r) => setTimeout(r, 60));
      holder.exec('COMMIT');
      const [ra, rb] = (await receipts).map((l) => JSON.parse(l) as { punchId: string; duplicate: boolean });
      expect(ra!.punchId).toBe(rb!.punchId);
      expect([ra!.duplicate, rb!.duplicate].sort()).toEqual([false, true]);
    }
    holder.close();
    expect(await a.end()).toBe(0);
    expect(await b.end()).toBe(0);

    const db = new Database(path.join(dataDir, LOCAL_DB_FILE), { readonly: true });
    try {
      const perEmployee = db
        .prepare('SELECT e.code, count(*) AS n FROM punches p JOIN roster_employees e ON e.id = p.employee_id GROUP BY e.code ORDER BY e.code')
        .all();
      expect(perEmployee).toEqual(codes.map((code) => ({ code, n: 1 })).sort((x, y) => x.code.localeCompare(y.code)));
    } finally {
      db.close();
    }
  });

  it('reads the punch time while holding the write lock (so a process that waited punches after, never before)', async () => {
    // Every clock read returns a later second, and says whether the write lock was held.
    const reads: { at: number; locked: boolean }[] = [];
    const held: { sqlite?: Database.Database } = {};
    let next = Date.parse('2026-11-20T04:00:00Z');
    const clock = {
      now: () => {
        next += 1000;
        reads.push({ at: next, locked: held.sqlite?.inTransaction ?? false });
        return next;
      },
      set: () => undefined,
      advance: () => undefined,
    };
    const t = await makeTestApp({ clock });
    held.sqlite = t.app.store.sqlite;
    await addStaff(t, 'L1');
    const who = await t.call('kiosk.identify', { method: 'code', code: 'L1' });
    const receipt = await t.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    expect(reads.find((r) => r.at === Date.parse(receipt.at))).toEqual({ at: Date.parse(receipt.at), locked: true });
    await t.dispose();
  });

  it('refuses a second host on a folder that one already serves, and lets commands run beside it', async () => {
    const t = await makeTestApp();
    const config = loadConfig({}, { dataDir: t.dataDir, demo: false, databaseUrl: NO_CENTRAL, directSync: true });
    const host = await createApp({ config, host: 'web' });
    try {
      await expect(createApp({ config, host: 'web' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already served by the Frontdesk web host \(process \d+/),
      });
      await expect(createApp({ config, host: 'electron' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await addStaff(t, 'B1'); // the test app (a command) beside the host
    } finally {
      await host.close();
    }
    // Released on close: a new host may start.
    const again = await createApp({ config, host: 'web' });
    await again.close();
    await t.dispose();
  });
});
