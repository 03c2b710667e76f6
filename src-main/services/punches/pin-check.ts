// Checks an employee's PIN against the stored hash and keeps the wrong-PIN count in SQLite,
// so that the lockout survives a restart of the kiosk and holds across processes; the count is
// also kept at central, shared by every kiosk (shared-lockout.ts), and the stricter one wins.
// Each attempt is counted, atomically, before its hash is checked (a right PIN then clears the
// count), and checks wait their turn in the PIN gate: one per employee at a time, a few at once
// in all. Kiosk taps and the manager screens count apart, so wrong PINs at a kiosk never lock a
// manager out of the manager screens.
import { attemptsLeft, NO_PIN_FAILURES, startAttempt, type PinFailures } from '../../../shared/domain/punch-rules.js';
import { AppError } from '../../../shared/errors.js';
import type { ServiceDeps } from '../deps.js';
import type { EmployeeRecord } from '../roster/roster.js';
import { verifyPin } from '../roster/pin-hash.js';
import type { PinPurpose } from './shared-lockout.js';

const TABLE: Record<PinPurpose, string> = { kiosk: 'pin_failures', manager: 'manager_pin_failures' };
const read = (table: string) => `SELECT failures, locked_until AS lockedUntilMs FROM ${table} WHERE employee_id = ?`;
const write = (table: string) => `INSERT INTO ${table} (employee_id, failures, locked_until) VALUES (?, ?, ?)
  ON CONFLICT (employee_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`;

export function lockedError(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'LOCKED_OUT',
    `Too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a manager to clear the lock.`,
    { retryAfterSeconds: seconds },
  );
}

/** Counts this attempt in one IMMEDIATE transaction (so two processes cannot both slip in), or refuses it while locked. */
function countAttempt(deps: ServiceDeps, employeeId: string, purpose: PinPurpose): PinFailures {
  const db = deps.store.sqlite;
  return db
    .transaction((): PinFailures => {
      const state = (db.prepare(read(TABLE[purpose])).get(employeeId) as PinFailures | undefined) ?? NO_PIN_FAILURES;
      const start = startAttempt(state, deps.clock.now(), deps.policy);
      if (!start.allowed) throw lockedError(start.lockedForSeconds);
      db.prepare(write(TABLE[purpose])).run(employeeId, start.counted.failures, start.counted.lockedUntilMs);
      return start.counted;
    })
    .immediate();
}

/** Clears an employee's wrong-PIN counts here (both kinds, or one). */
export function clearLocalPinCounts(deps: ServiceDeps, employeeId: string, purpose?: PinPurpose): void {
  for (const p of purpose ? [purpose] : (['kiosk', 'manager'] as const))
    deps.store.sqlite.prepare(`DELETE FROM ${TABLE[p]} WHERE employee_id = ?`).run(employeeId);
}

export function checkPin(deps: ServiceDeps, employee: EmployeeRecord, pin: string, purpose: PinPurpose = 'kiosk'): Promise<void> {
  return deps.pinGate.run(employee.id, async () => {
    const local = countAttempt(deps, employee.id, purpose);
    const shared = await deps.sharedLockout.count(employee.id, purpose);
    if (shared && 'locked' in shared) throw lockedError(shared.locked);
    if (await verifyPin(pin, employee.pinHash, deps.pinKey)) {
      clearLocalPinCounts(deps, employee.id, purpose);
      if (shared) void deps.sharedLockout.clear(employee.id, purpose);
      return;
    }
    // The stricter of the kiosk's count and central's.
    const central = shared?.counted;
    if (local.lockedUntilMs !== null || (central && central.lockedUntilMs !== null)) throw lockedError(deps.policy.lockoutSeconds);
    const left = Math.min(attemptsLeft(local, deps.policy), central ? attemptsLeft(central, deps.policy) : Infinity);
    throw new AppError('WRONG_PIN', `Wrong PIN. ${left} attempt${left === 1 ? '' : 's'} left.`, { attemptsLeft: left });
  });
}
