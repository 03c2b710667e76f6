// Kiosk-level calls: what the screen shows in its header, and leaving kiosk mode, which needs
// an active manager's code and PIN (counted against the same wrong-PIN lockout).
import type { KioskInfo } from '../../../shared/contract/kiosk.js';
import { AppError } from '../../../shared/errors.js';
import type { ServiceDeps } from '../deps.js';
import { checkPin, clearLocalPinCounts } from '../punches/pin-check.js';
import { findEmployeeByCode, type EmployeeRecord } from '../roster/roster.js';

export function kioskInfo(deps: ServiceDeps, host: KioskInfo['host']): KioskInfo {
  const { siteName, tz, deviceId, central } = deps.kiosk;
  return { siteName, tz, deviceId, now: new Date(deps.clock.now()).toISOString(), host, central };
}

/** An active manager's code and PIN, counted against the wrong-PIN lockout. */
export async function verifyManager(deps: ServiceDeps, code: string, pin: string, forWhat: string): Promise<EmployeeRecord> {
  const employee = findEmployeeByCode(deps.store.db, code);
  if (!employee || !employee.active || !employee.isManager) {
    throw new AppError('FORBIDDEN', `Only an active manager can ${forWhat}.`);
  }
  await checkPin(deps, employee, pin, 'manager');
  return employee;
}

export async function verifyManagerExit(deps: ServiceDeps, code: string, pin: string): Promise<{ managerName: string }> {
  const employee = await verifyManager(deps, code, pin, 'leave kiosk mode');
  deps.events.emit('kiosk.exited', { managerName: employee.name });
  return { managerName: employee.name };
}

/** A manager lifts an employee's wrong-PIN locks (kiosk and manager screens), here and at central. */
export async function clearLockout(
  deps: ServiceDeps,
  employeeCode: string,
  by: string,
): Promise<{ employeeCode: string; name: string; everywhere: boolean }> {
  const manager = findEmployeeByCode(deps.store.db, by);
  if (!manager || !manager.active || !manager.isManager) throw new AppError('FORBIDDEN', 'Only an active manager can clear a lockout.');
  const employee = findEmployeeByCode(deps.store.db, employeeCode);
  if (!employee) throw new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${employeeCode}.`);
  clearLocalPinCounts(deps, employee.id);
  const everywhere = await deps.sharedLockout.clear(employee.id);
  deps.log.info('PIN lockout cleared', { employee: employee.code, by, everywhere });
  return { employeeCode: employee.code, name: employee.name, everywhere };
}
