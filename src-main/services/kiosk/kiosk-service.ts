// Kiosk-level calls: what the screen shows in its header, and leaving kiosk mode, which needs
// an active manager's code and PIN (counted against the same wrong-PIN lockout).
import type { KioskInfo } from '../../../shared/contract/kiosk.js';
import { AppError } from '../../../shared/errors.js';
import type { ServiceDeps } from '../deps.js';
import { checkPin } from '../punches/pin-check.js';
import { findEmployeeByCode } from '../roster/roster.js';

export function kioskInfo(deps: ServiceDeps, host: KioskInfo['host']): KioskInfo {
  const { siteName, tz, deviceId } = deps.kiosk;
  return { siteName, tz, deviceId, now: new Date(deps.clock.now()).toISOString(), host };
}

export async function verifyManagerExit(deps: ServiceDeps, code: string, pin: string): Promise<{ managerName: string }> {
  const employee = findEmployeeByCode(deps.store.db, code);
  if (!employee || !employee.active || !employee.isManager) {
    throw new AppError('FORBIDDEN', 'Only an active manager can leave kiosk mode.');
  }
  await checkPin(deps, employee, pin);
  deps.events.emit('kiosk.exited', { managerName: employee.name });
  return { managerName: employee.name };
}
