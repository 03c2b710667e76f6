// A central that refuses writes for a reason that is not a punch's own fault (read-only after a
// failover, INSERT revoked, a broken trigger that refuses every row) must never cost a punch:
// the punches wait and arrive once central is fixed. Only a punch's own data sets it aside, and
// then it stays on the kiosk, held, until an admin sends it again or discards it.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, makeTestApp, punch, testClock, type TestApp } from '../support/test-app.js';
import { adminUrl, createTestDatabase, query } from '../support/test-postgres.js';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.dispose();
});

const dbName = (url: string): string => new URL(url).pathname.slice(1);
const centralIds = async (url: string): Promise<string[]> =>
  (await query<{ id: string }>(url, 'SELECT id::text AS id FROM punches ORDER BY id')).map((r) => r.id);
const dropConnections = (url: string): Promise<unknown> =>
  query(url, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');

/** A kiosk whose roster is already on central, with five punches waiting. */
async function kioskWithFivePunches(url: string): Promise<{ t: TestApp; ids: string[] }> {
  const t = await makeTestApp({ clock: testClock(Date.now() - 3_600_000), config: { databaseUrl: url } });
  apps.push(t);
  await addStaff(t, 'R1');
  await addStaff(t, 'R2');
  await t.call('sync.now', {}); // migrates central and publishes the roster
  const ids: string[] = [];
  for (const [code, kind] of [
    ['R1', 'IN'],
    ['R2', 'IN'],
    ['R1', 'OUT'],
    ['R2', 'OUT'],
    ['R1', 'IN'],
  ] as const) {
    ids.push((await punch(t, code, kind)).punchId);
    t.clock.advance(10 * 60_000);
  }
  return { t, ids };
}

describe('a central that refuses writes', () => {
  it('read-only (SQLSTATE 25006): every punch waits, none is refused, and all arrive once central accepts writes', async () => {
    const url = await createTestDatabase();
    const { t, ids } = await kioskWithFivePunches(url);
    await query(adminUrl(), `ALTER DATABASE ${dbName(url)} SET default_transaction_read_only = on`);
    await dropConnections(url); // a failover: every connection is new, to a read-only server
    // A pooled connection the failover cut may be noticed first ("the connection … was cut"):
    // that attempt loses nothing either; the next one meets the read-only server.
    let s = await t.call('sync.now', {});
    for (let i = 0; i < 3 && /was cut/.test(s.lastError ?? ''); i++) {
      expect(s).toMatchObject({ pending: 5, rejected: 0 });
      s = await t.call('sync.now', {});
    }
    expect(s).toMatchObject({ pending: 5, rejected: 0, state: 'waiting' });
    expect(s.lastError).toMatch(/read-only/);
    expect(t.app.store.sqlite.prepare('SELECT count(*) AS n FROM sync_rejects').get()).toEqual({ n: 0 });
    expect(await centralIds(url)).toEqual([]);

    await query(adminUrl(), `ALTER DATABASE ${dbName(url)} RESET default_transaction_read_only`);
    await dropConnections(url);
    let back = await t.call('sync.now', {});
    for (let i = 0; i < 3 && back.pending > 0 && /was cut/.test(back.lastError ?? ''); i++) back = await t.call('sync.now', {});
    expect(back).toMatchObject({ pending: 0, rejected: 0, lastError: null });
    expect(await centralIds(url)).toEqual([...ids].sort());
    expect((await t.call('sync.verify', {})).ok).toBe(true);
  });

  it('INSERT revoked (SQLSTATE 42501): the punches wait until the grant is back', async () => {
    const url = await createTestDatabase();
    const { t, ids } = await kioskWithFivePunches(url);
    const role = `kiosk_${randomBytes(4).toString('hex')}`;
    await query(url, `CREATE ROLE ${role} LOGIN PASSWORD 'kiosk-pass'`);
    for (const sql of [
      `GRANT USAGE ON SCHEMA public, drizzle TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${role}`,
      `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
      `REVOKE INSERT ON punches FROM ${role}`,
    ])
      await query(url, sql);
    const limited = new URL(url);
    limited.username = role;
    limited.password = 'kiosk-pass';
    const k = await makeTestApp({ clock: t.clock, dataDir: t.dataDir, config: { databaseUrl: limited.toString() } }).then(async (reopened) => {
      await t.app.close();
      apps.splice(apps.indexOf(t), 1, reopened);
      return reopened;
    });
    const s = await k.call('sync.now', {});
    expect(s).toMatchObject({ pending: 5, rejected: 0 });
    expect(s.lastError).toMatch(/permission/);
    expect(await query(url, 'SELECT * FROM sync_rejects')).toEqual([]);

    await query(url, `GRANT INSERT ON punches TO ${role}`);
    expect(await k.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
    expect(await centralIds(url)).toEqual([...ids].sort());
    expect((await k.call('sync.verify', {})).ok).toBe(true);
  });

  it('a data error that every punch of a batch hits alike is central’s fault: nothing is held, all arrive after the fix', async () => {
    const url = await createTestDatabase();
    const { t, ids } = await kioskWithFivePunches(url);
    await query(
      url,
      `CREATE FUNCTION refuse_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'new column check' USING ERRCODE = '23514'; END $$`,
    );
    await query(url, 'CREATE TRIGGER refuse_all BEFORE INSERT ON punches FOR EACH ROW EXECUTE FUNCTION refuse_all()');
    const s = await t.call('sync.now', {});
    expect(s).toMatchObject({ pending: 5, rejected: 0, state: 'waiting' });
    expect(s.lastError).toMatch(/every punch of a batch/);
    await query(url, 'DROP TRIGGER refuse_all ON punches');
    expect(await t.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
    expect(await centralIds(url)).toEqual([...ids].sort());
  });
});

describe('a punch refused for its own data', () => {
  async function withOneBadPunch(): Promise<{ t: TestApp; url: string; ids: string[]; bad: string }> {
    const url = await createTestDatabase();
    const { t, ids } = await kioskWithFivePunches(url);
    const bad = ids[2]!;
    await query(
      url,
      `CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${bad}' THEN RAISE EXCEPTION 'value out of range' USING ERRCODE = '22003'; END IF; RETURN NEW; END $$`,
    );
    await query(url, 'CREATE TRIGGER refuse_one BEFORE INSERT ON punches FOR EACH ROW EXECUTE FUNCTION refuse_one()');
    return { t, url, ids, bad };
  }

  it('is held on the kiosk (not deleted), recorded on central, and verify does not agree until an admin settles it; retry sends it', async () => {
    const { t, url, ids, bad } = await withOneBadPunch();
    const before = { ...t.app.sync.stats };
    const s = await t.call('sync.now', {});
    expect(s).toMatchObject({ pending: 0, rejected: 1 });
    // Counted once as refused, and not as pushed.
    expect({ pushed: t.app.sync.stats.pushed - before.pushed, rejected: t.app.sync.stats.rejected - before.rejected }).toEqual({
      pushed: 4,
      rejected: 1,
    });
    expect(await centralIds(url)).toEqual(ids.filter((id) => id !== bad).sort());
    expect(t.app.store.sqlite.prepare('SELECT punch_id FROM outbox').all()).toEqual([{ punch_id: bad }]);
    expect(await query(url, 'SELECT punch_id::text FROM sync_rejects')).toEqual([{ punch_id: bad }]);
    const held = await t.call('sync.rejects', {});
    expect(held).toEqual([
      expect.objectContaining({
        punchId: bad,
        employeeCode: 'R1',
        kind: 'OUT',
        reason: expect.stringContaining('value out of range'),
        discardedAt: null,
      }),
    ]);
    const verify = await t.call('sync.verify', {});
    expect(verify.ok).toBe(false);
    expect(verify.days.find((d) => d.rejected > 0)).toMatchObject({ rejected: 1, missingOnCentral: [] });
    // Sync again: the held punch is not sent again on its own.
    expect(await t.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 1 });

    await query(url, 'DROP TRIGGER refuse_one ON punches');
    await t.call('sync.resolveReject', { action: 'retry', punchId: bad, by: 'ADMIN' });
    expect(await t.call('sync.now', {})).toMatchObject({ pending: 0, rejected: 0 });
    expect(await centralIds(url)).toEqual([...ids].sort());
    expect((await t.call('sync.verify', {})).ok).toBe(true);
  });

  it('discard keeps it here for good, with who and why, and the day agrees again', async () => {
    const { t, bad } = await withOneBadPunch();
    await t.call('sync.now', {});
    const settled = await t.call('sync.resolveReject', { action: 'discard', punchId: bad, reason: 'test punch from training', by: 'ADMIN' });
    expect(settled).toMatchObject({ punchId: bad, discardedBy: 'ADMIN', discardReason: 'test punch from training' });
    expect(t.app.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(t.app.store.sqlite.prepare('SELECT count(*) AS n FROM punches WHERE id = ?').get(bad)).toEqual({ n: 1 });
    const verify = await t.call('sync.verify', {});
    expect(verify.ok).toBe(true);
    expect(verify.days.reduce((n, d) => n + d.discarded, 0)).toBe(1);
    expect(await t.raw('sync.resolveReject', { action: 'retry', punchId: bad, by: 'ADMIN' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `Punch ${bad} was already discarded by ADMIN.` },
    });
    const unknown = '00000000-0000-4000-8000-00000000dead';
    expect(await t.raw('sync.resolveReject', { action: 'retry', punchId: unknown, by: 'ADMIN' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `No punch ${unknown} is held on this kiosk.` },
    });
    expect(await t.call('sync.rejects', {})).toEqual([]);
    expect(await t.call('sync.rejects', { includeDiscarded: true })).toHaveLength(1);
  });
});
