import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, punch, type TestApp } from '../support/test-app.js';

let t: TestApp;
afterEach(() => t?.dispose());

const count = (t: TestApp, table: string): number => (t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('punch path through dispatch', () => {
  it('identifies with code + PIN, suggests IN, and commits the punch with its outbox row before the receipt', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    expect(who).toMatchObject({ employee: { code: 'E1', name: 'Employee E1' }, suggested: 'IN', lastPunch: null, todaySeconds: 0 });

    const seen: unknown[] = [];
    t.app.events.on('punches.recorded', (r) => seen.push(r));
    const receipt = await t.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    expect(receipt).toMatchObject({
      kind: 'IN',
      name: 'Employee E1',
      localTime: '09:30',
      localDate: '2026-11-20',
      duplicate: false,
      tz: 'Asia/Kolkata',
    });
    expect(receipt).toEqual({
      punchId: expect.any(String),
      employeeCode: 'E1',
      name: 'Employee E1',
      kind: 'IN',
      workMode: 'WFO',
      at: new Date(t.clock.now()).toISOString(),
      localTime: '09:30',
      localDate: '2026-11-20',
      tz: 'Asia/Kolkata',
      todaySeconds: 0,
      duplicate: false,
    });
    const row = t.app.store.sqlite
      .prepare(
        `SELECT p.employee_id, p.kind, p.at_utc, p.site_id, p.device_id, p.work_mode, p.source, p.created_at, o.attempts
           FROM punches p JOIN outbox o ON o.punch_id = p.id WHERE p.id = ?`,
      )
      .get(receipt.punchId);
    expect(row).toEqual({
      employee_id: who.employee.id,
      kind: 'IN',
      at_utc: t.clock.now(),
      site_id: t.app.deps.kiosk.siteId,
      device_id: t.app.deps.kiosk.deviceId,
      work_mode: 'WFO',
      source: 'kiosk',
      created_at: t.clock.now(),
      attempts: 0,
    });
    expect(seen).toEqual([receipt]);
  });

  it("suggests OUT after an IN and shows today's hours by the work-hours rules", async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    await punch(t, 'E1', 'IN');
    t.clock.advance(4 * 3600_000 + 30 * 60_000);
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    expect(who.suggested).toBe('OUT');
    const out = await t.call('punches.record', { ticket: who.ticket, kind: 'OUT' });
    expect(out.todaySeconds).toBe(4.5 * 3600);
    t.clock.advance(3600_000);
    const again = await punch(t, 'E1', 'IN');
    expect(again.todaySeconds).toBe(4.5 * 3600);
  });

  it('allows the kind that was not suggested', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const r = await punch(t, 'E1', 'OUT');
    expect(r.kind).toBe('OUT');
  });

  it('returns the first receipt for the same kind tapped again within 60 s, also after a restart', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const first = await punch(t, 'E1', 'IN');
    t.clock.advance(20_000);
    const second = await punch(t, 'E1', 'IN');
    expect(second).toEqual({ ...first, duplicate: true });
    t = await t.reopen();
    t.clock.advance(20_000);
    const third = await punch(t, 'E1', 'IN');
    expect(third.punchId).toBe(first.punchId);
    expect(count(t, 'punches')).toBe(1);
    expect(count(t, 'outbox')).toBe(1);
    t.clock.advance(21_000);
    const fourth = await punch(t, 'E1', 'IN');
    expect(fourth.punchId).not.toBe(first.punchId);
    expect(count(t, 'punches')).toBe(2);
  });

  it('honours a configured duplicate window', async () => {
    t = await makeTestApp({ config: { duplicateWindowSeconds: 5 } });
    await addStaff(t, 'E1');
    const first = await punch(t, 'E1', 'IN');
    t.clock.advance(6000);
    expect((await punch(t, 'E1', 'IN')).punchId).not.toBe(first.punchId);
  });

  it('identifies by badge without a PIN', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1', '1234', { badge: 'B-0001' });
    const who = await t.call('kiosk.identify', { method: 'badge', badge: 'B-0001' });
    expect(who.employee.code).toBe('E1');
    const bad = await t.raw('kiosk.identify', { method: 'badge', badge: 'B-9999' }, 'http');
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EMPLOYEE', message: expect.stringContaining('badge is not registered') } });
  });

  it('refuses unknown and inactive employees clearly', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'NOPE', pin: '1234' }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_EMPLOYEE', message: 'No employee has the code NOPE.' },
    });
    t.app.store.sqlite.prepare("UPDATE roster_employees SET active = 0 WHERE code = 'E1'").run();
    // Anyone at the kiosk can read it: no name, and no word that the person was deactivated.
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'INACTIVE_EMPLOYEE', message: 'This code or badge cannot punch on this kiosk. Please see your manager.' },
    });
  });

  it('counts wrong PINs, locks out after five for five minutes, and keeps the count across restarts', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const wrong = () => t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '9999' }, 'http');
    for (let left = 4; left >= 2; left--) {
      expect(await wrong()).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: left } } });
    }
    t = await t.reopen();
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { attemptsLeft: 1 } } });
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', details: { retryAfterSeconds: 300 } } });
    // Even the right PIN is refused while locked, also after a restart.
    t = await t.reopen();
    t.clock.advance(120_000);
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED_OUT', details: { retryAfterSeconds: 180 } },
    });
    t.clock.advance(180_000);
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' }, 'http')).toMatchObject({ ok: true });
  });

  it('resets the wrong-PIN count after a right PIN', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    for (let i = 0; i < 3; i++) await t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '0000' });
    await t.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '0000' })).toMatchObject({ error: { details: { attemptsLeft: 4 } } });
  });

  it('expires tickets after two minutes', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    t.clock.advance(121_000);
    expect(await t.raw('punches.record', { ticket: who.ticket, kind: 'IN' })).toMatchObject({ ok: false, error: { code: 'TICKET_EXPIRED' } });
    expect(await t.raw('punches.record', { ticket: 'forged', kind: 'IN' })).toMatchObject({
      ok: false,
      error: { code: 'TICKET_EXPIRED', message: 'Please identify again: that took too long.' },
    });
    expect(count(t, 'punches')).toBe(0);
  });

  it('refuses a punch for someone deactivated after they identified, and a time from the kiosk screen, in words', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    await addStaff(t, 'E2');
    const gone = await t.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    t.app.store.sqlite.prepare("UPDATE roster_employees SET active = 0 WHERE code = 'E1'").run();
    expect(await t.raw('punches.record', { ticket: gone.ticket, kind: 'IN' })).toMatchObject({
      ok: false,
      error: { code: 'INACTIVE_EMPLOYEE', message: 'This code or badge cannot punch on this kiosk. Please see your manager.' },
    });
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'E2', pin: '1234' });
    expect(
      await t.raw('punches.record', { ticket: who.ticket, kind: 'IN', at: new Date(t.clock.now() - 60_000).toISOString() }, 'http'),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the command line may record a punch at another time.' },
    });
    expect(count(t, 'punches')).toBe(0);
  });

  it('keeps trusted-only powers away from the kiosk screen', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    expect(await t.raw('kiosk.identify', { method: 'code', code: 'E1' }, 'http')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await t.raw('employees.list', {}, 'ipc')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await t.raw('punches.import', { fileName: 'x.csv', content: '' }, 'http')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const who = await t.call('kiosk.identify', { method: 'code', code: 'E1' });
    expect(await t.raw('punches.record', { ticket: who.ticket, kind: 'IN', at: '2026-11-19T04:00:00Z' }, 'http')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const backdated = await t.call('punches.record', { ticket: who.ticket, kind: 'IN', at: '2026-11-19T04:00:00Z' });
    expect(backdated.localDate).toBe('2026-11-19');
    expect(await t.raw('punches.record', { ticket: who.ticket, kind: 'OUT', at: '2026-11-21T04:00:00Z' })).toMatchObject({
      error: { code: 'BAD_INPUT' },
    });
  });

  it('lets only an active manager leave kiosk mode', async () => {
    t = await makeTestApp();
    await addStaff(t, 'M1', '4321', { isManager: true, name: 'Maya Manager' });
    await addStaff(t, 'E1');
    expect(await t.raw('kiosk.exit', { code: 'E1', pin: '1234' }, 'http')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await t.raw('kiosk.exit', { code: 'M1', pin: '0000' }, 'http')).toMatchObject({ error: { code: 'WRONG_PIN' } });
    const exited: unknown[] = [];
    t.app.events.on('kiosk.exited', (e) => exited.push(e));
    expect(await t.raw('kiosk.exit', { code: 'M1', pin: '4321' }, 'http')).toEqual({ ok: true, value: { managerName: 'Maya Manager' } });
    expect(exited).toEqual([{ managerName: 'Maya Manager' }]);
  });

  it('refuses a second employee with the same code or badge', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1', '1234', { badge: 'B1' });
    expect(await t.raw('employees.add', { code: 'E1', name: 'x', pin: '1234' })).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await t.raw('employees.add', { code: 'E2', name: 'x', pin: '1234', badge: 'B1' })).toMatchObject({ error: { code: 'CONFLICT' } });
    const list = await t.call('employees.list', {});
    expect(list.map((e) => e.code)).toEqual(['E1']);
    expect(JSON.stringify(list)).not.toContain('scrypt');
  });

  it('reports pending punches in the sync status and pushes it after each punch', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    // The push is coalesced (50 ms), so it may come after one punch or after both: wait for the
    // condition (a pushed status counting both), not for a moment.
    const pushed = new Promise<number>((resolve) => t.app.events.on('sync.statusChanged', (s) => s.pending === 2 && resolve(s.pending)));
    await punch(t, 'E1', 'IN');
    await punch(t, 'E1', 'OUT');
    const status = await t.call('sync.status', {});
    expect(status).toMatchObject({
      state: 'idle',
      central: 'external',
      pending: 2,
      oldestPendingAt: '2026-11-20T04:00:00.000Z',
      oldestPendingAgeSeconds: 0,
    });
    expect(await pushed).toBe(2);
  });

  it('answers storage that refuses writes with STORAGE_FAILED and keeps what was saved', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    await addStaff(t, 'E2');
    await punch(t, 'E1', 'IN');
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'E2', pin: '1234' });
    t.app.store.sqlite.pragma('query_only = 1'); // the file turns read-only under us
    const res = await t.raw('punches.record', { ticket: who.ticket, kind: 'IN' }, 'http');
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FAILED', message: expect.stringMatching(/read-only.*not recorded/), details: { cause: 'read-only' } },
    });
    t.app.store.sqlite.pragma('query_only = 0');
    expect(count(t, 'punches')).toBe(1);
    expect(count(t, 'outbox')).toBe(1);
    expect((await t.call('punches.record', { ticket: who.ticket, kind: 'IN' })).duplicate).toBe(false);
  });

  it('refuses a punch time before 2000 or in the future with BAD_INPUT, never INTERNAL', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    for (const [at, why] of [
      ['1969-12-31T00:00:00Z', 'before the year 2000'],
      ['1900-01-01T00:00:00Z', 'before the year 2000'],
      ['2100-01-01T00:00:00Z', 'in the future'],
      // Past any year Frontdesk holds times for: refused by the contract, in words.
      ['9999-01-01T00:00:00Z', 'Times run from 1900 to 2999.'],
    ] as const) {
      const who = await t.call('kiosk.identify', { method: 'code', code: 'E1' });
      expect(await t.raw('punches.record', { ticket: who.ticket, kind: 'IN', at })).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringContaining(why) },
      });
    }
    const result = await t.call('punches.import', {
      fileName: 'old.csv',
      content: 'employee_code,kind,at\nE1,IN,1969-01-01T00:00:00Z\nE1,IN,2026-11-19T03:30:00Z',
    });
    expect(result).toMatchObject({ imported: 1, errors: [{ line: 2, reason: expect.stringContaining('before the year 2000') }] });
  });

  it('keeps the work mode the employee chose, and records a backdated punch of the same kind (not a double tap)', async () => {
    t = await makeTestApp();
    await addStaff(t, 'W1');
    const who = await t.call('kiosk.identify', { method: 'code', code: 'W1' });
    const home = await t.call('punches.record', { ticket: who.ticket, kind: 'IN', workMode: 'WFH' });
    expect(home.workMode).toBe('WFH');
    expect((await t.call('punches.list', {}))[0]).toMatchObject({ workMode: 'WFH' });
    expect(t.app.store.sqlite.prepare('SELECT work_mode FROM punches').all()).toEqual([{ work_mode: 'WFH' }]);
    // An IN half a minute before the last IN is a punch of its own, however close.
    const earlier = await t.call('punches.record', { ticket: who.ticket, kind: 'IN', at: new Date(t.clock.now() - 30_000).toISOString() });
    expect(earlier.duplicate).toBe(false);
    expect(earlier.at).toBe(new Date(t.clock.now() - 30_000).toISOString());
    expect(t.app.store.sqlite.prepare('SELECT count(*) AS n FROM punches').get()).toEqual({ n: 2 });
    // Dated at the time given, made now; its id sorts by the time given.
    expect(t.app.store.sqlite.prepare('SELECT at_utc, created_at FROM punches WHERE id = ?').get(earlier.punchId)).toEqual({
      at_utc: t.clock.now() - 30_000,
      created_at: t.clock.now(),
    });
    expect(parseInt(earlier.punchId.replace(/-/g, '').slice(0, 12), 16)).toBe(t.clock.now() - 30_000);
  });

  it('holds the write lock from the moment it reads the last punch (an IMMEDIATE transaction, not a deferred one)', async () => {
    const probe: { file?: string; sqlite?: Database.Database; blocked?: boolean } = {};
    const clock = {
      now: () => {
        if (probe.file && probe.sqlite?.inTransaction && probe.blocked === undefined) {
          // A second connection asks for the write lock while the punch reads its time.
          const other = new Database(probe.file);
          other.pragma('busy_timeout = 0');
          try {
            other.exec('BEGIN IMMEDIATE');
            other.exec('ROLLBACK');
            probe.blocked = false;
          } catch {
            probe.blocked = true;
          } finally {
            other.close();
          }
        }
        return Date.parse('2026-11-20T04:00:00Z');
      },
      set: () => undefined,
      advance: () => undefined,
    };
    t = await makeTestApp({ clock });
    await addStaff(t, 'X1');
    const who = await t.call('kiosk.identify', { method: 'code', code: 'X1' });
    probe.file = t.app.store.file;
    probe.sqlite = t.app.store.sqlite;
    await t.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    expect(probe.blocked).toBe(true);
  });
});

describe('what the kiosk says about wrong PINs, and the punch list filters', () => {
  it('counts the attempts left in words (one attempt, not one attempts), then says how long the lock lasts', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const wrong = () => t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '9999' }, 'http');
    const said: unknown[] = [];
    for (let i = 0; i < 4; i++) said.push(await wrong());
    expect(said.map((r) => (r as { error?: { message?: string } }).error?.message)).toEqual([
      'Wrong PIN. 4 attempts left.',
      'Wrong PIN. 3 attempts left.',
      'Wrong PIN. 2 attempts left.',
      'Wrong PIN. 1 attempt left.',
    ]);
    expect(await wrong()).toMatchObject({
      ok: false,
      error: { code: 'LOCKED_OUT', message: 'Too many wrong PINs. Try again in 5 minutes, or ask a manager to clear the lock.' },
    });
    // 61 s before the end of the 300 s lock is 2 minutes (rounded up); 30 s before is 1 minute.
    t.clock.advance(239_000);
    expect(await wrong()).toMatchObject({ error: { message: 'Too many wrong PINs. Try again in 2 minutes, or ask a manager to clear the lock.' } });
    t.clock.advance(31_000);
    expect(await wrong()).toMatchObject({
      error: {
        code: 'LOCKED_OUT',
        message: 'Too many wrong PINs. Try again in 1 minute, or ask a manager to clear the lock.',
        details: { retryAfterSeconds: 30 },
      },
    });
  });

  it('announces a double tap once: the second tap records nothing and tells no listener', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    const seen: unknown[] = [];
    t.app.events.on('punches.recorded', (r) => seen.push(r));
    const first = await punch(t, 'E1', 'IN');
    t.clock.advance(10_000);
    expect((await punch(t, 'E1', 'IN')).duplicate).toBe(true);
    expect(seen).toEqual([first]);
    expect(count(t, 'punches')).toBe(1);
  });

  it('lists punches by employee and by time, the end excluded', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    await addStaff(t, 'E2');
    const start = t.clock.now();
    await punch(t, 'E1', 'IN');
    t.clock.advance(3600_000);
    await punch(t, 'E2', 'IN');
    t.clock.advance(3600_000);
    await punch(t, 'E1', 'OUT');
    const iso = (ms: number) => new Date(ms).toISOString();
    const kinds = (rows: { employeeCode: string; kind: string }[]) => rows.map((r) => `${r.employeeCode} ${r.kind}`);
    expect(kinds(await t.call('punches.list', {}))).toEqual(['E1 OUT', 'E2 IN', 'E1 IN']);
    expect(kinds(await t.call('punches.list', { employeeCode: 'E1' }))).toEqual(['E1 OUT', 'E1 IN']);
    expect(kinds(await t.call('punches.list', { from: iso(start + 3600_000) }))).toEqual(['E1 OUT', 'E2 IN']);
    expect(kinds(await t.call('punches.list', { to: iso(start + 3600_000) }))).toEqual(['E1 IN']);
    expect((await t.call('punches.list', { employeeCode: 'E2' }))[0]).toMatchObject({ pending: true, name: 'Employee E2', source: 'kiosk' });
    expect(kinds(await t.call('punches.list', { limit: 2 }))).toEqual(['E1 OUT', 'E2 IN']);
  });

  it('lists each punch whole: its times in the kiosk zone, its device, and whether it still waits for the sync', async () => {
    t = await makeTestApp();
    await addStaff(t, 'E1');
    await addStaff(t, 'E2');
    const a = await punch(t, 'E1', 'IN');
    const b = await punch(t, 'E2', 'IN');
    // The same instant: the later id first, as the list is read newest first.
    const [newer, older] = [a, b].sort((x, y) => (x.punchId < y.punchId ? 1 : -1));
    t.app.store.sqlite.prepare('DELETE FROM outbox WHERE punch_id = ?').run(a.punchId);
    const rows = await t.call('punches.list', {});
    expect(rows.map((r) => r.id)).toEqual([newer!.punchId, older!.punchId]);
    expect(rows.find((r) => r.id === a.punchId)).toEqual({
      id: a.punchId,
      employeeCode: 'E1',
      name: 'Employee E1',
      kind: 'IN',
      at: new Date(t.clock.now()).toISOString(),
      localDate: '2026-11-20',
      localTime: '09:30',
      workMode: 'WFO',
      source: 'kiosk',
      deviceId: t.app.deps.kiosk.deviceId,
      pending: false,
    });
    expect(rows.find((r) => r.id === b.punchId)?.pending).toBe(true);
  });
});
