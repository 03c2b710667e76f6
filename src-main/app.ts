// Composition root: builds the services from configuration and hands back one dispatch.
// Hosts (Electron, web, CLI) and tests all start here; nothing else wires services together.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { KioskInfo } from '../shared/contract/kiosk.js';
import { DEFAULT_PUNCH_POLICY } from '../shared/domain/punch-rules.js';
import { openLocalStore, type LocalStore } from './db/local/connection.js';
import { acquireHostLock } from './db/local/host-lock.js';
import { readIdentityFile, refuseForeignDatabase, refuseMissingDatabase, writeIdentityFile } from './db/local/kiosk-identity.js';
import { migrateLocal } from './db/local/migrate.js';
import { createEventBus, type EventBus } from './events.js';
import { createLogger } from './log.js';
import { wantsDemo, type AppConfig } from './config.js';
import { createDispatch, kioskAuthorizer, type Dispatch } from './rpc/dispatch.js';
import { createHandlers } from './rpc/handlers.js';
import { createManagerSessions } from './services/manager/manager-sessions.js';
import { systemClock, type Clock, type KioskIdentity, type ServiceDeps } from './services/deps.js';
import { createPunchService, type PunchService } from './services/punches/punch-service.js';
import { seedDemo, type DemoCredential } from './services/roster/demo-seed.js';
import { ensureSite } from './services/roster/roster.js';
import { ensureDeviceId, getSetting, setSetting } from './services/settings/settings.js';
import { createCentralSource, withCentral, type CentralSource } from './services/sync/central-source.js';
import { AppError } from '../shared/errors.js';
import { directLink } from './services/sync/link.js';
import { createSyncEngine, type SyncEngine, type SyncOptions } from './services/sync/engine.js';
import { startAutoCheckout } from './services/corrections/auto-checkout.js';
import { createAiStore, type SecretCodec } from './services/ai/ai-config.js';
import { createPinGate } from './services/punches/pin-gate.js';
import { createSharedLockout } from './services/punches/shared-lockout.js';
import { readSyncRecord } from './services/sync/sync-state.js';

export const LOCAL_DB_FILE = 'frontdesk.sqlite';
const STATUS_PUSH_DELAY_MS = 50;

export interface App {
  config: AppConfig;
  dispatch: Dispatch;
  events: EventBus;
  store: LocalStore;
  deps: ServiceDeps;
  punches: PunchService;
  sync: SyncEngine;
  central: CentralSource;
  /** Set on the run that created the data folder's database with demo data. */
  demoSeeded: readonly DemoCredential[] | null;
  /** Starts the background work: the sync, and the auto check-out when it is on. */
  start(): void;
  /** Stops the sync, closes central (stopping an embedded server this process started) and SQLite. */
  close(): Promise<void>;
}

export interface AppOptions {
  config: AppConfig;
  host: KioskInfo['host'];
  clock?: Clock;
  sync?: Partial<SyncOptions>;
  /** How the secrets file is sealed: the Electron shell passes safeStorage; plain 0600 JSON otherwise. */
  secretCodec?: SecretCodec;
}

function loadKioskIdentity(store: LocalStore, config: AppConfig, clock: Clock): KioskIdentity {
  const deviceId = ensureDeviceId(store.db, clock.now());
  let siteId = getSetting(store.db, 'site_id');
  if (!siteId) {
    siteId = ensureSite(store.db, { name: config.siteName, tz: config.tz });
    setSetting(store.db, 'site_id', siteId);
    setSetting(store.db, 'site_name', config.siteName);
    setSetting(store.db, 'tz', config.tz);
  }
  return {
    deviceId,
    siteId,
    siteName: getSetting(store.db, 'site_name') ?? config.siteName,
    tz: getSetting(store.db, 'tz') ?? config.tz,
  };
}

/** Demo data asked for with a real central: only into an empty one, never beside real employees. */
async function refuseDemoIntoUsedCentral(central: CentralSource): Promise<void> {
  const employees = await withCentral(central, async (c) =>
    Number((await c.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM employees')).rows[0]?.n ?? 0),
  ).catch((err: unknown) => {
    throw new AppError(
      'UNAVAILABLE',
      `Demo data was asked for, but Frontdesk could not check that the central database is empty, so it made none: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  if (employees > 0) {
    throw new AppError(
      'CONFLICT',
      `The central database already has ${employees} employee${employees === 1 ? '' : 's'}; demo data goes only into an empty one. Start without --demo.`,
    );
  }
}

/** The device id the database holds, read before migrating (the file may be any SQLite file). */
function storedDeviceId(store: LocalStore): string | undefined {
  const hasSettings = store.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (!hasSettings) return undefined;
  return (store.sqlite.prepare("SELECT value FROM settings WHERE key = 'device_id'").get() as { value: string } | undefined)?.value;
}

export async function createApp({ config, host, clock = systemClock, sync: syncOptions, secretCodec }: AppOptions): Promise<App> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // A long-running host serves its folder alone; commands run beside it.
  const hostLock = host === 'web' || host === 'electron' ? acquireHostLock(config.dataDir, host) : null;
  const file = path.join(config.dataDir, LOCAL_DB_FILE);
  let store: LocalStore;
  let remembered: ReturnType<typeof readIdentityFile>;
  try {
    remembered = readIdentityFile(config.dataDir);
    refuseMissingDatabase(remembered, file);
    store = openLocalStore(file);
  } catch (err) {
    hostLock?.release();
    throw err;
  }
  try {
    refuseForeignDatabase(remembered, storedDeviceId(store), file);
    migrateLocal(store);
  } catch (err) {
    store.close();
    hostLock?.release();
    throw err;
  }
  const log = createLogger('app');
  const events = createEventBus((err) => log.error('event listener failed', { error: String(err) }));
  const central = createCentralSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: createLogger('central') });
  const policy = { ...DEFAULT_PUNCH_POLICY, duplicateWindowSeconds: config.duplicateWindowSeconds, maxHours: config.maxHours };
  const deps: ServiceDeps = {
    store,
    clock,
    log,
    events,
    policy,
    autoCheckout: config.autoCheckout,
    ai: createAiStore(process.env, config.dataDir, secretCodec),
    kiosk: loadKioskIdentity(store, config, clock),
    pinGate: createPinGate(),
    pinKey: null,
    // While the sync finds central offline, a PIN check does not wait for it.
    sharedLockout: createSharedLockout({
      source: central,
      clock,
      policy,
      log: createLogger('pin'),
      centralAway: () => readSyncRecord(store.sqlite).state === 'offline',
    }),
  };
  if (!remembered) writeIdentityFile(config.dataDir, { deviceId: deps.kiosk.deviceId, createdAt: new Date(clock.now()).toISOString() });
  const punches = createPunchService(deps);
  const managers = createManagerSessions(clock);
  let demoSeeded: readonly DemoCredential[] | null = null;
  try {
    if (!getSetting(store.db, 'initialized')) {
      if (wantsDemo(config)) {
        if (config.databaseUrl !== undefined) await refuseDemoIntoUsedCentral(central);
        demoSeeded = await seedDemo(deps, punches.repo);
      }
      setSetting(store.db, 'initialized', new Date(clock.now()).toISOString());
    }
  } catch (err) {
    await central.close();
    store.close();
    hostLock?.release();
    throw err;
  }
  const link = directLink(central, deps, createLogger('sync'));
  const sync = createSyncEngine({ ...deps, log: createLogger('sync') }, link, syncOptions);
  // The status push is coalesced and kept off the punch path: a burst of taps costs one count.
  let statusTimer: NodeJS.Timeout | undefined;
  let autoCheckout: { stop(): Promise<void> } | undefined;
  events.on('punches.recorded', () => {
    sync.kick();
    statusTimer ??= setTimeout(() => {
      statusTimer = undefined;
      if (store.sqlite.open) events.emit('sync.statusChanged', sync.status());
    }, STATUS_PUSH_DELAY_MS);
  });

  return {
    config,
    dispatch: createDispatch(
      createHandlers(deps, punches, { engine: sync, source: central, link }, host, managers),
      kioskAuthorizer((token) => managers.resolve(token)),
    ),
    sync,
    central,
    events,
    store,
    deps,
    punches,
    demoSeeded,
    start: () => {
      sync.start();
      autoCheckout ??= startAutoCheckout(central, clock, deps.autoCheckout, createLogger('auto-checkout'));
    },
    close: async () => {
      clearTimeout(statusTimer);
      await autoCheckout?.stop();
      await sync.stop();
      await central.close();
      store.close();
      hostLock?.release();
    },
  };
}
