// Sync status as the kiosk shows it. Until a central database is configured (the sync issue),
// the state is 'not-configured' and the figure that matters is how many punches wait locally.
import { sql } from 'drizzle-orm';
import type { SyncStatus } from '../../../shared/contract/sync.js';
import { outbox, punches } from '../../db/local/schema.js';
import type { ServiceDeps } from '../deps.js';

export function readSyncStatus(deps: ServiceDeps): SyncStatus {
  const row = deps.store.db
    .select({ n: sql<number>`count(*)`, oldest: sql<number | null>`min(${punches.atUtc})` })
    .from(outbox)
    .innerJoin(punches, sql`${punches.id} = ${outbox.punchId}`)
    .get();
  return {
    state: 'not-configured',
    pending: row?.n ?? 0,
    oldestPendingAt: row?.oldest != null ? new Date(row.oldest).toISOString() : null,
    lastSuccessAt: null,
    lastError: null,
  };
}
