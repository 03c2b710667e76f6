// How the sync treats failures, as pure functions so the rules are tested alone:
// - only an error that a punch's own data causes (SQLSTATE class 22, data exception, or 23,
//   integrity constraint violation) may set that punch aside; losing a punch to a misread error
//   is the worst bug this product can have, so
// - everything else is transient (the network, a restarting, overloaded, read-only or
//   permission-denied server, serialization conflicts, errors without a SQLSTATE) and is
//   retried forever, waiting a random time up to an exponentially growing cap ("full jitter":
//   thousands of kiosks coming back at once do not stampede the server).

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
 * SQLSTATEs that mean central cannot be reached or used right now: connection exceptions (08),
 * insufficient resources such as too many connections (53), operator intervention such as a
 * shutdown (57), and authentication or missing-database errors (28, 3D), which a fixed setting
 * cures. A manager's call that meets one gets UNAVAILABLE rather than a crash.
 */
export function isUnreachableSqlState(code: string): boolean {
  return /^(08|53|57|28|3D)/.test(code);
}

/** Classes 22 (data exception) and 23 (integrity constraint violation): the row's own fault. */
export function isDataSqlState(code: string): boolean {
  return /^(22|23)[0-9A-Z]{3}$/.test(code);
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
    e = e.cause;
  }
  return e;
}

const sqlStateOf = (err: unknown): string => {
  const code = rootFailure(err).code;
  return typeof code === 'string' ? code : '';
};

/** How the push treats an error: 'data' only for class 22 or 23; everything else is retried. */
export function classifyFailure(err: unknown): FailureKind {
  return isDataSqlState(sqlStateOf(err)) ? 'data' : 'transient';
}

/**
 * True when central could not be reached or used at all (network, driver, shutdown, login),
 * as opposed to an answer about the request itself.
 */
export function isUnreachable(err: unknown): boolean {
  const code = sqlStateOf(err);
  if (TRANSIENT_SOCKET.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code)) return isUnreachableSqlState(code);
  // No SQLSTATE: a driver-level failure (timeout, terminated connection, TLS).
  return true;
}

/** Every punch of a batch of several refused with one SQLSTATE: central's fault, not theirs. */
export function isBatchWide(batchSize: number, refused: readonly { code: string }[]): boolean {
  return batchSize > 1 && refused.length === batchSize && refused.every((r) => r.code === refused[0]!.code);
}

/** The code of the error the sync raises for a batch refused as a whole (retried). */
export const BATCH_REFUSED = 'BATCH_REFUSED';

/** A short sentence a manager can act on. */
export function describeFailure(err: unknown): string {
  const e = rootFailure(err);
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  // The sync API's own failures (central-link.ts) are already in words.
  if (code === BATCH_REFUSED || /^(CENTRAL_|REVOKED$|NEEDS_UPDATE$)/.test(code)) return message;
  if (code === 'ECONNREFUSED') return 'Central database refused the connection (is it running?).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Central database host name was not found.';
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'Central database did not answer in time.';
  if (code === 'ECONNRESET' || /terminat/i.test(message)) return 'The connection to the central database was cut.';
  if (code === '28P01' || code === '28000') return 'Central database rejected the user name or password.';
  if (code === '3D000') return 'The central database named in DATABASE_URL does not exist.';
  if (code === '53300') return 'Central database has too many connections.';
  if (code.startsWith('57')) return 'Central database is shutting down or starting up.';
  if (code === '25006') return 'Central database is read-only (a standby, or read-only mode); punches wait here until it accepts writes.';
  if (code === '42501') return 'Central database refused permission to write; punches wait here until its grants are fixed.';
  return `Central database error: ${message.slice(0, 200)}`;
}

/**
 * When a sync asked for by a punch runs: `delayMs` after the latest punch (a burst of taps costs
 * one sync), but never later than `maxWaitMs` after the first punch that asked, so a steady
 * stream of taps cannot keep pushing the sync away.
 */
export function kickDeadline(firstKickAt: number, nowMs: number, delayMs: number, maxWaitMs: number): number {
  return Math.min(nowMs + delayMs, firstKickAt + maxWaitMs);
}
