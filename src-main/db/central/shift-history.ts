// Shift rules over time (shift_history, migration 0010): each site or team rule is in force from
// its date until the next one, and sites/teams carry the rule in force today. A change applies
// from a date (today by default), so last month's late arrivals keep the rule of last month.
import type pg from 'pg';

export type ShiftScope = 'site' | 'team';

export interface ShiftRule {
  shift_start: string | null;
  grace_minutes: number | null;
  shift_end: string | null;
}

/** The first entry of every history: the rule a site or team was made with. */
export const BEGINNING = '1900-01-01';

export async function ruleInForce(client: pg.PoolClient, scope: ShiftScope, id: string, date: string): Promise<ShiftRule> {
  const { rows } = await client.query<ShiftRule>(
    `SELECT shift_start, grace_minutes, shift_end FROM shift_history
      WHERE scope = $1 AND scope_id = $2 AND effective_from <= $3::date ORDER BY effective_from DESC LIMIT 1`,
    [scope, id, date],
  );
  return rows[0] ?? { shift_start: null, grace_minutes: null, shift_end: null };
}

export async function recordRule(client: pg.PoolClient, scope: ShiftScope, id: string, from: string, rule: ShiftRule): Promise<void> {
  await client.query(
    `INSERT INTO shift_history (scope, scope_id, effective_from, shift_start, grace_minutes, shift_end) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (scope, scope_id, effective_from) DO UPDATE SET shift_start = excluded.shift_start, grace_minutes = excluded.grace_minutes, shift_end = excluded.shift_end`,
    [scope, id, from, rule.shift_start, rule.grace_minutes, rule.shift_end],
  );
}

/** A site or team made on a kiosk has no history yet: its first entry is the rule it has now. */
export async function ensureHistory(client: pg.PoolClient, scope: ShiftScope, id: string, current: ShiftRule): Promise<void> {
  await client.query(
    `INSERT INTO shift_history (scope, scope_id, effective_from, shift_start, grace_minutes, shift_end)
     SELECT $1, $2, $3::date, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM shift_history WHERE scope = $1 AND scope_id = $2)`,
    [scope, id, BEGINNING, current.shift_start, current.grace_minutes, current.shift_end],
  );
}
