// Punches a revoked kiosk sent, kept apart until an admin decides: accepted ones go through the
// same idempotent push as any kiosk's (with the kiosk's own device and site), rejected ones stay
// here, marked, for the record. Both are audited.
import type pg from 'pg';
import type { z } from 'zod';
import type { ListQuarantineInputSchema, QuarantinedPunch, ResolveQuarantineInputSchema } from '../../../shared/contract/fleet.js';
import { AppError } from '../../../shared/errors.js';
import type { Logger } from '../../log.js';
import { auditAccount } from '../accounts/audit.js';
import type { OutboxPunch } from '../sync/outbox.js';
import { pushAndRecord } from '../sync/push-batch.js';
import { getKiosk } from './kiosks.js';

interface Row {
  punch_id: string;
  kiosk: string;
  code: string | null;
  name: string | null;
  payload: OutboxPunch;
  revoked_at: Date | null;
  received_at: Date;
  resolution: 'accepted' | 'rejected' | null;
  resolved_by: string | null;
}

export async function listQuarantine(pool: pg.Pool, input: z.output<typeof ListQuarantineInputSchema>, nowMs: number): Promise<QuarantinedPunch[]> {
  const kioskId = input.kiosk === undefined ? null : (await getKiosk(pool, input.kiosk, nowMs)).id;
  const { rows } = await pool.query<Row>(
    `SELECT q.punch_id::text AS punch_id, k.name AS kiosk, e.code, e.name, q.payload, k.revoked_at, q.received_at, q.resolution, q.resolved_by
       FROM sync_quarantine q JOIN kiosks k ON k.id = q.kiosk_id LEFT JOIN employees e ON e.id = (q.payload->>'employeeId')::uuid
      WHERE ($1::uuid IS NULL OR q.kiosk_id = $1) AND ($2 OR q.resolved_at IS NULL)
      ORDER BY q.received_at, q.punch_id LIMIT 5000`,
    [kioskId, input.includeResolved],
  );
  return rows.map((r) => ({
    punchId: r.punch_id,
    kiosk: r.kiosk,
    employeeCode: r.code,
    name: r.name,
    kind: r.payload.kind,
    at: new Date(r.payload.atUtc).toISOString(),
    createdAt: new Date(r.payload.createdAt).toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    receivedAt: r.received_at.toISOString(),
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
  }));
}

export async function resolveQuarantine(
  pool: pg.Pool,
  input: z.output<typeof ResolveQuarantineInputSchema>,
  actor: string,
  now: Date,
  log: Logger,
): Promise<{ accepted: number; rejected: number; unknown: string[] }> {
  const { rows } = await pool.query<{ punch_id: string; kiosk_id: string; payload: OutboxPunch }>(
    'SELECT punch_id::text AS punch_id, kiosk_id::text AS kiosk_id, payload FROM sync_quarantine WHERE punch_id = ANY($1::uuid[]) AND resolved_at IS NULL',
    [input.punchIds],
  );
  const found = new Set(rows.map((r) => r.punch_id));
  const unknown = input.punchIds.filter((id) => !found.has(id));
  if (rows.length === 0)
    throw new AppError('NOT_FOUND', 'None of those punches waits in quarantine (already settled, or never sent by a revoked kiosk).');
  let refusedIds = new Set<string>();
  if (input.action === 'accept') {
    const refused = await pushAndRecord(
      pool,
      rows.map((r) => r.payload),
      { log, committed: () => undefined },
    );
    refusedIds = new Set(refused.map((r) => r.id));
  }
  const settled = rows.filter((r) => !refusedIds.has(r.punch_id)).map((r) => r.punch_id);
  const resolution = input.action === 'accept' ? 'accepted' : 'rejected';
  await pool.query('UPDATE sync_quarantine SET resolved_at = $2, resolution = $3, resolved_by = $4 WHERE punch_id = ANY($1::uuid[])', [
    settled,
    now,
    resolution,
    actor,
  ]);
  for (const kioskId of new Set(rows.map((r) => r.kiosk_id))) {
    await auditAccount(pool, {
      at: now,
      actor,
      action: `kiosk.quarantine${input.action === 'accept' ? 'Accepted' : 'Rejected'}`,
      entity: 'kiosk',
      entityId: kioskId,
      after: { punches: rows.filter((r) => r.kiosk_id === kioskId && !refusedIds.has(r.punch_id)).map((r) => r.punch_id) },
    });
  }
  return { accepted: input.action === 'accept' ? settled.length : 0, rejected: input.action === 'reject' ? settled.length : 0, unknown };
}
