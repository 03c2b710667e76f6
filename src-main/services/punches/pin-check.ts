// Checks an employee's PIN against the stored hash and keeps the wrong-PIN count in SQLite,
// so that the lockout survives a restart of the kiosk and holds across processes. Each attempt
// is counted, atomically, before its hash is checked (a right PIN then clears the count), and
// checks wait their turn in the PIN gate: one per employee at a time, a few at once in all.
import { attemptsLeft, NO_PIN_FAILURES, startAttempt, type PinFailures } from '../../../shared/domain/punch-rules.js';
import { AppError } from '../../../shared/errors.js';
import type { ServiceDeps } from '../deps.js';
import type { EmployeeRecord } from '../roster/roster.js';
import { verifySecret } from '../roster/pin-hash.js';
import type { PinGate } from './pin-gate.js';

const READ = 'SELECT failures, locked_until AS lockedUntilMs FROM pin_failures WHERE employee_id = ?';
const WRITE = `INSERT INTO pin_failures (employee_id, failures, locked_until) VALUES (?, ?, ?)
  ON CONFLICT (employee_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`;

function lockedError(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError('LOCKED_OUT', `Too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a manager.`, {
    retryAfterSeconds: seconds,
  });
}

/** Counts this attempt in one IMMEDIATE transaction (so two processes cannot both slip in), or refuses it while locked. */
function countAttempt(deps: ServiceDeps, employeeId: string): PinFailures {
  const db = deps.store.sqlite;
  return db
    .transaction((): PinFailures => {
      const state = (db.prepare(READ).get(employeeId) as PinFailures | undefined) ?? NO_PIN_FAILURES;
      const start = startAttempt(state, deps.clock.now(), deps.policy);
      if (!start.allowed) throw lockedError(start.lockedForSeconds);
      db.prepare(WRITE).run(employeeId, start.counted.failures, start.counted.lockedUntilMs);
      return start.counted;
    })
    .immediate();
}

export function checkPin(deps: ServiceDeps, gate: PinGate, employee: EmployeeRecord, pin: string): Promise<void> {
  return gate.run(employee.id, async () => {
    const counted = countAttempt(deps, employee.id);
    if (await verifySecret(pin, employee.pinHash)) {
      deps.store.sqlite.prepare(WRITE).run(employee.id, NO_PIN_FAILURES.failures, NO_PIN_FAILURES.lockedUntilMs);
      return;
    }
    if (counted.lockedUntilMs !== null) throw lockedError(deps.policy.lockoutSeconds);
    const left = attemptsLeft(counted, deps.policy);
    throw new AppError('WRONG_PIN', `Wrong PIN. ${left} attempt${left === 1 ? '' : 's'} left.`, { attemptsLeft: left });
  });
}
