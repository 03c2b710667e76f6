// The one push both syncs run, called directly on a real PostgreSQL for the edges the syncs never
// reach: an empty batch, and a punch refused for its data is still held (and
// said) when central cannot record the refusal for its admins.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import type { LogFields, Logger } from '../../src-main/log.js';
import type { OutboxPunch } from '../../src-main/services/sync/outbox.js';
import { pushAndRecord, pushBatch } from '../../src-main/services/sync/push-batch.js';
import { createTestDatabase } from '../support/test-postgres.js';

const SITE = '00000000-0000-4000-8000-0000000000a1';
const EMP = '00000000-0000-4000-8000-0000000000e1';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const punch = (n: number): OutboxPunch => ({
  id: id(n),
  employeeId: EMP,
  kind: n % 2 === 0 ? 'OUT' : 'IN',
  atUtc: Date.parse('2026-12-01T09:00:00Z') + n * 60_000,
  siteId: SITE,
  deviceId: 'kiosk-1',
  workMode: 'WFO',
  source: 'kiosk',
  createdAt: Date.parse('2026-12-01T09:00:00Z') + n * 60_000,
});

let pool: pg.Pool;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase('push'), max: 2 });
  await migrateCentral(pool);
  await pool.query("INSERT INTO sites (id, name, tz) VALUES ($1, 'HQ', 'UTC')", [SITE]);
  await pool.query("INSERT INTO employees (id, code, name, pin_hash) VALUES ($1, 'E1', 'Ann', 'x')", [EMP]);
});
afterAll(() => pool.end());

describe('pushBatch', () => {
  it('an empty batch accepts and refuses nothing', async () => {
    expect(await pushBatch(pool, [])).toEqual({ accepted: [], rejected: [] });
    expect(await pool.query('SELECT count(*)::int AS n FROM punches')).toMatchObject({ rows: [{ n: 0 }] });
  });
});

describe('pushAndRecord', () => {
  it('a refused punch is held and its reason said even when central cannot record the refusal; the log says so', async () => {
    await pool.query(
      `CREATE FUNCTION refuse_third() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.id = '${id(3)}' THEN RAISE EXCEPTION 'value out of range' USING ERRCODE = '22003'; END IF; RETURN NEW; END $$`,
    );
    await pool.query('CREATE TRIGGER refuse_third BEFORE INSERT ON punches FOR EACH ROW EXECUTE FUNCTION refuse_third()');
    await pool.query(
      `CREATE FUNCTION no_rejects() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'sync_rejects is full' USING ERRCODE = '53100'; END $$`,
    );
    await pool.query('CREATE TRIGGER no_rejects BEFORE INSERT ON sync_rejects FOR EACH ROW EXECUTE FUNCTION no_rejects()');
    const warnings: { msg: string; fields: LogFields | undefined }[] = [];
    const log: Logger = {
      warn: (msg, fields) => void warnings.push({ msg, fields }),
      error: () => undefined,
      info: () => undefined,
      debug: () => undefined,
    };
    const committed: string[] = [];
    const refused = await pushAndRecord(pool, [punch(1), punch(2), punch(3), punch(4)], { log, committed: (r) => committed.push(...r.accepted) });
    expect(refused).toEqual([{ id: id(3), reason: 'central refused this punch: value out of range' }]);
    expect(committed.sort()).toEqual([id(1), id(2), id(4)]);
    expect(await pool.query('SELECT count(*)::int AS n FROM sync_rejects')).toMatchObject({ rows: [{ n: 0 }] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toBe('could not record the refused punches on central');
    expect(String(warnings[0]!.fields?.error)).toContain('sync_rejects is full');
  });
});
