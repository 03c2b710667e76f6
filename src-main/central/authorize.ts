// Who may call what on Central, checked in this one place for the console and the API alike:
// the method's `central` level (contract) against the caller's grants and reach
// (shared/domain/access.ts). The acting name the services audit is always the caller's.
import { centralAccessOf } from '../../shared/contract/index.js';
import { allows, type CentralAccess } from '../../shared/domain/access.js';
import { fail, withActing, type Authorize } from '../rpc/dispatch.js';
import type { CentralActor } from '../services/accounts/actor.js';

/** The caller's name in the shape a method's `by` takes (letters, digits, _ . -). */
export const actingName = (actor: CentralActor): string => actor.username.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 32) || 'central';

function refusal(need: CentralAccess, actor: CentralActor): string {
  const who = actor.via === 'token' ? `This token (${actor.label.slice('token:'.length)}, acting as ${actor.role})` : `Your role (${actor.role})`;
  switch (need) {
    case 'write':
      return `${who} may read reports but not change anything.`;
    case 'admin':
      return `Only an admin may do that; ${who.charAt(0).toLowerCase()}${who.slice(1)} is not one.`;
    case 'read-all':
      return 'That reads every team; it is open only to accounts that see every team (admin, payroll).';
    case 'read':
    case 'public':
      return `${who} may not read this.`;
  }
}

export const centralAuthorizer: Authorize = (method, input, ctx) => {
  const need = centralAccessOf(method);
  if (!need) return fail('UNKNOWN_METHOD', `${method} is a kiosk's own method; Frontdesk Central does not serve it.`);
  if (need === 'public') return { input };
  const actor = ctx.actor;
  if (!actor) return fail('UNAUTHORIZED', 'Sign in first, or send an API token (Authorization: Bearer …).');
  if (!allows(need, actor.grants, actor.reach)) return fail('FORBIDDEN', refusal(need, actor));
  return { input: withActing(method, input, actingName(actor)) };
};
