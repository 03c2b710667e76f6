// Central migrations: applied by whichever kiosk connects first, under an advisory lock so two
// kiosks starting together do not race, and refused when central is newer than this code.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { AppError } from '../../../shared/errors.js';
import { projectRoot } from '../../paths.js';
import { withClient } from './connection.js';

const MIGRATION_LOCK = 0x46_44_4d_47; // "FDMG"

export const centralMigrationsDir = (): string => path.join(projectRoot(), 'migrations', 'central');

export async function migrateCentral(pool: pg.Pool, dir = centralMigrationsDir()): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const newestKnown = Math.max(...journal.entries.map((e) => e.when));
  await withClient(pool, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const exists = await client.query<{ t: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t");
      const newest = exists.rows[0]?.t
        ? (await client.query<{ newest: string | null }>('SELECT max(created_at)::text AS newest FROM drizzle.__drizzle_migrations')).rows[0]?.newest
        : null;
      if (newest != null && Number(newest) > newestKnown) {
        throw new AppError('SCHEMA_TOO_NEW', 'The central database was upgraded by a newer Frontdesk; update this kiosk.');
      }
      if (newest == null || Number(newest) < newestKnown) {
        await migrate(drizzle(client), { migrationsFolder: dir });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}
