import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { openLocalStore } from '../../src-main/db/local/connection.js';
import { migrateLocal, readJournal } from '../../src-main/db/local/migrate.js';
import { addStaff, makeTestApp, punch, tempDir, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(() => t?.dispose());

describe('local store', () => {
  it('opens SQLite with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    t = await makeTestApp();
    const db = t.app.store.sqlite;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('applies every committed migration once, and again is a no-op', async () => {
    const dir = tempDir();
    const store = openLocalStore(path.join(dir, LOCAL_DB_FILE));
    migrateLocal(store);
    migrateLocal(store);
    const applied = store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(readJournal().entries.length);
    store.close();
  });

  it('refuses a database written by a newer version', async () => {
    const dir = tempDir();
    const store = openLocalStore(path.join(dir, LOCAL_DB_FILE));
    migrateLocal(store);
    store.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    expect(() => migrateLocal(store)).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
    store.close();
  });

  it('keeps punches append-only', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const r = await punch(t, 'E1', 'IN');
    const db = t.app.store.sqlite;
    expect(() => db.prepare("UPDATE punches SET kind = 'OUT' WHERE id = ?").run(r.punchId)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM punches WHERE id = ?').run(r.punchId)).toThrow(/append-only/);
  });

  it('refuses an outbox row without its punch', async () => {
    t = await makeTestApp();
    expect(() => t!.app.store.sqlite.prepare("INSERT INTO outbox (punch_id) VALUES ('nope')").run()).toThrow(/FOREIGN KEY/);
  });

  it('keeps the device id across restarts', async () => {
    t = await makeTestApp();
    const first = (await t.call('kiosk.info', {})).deviceId;
    t = await t.reopen();
    expect((await t.call('kiosk.info', {})).deviceId).toBe(first);
  });

  it('seeds demo data once in a new data folder, and never with --no-demo', async () => {
    t = await makeTestApp({ demo: true, config: { databaseUrl: undefined } }); // the built-in central
    expect(t.app.demoSeeded?.length).toBe(8);
    const employees = await t.call('employees.list', {});
    expect(employees.filter((e) => e.isManager).map((e) => e.code)).toEqual(['1001', '1006']);
    const punches = await t.call('punches.list', { limit: 1000 });
    expect(punches.length).toBeGreaterThan(60);
    expect(new Set(punches.map((p) => p.localDate)).size).toBe(5);
    t = await t.reopen();
    expect(t.app.demoSeeded).toBeNull();
    expect((await t.call('punches.list', { limit: 1000 })).length).toBe(punches.length);
    const bare = await makeTestApp({ demo: false });
    expect(await bare.call('employees.list', {})).toEqual([]);
    await bare.dispose();
  });
});
