// The sync through Frontdesk Central's sync API (/sync/v1) with the kiosk's device credential:
// a heartbeat (clock, health, the copy check), the own site's roster with keyed PIN verifiers,
// punch batches (Central runs the same idempotent, splitting insert), and the shared wrong-PIN
// count. Every failure becomes an error with a code the engine understands: CENTRAL_UNREACHABLE
// (offline), REVOKED, NEEDS_UPDATE, CENTRAL_OUTDATED, or CENTRAL_HTTP (retried); none of them
// loses a punch, because the outbox is settled only from Central's answer.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  formatProtocol,
  HeartbeatResponseSchema,
  PinAttemptResponseSchema,
  PinClearResponseSchema,
  VerifyResponseSchema,
  PushResponseSchema,
  RosterResponseSchema,
  SYNC_PROTOCOL,
  SYNC_VERSION_HEADER,
  type SyncProtocol,
} from '../../../shared/contract/sync-api.js';
import { clockOffsetMs } from '../../../shared/domain/punch-rules.js';
import type { Logger } from '../../log.js';
import type { Clock } from '../deps.js';
import type { PinPurpose } from '../punches/shared-lockout.js';
import type { DeviceCredential } from './device-credential.js';
import type { KioskReport, SyncLink } from './link.js';
import type { OutboxPunch } from './outbox.js';
import { applyRosterChanges, rosterWatermark } from './roster-sync.js';
import { writeSyncRecord } from './sync-state.js';

/** The longest a heartbeat or a roster pull waits while cycles keep coming. */
const SPACING_MS = 5000;

/** A failure of the sync API, with the code the engine reads for the kiosk's state. */
export class SyncApiError extends Error {
  constructor(
    readonly code: 'CENTRAL_UNREACHABLE' | 'CENTRAL_HTTP' | 'REVOKED' | 'NEEDS_UPDATE' | 'CENTRAL_OUTDATED',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SyncApiError';
  }
}

export interface CentralLinkOptions {
  credential: DeviceCredential;
  sqlite: Database.Database;
  clock: Clock;
  log: Logger;
  appVersion: string;
  schemaVersion: number;
  /** The protocol this kiosk speaks (tests speak older and newer ones). */
  protocol?: SyncProtocol;
  /** How long one request may take. */
  timeoutMs?: number;
  /**
   * Whether this process sends the kiosk's heartbeats (default yes). A command run beside the
   * host that serves the folder leaves them to the host: two processes answering with one
   * nonce would look like a copied folder.
   */
  heartbeats?: boolean;
}

export interface CentralClient {
  request<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, timeoutMs?: number): Promise<z.output<S>>;
}

const describeNetwork = (err: unknown): string => {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ECONNREFUSED') return 'Frontdesk Central refused the connection (is it running?).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return "Frontdesk Central's host name was not found.";
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'The connection to Frontdesk Central was cut.';
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'Frontdesk Central did not answer in time.';
  if (/certificate|self.signed|CERT_/i.test(`${code} ${typeof cause?.message === 'string' ? cause.message : ''}`))
    return `Frontdesk Central's TLS certificate is not trusted (${code || 'certificate'}).`;
  return `Frontdesk Central could not be reached (${code || (err instanceof Error ? err.message : String(err))}).`;
};

export function createCentralClient(opts: Pick<CentralLinkOptions, 'credential' | 'protocol' | 'timeoutMs'>): CentralClient {
  const base = new URL(opts.credential.centralUrl);
  const protocol = formatProtocol(opts.protocol ?? SYNC_PROTOCOL);
  return {
    async request(method, path, body, schema, timeoutMs = opts.timeoutMs ?? 15_000) {
      let res: Response;
      try {
        res = await fetch(new URL(path, base), {
          method,
          headers: {
            authorization: `Bearer ${opts.credential.credential}`,
            [SYNC_VERSION_HEADER]: protocol,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (err) {
        throw new SyncApiError('CENTRAL_UNREACHABLE', describeNetwork(err));
      }
      let json: unknown;
      try {
        json = await res.json();
      } catch (err) {
        throw new SyncApiError(
          res.ok ? 'CENTRAL_HTTP' : 'CENTRAL_UNREACHABLE',
          err instanceof SyntaxError
            ? `Frontdesk Central answered ${res.status} with a body that is not JSON (a proxy or another server may be answering at its address).`
            : `Frontdesk Central answered ${res.status}, but its answer could not be read: ${describeNetwork(err)}`,
          res.status,
        );
      }
      if (!res.ok) throw refusalOf(res.status, json);
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new SyncApiError(
          'CENTRAL_HTTP',
          `Frontdesk Central's answer to ${path} is not in the shape this kiosk expects; it retries.`,
          res.status,
        );
      return parsed.data;
    },
  };
}

function refusalOf(status: number, json: unknown): SyncApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: { verdict?: unknown } } }).error;
  const message = typeof error?.message === 'string' ? error.message.slice(0, 400) : `Frontdesk Central answered ${status}.`;
  if (error?.code === 'REVOKED' || error?.code === 'UNAUTHORIZED') return new SyncApiError('REVOKED', message, status);
  if (error?.code === 'VERSION_MISMATCH') {
    return new SyncApiError(error.details?.verdict === 'central-too-old' ? 'CENTRAL_OUTDATED' : 'NEEDS_UPDATE', message, status);
  }
  return new SyncApiError('CENTRAL_HTTP', `Frontdesk Central refused the sync (${status}): ${message}`, status);
}

/** Employees Central says are no longer of this kiosk's site: their PINs stop working here. */
function forgetEmployees(sqlite: Database.Database, ids: readonly string[]): void {
  const stmt = sqlite.prepare("UPDATE roster_employees SET active = 0, pin_hash = '' WHERE id = ?");
  sqlite.transaction(() => {
    for (const id of ids) stmt.run(id);
  })();
}

export function centralLink(opts: CentralLinkOptions): SyncLink & { client: CentralClient } {
  const client = createCentralClient(opts);
  const { sqlite, clock } = opts;
  const protocol = opts.protocol ?? SYNC_PROTOCOL;
  const speaksHeartbeat = (protocol.minor >= 1 || protocol.major > 1) && opts.heartbeats !== false;

  // A cycle runs after nearly every tap: the heartbeat and the roster are spaced out (at most
  // every SPACING_MS, on the wall clock) unless "Sync now" asks for everything.
  let lastHeartbeat = -Infinity;
  let lastRoster = -Infinity;
  const due = (last: number, eager: boolean): boolean => eager || Date.now() - last >= SPACING_MS;

  const heartbeat = async (report: KioskReport): Promise<number> => {
    lastHeartbeat = Date.now();
    const before = clock.now();
    const answer = await client.request(
      'POST',
      '/sync/v1/heartbeat',
      {
        sentAt: before,
        nonce: readNonce(sqlite),
        attempt: heartbeatAttempt(sqlite),
        appVersion: opts.appVersion,
        schemaVersion: opts.schemaVersion,
        backlog: report.backlog,
        rejected: report.rejected,
        lastError: report.lastError?.slice(0, 500) ?? null,
      },
      HeartbeatResponseSchema,
      5000,
    );
    const offset = clockOffsetMs(before, answer.centralTime, clock.now());
    writeSyncRecord(sqlite, { heartbeatNonce: answer.nonce, cloneSuspected: answer.cloneSuspected });
    sqlite.prepare("DELETE FROM sync_state WHERE key = 'heartbeat_attempt'").run();
    if (answer.cloneSuspected) opts.log.error("Frontdesk Central saw another kiosk use this kiosk's credential (a copied data folder)");
    return offset;
  };

  const pullRoster = async (): Promise<void> => {
    lastRoster = Date.now();
    const since = rosterWatermark(sqlite);
    const changes = await client.request('GET', `/sync/v1/roster?since=${since}`, undefined, RosterResponseSchema);
    if (changes.removed.length > 0) forgetEmployees(sqlite, changes.removed);
    applyRosterChanges(sqlite, changes, opts.log, Number(changes.version));
  };

  return {
    kind: 'central',
    client,
    async begin(report, { eager } = { eager: false }) {
      const send = (rows: readonly OutboxPunch[]) =>
        client.request(
          'POST',
          '/sync/v1/punches',
          {
            sentAt: clock.now(),
            punches: rows.map((r) => ({
              id: r.id,
              employeeId: r.employeeId,
              kind: r.kind,
              atUtc: r.atUtc,
              workMode: r.workMode,
              source: r.source === 'api' ? 'kiosk' : r.source,
              createdAt: r.createdAt,
            })),
          },
          PushResponseSchema,
        );
      // Sync 1.0 had no heartbeat (and so no clock offset).
      let offset: number | null = null;
      if (speaksHeartbeat && due(lastHeartbeat, eager)) {
        try {
          offset = await heartbeat(report);
        } catch (err) {
          if (!(err instanceof SyncApiError && err.code === 'REVOKED')) throw err;
          // Revoked: what waits here is still sent, for Central to quarantine (and refuse); nothing leaves the outbox.
          return {
            clockOffsetMs: null,
            push: async (rows) => {
              await send(rows);
              throw err;
            },
            finish: () => Promise.reject(err),
          };
        }
      }
      if (due(lastRoster, eager)) await pullRoster();
      return {
        clockOffsetMs: offset,
        async push(rows, committed) {
          const answer = await send(rows);
          committed({ accepted: answer.accepted, rejected: answer.rejected });
          return [];
        },
        async finish(final) {
          if (speaksHeartbeat && due(lastHeartbeat, eager)) await heartbeat(final);
        },
      };
    },
    async dayLookup(ids, _deviceId, startMs, endMs) {
      const answer = await client.request('POST', '/sync/v1/verify', { days: [{ ids, startMs, endMs }] }, VerifyResponseSchema);
      return answer.days[0] ?? [];
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The id of the heartbeat being sent, kept until an answer arrives: if Central answered but the
 * answer was lost, the retry brings the same id and Central knows it is not a second machine.
 */
function heartbeatAttempt(sqlite: Database.Database): string {
  const row = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'heartbeat_attempt'").get() as { value: string } | undefined;
  if (row?.value) return row.value;
  const attempt = randomBytes(12).toString('base64url');
  sqlite
    .prepare("INSERT INTO sync_state (key, value) VALUES ('heartbeat_attempt', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(attempt);
  return attempt;
}

function readNonce(sqlite: Database.Database): string | null {
  const row = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'heartbeat_nonce'").get() as { value: string } | undefined;
  return row?.value || null;
}

/** The wrong-PIN count at Central, for the shared lockout. */
export function centralPinCounts(client: CentralClient) {
  return {
    count: (employeeId: string, purpose: PinPurpose) =>
      client.request('POST', '/sync/v1/pin-attempts', { employeeId, purpose }, PinAttemptResponseSchema, 700),
    clear: async (employeeId: string, purpose?: PinPurpose) => {
      await client.request('POST', '/sync/v1/pin-attempts/clear', { employeeId, ...(purpose ? { purpose } : {}) }, PinClearResponseSchema, 2100);
    },
  };
}
