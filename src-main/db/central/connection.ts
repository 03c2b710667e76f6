// The central PostgreSQL connection: a small pool (a kiosk sends one batch at a time), short
// connect timeouts so an unreachable server is noticed quickly, and TLS options taken from the
// URL (see tls.ts for what each sslmode does). No session settings: a transaction-pooling
// PgBouncer (the pooled endpoint of managed hosts) refuses startup parameters such as
// statement_timeout and gives each transaction any server connection, so limits are set with
// SET LOCAL inside the transaction they govern.
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
    query_timeout: 35_000,
    application_name: 'frontdesk',
    keepAlive: true,
  });
  // An idle client losing its connection must not crash the kiosk; the next query reconnects.
  pool.on('error', (err) => opts.onError?.(err));
  // A checked-out client has no pool listener, and its connection can die between queries, even
  // before the caller who was handed it resumes (the server's "terminating connection" can sit in
  // the same socket read as the reply that freed the client). Every client therefore always has
  // a listener: the error still rejects any query in flight, and the pool drops the client when
  // it is released (it is no longer queryable).
  pool.on('connect', (client) => client.on('error', () => undefined));
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

/** A data or integrity error (SQLSTATE class 22 or 23) leaves the connection healthy. */
const leavesConnectionHealthy = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23)[0-9A-Z]{3}$/.test(code);
};

/**
 * Runs `fn` with a client of its own; a client that failed is destroyed, never pooled again,
 * unless the failure was about the data sent (the connection is fine, and a kiosk splitting a
 * batch around a bad punch should not reconnect for every half).
 */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let destroy = false;
  try {
    return await fn(client);
  } catch (err) {
    destroy = !leavesConnectionHealthy(err);
    throw err;
  } finally {
    client.release(destroy);
  }
}

/** The server-side limit on each statement of a transaction (the client gives up a little later). */
export const STATEMENT_TIMEOUT_MS = 30_000;

/** BEGIN … COMMIT around `fn`, rolled back when it throws; statements inside are limited to STATEMENT_TIMEOUT_MS. */
export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    // One round trip: the simple-query protocol runs both statements.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      // A client that cannot even roll back is broken, whatever the first error was.
      if (!rolledBack) throw Object.assign(new Error('ROLLBACK failed after an error', { cause: err }), { code: 'ECONNRESET' });
      throw err;
    }
  });
}
