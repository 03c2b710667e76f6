// The wrong-PIN count an employee shares across every kiosk: each attempt is also counted at
// central (when central answers within a moment), so N kiosks do not give N times five guesses.
// The kiosk's own count still applies, and is all there is while central is away; the stricter
// of the two wins. Kiosk taps and manager sign-ins are counted apart.
import { NO_PIN_FAILURES, startAttempt, type PinFailures, type PunchPolicy } from '../../../shared/domain/punch-rules.js';
import { inTransaction } from '../../db/central/connection.js';
import type { Logger } from '../../log.js';
import type { Clock } from '../deps.js';
import type { CentralSource } from '../sync/central-source.js';
import type pg from 'pg';

export type PinPurpose = 'kiosk' | 'manager';

export interface SharedLockout {
  /** Counts an attempt at central: the counted state, `locked` when central already holds a lock, or null when central did not answer. */
  count(employeeId: string, purpose: PinPurpose): Promise<{ locked: number } | { counted: PinFailures } | null>;
  /** Clears the count at central (a right PIN, a manager's clear, a PIN reset); false when central did not answer. */
  clear(employeeId: string, purpose?: PinPurpose): Promise<boolean>;
}

/** How long a PIN check waits for central before going on with the kiosk's own count. */
const CENTRAL_BUDGET_MS = 700;

function within<T>(ms: number, work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work.catch(() => null), late]).finally(() => clearTimeout(timer));
}

/** Counts one attempt at central, in one transaction: the counted state, or `locked` while a lock holds. */
export function countPinAttemptOnCentral(
  pool: pg.Pool,
  employeeId: string,
  purpose: PinPurpose,
  nowMs: number,
  policy: PunchPolicy,
): Promise<{ locked: number } | { counted: PinFailures }> {
  return inTransaction(pool, async (client) => {
    await client.query(`SET LOCAL statement_timeout = ${CENTRAL_BUDGET_MS}`);
    const { rows } = await client.query<{ failures: number; locked_until: Date | null }>(
      'SELECT failures, locked_until FROM pin_lockouts WHERE employee_id = $1 AND purpose = $2 FOR UPDATE',
      [employeeId, purpose],
    );
    const row = rows[0];
    const state: PinFailures = row ? { failures: row.failures, lockedUntilMs: row.locked_until?.getTime() ?? null } : NO_PIN_FAILURES;
    const start = startAttempt(state, nowMs, policy);
    if (!start.allowed) return { locked: start.lockedForSeconds };
    await client.query(
      `INSERT INTO pin_lockouts (employee_id, purpose, failures, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (employee_id, purpose) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
      [employeeId, purpose, start.counted.failures, start.counted.lockedUntilMs === null ? null : new Date(start.counted.lockedUntilMs)],
    );
    return { counted: start.counted };
  });
}

export async function clearPinCountOnCentral(pool: pg.Pool, employeeId: string, purpose?: PinPurpose): Promise<void> {
  await pool.query('DELETE FROM pin_lockouts WHERE employee_id = $1 AND ($2::text IS NULL OR purpose = $2)', [employeeId, purpose ?? null]);
}

/** The shared count over any way of reaching central: the database, or Central's sync API. */
export function createSharedLockoutOver(opts: {
  count: (employeeId: string, purpose: PinPurpose) => Promise<{ locked: number } | { counted: PinFailures }>;
  clear: (employeeId: string, purpose?: PinPurpose) => Promise<void>;
  log: Logger;
  centralAway: () => boolean;
}): SharedLockout {
  return {
    async count(employeeId, purpose) {
      if (opts.centralAway()) return null;
      return within(CENTRAL_BUDGET_MS, opts.count(employeeId, purpose));
    },
    async clear(employeeId, purpose) {
      if (opts.centralAway()) return false;
      const done = await within(
        CENTRAL_BUDGET_MS * 3,
        opts.clear(employeeId, purpose).then(() => true),
      );
      if (done === null) opts.log.warn('could not clear the PIN count at central', { employeeId });
      return done === true;
    },
  };
}

export function createSharedLockout(opts: {
  source: CentralSource;
  clock: Clock;
  policy: PunchPolicy;
  log: Logger;
  centralAway: () => boolean;
}): SharedLockout {
  const { source, clock, policy } = opts;
  return createSharedLockoutOver({
    count: async (employeeId, purpose) => countPinAttemptOnCentral((await source.connect()).pool, employeeId, purpose, clock.now(), policy),
    clear: async (employeeId, purpose) => clearPinCountOnCentral((await source.connect()).pool, employeeId, purpose),
    log: opts.log,
    centralAway: opts.centralAway,
  });
}
