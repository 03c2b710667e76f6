// What Central does for a kiosk that calls its sync API with a device credential. The kiosk's
// device id and site come from the credential, never from what it sends; it reads its own
// site's roster only, with PIN verifiers keyed for it alone; its punches go through the same
// idempotent, splitting push as the direct sync. A revoked kiosk's punches are quarantined for
// an admin, never lost and never counted.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { z } from 'zod';
import type {
  EnrollRequestSchema,
  EnrollResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  PushRequestSchema,
  PushResponse,
  RosterResponse,
} from '../../../shared/contract/sync-api.js';
import { formatProtocol, SYNC_PROTOCOL } from '../../../shared/contract/sync-api.js';
import { clockDrifted } from '../../../shared/domain/punch-rules.js';
import { AppError } from '../../../shared/errors.js';
import { inTransaction } from '../../db/central/connection.js';
import type { Logger } from '../../log.js';
import { auditAccount } from '../accounts/audit.js';
import { keyPinHash } from '../roster/pin-hash.js';
import type { OutboxPunch } from '../sync/outbox.js';
import { pushAndRecord } from '../sync/push-batch.js';
import { secretHash } from './kiosks.js';

const CREDENTIAL_PREFIX = 'fdkiosk_';
const INT_MAX = 2_147_483_647;

/** A clock offset as the int columns hold it: beyond about 24 days it reads as 24 days (drift all the same). */
export const clampOffset = (ms: number): number => Math.max(-INT_MAX, Math.min(INT_MAX, Math.round(ms)));
/** A revoked kiosk (or a thief with its credential) cannot fill Central's disk. */
const QUARANTINE_CAP = 20_000;

/** The kiosk a device credential belongs to, as every sync call sees it. */
export interface DeviceActor {
  kioskId: string;
  name: string;
  deviceId: string;
  siteId: string;
  pinKey: Buffer;
  revokedAt: Date | null;
}

export const isDeviceCredential = (token: string): boolean => token.startsWith(CREDENTIAL_PREFIX);

const DEVICE_TAKEN = "Another kiosk on Central has this kiosk's device id (a copied data folder?). Enroll from a fresh data folder.";

const REVOKED_WORDS = 'An admin revoked this kiosk on Frontdesk Central. Its punches are kept; an admin must enroll it again.';

export async function authenticateDevice(pool: pg.Pool, credential: string): Promise<DeviceActor> {
  const { rows } = await pool.query<{ id: string; name: string; device_id: string; site_id: string; pin_key: string; revoked_at: Date | null }>(
    'SELECT id::text AS id, name, device_id, site_id::text AS site_id, pin_key, revoked_at FROM kiosks WHERE credential_hash = $1',
    [secretHash(credential)],
  );
  const k = rows[0];
  if (!k) throw new AppError('UNAUTHORIZED', "Frontdesk Central does not know this kiosk's credential. Enroll the kiosk again with a new code.");
  return { kioskId: k.id, name: k.name, deviceId: k.device_id, siteId: k.site_id, pinKey: Buffer.from(k.pin_key, 'base64'), revokedAt: k.revoked_at };
}

/** Refuses a revoked kiosk (every call but the push, which quarantines first). */
export function refuseRevoked(device: DeviceActor): void {
  if (device.revokedAt) throw new AppError('REVOKED', REVOKED_WORDS);
}

/** Trades a one-time enrollment code for a device credential (shown this once) and the kiosk's PIN key. */
export function enrollKiosk(pool: pg.Pool, input: z.output<typeof EnrollRequestSchema>, now: Date): Promise<EnrollResponse> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      id: string;
      name: string;
      pin_key: string;
      enroll_expires_at: Date;
      site_id: string;
      site_name: string;
      tz: string;
    }>(
      `SELECT k.id::text AS id, k.name, k.pin_key, k.enroll_expires_at, s.id::text AS site_id, s.name AS site_name, s.tz
         FROM kiosks k JOIN sites s ON s.id = k.site_id
        WHERE k.enroll_code_hash = $1 AND k.revoked_at IS NULL AND k.enrolled_at IS NULL FOR UPDATE OF k`,
      [secretHash(input.code)],
    );
    const k = rows[0];
    if (!k)
      throw new AppError('UNAUTHORIZED', 'This enrollment code is not valid: it was used already, or never issued. Ask an admin for a new one.');
    if (k.enroll_expires_at.getTime() <= now.getTime()) {
      throw new AppError('UNAUTHORIZED', `This enrollment code expired at ${k.enroll_expires_at.toISOString()}. Ask an admin for a new one.`);
    }
    const other = await client.query('SELECT name FROM kiosks WHERE device_id = $1 AND id <> $2 AND revoked_at IS NULL', [input.deviceId, k.id]);
    if (other.rowCount) {
      throw new AppError('CONFLICT', DEVICE_TAKEN);
    }
    const credential = CREDENTIAL_PREFIX + randomBytes(32).toString('base64url');
    await client
      .query(`UPDATE kiosks SET credential_hash = $2, device_id = $3, enrolled_at = $4, enroll_code_hash = NULL, app_version = $5 WHERE id = $1`, [
        k.id,
        secretHash(credential),
        input.deviceId,
        now,
        input.appVersion,
      ])
      .catch((err: unknown) => {
        // Another code enrolled this device id at the same moment.
        if ((err as { code?: unknown }).code === '23505') throw new AppError('CONFLICT', DEVICE_TAKEN);
        throw err;
      });
    await auditAccount(client, {
      at: now,
      actor: `kiosk:${k.name}`,
      action: 'kiosk.enrolled',
      entity: 'kiosk',
      entityId: k.id,
      after: { deviceId: input.deviceId },
    });
    return {
      kioskId: k.id,
      name: k.name,
      credential,
      pinKey: k.pin_key,
      site: { id: k.site_id, name: k.site_name, tz: k.tz },
      protocol: formatProtocol(SYNC_PROTOCOL),
    };
  });
}

function toOutbox(device: DeviceActor, p: z.output<typeof PushRequestSchema>['punches'][number]): OutboxPunch {
  return { ...p, deviceId: device.deviceId, siteId: device.siteId };
}

/**
 * Pushes a kiosk's batch. Central's clock minus the kiosk's (from `sentAt`) is recorded on each
 * punch; beyond the drift limit the punches are counted as flagged for review. A revoked kiosk's
 * punches go to quarantine and the call is refused.
 */
export async function pushFromDevice(
  pool: pg.Pool,
  device: DeviceActor,
  input: z.output<typeof PushRequestSchema>,
  now: Date,
  log: Logger,
): Promise<PushResponse> {
  const rows = input.punches.map((p) => toOutbox(device, p));
  if (device.revokedAt) {
    await quarantine(pool, device, rows);
    throw new AppError(
      'REVOKED',
      `${REVOKED_WORDS} The ${rows.length} punch${rows.length === 1 ? '' : 'es'} it sent wait in quarantine for an admin.`,
    );
  }
  const offset = clampOffset(now.getTime() - input.sentAt);
  const accepted: string[] = [];
  const rejected: { id: string; reason: string }[] = [];
  const refused = await pushAndRecord(pool, rows, {
    clockOffsetMs: offset,
    siteId: device.siteId,
    log,
    committed: (result) => {
      accepted.push(...result.accepted);
      rejected.push(...result.rejected);
    },
  });
  await pool.query('UPDATE kiosks SET last_push_at = $2, clock_offset_ms = $3 WHERE id = $1', [device.kioskId, now, offset]);
  return { accepted, rejected: [...rejected, ...refused], clockFlagged: clockDrifted(offset) ? accepted.length : 0 };
}

async function quarantine(pool: pg.Pool, device: DeviceActor, rows: readonly OutboxPunch[]): Promise<void> {
  // Counted and stored under the kiosk's row lock: batches sent at once cannot pass the cap together.
  await inTransaction(pool, async (client) => {
    await client.query('SELECT 1 FROM kiosks WHERE id = $1 FOR UPDATE', [device.kioskId]);
    const { rows: count } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM sync_quarantine WHERE kiosk_id = $1', [
      device.kioskId,
    ]);
    const room = Math.max(0, QUARANTINE_CAP - Number(count[0]?.n ?? 0));
    const kept = rows.slice(0, room);
    if (kept.length === 0) return;
    await client.query(
      `INSERT INTO sync_quarantine (punch_id, kiosk_id, payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) ON CONFLICT (punch_id) DO NOTHING`,
      [kept.map((r) => r.id), kept.map(() => device.kioskId), kept.map((r) => JSON.stringify(r))],
    );
  });
}

/**
 * The roster changes since a version, for the kiosk's own site only: its site, its teams, the
 * employees of its teams with PIN verifiers keyed for this kiosk. Employees changed since who are
 * no longer of this site come as ids in `removed`, so the kiosk stops accepting their PINs.
 */
export async function rosterForDevice(
  pool: pg.Pool,
  device: DeviceActor,
  since: number,
): Promise<RosterResponse & { removed: string[]; version: string }> {
  const { rows: sites } = await pool.query<{ id: string; name: string; tz: string; version: string }>(
    'SELECT id::text AS id, name, tz, version::text AS version FROM sites WHERE id = $1 AND version > $2',
    [device.siteId, since],
  );
  const { rows: teams } = await pool.query<{ id: string; name: string; site_id: string; version: string }>(
    'SELECT id::text AS id, name, site_id::text AS site_id, version::text AS version FROM teams WHERE site_id = $1 AND version > $2',
    [device.siteId, since],
  );
  const { rows: employees } = await pool.query<RosterResponse['employees'][number] & { own: boolean }>(
    `SELECT e.id::text AS id, e.code, e.name, e.role, e.team_id::text AS team_id, e.is_manager, e.badge, e.pin_hash, e.active,
            e.version::text AS version, coalesce(t.site_id = $1, false) AS own
       FROM employees e LEFT JOIN teams t ON t.id = e.team_id
      -- A team that moved to another site takes its people along: they change for this kiosk too.
      WHERE e.version > $2 OR t.version > $2
      ORDER BY e.version`,
    [device.siteId, since],
  );
  const { rows: newest } = await pool.query<{ v: string }>(
    `SELECT greatest((SELECT max(version) FROM sites), (SELECT max(version) FROM teams), (SELECT max(version) FROM employees), $1::bigint)::text AS v`,
    [since],
  );
  // Who this kiosk holds: the people sent now join; those who left the site (and only those it had) are named in `removed`.
  const sent = employees.filter((e) => e.own);
  const left = employees.filter((e) => !e.own).map((e) => e.id);
  if (since === 0) await pool.query('DELETE FROM kiosk_roster WHERE kiosk_id = $1', [device.kioskId]);
  if (sent.length > 0) {
    await pool.query('INSERT INTO kiosk_roster (kiosk_id, employee_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
      device.kioskId,
      sent.map((e) => e.id),
    ]);
  }
  const { rows: removed } =
    left.length === 0
      ? { rows: [] as { id: string }[] }
      : await pool.query<{ id: string }>(
          'DELETE FROM kiosk_roster WHERE kiosk_id = $1 AND employee_id = ANY($2::uuid[]) RETURNING employee_id::text AS id',
          [device.kioskId, left],
        );
  return {
    sites,
    teams,
    employees: sent.map(({ own: _own, ...e }) => ({ ...e, pin_hash: keyPinHash(e.pin_hash, device.pinKey) })),
    removed: removed.map((r) => r.id),
    version: newest[0]?.v ?? String(since),
  };
}

/**
 * Records a heartbeat. Each answer carries a new nonce that the next heartbeat must bring back:
 * two kiosks sharing one credential cannot both, so the second is caught and the kiosk flagged.
 */
export async function heartbeatFromDevice(
  pool: pg.Pool,
  device: DeviceActor,
  input: HeartbeatRequest,
  syncVersion: string,
  now: Date,
): Promise<HeartbeatResponse> {
  refuseRevoked(device);
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      heartbeat_nonce: string | null;
      heartbeat_prev_nonce: string | null;
      heartbeat_attempt: string | null;
      clone_suspected_at: Date | null;
    }>('SELECT heartbeat_nonce, heartbeat_prev_nonce, heartbeat_attempt, clone_suspected_at FROM kiosks WHERE id = $1 FOR UPDATE', [device.kioskId]);
    const before = rows[0]!;
    const attempt = input.attempt ?? null;
    // The nonce of the last answer, or the one before it brought again by the same attempt (its answer was lost on the way).
    const expected =
      before.heartbeat_nonce === null ||
      input.nonce === before.heartbeat_nonce ||
      (attempt !== null && attempt === before.heartbeat_attempt && input.nonce === before.heartbeat_prev_nonce);
    const clone = before.clone_suspected_at !== null || !expected;
    const nonce = randomBytes(18).toString('base64url');
    await client.query(
      `UPDATE kiosks SET heartbeat_nonce = $2, last_heartbeat_at = $3, app_version = $4, sync_version = $5, schema_version = $6,
              backlog_count = $7, backlog_oldest_at = $8, rejected_count = $9, last_error = $10, clock_offset_ms = $11,
              clone_suspected_at = CASE WHEN $12 THEN coalesce(clone_suspected_at, $3) ELSE NULL END,
              heartbeat_prev_nonce = $13, heartbeat_attempt = $14
        WHERE id = $1`,
      [
        device.kioskId,
        nonce,
        now,
        input.appVersion,
        syncVersion,
        input.schemaVersion,
        input.backlog.count,
        input.backlog.oldestAt === null ? null : new Date(input.backlog.oldestAt),
        input.rejected,
        input.lastError,
        clampOffset(now.getTime() - input.sentAt),
        clone,
        input.nonce,
        attempt,
      ],
    );
    if (clone && before.clone_suspected_at === null) {
      await auditAccount(client, {
        at: now,
        actor: `kiosk:${device.name}`,
        action: 'kiosk.cloneSuspected',
        entity: 'kiosk',
        entityId: device.kioskId,
      });
    }
    return { nonce, centralTime: now.getTime(), cloneSuspected: clone };
  });
}

/** Refuses a PIN count for an employee of another site: a kiosk knows its own site's people only. */
export async function requireOwnSiteEmployee(pool: pg.Pool, device: DeviceActor, employeeId: string): Promise<void> {
  const { rowCount } = await pool.query('SELECT 1 FROM employees e JOIN teams t ON t.id = e.team_id WHERE e.id = $1 AND t.site_id = $2', [
    employeeId,
    device.siteId,
  ]);
  if (!rowCount) throw new AppError('FORBIDDEN', "That employee is not of this kiosk's site.");
}

/** For `verify`: the ids Central holds of this kiosk's own punches, per local day asked. */
export async function dayIdsForDevice(
  pool: pg.Pool,
  device: DeviceActor,
  days: readonly { ids: readonly string[]; startMs: number; endMs: number }[],
): Promise<string[][]> {
  const out: string[][] = [];
  for (const d of days) {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id::text AS id FROM punches WHERE device_id = $1 AND (id = ANY($2::uuid[]) OR (at_utc >= $3 AND at_utc < $4))`,
      [device.deviceId, d.ids, new Date(d.startMs), new Date(d.endMs)],
    );
    out.push(rows.map((r) => r.id));
  }
  return out;
}
