// Auto check-out on central (off by default): an IN still open when its cut-off passes gets an OUT
// at the cut-off with source 'auto', audited as made by 'auto-checkout'. Every kiosk may run it:
// the OUT's id is derived from the IN's, so two kiosks closing the same IN write one row. When the
// employee's own OUT arrives later from an offline kiosk, the automatic one is withdrawn (voided,
// audited): the real punch wins. No punch row is edited or deleted.
import { createHash } from 'node:crypto';
import type { AutoCheckoutResult } from '../../../shared/contract/corrections.js';
import { describeAutoCheckoutRule, dueAutoCheckout, type AutoCheckoutRule } from '../../../shared/domain/auto-checkout.js';
import { uuidv7From } from '../../../shared/ids.js';
import { inTransaction } from '../../db/central/connection.js';
import type pg from 'pg';
import type { Logger } from '../../log.js';
import type { Clock } from '../deps.js';
import { shiftRuleInForce } from '../reports/shift-rule-sql.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';

export const AUTO_CHECKOUT_ACTOR = 'auto-checkout';
/** How far back the job looks for open INs and for automatic OUTs to withdraw. */
const LOOKBACK_MS = 7 * 86_400_000;

interface OpenInRow {
  id: string;
  employee_id: string;
  code: string;
  at_utc: Date;
  site_id: string;
  tz: string;
  work_mode: string;
  next_at: Date | null;
  shift_end: string;
}

/** The id of the automatic OUT closing an IN: the same on every kiosk that runs the job. */
export function autoCheckoutPunchId(inId: string, outAtMs: number): string {
  return uuidv7From(outAtMs, createHash('sha256').update(`auto-checkout|${inId}`).digest().subarray(0, 10));
}

/** An IN's shift end is the rule in force on its own local date. */
const IN_RULE = shiftRuleInForce({ teamId: 'e.team_id', siteId: 'ps.site_id', date: 'ps.local_date' });

const OPEN_INS = `
SELECT ps.id, ps.employee_id, e.code, ps.at_utc, ps.site_id, ps.tz, ps.work_mode, ps.next_at,
       ${IN_RULE.shiftEnd} AS shift_end
  FROM punch_sequence ps
  JOIN employees e ON e.id = ps.employee_id
  LEFT JOIN teams t ON t.id = e.team_id
  LEFT JOIN sites s ON s.id = ps.site_id
  ${IN_RULE.joins}
 WHERE ps.kind = 'IN' AND ps.next_kind IS DISTINCT FROM 'OUT' AND ps.at_utc > $1 AND ps.at_utc <= $2`;

// Inserted only if, with the employees locked, the IN is still live and nothing of theirs arrived
// between the IN and the cut-off meanwhile.
const INSERT_OUTS = `
INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
SELECT u.id, u.emp, 'OUT', u.out_at, u.site, '${AUTO_CHECKOUT_ACTOR}', u.mode, 'auto', $7
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[], $6::text[]) AS u(id, in_id, emp, out_at, site, mode)
  JOIN punch_sequence i ON i.id = u.in_id
 WHERE NOT EXISTS (SELECT 1 FROM punch_sequence q WHERE q.employee_id = u.emp AND q.at_utc > i.at_utc AND q.at_utc <= u.out_at)
ON CONFLICT (id) DO NOTHING
RETURNING id, employee_id, at_utc, site_id, work_mode`;

// An automatic OUT next to another OUT: the employee's own OUT came in after all.
const TO_WITHDRAW = `
SELECT ps.id, ps.employee_id, e.code, to_jsonb(p) AS punch
  FROM punch_sequence ps JOIN employees e ON e.id = ps.employee_id JOIN punches p ON p.id = ps.id
 WHERE ps.source = 'auto' AND ps.kind = 'OUT' AND ps.at_utc > $1 AND (ps.prev_kind = 'OUT' OR ps.next_kind = 'OUT')`;

const AUDIT = `INSERT INTO audit_log (at, actor, action, entity, entity_id, reason, before, after)
  SELECT $1, '${AUTO_CHECKOUT_ACTOR}', $2, 'punch', u.id, u.reason, u.before, u.after
    FROM unnest($3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u(id, reason, before, after)`;

async function lockEmployees(client: pg.PoolClient, ids: string[]): Promise<void> {
  await client.query('SELECT 1 FROM employees WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [[...new Set(ids)]]);
}

export async function runAutoCheckout(source: CentralSource, clock: Clock, rule: AutoCheckoutRule): Promise<AutoCheckoutResult> {
  const result: AutoCheckoutResult = { rule: describeAutoCheckoutRule(rule), closed: [], withdrawn: [] };
  if (rule.kind === 'off') return result;
  const nowMs = clock.now();
  const since = new Date(nowMs - LOOKBACK_MS);
  return withCentral(source, async (central) => {
    const { rows: open } = await central.pool.query<OpenInRow>(OPEN_INS, [since, new Date(nowMs)]);
    const due = open.flatMap((row) => {
      const decision = dueAutoCheckout(
        { atMs: row.at_utc.getTime(), tz: row.tz, shiftEnd: row.shift_end, nextAtMs: row.next_at?.getTime() ?? null },
        rule,
        nowMs,
      );
      return decision ? [{ row, outAtMs: decision.outAtMs, id: autoCheckoutPunchId(row.id, decision.outAtMs) }] : [];
    });
    if (due.length > 0) {
      await inTransaction(central.pool, async (client) => {
        await lockEmployees(
          client,
          due.map((d) => d.row.employee_id),
        );
        const { rows } = await client.query<{ id: string; employee_id: string; at_utc: Date; site_id: string; work_mode: string }>(INSERT_OUTS, [
          due.map((d) => d.id),
          due.map((d) => d.row.id),
          due.map((d) => d.row.employee_id),
          due.map((d) => new Date(d.outAtMs)),
          due.map((d) => d.row.site_id),
          due.map((d) => d.row.work_mode),
          new Date(nowMs),
        ]);
        const inserted = new Set(rows.map((r) => r.id));
        const closed = due.filter((d) => inserted.has(d.id));
        if (closed.length === 0) return;
        await client.query(AUDIT, [
          new Date(nowMs),
          'punch.add',
          closed.map((d) => d.id),
          closed.map((d) => `Automatic check-out (${result.rule}): no OUT after the IN of ${d.row.at_utc.toISOString()}`),
          closed.map(() => null),
          closed.map((d) =>
            JSON.stringify({
              id: d.id,
              employee_id: d.row.employee_id,
              kind: 'OUT',
              at_utc: new Date(d.outAtMs).toISOString(),
              source: 'auto',
              closes: d.row.id,
            }),
          ),
        ]);
        for (const d of closed) {
          result.closed.push({ punchId: d.id, employeeCode: d.row.code, inAt: d.row.at_utc.toISOString(), outAt: new Date(d.outAtMs).toISOString() });
        }
      });
    }
    const { rows: stale } = await central.pool.query<{ id: string; employee_id: string; code: string; punch: unknown }>(TO_WITHDRAW, [since]);
    if (stale.length > 0) {
      await inTransaction(central.pool, async (client) => {
        await lockEmployees(
          client,
          stale.map((s) => s.employee_id),
        );
        const reason = "Automatic check-out withdrawn: the employee's own OUT arrived";
        const { rows } = await client.query<{ punch_id: string }>(
          `INSERT INTO punch_voids (punch_id, voided_by, reason, voided_at)
           SELECT unnest($1::uuid[]), '${AUTO_CHECKOUT_ACTOR}', $2, $3 ON CONFLICT DO NOTHING RETURNING punch_id`,
          [stale.map((s) => s.id), reason, new Date(nowMs)],
        );
        const voided = new Set(rows.map((r) => r.punch_id));
        const withdrawn = stale.filter((s) => voided.has(s.id));
        await client.query(AUDIT, [
          new Date(nowMs),
          'punch.void',
          withdrawn.map((s) => s.id),
          withdrawn.map(() => reason),
          withdrawn.map((s) => JSON.stringify(s.punch)),
          withdrawn.map(() => JSON.stringify({ voided: true })),
        ]);
        for (const s of withdrawn) result.withdrawn.push({ punchId: s.id, employeeCode: s.code });
      });
    }
    return result;
  });
}

/** Runs the auto check-out every few minutes while the app runs; failures wait for the next turn. */
export function startAutoCheckout(
  source: CentralSource,
  clock: Clock,
  rule: AutoCheckoutRule,
  log: Logger,
  everyMs = 5 * 60_000,
): { stop(): Promise<void> } {
  if (rule.kind === 'off') return { stop: async () => {} };
  let running: Promise<void> | undefined;
  const tick = (): void => {
    running ??= runAutoCheckout(source, clock, rule)
      .then((r) => {
        if (r.closed.length || r.withdrawn.length)
          log.info('auto check-out', { closed: r.closed.length, withdrawn: r.withdrawn.length, rule: r.rule });
      })
      .catch((err: unknown) => log.warn('auto check-out failed; will try again', { error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, Math.min(everyMs, 10_000));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
