// Sync status as every screen and command shows it: how many punches wait here and since when,
// how many central refused, and what the sync last did (from `sync_state`).
import type { SyncStatus } from '../../../shared/contract/sync.js';
import { clockDrifted } from '../../../shared/domain/punch-rules.js';
import type { ServiceDeps } from '../deps.js';
import { SENDABLE } from './outbox.js';
import { readSyncRecord } from './sync-state.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What the status says before anything could be read from the local records. */
export function readableNothing(central: SyncStatus['central']): SyncStatus {
  return {
    state: central === 'none' ? 'not-configured' : 'waiting',
    central,
    pending: 0,
    oldestPendingAt: null,
    oldestPendingAgeSeconds: null,
    rejected: 0,
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
    localError: null,
    clockOffsetSeconds: null,
    clockDrift: false,
    cloneSuspected: false,
  };
}

export function readSyncStatus(deps: ServiceDeps, central: SyncStatus['central'], localError: string | null = null): SyncStatus {
  const db = deps.store.sqlite;
  const pending = db
    .prepare(`SELECT count(*) AS n, min(p.created_at) AS oldest FROM outbox o JOIN punches p ON p.id = o.punch_id WHERE ${SENDABLE}`)
    .get() as { n: number; oldest: number | null };
  const rejected = (db.prepare('SELECT count(*) AS n FROM sync_rejects WHERE discarded_at IS NULL').get() as { n: number }).n;
  const record = readSyncRecord(db);
  const now = deps.clock.now();
  return {
    state: central === 'none' ? 'not-configured' : record.state,
    central,
    pending: pending.n,
    oldestPendingAt: iso(pending.oldest),
    oldestPendingAgeSeconds: pending.oldest === null ? null : Math.max(0, Math.floor((now - pending.oldest) / 1000)),
    rejected,
    lastSuccessAt: iso(record.lastSuccessAt),
    lastError: record.lastError,
    nextAttemptAt: iso(record.nextAttemptAt),
    localError,
    clockOffsetSeconds: record.clockOffsetMs === null ? null : Math.round(record.clockOffsetMs / 1000),
    clockDrift: clockDrifted(record.clockOffsetMs),
    cloneSuspected: record.cloneSuspected,
  };
}
