// The background sync. One cycle: publish roster rows made here, pull roster changes, then
// push the outbox oldest first in batches until it is empty. A cycle runs shortly after each
// punch, on a timer, on "Sync now" (also sent by the screen when the network comes back), and
// after a failure when its backoff ends. Transient failures back off with full jitter and
// retry forever; a punch central refuses is set aside and never blocks the others.
import {
  describeFailure,
  fullJitterDelay,
  kickDeadline,
  rootFailure,
  DEFAULT_BACKOFF,
  type BackoffPolicy,
} from '../../../shared/domain/retry-policy.js';
import type { SyncStatus } from '../../../shared/contract/sync.js';
import type { ServiceDeps } from '../deps.js';
import type { KioskReport, LinkCycle, SyncLink } from './link.js';
import { createOutbox, type OutboxPunch } from './outbox.js';
import { stateOfLinkFailure } from './link.js';
import { readSyncRecord, writeSyncRecord } from './sync-state.js';
import { readableNothing, readSyncStatus } from './status.js';
import { describeSyncStorageFailure, storageCause } from '../../db/local/storage-errors.js';

export interface SyncOptions {
  batchSize: number;
  idleIntervalMs: number;
  kickDelayMs: number;
  /** The longest a punch waits for its sync while more punches keep coming. */
  kickMaxWaitMs: number;
  backoff: BackoffPolicy;
  random: () => number;
  /** Fault injection for tests: called after central committed a batch, before the local delete. */
  afterCentralCommit?: () => void;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  batchSize: 2000,
  idleIntervalMs: 30_000,
  kickDelayMs: 150,
  kickMaxWaitMs: 2000,
  backoff: DEFAULT_BACKOFF,
  random: Math.random,
};

export interface SyncEngine {
  /** Starts the timer-driven loop (long-running hosts only). */
  start(): void;
  /** A punch happened: sync soon. */
  kick(): void;
  /** Runs a cycle now and resolves with the status after it. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  stop(): Promise<void>;
  /** Batches pushed since start (for tests and benchmarks). */
  readonly stats: { batches: number; pushed: number; rejected: number };
}

const OFFLINE_CODES = /^(ECONN|ENOTFOUND|EAI_AGAIN|EHOST|ENET|ETIMEDOUT|08|28|3D|CENTRAL_UNREACHABLE)/;

export function createSyncEngine(deps: ServiceDeps, source: SyncLink, options: Partial<SyncOptions> = {}): SyncEngine {
  const opts = { ...DEFAULT_SYNC_OPTIONS, ...options };
  const outbox = createOutbox(deps.store.sqlite);
  const log = deps.log;
  const stats = { batches: 0, pushed: 0, rejected: 0 };
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  /** When the scheduled cycle runs, and when the first punch still waiting for one asked. */
  let timerAt = Infinity;
  let timerIsKick = false;
  let firstKickAt: number | null = null;
  let running: Promise<void> | undefined;
  let rerun = false;
  let started = false;
  let stopping = false;

  /** Set by "Sync now": the link does everything this cycle (roster, heartbeat), skipping no step it may space out. */
  let eager = false;
  let localError: string | null = null;
  let lastGood: SyncStatus | null = null;
  /** The status from the local records; when they cannot be read, the last one read, with the cause. */
  const status = (): SyncStatus => {
    try {
      lastGood = readSyncStatus(deps, source.kind, localError);
      return lastGood;
    } catch (err) {
      const cause = storageCause(err);
      if (!cause) throw err;
      const base = lastGood ?? readableNothing(source.kind);
      return { ...base, localError: describeSyncStorageFailure(cause) };
    }
  };
  const publish = (): void => deps.events.emit('sync.statusChanged', status());
  const schedule = (ms: number, isKick = false): void => {
    clearTimeout(timer);
    timerAt = Infinity;
    timerIsKick = isKick;
    if (!started || stopping) return;
    timerAt = Date.now() + ms;
    timer = setTimeout(() => void cycle(), ms);
    timer.unref();
  };

  /** One batch: pushed, split around bad punches, and the refused ones held here. */
  const pushAndHold = async (cycle: LinkCycle, rows: readonly OutboxPunch[]): Promise<void> => {
    const rejected = await cycle.push(rows, (result) => {
      opts.afterCentralCommit?.();
      outbox.settle(result.accepted, result.rejected, deps.clock.now());
      stats.batches++;
      stats.pushed += result.accepted.length;
      stats.rejected += result.rejected.length;
      for (const r of result.rejected) log.warn('punch held: central does not know its employee', { punchId: r.id, reason: r.reason });
    });
    if (rejected.length === 0) return;
    outbox.settle([], rejected, deps.clock.now());
    stats.rejected += rejected.length;
    for (const r of rejected) log.warn('punch held: central refused its data', { punchId: r.id, reason: r.reason });
  };

  /** Writes to the local sync records; a local storage failure is kept for the status, never thrown. */
  const keepRecord = (write: () => void): void => {
    try {
      write();
    } catch (err) {
      const cause = storageCause(err);
      if (!cause) throw err;
      localError = describeSyncStorageFailure(cause);
    }
  };

  /** What the kiosk tells Central of itself (its heartbeat). */
  const kioskReport = (lastError: string | null): KioskReport => {
    const s = status();
    return {
      backlog: { count: s.pending, oldestAt: s.oldestPendingAt === null ? null : Date.parse(s.oldestPendingAt) },
      rejected: s.rejected,
      lastError,
    };
  };

  /** The batch that was being pushed when a cycle failed: its rows note the failure. */
  let inFlight: OutboxPunch[] = [];

  const push = async (): Promise<void> => {
    inFlight = [];
    writeSyncRecord(deps.store.sqlite, { state: 'syncing', lastAttemptAt: deps.clock.now() });
    publish();
    const cycle = await source.begin(kioskReport(readSyncRecord(deps.store.sqlite).lastError), { eager });
    eager = false;
    if (cycle.clockOffsetMs !== null) writeSyncRecord(deps.store.sqlite, { clockOffsetMs: cycle.clockOffsetMs });
    // Two batches in flight on two connections: while central inserts one, the other is sent.
    while (!stopping) {
      const batch = outbox.oldest(opts.batchSize * 2);
      if (batch.length === 0) break;
      const halves = batch.length > opts.batchSize ? [batch.slice(0, opts.batchSize), batch.slice(opts.batchSize)] : [batch];
      const results = await Promise.allSettled(halves.map((rows) => pushAndHold(cycle, rows)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        inFlight = batch;
        throw failed.reason;
      }
    }
    const done = deps.clock.now();
    await cycle.finish(kioskReport(null));
    writeSyncRecord(deps.store.sqlite, { state: 'idle', lastSuccessAt: done, lastError: null, nextAttemptAt: done + opts.idleIntervalMs });
  };

  /**
   * One cycle; it never throws. A failure of central backs off and retries; so does a failure of
   * this kiosk's own storage (a full disk, a file another process holds), which the status then
   * names until a cycle succeeds again.
   */
  const runCycle = async (): Promise<void> => {
    try {
      await push();
      failures = 0;
      localError = null;
      schedule(opts.idleIntervalMs);
    } catch (err) {
      const delay = fullJitterDelay(failures, opts.backoff, opts.random);
      failures++;
      const cause = storageCause(err);
      const rootCode = rootFailure(err).code;
      const code = typeof rootCode === 'string' ? rootCode : '';
      const next = deps.clock.now() + delay;
      if (cause) {
        localError = describeSyncStorageFailure(cause);
        log.error('sync stopped by local storage; will retry', { cause, error: String(err), retryInMs: delay });
      } else {
        const message = describeFailure(err);
        log.warn('sync failed; will retry', { error: message, code, retryInMs: delay, failures });
        keepRecord(() => {
          const waiting = inFlight.length > 0 ? inFlight : outbox.oldest(opts.batchSize);
          if (waiting.length > 0)
            outbox.noteFailure(
              waiting.map((b) => b.id),
              message,
              next,
            );
          writeSyncRecord(deps.store.sqlite, {
            state: stateOfLinkFailure(code) ?? (OFFLINE_CODES.test(code) ? 'offline' : 'waiting'),
            lastError: message,
            nextAttemptAt: next,
          });
        });
      }
      schedule(delay);
    }
  };

  const cycle = (): Promise<void> => {
    if (running) {
      rerun = true;
      return running;
    }
    clearTimeout(timer);
    timerAt = Infinity;
    firstKickAt = null;
    running = runCycle().finally(() => {
      running = undefined;
      publish();
      if (rerun && !stopping) {
        rerun = false;
        schedule(0);
      }
    });
    return running;
  };

  return {
    stats,
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    kick() {
      if (!started || stopping) return;
      if (running) {
        rerun = true;
        return;
      }
      const now = Date.now();
      firstKickAt ??= now;
      const at = kickDeadline(firstKickAt, now, opts.kickDelayMs, opts.kickMaxWaitMs);
      // Central is failing and its backoff must hold, or a cycle of its own is due sooner.
      if (failures > 0 || (!timerIsKick && timerAt <= at)) return;
      schedule(at - now, true);
    },
    async syncNow() {
      await running;
      eager = true;
      await cycle();
      return status();
    },
    status,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
