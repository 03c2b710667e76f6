// Roster rows made on a kiosk that central cannot take, and central rows a kiosk cannot take, on
// a real SQLite file and a real PostgreSQL: a code central already uses for another employee, or
// a team central does not have, is marked refused on the kiosk (never overwritten, never
// retried forever); any other database failure is not swallowed; and a central row that collides
// with a kiosk-made one is skipped without stopping the rest of the roster or its watermark.
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { openLocalStore, type LocalStore } from '../../src-main/db/local/connection.js';
import { migrateLocal } from '../../src-main/db/local/migrate.js';
import type { LogFields, Logger } from '../../src-main/log.js';
import { applyRosterChanges, publishLocalRoster, rosterWatermark } from '../../src-main/services/sync/roster-sync.js';
import { tempDir } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';

const SITE = '00000000-0000-4000-8000-0000000000a1';
const TEAM = '00000000-0000-4000-8000-0000000000b1';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let pool: pg.Pool;
let store: LocalStore;
const errors: { msg: string; fields: LogFields | undefined }[] = [];
const log: Logger = {
  error: (msg, fields) => void errors.push({ msg, fields }),
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase('roster'), max: 2 });
  await migrateCentral(pool);
  await pool.query("INSERT INTO sites (id, name, tz) VALUES ($1, 'HQ', 'UTC')", [SITE]);
  await pool.query("INSERT INTO teams (id, name, site_id) VALUES ($1, 'Ops', $2)", [TEAM, SITE]);
  await pool.query("INSERT INTO employees (id, code, name, team_id, pin_hash) VALUES ($1, 'E1', 'Central Ann', $2, 'x')", [id(1), TEAM]);
  store = openLocalStore(path.join(tempDir(), LOCAL_DB_FILE));
  migrateLocal(store);
  store.sqlite.prepare("INSERT INTO roster_sites (id, name, tz, published) VALUES (?, 'HQ', 'UTC', 1)").run(SITE);
  store.sqlite.prepare("INSERT INTO roster_teams (id, name, site_id, published) VALUES (?, 'Ops', ?, 1)").run(TEAM, SITE);
});
afterAll(async () => {
  store.close();
  await pool.end();
});

const localEmployee = (empId: string, code: string, team: string | null) =>
  store.sqlite
    .prepare("INSERT INTO roster_employees (id, code, name, team_id, pin_hash, published) VALUES (?, ?, 'Made here', ?, 'h', 0)")
    .run(empId, code, team);
const publishedOf = (empId: string) =>
  (store.sqlite.prepare('SELECT published FROM roster_employees WHERE id = ?').get(empId) as { published: number }).published;
const centralCodes = async () => (await pool.query<{ id: string; code: string }>('SELECT id, code FROM employees ORDER BY code')).rows;

describe('publishing a kiosk-made roster', () => {
  it('a code central uses for another employee is refused and marked, and central keeps its own', async () => {
    localEmployee(id(2), 'E1', TEAM);
    localEmployee(id(3), 'E3', TEAM);
    errors.length = 0;
    expect(await publishLocalRoster(store.sqlite, pool, log)).toBe(2);
    expect(publishedOf(id(2))).toBe(2);
    expect(publishedOf(id(3))).toBe(1);
    expect(await centralCodes()).toEqual([
      { id: id(1), code: 'E1' },
      { id: id(3), code: 'E3' },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toBe('central refused a roster row made on this kiosk');
    expect(errors[0]!.fields).toMatchObject({ table: 'employees', id: id(2) });
    expect(String(errors[0]!.fields?.error)).toContain('employees_code_unique');
    // Marked, so the next cycle does not send it again.
    expect(await publishLocalRoster(store.sqlite, pool, log)).toBe(0);
  });

  it('a team central does not have is refused the same way', async () => {
    const ghostTeam = '00000000-0000-4000-8000-0000000000b9';
    store.sqlite.prepare("INSERT INTO roster_teams (id, name, site_id, published) VALUES (?, 'Ghost', ?, 1)").run(ghostTeam, SITE);
    localEmployee(id(4), 'E4', ghostTeam);
    errors.length = 0;
    expect(await publishLocalRoster(store.sqlite, pool, log)).toBe(1);
    expect(publishedOf(id(4))).toBe(2);
    expect(errors.map((e) => e.msg)).toEqual(['central refused a roster row made on this kiosk']);
  });

  it('any other failure is not swallowed: the row stays to be sent again', async () => {
    localEmployee('not-a-uuid', 'E5', TEAM);
    await expect(publishLocalRoster(store.sqlite, pool, log)).rejects.toMatchObject({ code: '22P02' });
    expect(publishedOf('not-a-uuid')).toBe(0);
    store.sqlite.prepare("DELETE FROM roster_employees WHERE id = 'not-a-uuid'").run();
  });
});

describe('applying central roster changes', () => {
  it('a central row colliding with a kiosk-made one is skipped and logged; the others and the watermark still land', async () => {
    localEmployee(id(6), 'E6', TEAM);
    const before = rosterWatermark(store.sqlite);
    errors.length = 0;
    const row = (empId: string, code: string, version: number) => ({
      id: empId,
      code,
      name: `Central ${code}`,
      role: 'staff',
      team_id: TEAM,
      is_manager: false,
      badge: null,
      pin_hash: 'c',
      active: true,
      version: String(version),
    });
    applyRosterChanges(store.sqlite, { sites: [], teams: [], employees: [row(id(7), 'E6', before + 5), row(id(8), 'E8', before + 6)] }, log);
    expect(rosterWatermark(store.sqlite)).toBe(before + 6);
    const codes = store.sqlite.prepare("SELECT id, code FROM roster_employees WHERE code IN ('E6', 'E8') ORDER BY code").all();
    expect(codes).toEqual([
      { id: id(6), code: 'E6' },
      { id: id(8), code: 'E8' },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toBe('could not apply a central roster row');
    expect(errors[0]!.fields).toMatchObject({ table: 'employees', id: id(7) });
  });
});
