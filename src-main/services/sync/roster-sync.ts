// Roster between kiosk and central.
// - Publish: sites, teams and employees created on this kiosk (demo data, `employees add`)
//   go up with `ON CONFLICT (id) DO NOTHING`; a code or name central already uses for another
//   row is refused and marked, never overwritten.
// - Pull: every row whose version is above the kiosk's watermark comes down and is applied in
//   one local transaction, together with the new watermark.
// Roster writers on central hold ROSTER_LOCK, so versions commit in order and no change is
// skipped by the watermark.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { inTransaction } from '../../db/central/connection.js';
import type { Logger } from '../../log.js';

export const ROSTER_LOCK = 0x46_44_52_53; // "FDRS"
const WATERMARK_KEY = 'roster_watermark';

type Table = 'sites' | 'teams' | 'employees';

const LOCAL: Record<Table, { table: string; columns: string[] }> = {
  sites: { table: 'roster_sites', columns: ['id', 'name', 'tz'] },
  teams: { table: 'roster_teams', columns: ['id', 'name', 'site_id'] },
  employees: {
    table: 'roster_employees',
    columns: ['id', 'code', 'name', 'role', 'team_id', 'is_manager', 'badge', 'pin_hash', 'active'],
  },
};

const BOOLEAN_COLUMNS = new Set(['is_manager', 'active']);

export async function publishLocalRoster(sqlite: Database.Database, pool: pg.Pool, log: Logger): Promise<number> {
  let published = 0;
  for (const table of ['sites', 'teams', 'employees'] as const) {
    const { table: local, columns } = LOCAL[table];
    // An employee made here is expected at work from the day they were added here.
    const publishColumns = table === 'employees' ? [...columns, 'employed_from'] : columns;
    const rows = sqlite.prepare(`SELECT ${publishColumns.join(', ')} FROM ${local} WHERE published = 0`).all() as Record<string, unknown>[];
    for (const row of rows) {
      const values = publishColumns.map((c) => (BOOLEAN_COLUMNS.has(c) ? row[c] === 1 : row[c]));
      let outcome: 1 | 2 = 1;
      try {
        await inTransaction(pool, async (client) => {
          await client.query('SELECT pg_advisory_xact_lock($1)', [ROSTER_LOCK]);
          const placeholders = publishColumns
            .map((c, i) => (c === 'employed_from' ? `coalesce($${i + 1}::date, CURRENT_DATE)` : `$${i + 1}`))
            .join(', ');
          await client.query(`INSERT INTO ${table} (${publishColumns.join(', ')}) VALUES (${placeholders}) ON CONFLICT (id) DO NOTHING`, values);
        });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code !== '23505' && code !== '23503') throw err;
        outcome = 2;
        log.error('central refused a roster row made on this kiosk', { table, id: row.id, error: String(err) });
      }
      sqlite.prepare(`UPDATE ${local} SET published = ? WHERE id = ?`).run(outcome, row.id);
      published++;
    }
  }
  return published;
}

export function rosterWatermark(sqlite: Database.Database): number {
  const row = sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').get(WATERMARK_KEY) as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/** Roster rows above a watermark, as central or Central's sync API sends them. */
export interface RosterChanges {
  sites: Record<string, unknown>[];
  teams: Record<string, unknown>[];
  employees: Record<string, unknown>[];
}

/** The rows changed on central since a version, straight from the database (every site). */
export async function fetchRosterChanges(pool: pg.Pool, since: number): Promise<RosterChanges> {
  const fetch = async (table: Table) => {
    const cols = LOCAL[table].columns.join(', ');
    const { rows } = await pool.query<Record<string, unknown>>(
      `SELECT ${cols}, version::text AS version FROM ${table} WHERE version > $1 ORDER BY version`,
      [since],
    );
    return rows;
  };
  return { sites: await fetch('sites'), teams: await fetch('teams'), employees: await fetch('employees') };
}

export async function pullRoster(sqlite: Database.Database, pool: pg.Pool, log: Logger): Promise<number> {
  return applyRosterChanges(sqlite, await fetchRosterChanges(pool, rosterWatermark(sqlite)), log);
}

/** Applies roster changes and the new watermark in one local transaction. */
export function applyRosterChanges(sqlite: Database.Database, changes: RosterChanges, log: Logger, newestKnown?: number): number {
  const all = [...changes.sites, ...changes.teams, ...changes.employees];
  // Through Central, the newest version may belong to rows of other sites that never come here.
  const newest = Math.max(newestKnown ?? 0, ...all.map((r) => Number(r.version)));
  if (all.length === 0 && newest <= rosterWatermark(sqlite)) return 0;

  // A PIN reset on central lifts the wrong-PIN counts kept for the old PIN here.
  const oldPin = sqlite.prepare('SELECT pin_hash FROM roster_employees WHERE id = ?');
  const resetPins = changes.employees.filter((r) => {
    const before = oldPin.get(r.id) as { pin_hash: string } | undefined;
    return before !== undefined && before.pin_hash !== r.pin_hash;
  });

  sqlite.transaction(() => {
    for (const r of resetPins) {
      sqlite.prepare('DELETE FROM pin_failures WHERE employee_id = ?').run(r.id);
      sqlite.prepare('DELETE FROM manager_pin_failures WHERE employee_id = ?').run(r.id);
    }
    for (const table of ['sites', 'teams', 'employees'] as const) {
      const { table: local, columns } = LOCAL[table];
      const all = [...columns, 'version', 'published'];
      const upsert = sqlite.prepare(
        `INSERT INTO ${local} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${[...columns.slice(1), 'version', 'published'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      for (const row of changes[table]) {
        const values = columns.map((c) => (BOOLEAN_COLUMNS.has(c) ? (row[c] ? 1 : 0) : row[c]));
        try {
          upsert.run(...values, Number(row.version), 1);
        } catch (err) {
          // A local row holds the same code or name under another id (made offline here):
          // central wins for the punches that follow, the local row stays for its history.
          log.error('could not apply a central roster row', { table, id: row.id, error: String(err) });
        }
      }
    }
    sqlite
      .prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(WATERMARK_KEY, String(newest));
  })();
  return all.length;
}
