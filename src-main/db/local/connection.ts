// The one place that opens the kiosk's SQLite file. WAL lets readers run beside the writer;
// synchronous=FULL makes a committed punch survive power loss, which is the kiosk's promise:
// the receipt is shown only after the commit.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import * as schema from './schema.js';
import { storageCause, type StorageCause } from './storage-errors.js';

export type LocalDb = BetterSQLite3Database<typeof schema>;

export interface LocalStore {
  sqlite: Database.Database;
  db: LocalDb;
  file: string;
  close(): void;
}

const damaged = (file: string, why: string): AppError =>
  new AppError(
    'STORAGE_FAILED',
    `The kiosk's data file ${file} is damaged (${why}), so Frontdesk did not start and nothing was changed. ` +
      'Restore it from a backup; punches it held that never reached central exist only there. Keep the damaged file for recovery.',
  );

/** SQLite says "unable to open" for a read-only file system; ask the file system itself. */
function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const describeOpenFailure = (cause: Exclude<StorageCause, 'damaged'>): string =>
  ({
    full: 'the disk is full.',
    busy: 'another program holds it locked; close that program and start again.',
    'read-only': 'its folder is read-only; give Frontdesk a data folder it can write to (--data).',
    io: 'the disk reported an error.',
  })[cause];

/**
 * Opens the file with its pragmas and checks it (SQLite's quick check, which reads every page):
 * a damaged file is refused at start, before any punch is accepted into it.
 */
export function openLocalStore(file: string): LocalStore {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    const check = sqlite.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    const problems = check.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw damaged(file, `quick check: ${problems.join('; ').slice(0, 300)}`);
  } catch (err) {
    sqlite?.close();
    if (err instanceof AppError) throw err;
    const cause = storageCause(err);
    if (cause === 'damaged') throw damaged(file, (err as Error).message);
    if (cause !== null) {
      const why = cause === 'io' && !writable(path.dirname(file)) ? 'read-only' : cause;
      throw new AppError('STORAGE_FAILED', `The kiosk could not open its data file ${file}: ${describeOpenFailure(why)} Frontdesk did not start.`);
    }
    throw err;
  }
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  return {
    sqlite,
    db,
    file,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
