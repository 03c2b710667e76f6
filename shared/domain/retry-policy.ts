// How the sync treats failures, as pure functions so the rules are tested alone:
// - transient failures (the network, a restarting or overloaded server, serialization
//   conflicts) are retried forever, waiting a random time up to an exponentially growing cap
//   ("full jitter": thousands of kiosks coming back at once do not stampede the server);
// - anything else is about the data in one punch, which is isolated and set aside.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000 };

/** Delay before retry number `attempt` (0-based): uniform in [0, min(cap, base·2^attempt)). */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

const TRANSIENT_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * SQLSTATEs that say "try again later": connection exceptions (08), insufficient resources
 * such as too many connections (53), operator intervention such as a shutdown (57),
 * serialization failure and deadlock (40001, 40P01), lock not available (55P03), and
 * authentication or missing-database errors (28, 3D), which a fixed setting cures.
 */
export function isTransientSqlState(code: string): boolean {
  return /^(08|53|57|28|3D)/.test(code) || code === '40001' || code === '40P01' || code === '55P03';
}

export interface FailureLike {
  code?: unknown;
  message?: unknown;
}

export type FailureKind = 'transient' | 'data';

/** Libraries wrap driver errors (drizzle's "Failed query"); the SQLSTATE is on the cause. */
export function rootFailure(err: unknown): FailureLike {
  let e = (err ?? {}) as FailureLike & { cause?: unknown };
  for (let depth = 0; depth < 5 && typeof e.code !== 'string' && e.cause && typeof e.cause === 'object'; depth++) {
    e = e.cause as FailureLike & { cause?: unknown };
  }
  return e;
}

export function classifyFailure(err: unknown): FailureKind {
  const e = rootFailure(err);
  const code = typeof e.code === 'string' ? e.code : '';
  if (TRANSIENT_SOCKET.has(code)) return 'transient';
  if (/^[0-9A-Z]{5}$/.test(code)) return isTransientSqlState(code) ? 'transient' : 'data';
  // No SQLSTATE: a driver-level failure (timeout, terminated connection, TLS) — retry.
  return 'transient';
}

/** A short sentence a manager can act on. */
export function describeFailure(err: unknown): string {
  const e = rootFailure(err);
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (code === 'ECONNREFUSED') return 'Central database refused the connection (is it running?).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Central database host name was not found.';
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'Central database did not answer in time.';
  if (code === 'ECONNRESET' || /terminat/i.test(message)) return 'The connection to the central database was cut.';
  if (code === '28P01' || code === '28000') return 'Central database rejected the user name or password.';
  if (code === '3D000') return 'The central database named in DATABASE_URL does not exist.';
  if (code === '53300') return 'Central database has too many connections.';
  if (code.startsWith('57')) return 'Central database is shutting down or starting up.';
  return `Central database error: ${message.slice(0, 200)}`;
}
