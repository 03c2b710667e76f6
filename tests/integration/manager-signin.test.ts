// Manager sign-in: manager methods reach a screen only with a live sign-in, the acting manager
// is always the signed-in one, and the sign-in lapses when idle or on sign-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/rpc/dispatch.js';
import { makeTestApp, testClock, type TestApp, type TestClock } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

let t: TestApp;
let clock: TestClock;
let url: string;
beforeAll(async () => {
  url = await createTestDatabase('mgr');
  clock = testClock();
  t = await makeTestApp({ demo: true, clock, config: { databaseUrl: url } });
  await t.app.sync.syncNow();
});
afterAll(() => t.dispose());

const screen = (managerToken?: string) => ({ origin: 'http' as const, managerToken });

describe('manager sign-in', () => {
  it('opens manager methods to the screen, with the signed-in manager as the actor', async () => {
    const denied = await t.app.dispatch('reports.run', { name: 'workhours' }, screen());
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const forged = await t.app.dispatch('reports.run', { name: 'workhours' }, screen('not-a-token'));
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const who = await call(t.app.dispatch, 'manager.signIn', { code: '1001', pin: '4321' }, screen());
    expect(who).toMatchObject({ code: '1001', name: 'Asha Rao', idleMinutes: 30 });
    const report = await t.app.dispatch('reports.run', { name: 'workhours' }, screen(who.token));
    expect(report.ok).toBe(true);

    // The screen names another manager in `by`: the audit still says who is signed in.
    // 1002 forgot both punches this morning: the IN and its OUT are added together.
    const at = new Date(clock.now() - 3 * 3_600_000).toISOString();
    const outAt = new Date(clock.now() - 3_600_000).toISOString();
    const fixed = await t.app.dispatch(
      'punches.correct',
      { action: 'add', employeeCode: '1002', kind: 'IN', at, outAt, reason: 'forgot to punch in and out', by: '1006' },
      screen(who.token),
    );
    expect(fixed.ok).toBe(true);
    expect(await query(url, "SELECT actor FROM audit_log WHERE action = 'punch.add'")).toEqual([
      { actor: 'manager:1001' },
      { actor: 'manager:1001' },
    ]);
  });

  it('refuses non-managers and wrong PINs, counting toward the lockout', async () => {
    await expect(call(t.app.dispatch, 'manager.signIn', { code: '1002', pin: '1234' }, screen())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (let i = 0; i < 4; i++) {
      await expect(call(t.app.dispatch, 'manager.signIn', { code: '1006', pin: '0000' }, screen())).rejects.toMatchObject({ code: 'WRONG_PIN' });
    }
    await expect(call(t.app.dispatch, 'manager.signIn', { code: '1006', pin: '0000' }, screen())).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    await expect(call(t.app.dispatch, 'manager.signIn', { code: '1006', pin: '5678' }, screen())).rejects.toMatchObject({ code: 'LOCKED_OUT' });
  });

  it('lapses after 30 idle minutes, and at sign-out', async () => {
    const a = await call(t.app.dispatch, 'manager.signIn', { code: '1001', pin: '4321' }, screen());
    clock.advance(29 * 60_000);
    expect((await t.app.dispatch('audit.list', {}, screen(a.token))).ok).toBe(true);
    clock.advance(29 * 60_000); // idle time counts from the last call
    expect((await t.app.dispatch('audit.list', {}, screen(a.token))).ok).toBe(true);
    clock.advance(31 * 60_000);
    expect(await t.app.dispatch('audit.list', {}, screen(a.token))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const b = await call(t.app.dispatch, 'manager.signIn', { code: '1001', pin: '4321' }, screen());
    expect(await call(t.app.dispatch, 'manager.signOut', {}, screen(b.token))).toEqual({ signedOut: true });
    expect(await t.app.dispatch('audit.list', {}, screen(b.token))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
