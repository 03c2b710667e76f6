// Checks an employee's PIN against the stored hash and keeps the wrong-PIN count in SQLite,
// so that the lockout survives a restart of the kiosk.
import { eq } from 'drizzle-orm';
import {
  afterWrongPin,
  attemptsLeft,
  lockoutRemaining,
  NO_PIN_FAILURES,
  type PinFailures,
} from '../../../shared/domain/punch-rules.js';
import { AppError } from '../../../shared/errors.js';
import { pinFailures } from '../../db/local/schema.js';
import type { ServiceDeps } from '../deps.js';
import type { EmployeeRecord } from '../roster/roster.js';
import { verifySecret } from '../roster/pin-hash.js';

function readFailures(deps: ServiceDeps, employeeId: string): PinFailures {
  const row = deps.store.db.select().from(pinFailures).where(eq(pinFailures.employeeId, employeeId)).get();
  return row ? { failures: row.failures, lockedUntilMs: row.lockedUntil } : NO_PIN_FAILURES;
}

function writeFailures(deps: ServiceDeps, employeeId: string, state: PinFailures): void {
  const values = { failures: state.failures, lockedUntil: state.lockedUntilMs };
  deps.store.db
    .insert(pinFailures)
    .values({ employeeId, ...values })
    .onConflictDoUpdate({ target: pinFailures.employeeId, set: values })
    .run();
}

function lockedError(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'LOCKED_OUT',
    `Too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a manager.`,
    { retryAfterSeconds: seconds },
  );
}

export async function checkPin(deps: ServiceDeps, employee: EmployeeRecord, pin: string): Promise<void> {
  const before = readFailures(deps, employee.id);
  const remaining = lockoutRemaining(before, deps.clock.now());
  if (remaining > 0) throw lockedError(remaining);

  if (await verifySecret(pin, employee.pinHash)) {
    if (before.failures > 0 || before.lockedUntilMs !== null) writeFailures(deps, employee.id, NO_PIN_FAILURES);
    return;
  }
  // Re-read after the (async) hash check so that concurrent wrong attempts all count.
  const now = deps.clock.now();
  const after = afterWrongPin(readFailures(deps, employee.id), now, deps.policy);
  writeFailures(deps, employee.id, after);
  const lockedFor = lockoutRemaining(after, now);
  if (lockedFor > 0) throw lockedError(lockedFor);
  const left = attemptsLeft(after, deps.policy);
  throw new AppError('WRONG_PIN', `Wrong PIN. ${left} attempt${left === 1 ? '' : 's'} left.`, { attemptsLeft: left });
}
