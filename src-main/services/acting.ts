// Who makes a change or reads a day, as the services see it: a kiosk manager (an employee with
// the manager flag, named by code and checked in the change's transaction) or a Central caller
// (an account or token, whose grants the dispatch checked; the service narrows it to its reach).
import { EVERYONE, inReach, type Reach } from '../../shared/domain/access.js';
import { AppError } from '../../shared/errors.js';

export type Acting = { kind: 'manager'; code: string } | { kind: 'account'; label: string; reach: Reach };

export const asManager = (code: string): Acting => ({ kind: 'manager', code });

/** The actor as the audit log writes it. */
export const actingLabel = (a: Acting): string => (a.kind === 'manager' ? `manager:${a.code}` : a.label);

export const actingReach = (a: Acting): Reach => (a.kind === 'manager' ? EVERYONE : a.reach);

/**
 * Refuses an employee outside the caller's reach, in the same words as an unknown one for a
 * caller who may not know it exists.
 */
export function requireInReach(reach: Reach, target: { teamId: string | null; siteId: string | null }, what: string): void {
  if (!inReach(reach, target)) throw new AppError('FORBIDDEN', `${what} is not in the teams or sites you are given.`);
}
