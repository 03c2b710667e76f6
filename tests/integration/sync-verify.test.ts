// Reconciliation against a real central: per local day, the punches this kiosk holds against
// central's, by count and digest, naming each punch missing on either side; punches still in the
// outbox are counted apart and do not make a day disagree; `days` keeps the most recent days.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, punch, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

const HOUR = 3_600_000;
const MONDAY_0930_IST = Date.parse('2026-11-16T04:00:00Z');
let url: string;
let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  url = await createTestDatabase('verify');
  t = await makeTestApp({ clock: testClock(MONDAY_0930_IST), config: { databaseUrl: url } });
  await addStaff(t, 'V1');
  ids.monIn = (await punch(t, 'V1', 'IN')).punchId;
  t.clock.advance(8 * HOUR);
  ids.monOut = (await punch(t, 'V1', 'OUT')).punchId;
  t.clock.set(MONDAY_0930_IST + 24 * HOUR);
  ids.tueIn = (await punch(t, 'V1', 'IN')).punchId;
  expect(await t.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
  // Wednesday's IN stays in the outbox: not sent yet.
  t.clock.set(MONDAY_0930_IST + 48 * HOUR);
  ids.wedIn = (await punch(t, 'V1', 'IN')).punchId;
});
afterAll(async () => {
  await t.dispose();
});

describe('sync.verify', () => {
  it('agrees day by day when central holds what was sent, and counts the unsent apart', async () => {
    const r = await t.call('sync.verify', {});
    expect(r).toMatchObject({ ok: true, problem: null, tz: 'Asia/Kolkata', deviceId: t.app.deps.kiosk.deviceId });
    expect(r.checkedAt).toBe(new Date(t.clock.now()).toISOString());
    expect(r.days.map((d) => [d.date, d.local.count, d.central.count, d.pending, d.ok])).toEqual([
      ['2026-11-16', 2, 2, 0, true],
      ['2026-11-17', 1, 1, 0, true],
      ['2026-11-18', 0, 0, 1, true],
    ]);
    for (const d of r.days) expect(d.local.digest).toBe(d.central.digest);
    expect(r.days[0]!.local.digest).not.toBe(r.days[1]!.local.digest);
    // The digest is of the sorted ids, one per line (so the same set gives the same digest on both sides).
    const monday = [ids.monIn!, ids.monOut!].sort().join('\n');
    expect(r.days[0]!.local.digest).toBe(createHash('sha256').update(monday).digest('hex').slice(0, 16));
    expect(r.days.every((d) => d.missingOnCentral.length === 0 && d.missingLocally.length === 0 && d.rejected === 0 && d.discarded === 0)).toBe(true);
  });

  it('keeps the most recent days when asked for some', async () => {
    const r = await t.call('sync.verify', { days: 2 });
    expect(r.days.map((d) => d.date)).toEqual(['2026-11-17', '2026-11-18']);
  });

  it('names a punch central lost and one central holds for this kiosk that the kiosk does not', async () => {
    // As if central were restored from a backup taken before Monday's OUT arrived (punches are
    // append-only on central, so the test lifts that guard for this one delete).
    await query(
      url,
      `ALTER TABLE punches DISABLE TRIGGER punches_no_update; DELETE FROM punches WHERE id = '${ids.monOut}'; ALTER TABLE punches ENABLE TRIGGER punches_no_update`,
    );
    const [foreign] = await query<{ id: string }>(
      url,
      `INSERT INTO punches
       SELECT (jsonb_populate_record(NULL::punches, to_jsonb(p) || jsonb_build_object('id', gen_random_uuid(), 'kind', 'OUT', 'at_utc', p.at_utc + interval '8 hours'))).*
         FROM punches p WHERE p.id = $1 RETURNING id::text AS id`,
      [ids.tueIn],
    );
    const r = await t.call('sync.verify', {});
    expect(r.ok).toBe(false);
    const [mon, tue, wed] = r.days;
    expect(mon).toMatchObject({ ok: false, missingOnCentral: [ids.monOut], missingLocally: [], local: { count: 2 }, central: { count: 1 } });
    expect(mon!.local.digest).not.toBe(mon!.central.digest);
    expect(tue).toMatchObject({ ok: false, missingOnCentral: [], missingLocally: [foreign!.id], local: { count: 1 }, central: { count: 2 } });
    expect(wed).toMatchObject({ ok: true, pending: 1 });
  });
});
