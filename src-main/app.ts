// Composition root: builds the services from configuration and hands back one dispatch.
// Hosts (Electron, web, CLI) and tests all start here; nothing else wires services together.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { KioskInfo } from '../shared/contract/kiosk.js';
import { DEFAULT_PUNCH_POLICY } from '../shared/domain/punch-rules.js';
import { openLocalStore, type LocalStore } from './db/local/connection.js';
import { acquireHostLock, hostIsRunning } from './db/local/host-lock.js';
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
import { directLink, type SyncLink } from './services/sync/link.js';
import { createSyncEngine, type SyncEngine, type SyncOptions } from './services/sync/engine.js';
import { startAutoCheckout } from './services/corrections/auto-checkout.js';
import { createAiStore, type SecretCodec } from './services/ai/ai-config.js';
import { createPinGate } from './services/punches/pin-gate.js';
import { createSharedLockout } from './services/punches/shared-lockout.js';
import { readSyncRecord } from './services/sync/sync-state.js';
import { credentialFileFor, readDeviceCredential, type DeviceCredential } from './services/sync/device-credential.js';
import { centralLink, centralPinCounts } from './services/sync/central-link.js';
import { adoptEnrollment, requestEnrollment } from './services/sync/enroll.js';
import { createSharedLockoutOver } from './services/punches/shared-lockout.js';
import { readJournal } from './db/local/migrate.js';
import { appVersion } from './paths.js';
import type { SyncProtocol } from '../shared/contract/sync-api.js';

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
  /** How the sync reaches central: the database, or Frontdesk Central's sync API (kind 'central'). */
  link: SyncLink;
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
  /** The sync protocol spoken to Central (tests speak older and newer ones). */
  protocol?: SyncProtocol;
}

/** An enrolled kiosk's stand-in for a central database: every manager-facing call is sent to Central's console. */
function centralOnlySource(centralUrl: string): CentralSource {
  const refusal = (): Promise<never> =>
    Promise.reject(
      new AppError(
        'UNAVAILABLE',
        `This kiosk syncs through Frontdesk Central and holds no database credential. Manager screens, reports and Ask are on Central: ${centralUrl} (sign in with your account).`,
        { centralUrl },
      ),
    );
  return { kind: 'external', connect: refusal, close: () => Promise.resolve() };
}

function loadKioskIdentity(store: LocalStore, config: AppConfig, clock: Clock): Omit<KioskIdentity, 'central'> {
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

export async function createApp(options: AppOptions): Promise<App> {
  const { config, host, clock = systemClock, sync: syncOptions, secretCodec } = options;
  // Kiosks sync through Frontdesk Central; a database credential belongs to Central alone.
  if ((host === 'web' || host === 'electron') && config.databaseUrl !== undefined && !config.directSync) {
    throw new AppError(
      'BAD_INPUT',
      'DATABASE_URL is set, but a kiosk holds no database credential: it syncs through Frontdesk Central. Unset DATABASE_URL here (it belongs to Central), ' +
        'add this kiosk on Central and enroll it (frontdesk enroll --central URL --code CODE, or Enroll with Central on its sync screen). ' +
        'To keep syncing straight to the database as before Central, set FRONTDESK_DIRECT_SYNC=1.',
    );
  }
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
  // A kiosk enrolled with Frontdesk Central syncs through its sync API and holds no database credential.
  let credential: DeviceCredential | null;
  try {
    credential = readDeviceCredential(credentialFileFor(config.credentialDir, config.dataDir), secretCodec);
    if (credential && config.databaseUrl !== undefined) {
      throw new AppError(
        'BAD_INPUT',
        `This kiosk is enrolled with Frontdesk Central (${credential.centralUrl}) and syncs through it; it needs no DATABASE_URL. Unset DATABASE_URL.`,
      );
    }
  } catch (err) {
    store.close();
    hostLock?.release();
    throw err;
  }
  const central = credential
    ? centralOnlySource(credential.centralUrl)
    : createCentralSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: createLogger('central') });
  const httpLink = credential
    ? centralLink({
        credential,
        sqlite: store.sqlite,
        clock,
        log: createLogger('sync'),
        appVersion: appVersion(),
        schemaVersion: readJournal().entries.length,
        heartbeats: hostLock !== null || !hostIsRunning(config.dataDir),
        ...(options.protocol ? { protocol: options.protocol } : {}),
      })
    : null;
  const centralAway = (): boolean => readSyncRecord(store.sqlite).state === 'offline';
  const policy = { ...DEFAULT_PUNCH_POLICY, duplicateWindowSeconds: config.duplicateWindowSeconds, maxHours: config.maxHours };
  const deps: ServiceDeps = {
    store,
    clock,
    log,
    events,
    policy,
    autoCheckout: config.autoCheckout,
    ai: createAiStore(process.env, config.dataDir, secretCodec),
    kiosk: { ...loadKioskIdentity(store, config, clock), central: credential ? { url: credential.centralUrl, name: credential.name } : null },
    pinGate: createPinGate(),
    pinKey: credential ? Buffer.from(credential.pinKey, 'base64') : null,
    // While the sync finds central offline, a PIN check does not wait for it.
    sharedLockout: httpLink
      ? createSharedLockoutOver({ ...centralPinCounts(httpLink.client), log: createLogger('pin'), centralAway })
      : createSharedLockout({ source: central, clock, policy, log: createLogger('pin'), centralAway }),
  };
  if (!remembered) writeIdentityFile(config.dataDir, { deviceId: deps.kiosk.deviceId, createdAt: new Date(clock.now()).toISOString() });
  const punches = createPunchService(deps);
  const managers = createManagerSessions(clock);
  let demoSeeded: readonly DemoCredential[] | null = null;
  try {
    if (!getSetting(store.db, 'initialized')) {
      if (wantsDemo(config) && !credential) {
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
  const link = httpLink ?? directLink(central, deps, createLogger('sync'));
  const sync = createSyncEngine({ ...deps, log: createLogger('sync') }, link, syncOptions);
  /** Enrolls this folder from the kiosk's screen; the host starts again to sync through Central. */
  const enroll = async (url: URL, code: string): Promise<{ name: string; siteName: string; centralUrl: string }> => {
    if (config.databaseUrl !== undefined) {
      throw new AppError('BAD_INPUT', 'This kiosk has DATABASE_URL set: unset it first; an enrolled kiosk holds no database credential.');
    }
    const file = credentialFileFor(config.credentialDir, config.dataDir);
    if (existsSync(file)) throw new AppError('CONFLICT', 'This data folder is enrolled already; start the kiosk again to use it.');
    const answer = await requestEnrollment(url, { code, deviceId: deps.kiosk.deviceId, appVersion: appVersion() });
    const made = adoptEnrollment(store, file, answer, url, deps.kiosk.deviceId, new Date(clock.now()), secretCodec);
    log.info('enrolled with Frontdesk Central; the host starts again', { central: made.centralUrl, name: made.name });
    setTimeout(() => events.emit('kiosk.enrolled', { name: made.name, centralUrl: made.centralUrl }), 0);
    return { name: made.name, siteName: made.site.name, centralUrl: made.centralUrl };
  };
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
      createHandlers(deps, punches, { engine: sync, source: central, link, enroll }, host, managers),
      kioskAuthorizer((token) => managers.resolve(token)),
    ),
    sync,
    central,
    link,
    events,
    store,
    deps,
    punches,
    demoSeeded,
    start: () => {
      sync.start();
      // Through Central, Central closes forgotten OUTs; this kiosk cannot reach the database.
      if (!credential) autoCheckout ??= startAutoCheckout(central, clock, deps.autoCheckout, createLogger('auto-checkout'));
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
