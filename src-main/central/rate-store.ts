// The API rate limit's counters, kept in central PostgreSQL (table rate_limits) so that every
// Central instance counts the same requests: one upsert per request, a fixed window per key.
// Implements @fastify/rate-limit's store interface.
import type pg from 'pg';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

// A counter lost in a crash costs at most a few requests of allowance, so its commit does not
// wait for the disk (synchronous_commit off for this one statement's transaction).
const INCR_SQL = `
WITH quick AS (SELECT set_config('synchronous_commit', 'off', true))
INSERT INTO rate_limits AS r (key, hits, reset_at)
SELECT $1, 1, $2::timestamptz + make_interval(secs => $3::float8 / 1000) FROM quick
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN r.reset_at <= $2 THEN 1 ELSE r.hits + 1 END,
  reset_at = CASE WHEN r.reset_at <= $2 THEN EXCLUDED.reset_at ELSE r.reset_at END
RETURNING hits, floor(extract(epoch FROM r.reset_at - $2::timestamptz) * 1000)::float8 AS ttl_ms`;

const READ_SQL = `SELECT hits, floor(extract(epoch FROM reset_at - $2::timestamptz) * 1000)::float8 AS ttl_ms FROM rate_limits WHERE key = $1 AND reset_at > $2`;

export function pgRateStore(pool: () => Promise<pg.Pool>, now: () => number = Date.now) {
  return class PgRateStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      pool()
        .then((p) => p.query<{ hits: number; ttl_ms: number }>(INCR_SQL, [key, new Date(now()), timeWindow]))
        .then(({ rows }) => cb(null, { current: rows[0]!.hits, ttl: Math.max(0, rows[0]!.ttl_ms) }))
        .catch((err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    }

    read(key: string, cb: Callback): void {
      pool()
        .then((p) => p.query<{ hits: number; ttl_ms: number }>(READ_SQL, [key, new Date(now())]))
        .then(({ rows }) => cb(null, rows[0] ? { current: rows[0].hits, ttl: Math.max(0, rows[0].ttl_ms) } : { current: 0, ttl: 0 }))
        .catch((err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    }

    child(): PgRateStore {
      return new PgRateStore();
    }
  };
}

/** Counters whose window ended over an hour ago are of no use. */
export async function pruneRateLimits(pool: pg.Pool, nowMs: number): Promise<void> {
  await pool.query("DELETE FROM rate_limits WHERE reset_at < $1::timestamptz - interval '1 hour'", [new Date(nowMs)]);
}
