import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, punch, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.dispose();
});

async function kiosk(databaseUrl: string, opts: { demo?: boolean } = {}): Promise<TestApp> {
  const t = await makeTestApp({ demo: opts.demo ?? false, clock: testClock(Date.now()), config: { databaseUrl } });
  apps.push(t);
  return t;
}

const centralIds = async (url: string): Promise<string[]> =>
  (await query<{ id: string }>(url, 'SELECT id::text AS id FROM punches ORDER BY id')).map((r) => r.id);
const localIds = (t: TestApp): string[] =>
  (t.app.store.sqlite.prepare('SELECT id FROM punches ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('sync to a real PostgreSQL', () => {
  it('pushes every punch exactly once, empties the outbox, and a second sync sends nothing', async () => {
    const url = await createTestDatabase();
    const t = await kiosk(url, { demo: true });
    await punch(t, '1002', 'IN', '1234');
    const status = await t.call('sync.now', {});
    expect(status).toMatchObject({ state: 'idle', central: 'external', pending: 0, rejected: 0, lastError: null });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(await centralIds(url)).toEqual(localIds(t));
    const before = t.app.sync.stats.batches;
    await t.call('sync.now', {});
    expect(t.app.sync.stats.batches).toBe(before);
    const verify = await t.call('sync.verify', {});
    expect(verify.ok).toBe(true);
    expect(verify.days.length).toBe(6);
  });

  it('quarantines a punch for an employee central does not know, and lets the rest flow', async () => {
    const url = await createTestDatabase();
    const t = await kiosk(url);
    await addStaff(t, 'OK1');
    await addStaff(t, 'GHOST');
    // GHOST exists only on this kiosk: pretend it was already published, so central never hears of it.
    t.app.store.sqlite.prepare("UPDATE roster_employees SET published = 1 WHERE code = 'GHOST'").run();
    const good = await punch(t, 'OK1', 'IN');
    const ghost = await punch(t, 'GHOST', 'IN');
    const good2 = await punch(t, 'OK1', 'OUT');
    const status = await t.call('sync.now', {});
    expect(status).toMatchObject({ pending: 0, rejected: 1 });
    expect(await centralIds(url)).toEqual([good.punchId, good2.punchId].sort());
    const rejects = await query<{ punch_id: string; reason: string }>(url, 'SELECT punch_id::text, reason FROM sync_rejects');
    expect(rejects).toEqual([{ punch_id: ghost.punchId, reason: expect.stringContaining('does not know employee') }]);
    const local = t.app.store.sqlite.prepare('SELECT punch_id, reason FROM sync_rejects').all();
    expect(local).toEqual([{ punch_id: ghost.punchId, reason: expect.stringContaining('does not know employee') }]);
    const verify = await t.call('sync.verify', {});
    expect(verify.ok).toBe(false); // central's payroll misses the held punch until an admin settles it
    expect(verify.days[0]).toMatchObject({ rejected: 1, missingOnCentral: [] });
    // The admin publishes the employee, then sends the held punch again.
    t.app.store.sqlite.prepare("UPDATE roster_employees SET published = 0 WHERE code = 'GHOST'").run();
    await t.call('sync.resolveReject', { action: 'retry', punchId: ghost.punchId, by: 'ADMIN' });
    expect(await t.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
    expect(await centralIds(url)).toEqual([good.punchId, ghost.punchId, good2.punchId].sort());
    expect((await t.call('sync.verify', {})).ok).toBe(true);
  });

  it('lets several kiosks share one central and brings roster changes to every kiosk', async () => {
    const url = await createTestDatabase();
    const a = await kiosk(url, { demo: true });
    const b = await kiosk(url, { demo: true });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM employees'))[0]?.n).toBe('8');
    await addStaff(a, 'NEW1', '5555', { name: 'Nila New' });
    await a.call('sync.now', {});
    expect(await b.raw('kiosk.identify', { method: 'pin', code: 'NEW1', pin: '5555' }, 'http')).toMatchObject({
      error: { code: 'UNKNOWN_EMPLOYEE' },
    });
    await b.call('sync.now', {});
    const who = await b.call('kiosk.identify', { method: 'pin', code: 'NEW1', pin: '5555' });
    expect(who.employee.name).toBe('Nila New');
    await b.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    await b.call('sync.now', {});
    const total = localIds(a).length + localIds(b).length;
    const demoOverlap = new Set([...localIds(a), ...localIds(b)]).size; // demo punches share ids
    expect((await centralIds(url)).length).toBe(demoOverlap);
    expect(demoOverlap).toBeLessThan(total);
    expect((await a.call('sync.verify', {})).ok).toBe(true);
    expect((await b.call('sync.verify', {})).ok).toBe(true);
  });

  it('with a dead server, says so clearly and keeps taking punches', async () => {
    const t = await kiosk('postgres://frontdesk:x@127.0.0.1:9/frontdesk');
    await addStaff(t, 'E1');
    await punch(t, 'E1', 'IN');
    const s = await t.call('sync.now', {});
    expect(s).toMatchObject({ state: 'offline', pending: 1, lastError: 'Central database refused the connection (is it running?).' });
    expect(s.nextAttemptAt).not.toBeNull();
    t.clock.advance(5 * 60_000);
    await punch(t, 'E1', 'OUT');
    expect((await t.call('sync.status', {})).pending).toBe(2);
    const row = t.app.store.sqlite.prepare('SELECT attempts, last_error FROM outbox LIMIT 1').get();
    expect(row).toMatchObject({ attempts: 1, last_error: expect.stringContaining('refused') });
  });

  it('with a wrong password, names the problem', async () => {
    const url = new URL(await createTestDatabase());
    url.password = 'wrong-password';
    const t = await kiosk(url.toString());
    const s = await t.call('sync.now', {});
    expect(s).toMatchObject({ state: 'offline', lastError: 'Central database rejected the user name or password.' });
  });

  it('shrugs off connections killed mid-batch: the resend is harmless and central holds exactly the set', async () => {
    const url = await createTestDatabase();
    const t = await makeTestApp({
      clock: testClock(Date.now()),
      config: { databaseUrl: url },
      sync: { batchSize: 200, backoff: { baseMs: 1, capMs: 5 } },
    });
    apps.push(t);
    await addStaff(t, 'K1');
    const lines = ['employee_code,kind,at'];
    const start = Date.now() - 30 * 86_400_000;
    for (let i = 0; i < 6000; i++) lines.push(`K1,${i % 2 ? 'OUT' : 'IN'},${new Date(start + i * 60_000).toISOString()}`);
    await t.call('sync.now', {}); // connect and migrate before the connections start dying
    expect((await t.call('punches.import', { fileName: 'x.csv', content: lines.join('\n') })).imported).toBe(6000);
    let killing = true;
    let killed = 0;
    const killer = (async () => {
      while (killing) {
        const rows = await query<{ n: string }>(
          url,
          "SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE application_name = 'frontdesk' AND datname = current_database() AND pid <> pg_backend_pid()",
        );
        killed += Number(rows[0]?.n ?? 0);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    // Sync under fire until enough connections have died mid-work (bounded, so a loaded machine only makes it slower to reach, not endless).
    for (let round = 0; round < 60 && killed < 20 && t.app.sync.status().pending > 0; round++) await t.call('sync.now', {});
    killing = false;
    await killer;
    for (let round = 0; round < 100 && t.app.sync.status().pending > 0; round++) await t.call('sync.now', {});
    expect(killed).toBeGreaterThan(0);
    expect(t.app.sync.status().pending).toBe(0);
    expect(await centralIds(url)).toEqual(localIds(t));
  }, 120_000);

  it('a steady stream of taps does not starve the sync: a punch waits at most the kick’s maximum wait', async () => {
    const url = await createTestDatabase();
    const t = await makeTestApp({
      clock: testClock(Date.now()),
      config: { databaseUrl: url },
      sync: { kickDelayMs: 400, kickMaxWaitMs: 800, idleIntervalMs: 60_000 },
    });
    apps.push(t);
    for (let i = 0; i < 10; i++) await addStaff(t, `T${i}`);
    await t.call('sync.now', {});
    t.app.sync.start();
    await new Promise((r) => setTimeout(r, 50)); // the start-up cycle
    await t.app.sync.syncNow();
    const before = t.app.sync.stats.batches;
    const kinds = new Map<string, 'IN' | 'OUT'>();
    const tickets = new Map<string, string>();
    for (let i = 0; i < 10; i++) tickets.set(`T${i}`, (await t.call('kiosk.identify', { method: 'code', code: `T${i}` })).ticket);
    // A tap every 50 ms for 2.5 s: far shorter than the 400 ms kick delay, so a plain debounce never fires.
    const until = Date.now() + 2500;
    for (let i = 0; Date.now() < until; i++) {
      const code = `T${i % 10}`;
      const kind = kinds.get(code) === 'IN' ? 'OUT' : 'IN';
      kinds.set(code, kind);
      await t.call('punches.record', { ticket: tickets.get(code), kind });
      await new Promise((r) => setTimeout(r, 50));
    }
    const duringTaps = t.app.sync.stats.batches - before;
    expect(duringTaps).toBeGreaterThanOrEqual(2);
    expect((await centralIds(url)).length).toBeGreaterThan(0);
  });

  it('compares the kiosk clock with central’s at each sync and says so when it is more than two minutes off', async () => {
    const url = await createTestDatabase();
    const behind = await makeTestApp({ clock: testClock(Date.now() - 10 * 60_000), config: { databaseUrl: url } });
    apps.push(behind);
    const s = await behind.call('sync.now', {});
    expect(s.clockDrift).toBe(true);
    expect(Math.abs(s.clockOffsetSeconds! - 600)).toBeLessThanOrEqual(5);
    const right = await kiosk(url);
    right.clock.set(Date.now());
    const r = await right.call('sync.now', {});
    expect(r.clockDrift).toBe(false);
    expect(Math.abs(r.clockOffsetSeconds!)).toBeLessThanOrEqual(5);
    // Before any sync reached central, nothing is claimed.
    const never = await makeTestApp();
    apps.push(never);
    expect(await never.call('sync.status', {})).toMatchObject({ clockOffsetSeconds: null, clockDrift: false });
  });

  it('never sends demo data to a real central unless asked, and never into one that has employees', async () => {
    const url = await createTestDatabase();
    // DATABASE_URL set, nothing said: no demo data, and central stays empty.
    const plain = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url, demo: 'auto' } });
    apps.push(plain);
    expect(plain.app.demoSeeded).toBeNull();
    expect(await plain.call('employees.list', {})).toEqual([]);
    await plain.call('sync.now', {});
    expect(await query(url, 'SELECT code FROM employees')).toEqual([]);
    // Asked for, into an empty central: made.
    const demo = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url, demo: 'on' } });
    apps.push(demo);
    expect(demo.app.demoSeeded).toHaveLength(8);
    await demo.call('sync.now', {});
    // Asked for again, now that central has employees: refused, and nothing is made.
    await expect(makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url, demo: 'on' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already has 8 employees'),
    });
    // A central that cannot be reached is not assumed empty.
    await expect(makeTestApp({ config: { databaseUrl: 'postgres://x:y@127.0.0.1:9/none', demo: 'on' } })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('sends the oldest waiting punches first', async () => {
    const url = await createTestDatabase();
    let stopAfterFirst = true;
    const t = await makeTestApp({
      clock: testClock(Date.now()),
      config: { databaseUrl: url },
      sync: {
        batchSize: 2,
        afterCentralCommit: () => {
          if (stopAfterFirst) throw new Error('stop after the first batch');
        },
      },
    });
    apps.push(t);
    await addStaff(t, 'O1');
    const lines = ['employee_code,kind,at'];
    const start = Date.now() - 10 * 86_400_000;
    for (let i = 0; i < 6; i++) lines.push(`O1,${i % 2 ? 'OUT' : 'IN'},${new Date(start + i * 3_600_000).toISOString()}`);
    await t.call('punches.import', { fileName: 'o.csv', content: lines.join('\n') });
    await t.call('sync.now', {});
    // Two batches of two go up side by side, then the cycle stops: the four oldest (ids sort by time).
    expect(await centralIds(url)).toEqual(localIds(t).slice(0, 4));
    stopAfterFirst = false;
    await t.call('sync.now', {});
    expect(await centralIds(url)).toEqual(localIds(t));
  });
});
