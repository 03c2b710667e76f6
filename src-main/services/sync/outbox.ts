// The local side of the sync: read the oldest waiting punches, and after central has
// committed them, let them leave the outbox (and record the ones central refused).
import type Database from 'better-sqlite3';

export interface OutboxPunch {
  id: string;
  employeeId: string;
  kind: 'IN' | 'OUT';
  atUtc: number;
  siteId: string;
  deviceId: string;
  workMode: 'WFO' | 'WFH';
  source: 'kiosk' | 'import' | 'correction';
  createdAt: number;
}

export interface Outbox {
  oldest(limit: number): OutboxPunch[];
  settle(acceptedIds: readonly string[], rejected: readonly { id: string; reason: string }[], now: number): void;
  noteFailure(ids: readonly string[], error: string, nextAttemptAt: number): void;
  pendingCount(): number;
}

export function createOutbox(sqlite: Database.Database): Outbox {
  const oldestStmt = sqlite.prepare(
    `SELECT p.id, p.employee_id AS employeeId, p.kind, p.at_utc AS atUtc, p.site_id AS siteId, p.device_id AS deviceId,
            p.work_mode AS workMode, p.source, p.created_at AS createdAt
       FROM outbox o JOIN punches p ON p.id = o.punch_id
      ORDER BY o.punch_id LIMIT ?`,
  );
  const deleteStmt = sqlite.prepare('DELETE FROM outbox WHERE punch_id IN (SELECT value FROM json_each(?))');
  const rejectStmt = sqlite.prepare('INSERT OR IGNORE INTO sync_rejects (punch_id, reason, rejected_at) VALUES (?, ?, ?)');
  const failStmt = sqlite.prepare(
    'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE punch_id IN (SELECT value FROM json_each(?))',
  );
  const countStmt = sqlite.prepare('SELECT count(*) AS n FROM outbox');

  const settle = sqlite.transaction((accepted: readonly string[], rejected: readonly { id: string; reason: string }[], now: number) => {
    for (const r of rejected) rejectStmt.run(r.id, r.reason, now);
    deleteStmt.run(JSON.stringify([...accepted, ...rejected.map((r) => r.id)]));
  });

  return {
    oldest: (limit) => oldestStmt.all(limit) as OutboxPunch[],
    settle: (accepted, rejected, now) => settle(accepted, rejected, now),
    noteFailure: (ids, error, next) => void failStmt.run(error, next, JSON.stringify(ids)),
    pendingCount: () => (countStmt.get() as { n: number }).n,
  };
}
