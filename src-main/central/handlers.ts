// Central's handlers: the same services the kiosk's manager screens use, given the caller's
// reach and name from the call context, plus accounts, tokens and attendance for programs.
// `satisfies CentralHandlers` makes a method Central should serve and does not a compile error.
import type pg from 'pg';
import type { Reach } from '../../shared/domain/access.js';
import { describeFailure } from '../../shared/domain/retry-policy.js';
import { AppError } from '../../shared/errors.js';
import type { Acting } from '../services/acting.js';
import { listUsers, addUser, updateUser, clearSignInLock } from '../services/accounts/users.js';
import { createToken, listTokens, revokeToken } from '../services/accounts/tokens.js';
import { listAttendance, recordAttendance } from '../services/attendance/attendance.js';
import { runAutoCheckout } from '../services/corrections/auto-checkout.js';
import { auditLog, correctPunch, employeeDay } from '../services/corrections/corrections.js';
import type { CentralDeps } from '../services/deps.js';
import { ask } from '../services/ai/ask.js';
import { summarize } from '../services/ai/summary.js';
import { runGuardedSql } from '../services/ai/sql-guard.js';
import { dashboard } from '../services/reports/dashboard.js';
import { runReport, runReportJson } from '../services/reports/reports.js';
import { addCentralEmployee, addSite, addTeam, listRoster, updateEmployee, updateSite, updateTeam } from '../services/roster/central-roster.js';
import { withCentral, type CentralSource } from '../services/sync/central-source.js';
import type { CallContext, CentralHandlers } from '../rpc/dispatch.js';
import { appVersion } from '../paths.js';
import { addKiosk, clearCloneFlag, listKiosks, renameKiosk, revokeKiosk } from '../services/fleet/kiosks.js';
import { listQuarantine, resolveQuarantine } from '../services/fleet/quarantine.js';

/** Nobody: what a handler sees if a call ever arrived with no caller (the authorizer stops that first). */
const NO_ONE: Reach = { all: false, teamIds: [], siteIds: [] };

const reachOf = (ctx: CallContext): Reach => ctx.actor?.reach ?? NO_ONE;
const labelOf = (ctx: CallContext): string => {
  if (!ctx.actor) throw new AppError('UNAUTHORIZED', 'Sign in first.');
  return ctx.actor.label;
};
/** Whose client ids an event's are: the token's or account's id (names of tokens may repeat). */
const clientIdNamespace = (ctx: CallContext): string => {
  const actor = ctx.actor;
  if (actor?.tokenId) return `token-id:${actor.tokenId}`;
  if (actor?.userId) return `user-id:${actor.userId}`;
  return labelOf(ctx);
};
const actingOf = (ctx: CallContext): Acting => ({ kind: 'account', label: labelOf(ctx), reach: reachOf(ctx) });

export function createCentralHandlers(deps: CentralDeps, source: CentralSource): CentralHandlers {
  const now = (): Date => new Date(deps.clock.now());
  const onPool = <T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> => withCentral(source, (central) => fn(central.pool));
  const tools = (ctx: CallContext) => ({ deps, source, reach: reachOf(ctx) });
  return {
    'central.info': () => ({ product: 'Frontdesk Central' as const, version: appVersion(), tz: deps.kiosk.tz }),
    'central.health': async () => {
      try {
        await onPool((pool) => pool.query('SELECT 1'));
        return { status: 'up' as const, database: 'reachable' as const, version: appVersion(), problem: null };
      } catch (err) {
        return { status: 'degraded' as const, database: 'unreachable' as const, version: appVersion(), problem: describeFailure(err) };
      }
    },
    'reports.run': (input, ctx) => runReport(deps, source, input, reachOf(ctx)),
    'reports.json': (input, ctx) => runReportJson(deps, source, input, reachOf(ctx)),
    'reports.dashboard': (input, ctx) => dashboard(deps, source, input, reachOf(ctx)),
    'punches.day': (input, ctx) => employeeDay(deps, source, input, reachOf(ctx)),
    'punches.correct': (input, ctx) => correctPunch(deps, source, input, actingOf(ctx)),
    'punches.autoCheckout': (input) => runAutoCheckout(source, deps.clock, input.rule ?? deps.autoCheckout),
    'audit.list': (input) => auditLog(source, input),
    'roster.list': (_input, ctx) => listRoster(source, reachOf(ctx)),
    'roster.addSite': (input, ctx) => addSite(source, input, actingOf(ctx)),
    'roster.updateSite': (input, ctx) => updateSite(source, input, deps.clock.now(), actingOf(ctx)),
    'roster.addTeam': (input, ctx) => addTeam(source, input, actingOf(ctx)),
    'roster.updateTeam': (input, ctx) => updateTeam(source, input, deps.clock.now(), actingOf(ctx)),
    'roster.addEmployee': (input, ctx) => addCentralEmployee(source, input, actingOf(ctx)),
    'roster.updateEmployee': (input, ctx) => updateEmployee(source, input, actingOf(ctx)),
    'ai.ask': (input, ctx) => ask(tools(ctx), input.question),
    'ai.summary': (input, ctx) => summarize(tools(ctx), input.period, input.date),
    'ai.status': () => deps.ai.settings().status,
    'sql.run': (input, ctx) => {
      if (!reachOf(ctx).all) throw new AppError('FORBIDDEN', 'SQL reads every team; it is open only to accounts that see every team.');
      return onPool((pool) => runGuardedSql(pool, input.sql));
    },
    'users.list': () => onPool((pool) => listUsers(pool, now())),
    'users.add': (input, ctx) => onPool((pool) => addUser(pool, input, labelOf(ctx), now())),
    'users.update': (input, ctx) => onPool((pool) => updateUser(pool, input, labelOf(ctx), now())),
    'users.clearLockout': (input, ctx) => onPool((pool) => clearSignInLock(pool, input.username, labelOf(ctx), now())),
    'tokens.list': () => onPool((pool) => listTokens(pool)),
    'tokens.create': (input, ctx) => onPool((pool) => createToken(pool, input, labelOf(ctx), now())),
    'tokens.revoke': (input, ctx) => onPool((pool) => revokeToken(pool, input.id, labelOf(ctx), now())),
    'attendance.list': (input, ctx) => listAttendance(deps, source, input, reachOf(ctx)),
    'attendance.record': (input, ctx) =>
      recordAttendance(deps, source, input, { label: labelOf(ctx), reach: reachOf(ctx), namespace: clientIdNamespace(ctx) }),
    'kiosks.list': () => onPool((pool) => listKiosks(pool, deps.clock.now())),
    'kiosks.add': (input, ctx) => onPool((pool) => addKiosk(pool, input, labelOf(ctx), now())),
    'kiosks.rename': (input, ctx) => onPool((pool) => renameKiosk(pool, input.kiosk, input.name, labelOf(ctx), now())),
    'kiosks.revoke': (input, ctx) => onPool((pool) => revokeKiosk(pool, input.kiosk, labelOf(ctx), now())),
    'kiosks.clearCloneFlag': (input, ctx) => onPool((pool) => clearCloneFlag(pool, input.kiosk, labelOf(ctx), now())),
    'kiosks.quarantine': (input) => onPool((pool) => listQuarantine(pool, input, deps.clock.now())),
    'kiosks.resolveQuarantine': (input, ctx) => onPool((pool) => resolveQuarantine(pool, input, labelOf(ctx), now(), deps.log)),
  } satisfies CentralHandlers;
}
