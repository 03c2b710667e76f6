// What the sync last did, kept in the local `sync_state` table so every process that opens the
// data folder (the kiosk, `frontdesk status`) tells the same story.
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../../../shared/contract/sync.js';

export interface SyncRecord {
  state: SyncStatus['state'];
  lastSuccessAt: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  /** Central's clock minus this kiosk's, at the last sync that reached central. */
  clockOffsetMs: number | null;
  /** Central flagged this kiosk's credential as used by two kiosks. */
  cloneSuspected: boolean;
  /** The nonce of Central's last heartbeat answer, brought back on the next heartbeat. */
  heartbeatNonce: string | null;
}

const KEYS = [
  'state',
  'last_success_at',
  'last_error',
  'last_attempt_at',
  'next_attempt_at',
  'clock_offset_ms',
  'clone_suspected',
  'heartbeat_nonce',
] as const;

export function readSyncRecord(sqlite: Database.Database): SyncRecord {
  const rows = sqlite.prepare(`SELECT key, value FROM sync_state WHERE key IN (${KEYS.map(() => '?').join(',')})`).all(...KEYS) as {
    key: string;
    value: string;
  }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const num = (k: string): number | null => (map.has(k) && map.get(k) !== '' ? Number(map.get(k)) : null);
  return {
    state: (map.get('state') as SyncStatus['state'] | undefined) ?? 'idle',
    lastSuccessAt: num('last_success_at'),
    lastError: map.get('last_error') || null,
    lastAttemptAt: num('last_attempt_at'),
    nextAttemptAt: num('next_attempt_at'),
    clockOffsetMs: num('clock_offset_ms'),
    cloneSuspected: map.get('clone_suspected') === '1',
    heartbeatNonce: map.get('heartbeat_nonce') || null,
  };
}

export function writeSyncRecord(sqlite: Database.Database, patch: Partial<SyncRecord>): void {
  const put = sqlite.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const entries: [string, string | number | null | undefined][] = [
    ['state', patch.state],
    ['last_success_at', patch.lastSuccessAt],
    ['last_error', patch.lastError],
    ['last_attempt_at', patch.lastAttemptAt],
    ['next_attempt_at', patch.nextAttemptAt],
    ['clock_offset_ms', patch.clockOffsetMs],
    ['clone_suspected', patch.cloneSuspected === undefined ? undefined : patch.cloneSuspected ? 1 : 0],
    ['heartbeat_nonce', patch.heartbeatNonce],
  ];
  sqlite.transaction(() => {
    for (const [k, v] of entries) if (v !== undefined) put.run(k, v === null ? '' : String(v));
  })();
}
