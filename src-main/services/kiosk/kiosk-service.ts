// Kiosk-level calls: what the screen shows in its header, and leaving kiosk mode, which needs
// an active manager's code and PIN (counted against the same wrong-PIN lockout).
import type { KioskInfo } from '../../../shared/contract/kiosk.js';
import { AppError } from '../../../shared/errors.js';
import type { ServiceDeps } from '../deps.js';
import { checkPin } from '../punches/pin-check.js';
import { findEmployeeByCode, type EmployeeRecord } from '../roster/roster.js';

export function kioskInfo(deps: ServiceDeps, host: KioskInfo['host']): KioskInfo {
  const { siteName, tz, deviceId } = deps.kiosk;
  return { siteName, tz, deviceId, now: new Date(deps.clock.now()).toISOString(), host };
}

/** An active manager's code and PIN, counted against the wrong-PIN lockout. */
export async function verifyManager(deps: ServiceDeps, code: string, pin: string, forWhat: string): Promise<EmployeeRecord> {
  const employee = findEmployeeByCode(deps.store.db, code);
  if (!employee || !employee.active || !employee.isManager) {
    throw new AppError('FORBIDDEN', `Only an active manager can ${forWhat}.`);
  }
  await checkPin(deps, deps.pinGate, employee, pin);
  return employee;
}

export async function verifyManagerExit(deps: ServiceDeps, code: string, pin: string): Promise<{ managerName: string }> {
  const employee = await verifyManager(deps, code, pin, 'leave kiosk mode');
  deps.events.emit('kiosk.exited', { managerName: employee.name });
  return { managerName: employee.name };
}
