// Punches central refused for their own data stay on the kiosk, held out of the push, until an
// admin settles each one: `retry` sends it again (the cause was fixed on central), `discard`
// keeps it here for good with who and why. Nothing is ever deleted.
import type { z } from 'zod';
import type { ResolveRejectInputSchema, SyncReject } from '../../../shared/contract/sync.js';
import { AppError } from '../../../shared/errors.js';
import type { ServiceDeps } from '../deps.js';

interface RejectRow {
  punchId: string;
  employeeCode: string | null;
  name: string | null;
  kind: 'IN' | 'OUT';
  atUtc: number;
  reason: string;
  rejectedAt: number;
  discardedAt: number | null;
  discardedBy: string | null;
  discardReason: string | null;
}

const SELECT = `SELECT r.punch_id AS punchId, e.code AS employeeCode, e.name, p.kind, p.at_utc AS atUtc, r.reason,
       r.rejected_at AS rejectedAt, r.discarded_at AS discardedAt, r.discarded_by AS discardedBy, r.discard_reason AS discardReason
  FROM sync_rejects r JOIN punches p ON p.id = r.punch_id LEFT JOIN roster_employees e ON e.id = p.employee_id`;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const toReject = (r: RejectRow): SyncReject => ({
  punchId: r.punchId,
  employeeCode: r.employeeCode ?? '?',
  name: r.name ?? 'unknown employee',
  kind: r.kind,
  at: new Date(r.atUtc).toISOString(),
  reason: r.reason,
  rejectedAt: new Date(r.rejectedAt).toISOString(),
  discardedAt: iso(r.discardedAt),
  discardedBy: r.discardedBy,
  discardReason: r.discardReason,
});

export function listRejects(deps: ServiceDeps, includeDiscarded: boolean): SyncReject[] {
  const where = includeDiscarded ? '' : ' WHERE r.discarded_at IS NULL';
  return (deps.store.sqlite.prepare(`${SELECT}${where} ORDER BY r.rejected_at, r.punch_id`).all() as RejectRow[]).map(toReject);
}

export function resolveReject(deps: ServiceDeps, input: z.output<typeof ResolveRejectInputSchema>): SyncReject {
  const db = deps.store.sqlite;
  const settle = db.transaction((): RejectRow => {
    const row = db.prepare(`${SELECT} WHERE r.punch_id = ?`).get(input.punchId) as RejectRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No punch ${input.punchId} is held on this kiosk.`);
    if (row.discardedAt !== null) throw new AppError('CONFLICT', `Punch ${input.punchId} was already discarded by ${row.discardedBy ?? 'an admin'}.`);
    if (input.action === 'retry') {
      db.prepare('DELETE FROM sync_rejects WHERE punch_id = ?').run(input.punchId);
      db.prepare('UPDATE outbox SET next_attempt_at = 0 WHERE punch_id = ?').run(input.punchId);
      return row;
    }
    const now = deps.clock.now();
    db.prepare('UPDATE sync_rejects SET discarded_at = ?, discarded_by = ?, discard_reason = ? WHERE punch_id = ?').run(
      now,
      input.by,
      input.reason,
      input.punchId,
    );
    db.prepare('DELETE FROM outbox WHERE punch_id = ?').run(input.punchId);
    return { ...row, discardedAt: now, discardedBy: input.by, discardReason: input.reason };
  });
  const row = settle.immediate();
  deps.log.info(input.action === 'retry' ? 'held punch sent again' : 'held punch discarded', { punchId: input.punchId, by: input.by });
  return toReject(row);
}
