// Binds each contract method to its service. `satisfies Handlers` makes a missing or misspelt
// method a compile error.
import type { KioskInfo } from '../../shared/contract/kiosk.js';
import type { ServiceDeps } from '../services/deps.js';
import { kioskInfo, verifyManagerExit } from '../services/kiosk/kiosk-service.js';
import type { PunchService } from '../services/punches/punch-service.js';
import { addEmployee, listEmployees } from '../services/roster/roster.js';
import { readSyncStatus } from '../services/sync/status.js';
import { isTrusted, type Handlers } from './dispatch.js';

export function createHandlers(deps: ServiceDeps, punches: PunchService, host: KioskInfo['host']): Handlers {
  return {
    'kiosk.info': () => kioskInfo(deps, host),
    'kiosk.identify': (input, ctx) => punches.identify(input, isTrusted(ctx)),
    'kiosk.exit': (input) => verifyManagerExit(deps, input.code, input.pin),
    'punches.record': (input, ctx) => punches.record(input, isTrusted(ctx)),
    'punches.list': (input) => punches.list(input),
    'punches.import': (input) => punches.importFile(input.content),
    'employees.add': (input) => addEmployee(deps.store.db, deps.kiosk.siteId, input),
    'employees.list': (input) => listEmployees(deps.store.db, input.includeInactive),
    'sync.status': () => readSyncStatus(deps),
  } satisfies Handlers;
}
