// The sync status's backlog figures, as every screen and command shows them: how many punches
// wait and since when, in ISO time and in whole seconds, never negative when the clock stepped
// back, and nothing at all when nothing waits.
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, punch, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

describe('sync status: the backlog', () => {
  it('counts the waiting punches and dates the oldest, in ISO time and whole seconds', async () => {
    t = await makeTestApp();
    const empty = await t.call('sync.status', {});
    expect(empty).toMatchObject({ pending: 0, oldestPendingAt: null, oldestPendingAgeSeconds: null, rejected: 0 });

    await addStaff(t, 'S1');
    await addStaff(t, 'S2');
    const first = t.clock.now();
    await punch(t, 'S1', 'IN');
    t.clock.advance(60_000);
    await punch(t, 'S2', 'IN');
    t.clock.advance(90_500);
    const status = await t.call('sync.status', {});
    expect(status.pending).toBe(2);
    expect(status.oldestPendingAt).toBe(new Date(first).toISOString());
    // 150.5 s since the first punch: whole seconds, rounded down.
    expect(status.oldestPendingAgeSeconds).toBe(150);
    expect(status.rejected).toBe(0);

    // A clock stepped back before the punch says 0 s, not a negative age.
    t.clock.set(first - 3_600_000);
    expect((await t.call('sync.status', {})).oldestPendingAgeSeconds).toBe(0);
  });
});
