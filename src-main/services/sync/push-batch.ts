// Sends one batch of punches to central in one transaction with one multi-row idempotent
// insert (`ON CONFLICT (id) DO NOTHING`): a batch sent twice — after a crash between central's
// commit and the local delete — changes nothing. Punches of employees central does not know
// are not inserted; they are recorded in `sync_rejects`, in the same transaction, and reported
// back so the kiosk can set them aside without blocking the rest.
import type pg from 'pg';
import { inTransaction } from '../../db/central/connection.js';
import type { OutboxPunch } from './outbox.js';

export interface BatchResult {
  accepted: string[];
  rejected: { id: string; reason: string }[];
}

const PUSH_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
    AS t(id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
), known AS (
  SELECT i.* FROM input i WHERE EXISTS (SELECT 1 FROM employees e WHERE e.id = i.employee_id)
), inserted AS (
  INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
  SELECT id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at FROM known
  ON CONFLICT (id) DO NOTHING
  RETURNING id
)
SELECT i.id::text AS id FROM input i WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.id = i.id)`;

const REJECT_SQL = `
INSERT INTO sync_rejects (punch_id, device_id, reason, payload)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
ON CONFLICT (punch_id) DO NOTHING`;

const column = <K extends keyof OutboxPunch>(rows: readonly OutboxPunch[], key: K): OutboxPunch[K][] => rows.map((r) => r[key]);
const instants = (rows: readonly OutboxPunch[], key: 'atUtc' | 'createdAt'): string[] => rows.map((r) => new Date(r[key]).toISOString());

export async function pushBatch(pool: pg.Pool, rows: readonly OutboxPunch[]): Promise<BatchResult> {
  if (rows.length === 0) return { accepted: [], rejected: [] };
  return inTransaction(pool, async (client) => {
    const { rows: unknown } = await client.query<{ id: string }>(PUSH_SQL, [
      column(rows, 'id'),
      column(rows, 'employeeId'),
      column(rows, 'kind'),
      instants(rows, 'atUtc'),
      column(rows, 'siteId'),
      column(rows, 'deviceId'),
      column(rows, 'workMode'),
      column(rows, 'source'),
      instants(rows, 'createdAt'),
    ]);
    const unknownIds = new Set(unknown.map((r) => r.id));
    const rejected = rows
      .filter((r) => unknownIds.has(r.id))
      .map((r) => ({ id: r.id, reason: `central does not know employee ${r.employeeId}`, row: r }));
    if (rejected.length > 0) {
      await client.query(REJECT_SQL, [
        rejected.map((r) => r.id),
        rejected.map((r) => r.row.deviceId),
        rejected.map((r) => r.reason),
        rejected.map((r) => JSON.stringify(r.row)),
      ]);
    }
    return {
      accepted: rows.filter((r) => !unknownIds.has(r.id)).map((r) => r.id),
      rejected: rejected.map(({ id, reason }) => ({ id, reason })),
    };
  });
}
