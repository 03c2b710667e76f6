// Sends one batch of punches to central in one transaction with one multi-row idempotent
// insert (`ON CONFLICT (id) DO NOTHING`): a batch sent twice — after a crash between central's
// commit and the local delete — changes nothing. Punches of employees central does not know
// are not inserted; they are recorded in `sync_rejects`, in the same transaction, and reported
// back so the kiosk can set them aside without blocking the rest. (Central keeps no foreign key
// from punches to employees — the check is here — so punches can later be partitioned.)
import type pg from 'pg';
import { BATCH_REFUSED, classifyFailure, describeFailure, isBatchWide, rootFailure } from '../../../shared/domain/retry-policy.js';
import { inTransaction } from '../../db/central/connection.js';
import type { Logger } from '../../log.js';
import type { OutboxPunch, Rejection } from './outbox.js';

export interface BatchResult {
  accepted: string[];
  rejected: { id: string; reason: string }[];
}

const KNOWN_EMPLOYEES_SQL = 'SELECT id::text AS id FROM employees WHERE id = ANY($1::uuid[])';

const INSERT_SQL = `
INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at, clock_offset_ms)
SELECT *, $10::integer FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
ON CONFLICT (id) DO NOTHING`;

const REJECT_SQL = `
INSERT INTO sync_rejects (punch_id, device_id, reason, payload)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
ON CONFLICT (punch_id) DO NOTHING`;

const CLEAR_REJECTS_SQL = 'DELETE FROM sync_rejects WHERE punch_id = ANY($1::uuid[])';

const column = <K extends keyof OutboxPunch>(rows: readonly OutboxPunch[], key: K): OutboxPunch[K][] => rows.map((r) => r[key]);
const instants = (rows: readonly OutboxPunch[], key: 'atUtc' | 'createdAt'): string[] => rows.map((r) => new Date(r[key]).toISOString());

/** `clockOffsetMs`: Central's clock minus the sending kiosk's, recorded on each punch (through Central only). */
export async function pushBatch(pool: pg.Pool, rows: readonly OutboxPunch[], clockOffsetMs: number | null = null): Promise<BatchResult> {
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
        clockOffsetMs,
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

/** A punch central refused for its own data (SQLSTATE class 22 or 23), found by splitting its batch. */
export interface Refusal {
  row: OutboxPunch;
  code: string;
  reason: string;
}

/** A batch central refused as a whole: transient (it has no SQLSTATE of class 22 or 23). */
export class BatchWideRefusal extends Error {
  readonly code = BATCH_REFUSED;
  constructor(sqlState: string, reason: string) {
    super(`Central refused every punch of a batch alike (SQLSTATE ${sqlState}); they wait here and are retried. ${reason}`.slice(0, 300));
  }
}

/**
 * Pushes rows; a batch central refuses for its data is split until each bad punch is alone.
 * `committed` hears of every part central committed, as it commits. Returns the punches refused
 * for their own data; a transient failure is thrown as it is.
 */
async function pushSplitting(
  pool: pg.Pool,
  rows: readonly OutboxPunch[],
  clockOffsetMs: number | null,
  committed: (result: BatchResult) => void,
): Promise<Refusal[]> {
  try {
    committed(await pushBatch(pool, rows, clockOffsetMs));
    return [];
  } catch (err) {
    if (classifyFailure(err) === 'transient') throw err;
    if (rows.length === 1) {
      const root = rootFailure(err);
      return [{ row: rows[0]!, code: String(root.code), reason: `central refused this punch: ${String(root.message)}`.slice(0, 300) }];
    }
    const half = Math.ceil(rows.length / 2);
    return [
      ...(await pushSplitting(pool, rows.slice(0, half), clockOffsetMs, committed)),
      ...(await pushSplitting(pool, rows.slice(half), clockOffsetMs, committed)),
    ];
  }
}

/**
 * One batch, pushed and split around bad punches; the refused ones are recorded on central (for
 * its admins) and returned, to be held where they came from. When every punch of a batch is
 * refused alike, the fault is central's (a broken trigger, a changed column), not the punches':
 * nothing is held and BatchWideRefusal is thrown, to be retried like any transient failure.
 * The one push the direct sync and Central's sync API both run.
 */
export async function pushAndRecord(
  pool: pg.Pool,
  rows: readonly OutboxPunch[],
  opts: { clockOffsetMs?: number | null; log: Logger; committed: (result: BatchResult) => void },
): Promise<Rejection[]> {
  const refused = await pushSplitting(pool, rows, opts.clockOffsetMs ?? null, opts.committed);
  if (refused.length === 0) return [];
  if (isBatchWide(rows.length, refused)) throw new BatchWideRefusal(refused[0]!.code, refused[0]!.reason);
  const rejected = refused.map((r) => ({ id: r.row.id, reason: r.reason }));
  await recordRejects(
    pool,
    refused.map((r) => r.row),
    rejected,
  ).catch((err: unknown) => opts.log.warn('could not record the refused punches on central', { error: describeFailure(err) }));
  return rejected;
}
