// Guessing a PIN in parallel: every guess already in flight was once evaluated (the lockout was
// checked before the slow hash), and a wrong guess that landed on a locked state reset the lock;
// 10,000 concurrent guesses found a 4-digit PIN in minutes. Now each attempt is counted before
// it is evaluated, one guess per employee is evaluated at a time, and a lock only ends on time.
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, testClock, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const pins = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i).padStart(4, '0'));
const codes = (results: { ok: boolean; error?: { code: string } }[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? 'ok' : r.error!.code;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

describe('parallel PIN guessing', () => {
  it('1,000 concurrent guesses at the kiosk never find the PIN: at most five are evaluated, then the lock holds', async () => {
    t = await makeTestApp();
    await addStaff(t, 'G1', '0500'); // the PIN is among the guesses, far from the first five
    await addStaff(t, 'G2', '2468');
    const guesses = pins(1000).map((pin) => t!.raw('kiosk.identify', { method: 'pin', code: 'G1', pin }, 'http'));
    // A real tap of someone else in the middle of the flood.
    const real = t.raw('kiosk.identify', { method: 'pin', code: 'G2', pin: '2468' }, 'http');
    const results = (await Promise.all(guesses)) as { ok: boolean; error?: { code: string } }[];
    const tally = codes(results);
    expect(tally.ok).toBeUndefined();
    expect(tally.WRONG_PIN).toBeLessThanOrEqual(4);
    expect(tally.LOCKED_OUT).toBe(1000 - (tally.WRONG_PIN ?? 0));
    expect(await real).toMatchObject({ ok: true });
    // Guess on until the lock is set; the right PIN then stays refused for the whole lock,
    // however many guesses arrive during it.
    for (let i = 0; i < 5; i++) {
      const r = (await t.raw('kiosk.identify', { method: 'pin', code: 'G1', pin: '9999' }, 'http')) as { error: { message: string } };
      if (r.error.message.startsWith('Too many wrong PINs')) break;
    }
    t.clock.advance(299_000);
    await Promise.all(pins(50).map((pin) => t!.raw('kiosk.identify', { method: 'pin', code: 'G1', pin }, 'http')));
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'G1', pin: '0500' }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED_OUT' },
    });
    t.clock.advance(1_000);
    const after = await t.raw('kiosk.identify', { method: 'pin', code: 'G1', pin: '0500' }, 'http');
    expect(after, JSON.stringify(after)).toMatchObject({ ok: true });
  });

  it('1,000 concurrent manager sign-ins never find the manager’s PIN', async () => {
    t = await makeTestApp();
    await addStaff(t, 'M1', '0700', { isManager: true });
    const results = (await Promise.all(pins(1000).map((pin) => t!.raw('manager.signIn', { code: 'M1', pin }, 'http')))) as {
      ok: boolean;
      error?: { code: string };
    }[];
    const tally = codes(results);
    expect(tally.ok).toBeUndefined();
    expect(tally.WRONG_PIN).toBeLessThanOrEqual(4);
  });

  it('a wrong guess landing on a locked state does not reset the lock (sequential guesses)', async () => {
    t = await makeTestApp();
    await addStaff(t, 'G3', '4321');
    for (let i = 0; i < 5; i++) await t.raw('kiosk.identify', { method: 'pin', code: 'G3', pin: '0000' }, 'http');
    for (let i = 0; i < 20; i++) {
      expect(await t.raw('kiosk.identify', { method: 'pin', code: 'G3', pin: '1111' }, 'http')).toMatchObject({ error: { code: 'LOCKED_OUT' } });
    }
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'G3', pin: '4321' }, 'http')).toMatchObject({ error: { code: 'LOCKED_OUT' } });
  });
});

describe('lockouts people can live with', () => {
  it('wrong PINs at the kiosk do not lock a manager out of the manager screens, and the message says a manager can clear it', async () => {
    t = await makeTestApp();
    await addStaff(t, 'M2', '2468', { isManager: true });
    for (let i = 0; i < 5; i++) await t.raw('kiosk.identify', { method: 'pin', code: 'M2', pin: '0000' }, 'http');
    const locked = await t.raw('kiosk.identify', { method: 'pin', code: 'M2', pin: '2468' }, 'http');
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', message: expect.stringContaining('ask a manager to clear the lock') } });
    expect(await t.raw('manager.signIn', { code: 'M2', pin: '2468' }, 'http')).toMatchObject({ ok: true });
  });

  it('a manager clears a lockout; a PIN reset on central clears it at every kiosk', async () => {
    const { createTestDatabase } = await import('../support/test-postgres.js');
    const url = await createTestDatabase('lockouts');
    t = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url } });
    await addStaff(t, 'L1', '1111');
    await addStaff(t, 'MM', '9999', { isManager: true });
    await t.call('sync.now', {});
    const lockOut = async () => {
      for (let i = 0; i < 5; i++) await t!.raw('kiosk.identify', { method: 'pin', code: 'L1', pin: '0000' }, 'http');
      expect(await t!.raw('kiosk.identify', { method: 'pin', code: 'L1', pin: '1111' }, 'http')).toMatchObject({ error: { code: 'LOCKED_OUT' } });
    };
    await lockOut();
    expect(await t.call('kiosk.clearLockout', { employeeCode: 'L1', by: 'MM' })).toMatchObject({ employeeCode: 'L1', everywhere: true });
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'L1', pin: '1111' }, 'http')).toMatchObject({ ok: true });
    expect(await t.raw('kiosk.clearLockout', { employeeCode: 'L1', by: 'L1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await lockOut();
    await t.call('roster.updateEmployee', { code: 'L1', pin: '5555', by: 'MM' });
    await t.call('sync.now', {}); // the kiosk pulls the new PIN, and its old count goes with the old PIN
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'L1', pin: '5555' }, 'http')).toMatchObject({ ok: true });
  });

  it('counts per employee across kiosks: five guesses spread over two kiosks lock both', async () => {
    const { createTestDatabase } = await import('../support/test-postgres.js');
    const url = await createTestDatabase('sharedpins');
    t = await makeTestApp({ clock: testClock(Date.now()), config: { databaseUrl: url } });
    await addStaff(t, 'S1', '1357');
    await t.call('sync.now', {});
    const other = await makeTestApp({ clock: t.clock, config: { databaseUrl: url } });
    try {
      await other.call('sync.now', {}); // pulls S1
      for (let i = 0; i < 3; i++) await t.raw('kiosk.identify', { method: 'pin', code: 'S1', pin: '0000' }, 'http');
      expect(await other.raw('kiosk.identify', { method: 'pin', code: 'S1', pin: '0000' }, 'http')).toMatchObject({
        error: { code: 'WRONG_PIN', details: { attemptsLeft: 1 } },
      });
      expect(await other.raw('kiosk.identify', { method: 'pin', code: 'S1', pin: '0000' }, 'http')).toMatchObject({ error: { code: 'LOCKED_OUT' } });
      // The first kiosk, with only three wrong PINs of its own, is locked too, even with the right PIN.
      expect(await t.raw('kiosk.identify', { method: 'pin', code: 'S1', pin: '1357' }, 'http')).toMatchObject({ error: { code: 'LOCKED_OUT' } });
    } finally {
      await other.dispose();
    }
  });
});
