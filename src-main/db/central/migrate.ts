// Central migrations, applied in one transaction under a transaction-scoped advisory lock, so
// two processes starting together do not race, and the lock cannot outlive its transaction on
// another server connection (a transaction-pooling PgBouncer hands each transaction any server
// connection: a session lock taken in one and released in the next leaks). Refused when
// central is newer than this code. drizzle-kit writes the files; drizzle reads them; the
// bookkeeping table is drizzle's own, so a database migrated by drizzle's migrator carries on.
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { AppError } from '../../../shared/errors.js';
import { projectRoot } from '../../paths.js';
import { inTransaction } from './connection.js';

const MIGRATION_LOCK = 0x46_44_4d_47; // "FDMG"

export const centralMigrationsDir = (): string => path.join(projectRoot(), 'migrations', 'central');

export interface MigrationResult {
  applied: number;
  /** The newest migration the database holds afterwards (its journal time). */
  newest: number;
}

export async function migrateCentral(pool: pg.Pool, dir = centralMigrationsDir()): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder: dir });
  const newestKnown = Math.max(...migrations.map((m) => m.folderMillis));
  const newestApplied = async (client: pg.PoolClient): Promise<number | null> => {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t");
    if (!exists.rows[0]?.t) return null;
    const row = (await client.query<{ newest: string | null }>('SELECT max(created_at)::text AS newest FROM drizzle.__drizzle_migrations')).rows[0];
    return row?.newest == null ? null : Number(row.newest);
  };
  return inTransaction(pool, async (client) => {
    // Migrations may take longer than an ordinary statement.
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const newest = await newestApplied(client);
    if (newest != null && newest > newestKnown) {
      throw new AppError('SCHEMA_TOO_NEW', 'The central database was upgraded by a newer Frontdesk; update this kiosk.');
    }
    if (newest != null && newest === newestKnown) return { applied: 0, newest };
    await client.query('CREATE SCHEMA IF NOT EXISTS drizzle');
    await client.query('CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
    let applied = 0;
    for (const migration of migrations) {
      if (newest != null && migration.folderMillis <= newest) continue;
      for (const statement of migration.sql) if (statement.trim() !== '') await client.query(statement);
      await client.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [migration.hash, migration.folderMillis]);
      applied++;
    }
    return { applied, newest: newestKnown };
  });
}
