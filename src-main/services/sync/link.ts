// How a kiosk's sync reaches central: straight to the database (the built-in zero-setup mode, or
// a DATABASE_URL), or through Frontdesk Central's sync API with a device credential
// (central-link.ts). The engine runs the same cycle over either: start (roster, clock), push
// batches, finish (the heartbeat).
import type pg from 'pg';
import { clockOffsetMs } from '../../../shared/domain/punch-rules.js';
import type { SyncStatus } from '../../../shared/contract/sync.js';
import type { Logger } from '../../log.js';
import type { Clock, ServiceDeps } from '../deps.js';
import type { CentralSource } from './central-source.js';
import type { OutboxPunch, Rejection } from './outbox.js';
import { pushAndRecord, type BatchResult } from './push-batch.js';
import { publishLocalRoster, pullRoster } from './roster-sync.js';
import { directDayLookup, type CentralDayLookup } from './verify.js';

/** What the kiosk reports of itself at the end of a cycle. */
export interface KioskReport {
  backlog: { count: number; oldestAt: number | null };
  rejected: number;
  lastError: string | null;
}

export interface LinkCycle {
  /** Central's clock minus this kiosk's, measured as the cycle started (null: not measured). */
  clockOffsetMs: number | null;
  /** Pushes one batch; `committed` hears of each part central committed; returns the punches refused for their data. */
  push(rows: readonly OutboxPunch[], committed: (result: BatchResult) => void): Promise<Rejection[]>;
  finish(report: KioskReport): Promise<void>;
}

export interface SyncLink {
  readonly kind: SyncStatus['central'];
  /** Starts a cycle: reaches central, exchanges the roster, reads the clock; `report` is the kiosk's health before it. */
  begin(report: KioskReport, opts?: { eager: boolean }): Promise<LinkCycle>;
  /** For `verify`: the ids central holds for one local day of this device. */
  dayLookup: CentralDayLookup;
  close(): Promise<void>;
}

/** Codes the sync API's refusals carry that put the kiosk in a state of its own. */
const LINK_STATES: Record<string, SyncStatus['state']> = {
  REVOKED: 'revoked',
  NEEDS_UPDATE: 'needs-update',
  CENTRAL_OUTDATED: 'central-outdated',
};

export const stateOfLinkFailure = (code: string): SyncStatus['state'] | undefined => LINK_STATES[code];

/** Central's clock against this kiosk's, from one round trip. */
async function measureClockOffset(pool: pg.Pool, clock: Clock): Promise<number> {
  const before = clock.now();
  const { rows } = await pool.query<{ now: string }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text AS now');
  return clockOffsetMs(before, Number(rows[0]!.now), clock.now());
}

/** The sync straight to the central database. */
export function directLink(source: CentralSource, deps: Pick<ServiceDeps, 'store' | 'clock'>, log: Logger): SyncLink {
  return {
    kind: source.kind,
    async begin() {
      const central = await source.connect();
      const offset = await measureClockOffset(central.pool, deps.clock);
      await publishLocalRoster(deps.store.sqlite, central.pool, log);
      await pullRoster(deps.store.sqlite, central.pool, log);
      return {
        clockOffsetMs: offset,
        push: (rows, committed) => pushAndRecord(central.pool, rows, { log, committed }),
        finish: () => Promise.resolve(),
      };
    },
    dayLookup: directDayLookup(source),
    close: () => source.close(),
  };
}
