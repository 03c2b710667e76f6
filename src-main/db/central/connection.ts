// The central PostgreSQL connection: a small pool (a kiosk sends one batch at a time), short
// connect timeouts so an unreachable server is noticed quickly, and TLS options taken from the
// URL (`?sslmode=require` works for managed hosts).
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.js';

export type CentralDb = NodePgDatabase<typeof schema>;

export interface Central {
  pool: pg.Pool;
  db: CentralDb;
  close(): Promise<void>;
}

export function connectCentral(url: string, opts: { max?: number; onError?: (err: Error) => void } = {}): Central {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 2,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    query_timeout: 35_000,
    application_name: 'frontdesk',
    keepAlive: true,
  });
  // An idle client losing its connection must not crash the kiosk; the next query reconnects.
  pool.on('error', (err) => opts.onError?.(err));
  const db = drizzle(pool, { schema });
  let closed = false;
  return {
    pool,
    db,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
