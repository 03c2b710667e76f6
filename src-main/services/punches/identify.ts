// Who is at the kiosk: a badge, or an employee code with a PIN (or, for trusted local callers
// like the CLI, the code alone). Unknown and inactive employees get a clear error; a good
// identification yields a short-lived ticket, the suggested kind and today's hours so far.
import { localDateOf } from '../../../shared/domain/local-time.js';
import { suggestKind } from '../../../shared/domain/punch-rules.js';
import type { IdentifyInput, IdentifyOutput } from '../../../shared/contract/kiosk.js';
import { AppError } from '../../../shared/errors.js';
import type { PunchRepo } from '../../db/local/punch-repo.js';
import type { ServiceDeps } from '../deps.js';
import { findEmployeeByBadge, findEmployeeByCode, type EmployeeRecord } from '../roster/roster.js';
import { checkPin } from './pin-check.js';
import type { TicketBook } from './tickets.js';
import { secondsWorkedOn } from './today.js';

export async function findActiveEmployee(deps: ServiceDeps, input: IdentifyInput, trusted: boolean): Promise<EmployeeRecord> {
  if (input.method === 'code' && !trusted) {
    throw new AppError('FORBIDDEN', 'Identify with a badge or with your code and PIN.');
  }
  const employee = input.method === 'badge' ? findEmployeeByBadge(deps.store.db, input.badge) : findEmployeeByCode(deps.store.db, input.code);
  if (!employee) {
    throw input.method === 'badge'
      ? new AppError('UNKNOWN_EMPLOYEE', 'This badge is not registered. Please see your manager.')
      : new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${input.code}.`);
  }
  if (!employee.active) {
    // Said without the name, and without saying why: anyone at the kiosk can read it.
    throw new AppError('INACTIVE_EMPLOYEE', 'This code or badge cannot punch on this kiosk. Please see your manager.');
  }
  if (input.method === 'pin') await checkPin(deps, employee, input.pin);
  return employee;
}

export async function identify(
  deps: ServiceDeps,
  repo: PunchRepo,
  tickets: TicketBook,
  input: IdentifyInput,
  trusted: boolean,
): Promise<IdentifyOutput> {
  const employee = await findActiveEmployee(deps, input, trusted);
  const now = deps.clock.now();
  const last = repo.last(employee.id);
  const lastPunch = last ? { kind: last.kind, atMs: last.atUtc } : null;
  return {
    ticket: tickets.issue(employee.id),
    employee: { id: employee.id, code: employee.code, name: employee.name },
    suggested: suggestKind(lastPunch, now, deps.policy),
    lastPunch: last ? { kind: last.kind, at: new Date(last.atUtc).toISOString() } : null,
    todaySeconds: secondsWorkedOn(repo, employee.id, localDateOf(now, deps.kiosk.tz), deps.kiosk.tz, deps.policy.maxHours),
  };
}
