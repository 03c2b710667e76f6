// What a failure of the kiosk's own storage means, in words a person at the front desk can act
// on. The punch path, the background sync and every other call word it the same way: a full
// disk, a file another program holds locked, read-only media, a damaged file, or an I/O error.
import type { ErrorBody } from '../../../shared/errors.js';

export type StorageCause = 'full' | 'busy' | 'read-only' | 'damaged' | 'io';

export function storageCause(err: unknown): StorageCause | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return null;
}

const CAUSE_WORDS: Record<StorageCause, string> = {
  full: 'the disk is full',
  busy: 'another program is holding its data file',
  'read-only': 'its data folder is read-only',
  damaged: 'its data file is damaged',
  io: 'the disk reported an error',
};

/** A sentence for a failed call: a write says nothing was saved, a read says what failed. */
export function describeStorageFailure(cause: StorageCause, kind: 'write' | 'read'): string {
  const why = CAUSE_WORDS[cause];
  const tail = cause === 'busy' ? 'Please try again in a moment.' : 'Please tell a manager.';
  return kind === 'write'
    ? `The kiosk could not save because ${why}, so this was not recorded. ${tail}`
    : `The kiosk could not read its local storage because ${why}. ${tail}`;
}

export function storageErrorBody(cause: StorageCause, kind: 'write' | 'read'): ErrorBody {
  return { code: 'STORAGE_FAILED', message: describeStorageFailure(cause, kind), details: { cause } };
}

/** The sync's own line on the status: what stops it from keeping its books on this kiosk. */
export function describeSyncStorageFailure(cause: StorageCause): string {
  return `The kiosk cannot keep its sync records because ${CAUSE_WORDS[cause]}; punches already saved are safe and the sync retries.`;
}
