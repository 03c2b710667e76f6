// The one place that opens the kiosk's SQLite file. WAL lets readers run beside the writer;
// synchronous=FULL makes a committed punch survive power loss, which is the kiosk's promise:
// the receipt is shown only after the commit.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.js';

export type LocalDb = BetterSQLite3Database<typeof schema>;

export interface LocalStore {
  sqlite: Database.Database;
  db: LocalDb;
  file: string;
  close(): void;
}

export function openLocalStore(file: string): LocalStore {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
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
