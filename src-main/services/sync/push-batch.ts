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
/** Through Central a kiosk punches for its own site's people only (those of a team of the site). */
const SITE_EMPLOYEES_SQL = `SELECT e.id::text AS id FROM employees e JOIN teams t ON t.id = e.team_id
  WHERE e.id = ANY($1::uuid[]) AND t.site_id = $2`;

const INSERT_SQL = `
INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at, clock_offset_ms)
SELECT *, $10::integer FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
ON CONFLICT (id) DO NOTHING
RETURNING id::text AS id`;

/** Of the ids already on central, the device each was sent by. */
const HOLDERS_SQL = 'SELECT id::text AS id, device_id FROM punches WHERE id = ANY($1::uuid[])';

const REJECT_SQL = `
INSERT INTO sync_rejects (punch_id, device_id, reason, payload)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
ON CONFLICT (punch_id) DO NOTHING`;

/** Only the device that sent a refused punch clears its refusal by sending it again. */
const CLEAR_REJECTS_SQL = `DELETE FROM sync_rejects r USING unnest($1::uuid[], $2::text[]) AS x(id, device)
  WHERE r.punch_id = x.id AND r.device_id = x.device`;

const column = <K extends keyof OutboxPunch>(rows: readonly OutboxPunch[], key: K): OutboxPunch[K][] => rows.map((r) => r[key]);
const instants = (rows: readonly OutboxPunch[], key: 'atUtc' | 'createdAt'): string[] => rows.map((r) => new Date(r[key]).toISOString());

export interface PushOptions {
  /** Central's clock minus the sending kiosk's, recorded on each punch (through Central only). */
  clockOffsetMs?: number | null;
  /** The sending kiosk's site (through Central): punches of people of other sites are refused. */
  siteId?: string;
}

export async function pushBatch(pool: pg.Pool, rows: readonly OutboxPunch[], opts: PushOptions = {}): Promise<BatchResult> {
  if (rows.length === 0) return { accepted: [], rejected: [] };
  return inTransaction(pool, async (client) => {
    // A batch names few employees: check them once, then insert the known ones in one statement.
    const employeeIds = [...new Set(rows.map((r) => r.employeeId))];
    const { rows: found } =
      opts.siteId === undefined
        ? await client.query<{ id: string }>(KNOWN_EMPLOYEES_SQL, [employeeIds])
        : await client.query<{ id: string }>(SITE_EMPLOYEES_SQL, [employeeIds, opts.siteId]);
    const known = new Set(found.map((r) => r.id));
    const good = rows.filter((r) => known.has(r.employeeId));
    const bad = rows.filter((r) => !known.has(r.employeeId));
    const taken: OutboxPunch[] = [];
    if (good.length > 0) {
      const { rows: inserted } = await client.query<{ id: string }>(INSERT_SQL, [
        column(good, 'id'),
        column(good, 'employeeId'),
        column(good, 'kind'),
        instants(good, 'atUtc'),
        column(good, 'siteId'),
        column(good, 'deviceId'),
        column(good, 'workMode'),
        column(good, 'source'),
        instants(good, 'createdAt'),
        opts.clockOffsetMs ?? null,
      ]);
      // Already there: the same punch sent again (accepted), unless another device holds the id.
      const fresh = new Set(inserted.map((r) => r.id));
      const again = good.filter((r) => !fresh.has(r.id));
      if (again.length > 0) {
        const { rows: holders } = await client.query<{ id: string; device_id: string }>(HOLDERS_SQL, [column(again, 'id')]);
        const holder = new Map(holders.map((h) => [h.id, h.device_id]));
        taken.push(...again.filter((r) => holder.get(r.id) !== r.deviceId));
      }
    }
    const takenIds = new Set(taken.map((r) => r.id));
    const accepted = good.filter((r) => !takenIds.has(r.id));
    // A punch refused earlier and sent again by an admin is no longer refused.
    if (accepted.length > 0) await client.query(CLEAR_REJECTS_SQL, [column(accepted, 'id'), column(accepted, 'deviceId')]);
    const unknown = opts.siteId === undefined ? 'central does not know employee' : "central knows no such employee at this kiosk's site:";
    const rejected = [
      ...bad.map((r) => ({ id: r.id, reason: `${unknown} ${r.employeeId}` })),
      ...taken.map((r) => ({ id: r.id, reason: 'central holds a punch with this id from another device' })),
    ];
    const refused = [...bad, ...taken];
    if (refused.length > 0) await client.query(REJECT_SQL, rejectParams(refused, rejected));
    return { accepted: accepted.map((r) => r.id), rejected };
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
  opts: PushOptions,
  committed: (result: BatchResult) => void,
): Promise<Refusal[]> {
  try {
    committed(await pushBatch(pool, rows, opts));
    return [];
  } catch (err) {
    if (classifyFailure(err) === 'transient') throw err;
    if (rows.length === 1) {
      const root = rootFailure(err);
      return [{ row: rows[0]!, code: String(root.code), reason: `central refused this punch: ${String(root.message)}`.slice(0, 300) }];
    }
    const half = Math.ceil(rows.length / 2);
    return [...(await pushSplitting(pool, rows.slice(0, half), opts, committed)), ...(await pushSplitting(pool, rows.slice(half), opts, committed))];
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
  opts: PushOptions & { log: Logger; committed: (result: BatchResult) => void },
): Promise<Rejection[]> {
  const refused = await pushSplitting(
    pool,
    rows,
    { clockOffsetMs: opts.clockOffsetMs ?? null, ...(opts.siteId ? { siteId: opts.siteId } : {}) },
    opts.committed,
  );
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
