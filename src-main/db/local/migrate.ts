// Applies the committed drizzle-kit migrations at start, in one transaction, and refuses a
// database written by a newer Frontdesk: running old code on a newer schema risks silently
// dropping what the newer version stores.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../../shared/errors.js';
import { localMigrationsDir } from '../../paths.js';
import type { LocalStore } from './connection.js';

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readJournal(dir = localMigrationsDir()): Journal {
  return JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
}

export function migrateLocal(store: LocalStore, dir = localMigrationsDir()): void {
  const journal = readJournal(dir);
  const newestKnown = Math.max(...journal.entries.map((e) => e.when));
  const hasTable = store.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (hasTable) {
    const row = store.sqlite.prepare('SELECT MAX(created_at) AS newest FROM __drizzle_migrations').get() as {
      newest: number | null;
    };
    if (row.newest !== null && Number(row.newest) > newestKnown) {
      throw new AppError('SCHEMA_TOO_NEW', `The data file ${store.file} was written by a newer Frontdesk; update this app before opening it.`);
    }
  }
  migrate(store.db, { migrationsFolder: dir });
}
