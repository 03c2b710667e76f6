// The wrong-PIN count an employee shares across every kiosk: each attempt is also counted at
// central (when central answers within a moment), so N kiosks do not give N times five guesses.
// The kiosk's own count still applies, and is all there is while central is away; the stricter
// of the two wins. Kiosk taps and manager sign-ins are counted apart.
import { NO_PIN_FAILURES, startAttempt, type PinFailures, type PunchPolicy } from '../../../shared/domain/punch-rules.js';
import { inTransaction } from '../../db/central/connection.js';
import type { Logger } from '../../log.js';
import type { Clock } from '../deps.js';
import type { CentralSource } from '../sync/central-source.js';

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

export function createSharedLockout(opts: {
  source: CentralSource;
  clock: Clock;
  policy: PunchPolicy;
  log: Logger;
  centralAway: () => boolean;
}): SharedLockout {
  const { source, clock, policy, log } = opts;
  return {
    async count(employeeId, purpose) {
      if (opts.centralAway()) return null;
      return within(
        CENTRAL_BUDGET_MS,
        source.connect().then((central) =>
          inTransaction(central.pool, async (client) => {
            await client.query(`SET LOCAL statement_timeout = ${CENTRAL_BUDGET_MS}`);
            const { rows } = await client.query<{ failures: number; locked_until: Date | null }>(
              'SELECT failures, locked_until FROM pin_lockouts WHERE employee_id = $1 AND purpose = $2 FOR UPDATE',
              [employeeId, purpose],
            );
            const row = rows[0];
            const state: PinFailures = row ? { failures: row.failures, lockedUntilMs: row.locked_until?.getTime() ?? null } : NO_PIN_FAILURES;
            const start = startAttempt(state, clock.now(), policy);
            if (!start.allowed) return { locked: start.lockedForSeconds };
            await client.query(
              `INSERT INTO pin_lockouts (employee_id, purpose, failures, locked_until) VALUES ($1, $2, $3, $4)
               ON CONFLICT (employee_id, purpose) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
              [employeeId, purpose, start.counted.failures, start.counted.lockedUntilMs === null ? null : new Date(start.counted.lockedUntilMs)],
            );
            return { counted: start.counted };
          }),
        ),
      );
    },
    async clear(employeeId, purpose) {
      if (opts.centralAway()) return false;
      const done = await within(
        CENTRAL_BUDGET_MS * 3,
        source
          .connect()
          .then((central) =>
            central.pool.query('DELETE FROM pin_lockouts WHERE employee_id = $1 AND ($2::text IS NULL OR purpose = $2)', [
              employeeId,
              purpose ?? null,
            ]),
          )
          .then(() => true),
      );
      if (done === null) log.warn('could not clear the PIN count at central', { employeeId });
      return done === true;
    },
  };
}
