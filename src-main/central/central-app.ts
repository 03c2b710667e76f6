// Central's composition root: the central database (DATABASE_URL, or the built-in server in the
// data folder), the services over it, and one dispatch guarded by the central authorizer.
// Central alone applies central migrations, at start. Nothing here lives in memory that a second
// instance would need: sessions, throttles and rate counters are in PostgreSQL.
import { mkdirSync } from 'node:fs';
import type pg from 'pg';
import { DEFAULT_PUNCH_POLICY } from '../../shared/domain/punch-rules.js';
import { createLogger } from '../log.js';
import { createDispatch, type Dispatch } from '../rpc/dispatch.js';
import { createAiStore } from '../services/ai/ai-config.js';
import { systemClock, type CentralDeps, type Clock } from '../services/deps.js';
import { stableId } from '../services/roster/roster.js';
import { createCentralSource, withCentral, type CentralSource } from '../services/sync/central-source.js';
import { centralAuthorizer } from './authorize.js';
import type { CentralConfig } from './config.js';
import { createCentralHandlers } from './handlers.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../services/accounts/sessions.js';

export interface CentralApp {
  config: CentralConfig;
  deps: CentralDeps;
  source: CentralSource;
  dispatch: Dispatch;
  sessions: SessionPolicy;
  /** The pool, connected and migrated. */
  pool: () => Promise<pg.Pool>;
  close: () => Promise<void>;
}

/** The site a correction is given for an employee with no team: the first site, else a fixed id. */
async function defaultSiteId(source: CentralSource): Promise<string> {
  const { rows } = await withCentral(source, (c) => c.pool.query<{ id: string }>('SELECT id::text AS id FROM sites ORDER BY name LIMIT 1'));
  return rows[0]?.id ?? stableId('site', 'Frontdesk Central');
}

/**
 * `source`: a central database already opened by the caller (the kiosk's built-in server, in
 * the zero-setup mode); Central then uses it and leaves closing it to the caller.
 */
export async function createCentralApp(config: CentralConfig, opts: { clock?: Clock; source?: CentralSource } = {}): Promise<CentralApp> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const log = createLogger('central');
  const owned = opts.source === undefined;
  const source =
    opts.source ??
    createCentralSource({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      log: createLogger('central-db'),
      poolSize: config.dbPoolSize,
    });
  try {
    // Connecting applies the migrations (one transaction, under a transaction-scoped lock).
    await source.connect();
  } catch (err) {
    if (owned) await source.close();
    throw err;
  }
  const deps: CentralDeps = {
    clock: opts.clock ?? systemClock,
    log,
    policy: { ...DEFAULT_PUNCH_POLICY, duplicateWindowSeconds: config.duplicateWindowSeconds, maxHours: config.maxHours },
    autoCheckout: config.autoCheckout,
    ai: createAiStore(process.env, config.dataDir),
    kiosk: { tz: config.tz, siteId: await defaultSiteId(source) },
  };
  return {
    config,
    deps,
    source,
    dispatch: createDispatch(createCentralHandlers(deps, source), centralAuthorizer),
    sessions: { ...DEFAULT_SESSION_POLICY, idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionMaxHours },
    pool: async () => (await source.connect()).pool,
    close: () => (owned ? source.close() : Promise.resolve()),
  };
}
