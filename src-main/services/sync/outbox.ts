// The local side of the sync: read the oldest waiting punches, and after central has
// committed them, let them leave the outbox. A punch central refused for its own data keeps
// its outbox row, held out of the push by its `sync_rejects` row, until an admin sends it
// again or discards it: a refusal is never a delete.
import type Database from 'better-sqlite3';

export interface OutboxPunch {
  id: string;
  employeeId: string;
  kind: 'IN' | 'OUT';
  atUtc: number;
  siteId: string;
  deviceId: string;
  workMode: 'WFO' | 'WFH';
  /** 'api': recorded through Central's API (never from a kiosk's outbox). */
  source: 'kiosk' | 'import' | 'correction' | 'api';
  createdAt: number;
}

export interface Rejection {
  id: string;
  reason: string;
}

export interface Outbox {
  /** The oldest punches waiting to be sent, held ones left out. */
  oldest(limit: number): OutboxPunch[];
  /** Central committed `accepted` (they leave the outbox); `rejected` are held with their reason. */
  settle(acceptedIds: readonly string[], rejected: readonly Rejection[], now: number): void;
  noteFailure(ids: readonly string[], error: string, nextAttemptAt: number): void;
  pendingCount(): number;
}

/** The outbox rows that are waiting to be sent (not held by a refusal). */
export const SENDABLE = 'NOT EXISTS (SELECT 1 FROM sync_rejects r WHERE r.punch_id = o.punch_id)';

export function createOutbox(sqlite: Database.Database): Outbox {
  const oldestStmt = sqlite.prepare(
    `SELECT p.id, p.employee_id AS employeeId, p.kind, p.at_utc AS atUtc, p.site_id AS siteId, p.device_id AS deviceId,
            p.work_mode AS workMode, p.source, p.created_at AS createdAt
       FROM outbox o JOIN punches p ON p.id = o.punch_id
      WHERE ${SENDABLE}
      ORDER BY o.punch_id LIMIT ?`,
  );
  const deleteStmt = sqlite.prepare('DELETE FROM outbox WHERE punch_id IN (SELECT value FROM json_each(?))');
  const rejectStmt = sqlite.prepare('INSERT OR IGNORE INTO sync_rejects (punch_id, reason, rejected_at) VALUES (?, ?, ?)');
  const failStmt = sqlite.prepare(
    'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE punch_id IN (SELECT value FROM json_each(?))',
  );
  const countStmt = sqlite.prepare(`SELECT count(*) AS n FROM outbox o WHERE ${SENDABLE}`);

  const settle = sqlite.transaction((accepted: readonly string[], rejected: readonly Rejection[], now: number) => {
    for (const r of rejected) rejectStmt.run(r.id, r.reason, now);
    if (accepted.length > 0) deleteStmt.run(JSON.stringify(accepted));
  });

  return {
    oldest: (limit) => oldestStmt.all(limit) as OutboxPunch[],
    settle: (accepted, rejected, now) => settle(accepted, rejected, now),
    noteFailure: (ids, error, next) => void failStmt.run(error, next, JSON.stringify(ids)),
    pendingCount: () => (countStmt.get() as { n: number }).n,
  };
}
