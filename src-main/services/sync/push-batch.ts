// Sends one batch of punches to central in one transaction with one multi-row idempotent
// insert (`ON CONFLICT (id) DO NOTHING`): a batch sent twice — after a crash between central's
// commit and the local delete — changes nothing. Punches of employees central does not know
// are not inserted; they are recorded in `sync_rejects`, in the same transaction, and reported
// back so the kiosk can set them aside without blocking the rest. (Central keeps no foreign key
// from punches to employees — the check is here — so punches can later be partitioned.)
import type pg from 'pg';
import { inTransaction } from '../../db/central/connection.js';
import type { OutboxPunch, Rejection } from './outbox.js';

export interface BatchResult {
  accepted: string[];
  rejected: { id: string; reason: string }[];
}

const KNOWN_EMPLOYEES_SQL = 'SELECT id::text AS id FROM employees WHERE id = ANY($1::uuid[])';

const INSERT_SQL = `
INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
ON CONFLICT (id) DO NOTHING`;

const REJECT_SQL = `
INSERT INTO sync_rejects (punch_id, device_id, reason, payload)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
ON CONFLICT (punch_id) DO NOTHING`;

const CLEAR_REJECTS_SQL = 'DELETE FROM sync_rejects WHERE punch_id = ANY($1::uuid[])';

const column = <K extends keyof OutboxPunch>(rows: readonly OutboxPunch[], key: K): OutboxPunch[K][] => rows.map((r) => r[key]);
const instants = (rows: readonly OutboxPunch[], key: 'atUtc' | 'createdAt'): string[] => rows.map((r) => new Date(r[key]).toISOString());

export async function pushBatch(pool: pg.Pool, rows: readonly OutboxPunch[]): Promise<BatchResult> {
  if (rows.length === 0) return { accepted: [], rejected: [] };
  return inTransaction(pool, async (client) => {
    // A batch names few employees: check them once, then insert the known ones in one statement.
    const employeeIds = [...new Set(rows.map((r) => r.employeeId))];
    const { rows: found } = await client.query<{ id: string }>(KNOWN_EMPLOYEES_SQL, [employeeIds]);
    const known = new Set(found.map((r) => r.id));
    const good = rows.filter((r) => known.has(r.employeeId));
    const bad = rows.filter((r) => !known.has(r.employeeId));
    if (good.length > 0) {
      await client.query(INSERT_SQL, [
        column(good, 'id'),
        column(good, 'employeeId'),
        column(good, 'kind'),
        instants(good, 'atUtc'),
        column(good, 'siteId'),
        column(good, 'deviceId'),
        column(good, 'workMode'),
        column(good, 'source'),
        instants(good, 'createdAt'),
      ]);
    }
    // A punch refused earlier and sent again by an admin is no longer refused.
    if (good.length > 0) await client.query(CLEAR_REJECTS_SQL, [column(good, 'id')]);
    const rejected = bad.map((r) => ({ id: r.id, reason: `central does not know employee ${r.employeeId}` }));
    if (bad.length > 0) await client.query(REJECT_SQL, rejectParams(bad, rejected));
    return { accepted: good.map((r) => r.id), rejected };
  });
}

function rejectParams(rows: readonly OutboxPunch[], rejected: readonly Rejection[]): unknown[] {
  const reasons = new Map(rejected.map((r) => [r.id, r.reason]));
  return [rows.map((r) => r.id), rows.map((r) => r.deviceId), rows.map((r) => reasons.get(r.id) ?? ''), rows.map((r) => JSON.stringify(r))];
}

/**
 * Records on central punches refused for their own data (their insert failed, so this runs in
 * a transaction of its own), so central's admins see what each kiosk holds back.
 */
export async function recordRejects(pool: pg.Pool, rows: readonly OutboxPunch[], rejected: readonly Rejection[]): Promise<void> {
  if (rows.length > 0) await pool.query(REJECT_SQL, rejectParams(rows, rejected));
}
