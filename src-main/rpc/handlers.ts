// Binds each contract method to its service. `satisfies Handlers` makes a missing or misspelt
// method a compile error.
import type { KioskInfo } from '../../shared/contract/kiosk.js';
import type { ServiceDeps } from '../services/deps.js';
import { clearLockout, kioskInfo, verifyManager, verifyManagerExit } from '../services/kiosk/kiosk-service.js';
import type { ManagerSessions } from '../services/manager/manager-sessions.js';
import { dashboard } from '../services/reports/dashboard.js';
import type { PunchService } from '../services/punches/punch-service.js';
import { addEmployee, listEmployees } from '../services/roster/roster.js';
import { withCentral, type CentralSource } from '../services/sync/central-source.js';
import { runGuardedSql } from '../services/ai/sql-guard.js';
import { ask } from '../services/ai/ask.js';
import { summarize } from '../services/ai/summary.js';
import type { SyncEngine } from '../services/sync/engine.js';
import { verifyAgainstCentral } from '../services/sync/verify.js';
import type { SyncLink } from '../services/sync/link.js';
import { readSyncRecord } from '../services/sync/sync-state.js';
import { listRejects, resolveReject } from '../services/sync/rejects.js';
import { runReport } from '../services/reports/reports.js';
import { auditLog, correctPunch, employeeDay } from '../services/corrections/corrections.js';
import { runAutoCheckout } from '../services/corrections/auto-checkout.js';
import { addCentralEmployee, addSite, addTeam, listRoster, updateEmployee, updateSite, updateTeam } from '../services/roster/central-roster.js';
import { isTrusted, type Handlers } from './dispatch.js';
import { AppError } from '../../shared/errors.js';
import { checkCentralUrl } from '../security/central-url.js';
import { localDateOf } from '../../shared/domain/local-time.js';

export interface SyncHandles {
  engine: SyncEngine;
  source: CentralSource;
  link: SyncLink;
  /** Enrolls this data folder with Frontdesk Central (the host then starts again, enrolled). */
  enroll(centralUrl: URL, code: string): Promise<{ name: string; siteName: string; centralUrl: string }>;
}

const CLONE_PROBLEM =
  "Frontdesk Central saw two kiosks use this kiosk's credential (a copied data folder), so the days cannot be compared: the other kiosk's punches carry this device id too. Ask an admin to revoke this kiosk and enroll each machine on its own.";

export function createHandlers(
  deps: ServiceDeps,
  punches: PunchService,
  sync: SyncHandles,
  host: KioskInfo['host'],
  managers: ManagerSessions,
): Handlers {
  return {
    'manager.signIn': async (input) => {
      const manager = await verifyManager(deps, input.code, input.pin, 'open the manager screens');
      const token = managers.open({ code: manager.code, name: manager.name });
      return { token, code: manager.code, name: manager.name, idleMinutes: managers.idleMinutes };
    },
    'manager.signOut': (_input, ctx) => ({ signedOut: managers.close(ctx.managerToken) }),
    'reports.dashboard': (input) => dashboard(deps, sync.source, input),
    'kiosk.info': () => kioskInfo(deps, host),
    'kiosk.identify': (input, ctx) => punches.identify(input, isTrusted(ctx)),
    'kiosk.exit': (input) => verifyManagerExit(deps, input.code, input.pin),
    'kiosk.enroll': async (input) => {
      if (sync.link.kind === 'central')
        throw new AppError('CONFLICT', `This kiosk is enrolled already, with ${deps.kiosk.central?.url ?? 'Frontdesk Central'}.`);
      const url = checkCentralUrl(input.centralUrl, 'The address of Frontdesk Central');
      if (!url.ok) throw new AppError('BAD_INPUT', `${url.message}.`);
      await verifyManager(deps, input.managerCode, input.managerPin, 'enroll this kiosk with Frontdesk Central');
      return sync.enroll(url.url, input.code);
    },
    'kiosk.clearLockout': (input) => clearLockout(deps, input.employeeCode, input.by),
    'punches.record': (input, ctx) => punches.record(input, isTrusted(ctx)),
    'punches.list': (input) => punches.list(input),
    'punches.import': (input) => {
      const result = punches.importFile(input.content);
      if (result.imported > 0) sync.engine.kick();
      return result;
    },
    'employees.add': (input) => {
      // Through Central, the roster is Central's: this kiosk cannot publish an employee it made.
      if (sync.link.kind === 'central') {
        throw new AppError(
          'FORBIDDEN',
          'This kiosk syncs through Frontdesk Central: add employees there (console or `frontdesk central`), and they reach this kiosk with the next sync.',
        );
      }
      return addEmployee(deps.store.db, deps.kiosk.siteId, input, undefined, input.startDate ?? localDateOf(deps.clock.now(), deps.kiosk.tz));
    },
    'employees.list': (input) => listEmployees(deps.store.db, input.includeInactive),
    'sync.status': () => sync.engine.status(),
    'sync.now': () => sync.engine.syncNow(),
    'sync.verify': (input) =>
      verifyAgainstCentral(deps, sync.link.dayLookup, input.days, readSyncRecord(deps.store.sqlite).cloneSuspected ? CLONE_PROBLEM : null),
    'sync.rejects': (input) => listRejects(deps, input.includeDiscarded),
    'sync.resolveReject': (input) => {
      const settled = resolveReject(deps, input);
      if (input.action === 'retry') sync.engine.kick();
      return settled;
    },
    'roster.addSite': (input) => addSite(sync.source, input),
    'roster.addTeam': (input) => addTeam(sync.source, input),
    'roster.updateEmployee': (input) => updateEmployee(sync.source, input),
    'roster.updateSite': (input) => updateSite(sync.source, input, deps.clock.now()),
    'roster.updateTeam': (input) => updateTeam(sync.source, input, deps.clock.now()),
    'roster.addEmployee': (input) => addCentralEmployee(sync.source, input),
    'roster.list': () => listRoster(sync.source),
    'punches.correct': (input) => correctPunch(deps, sync.source, input),
    'punches.day': (input) => employeeDay(deps, sync.source, input),
    'punches.autoCheckout': (input) => runAutoCheckout(sync.source, deps.clock, input.rule ?? deps.autoCheckout),
    'audit.list': (input) => auditLog(sync.source, input),
    'reports.run': (input) => runReport(deps, sync.source, input),
    'ai.ask': (input) => ask({ deps, source: sync.source }, input.question),
    'ai.summary': (input) => summarize({ deps, source: sync.source }, input.period, input.date),
    'ai.status': () => deps.ai.settings().status,
    'ai.configure': (input) =>
      deps.ai.save(
        input.clear
          ? null
          : {
              ...(input.apiKey ? { aiKey: input.apiKey } : {}),
              ...(input.baseUrl ? { aiBaseUrl: input.baseUrl } : {}),
              ...(input.model ? { aiModel: input.model } : {}),
            },
      ).status,
    'sql.run': (input) => withCentral(sync.source, (central) => runGuardedSql(central.pool, input.sql)),
    'system.health': () => ({ status: 'up' as const, localStore: 'ok' as const, sync: sync.engine.status() }),
  } satisfies Handlers;
}
