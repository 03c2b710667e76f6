// Central's kiosk registry: an admin adds a kiosk for a site and gets a one-time enrollment code
// (kept as SHA-256, valid for a day, good once); kiosks are listed with their health, renamed and
// revoked, and a kiosk flagged as copied can be cleared once the copy is gone. Every change is in
// the audit log.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type pg from 'pg';
import type { z } from 'zod';
import type { AddKioskInputSchema } from '../../../shared/contract/fleet.js';
import type { EnrollmentCode, KioskHealth } from '../../../shared/contract/fleet.js';
import { ENROLL_CODE_TTL_MS, isStale, kioskState } from '../../../shared/domain/fleet.js';
import { clockDrifted, MAX_CLOCK_DRIFT_MS } from '../../../shared/domain/punch-rules.js';
import { AppError } from '../../../shared/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../shared/ids.js';
import { inTransaction } from '../../db/central/connection.js';
import { auditAccount } from '../accounts/audit.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Letters and digits that cannot be read as one another (no 0/O, 1/I/L, 5/S, 8/B). */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ234679';

export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function newEnrollCode(): string {
  let code = '';
  for (let i = 0; i < 16; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** XXXX-XXXX-XXXX-XXXX, for reading aloud. */
export const formatEnrollCode = (code: string): string => code.match(/.{4}/g)!.join('-');

interface KioskRow {
  id: string;
  name: string;
  site_id: string;
  site_name: string;
  enroll_expires_at: Date | null;
  enrolled_at: Date | null;
  created_at: Date;
  revoked_at: Date | null;
  app_version: string | null;
  sync_version: string | null;
  schema_version: number | null;
  last_heartbeat_at: Date | null;
  last_push_at: Date | null;
  backlog_count: number | null;
  backlog_oldest_at: Date | null;
  rejected_count: number | null;
  last_error: string | null;
  clock_offset_ms: number | null;
  clone_suspected_at: Date | null;
  quarantined: string;
  clock_flagged: string;
}

const KIOSK_VIEW = `SELECT k.id::text AS id, k.name, k.site_id::text AS site_id, s.name AS site_name, k.enroll_expires_at, k.enrolled_at,
    k.created_at, k.revoked_at, k.app_version, k.sync_version, k.schema_version, k.last_heartbeat_at, k.last_push_at,
    k.backlog_count, k.backlog_oldest_at, k.rejected_count, k.last_error, k.clock_offset_ms, k.clone_suspected_at,
    (SELECT count(*) FROM sync_quarantine q WHERE q.kiosk_id = k.id AND q.resolved_at IS NULL)::text AS quarantined,
    (SELECT count(*) FROM punches p WHERE p.device_id = k.device_id AND abs(p.clock_offset_ms) > ${MAX_CLOCK_DRIFT_MS})::text AS clock_flagged
  FROM kiosks k JOIN sites s ON s.id = k.site_id`;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
const ms = (d: Date | null): number | null => d?.getTime() ?? null;

function toHealth(r: KioskRow, nowMs: number): KioskHealth {
  const state = kioskState({ revokedAtMs: ms(r.revoked_at), enrolledAtMs: ms(r.enrolled_at), codeExpiresAtMs: ms(r.enroll_expires_at) }, nowMs);
  return {
    id: r.id,
    name: r.name,
    site: { id: r.site_id, name: r.site_name },
    state,
    appVersion: r.app_version,
    syncVersion: r.sync_version,
    schemaVersion: r.schema_version,
    lastHeartbeatAt: iso(r.last_heartbeat_at),
    lastPushAt: iso(r.last_push_at),
    backlog: r.backlog_count === null ? null : { count: r.backlog_count, oldestAt: iso(r.backlog_oldest_at) },
    rejected: r.rejected_count,
    lastError: r.last_error,
    clockOffsetSeconds: r.clock_offset_ms === null ? null : Math.round(r.clock_offset_ms / 1000),
    stale: state === 'enrolled' && isStale(ms(r.last_heartbeat_at), true, nowMs),
    clockDrift: clockDrifted(r.clock_offset_ms),
    cloneSuspected: r.clone_suspected_at !== null,
    quarantined: Number(r.quarantined),
    clockFlaggedPunches: Number(r.clock_flagged),
    createdAt: r.created_at.toISOString(),
    enrolledAt: iso(r.enrolled_at),
    revokedAt: iso(r.revoked_at),
  };
}

/** The kiosk a reference names: its id, or its name (any case). */
async function findKiosk(db: Queryable, ref: string, lock = false): Promise<KioskRow> {
  const byId = UUID_PATTERN.test(ref.toLowerCase());
  const { rows } = await db.query<KioskRow>(
    `${KIOSK_VIEW} WHERE ${byId ? 'k.id = $1::uuid' : 'lower(k.name) = lower($1)'}${lock ? ' FOR UPDATE OF k' : ''}`,
    [byId ? ref.toLowerCase() : ref],
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', `There is no kiosk named ${JSON.stringify(ref)}. \`frontdesk central kiosks list\` shows them.`);
  return row;
}

export async function listKiosks(pool: pg.Pool, nowMs: number): Promise<KioskHealth[]> {
  const { rows } = await pool.query<KioskRow>(`${KIOSK_VIEW} ORDER BY s.name, k.name`);
  return rows.map((r) => toHealth(r, nowMs));
}

export async function getKiosk(pool: pg.Pool, ref: string, nowMs: number): Promise<KioskHealth> {
  return toHealth(await findKiosk(pool, ref), nowMs);
}

export function addKiosk(pool: pg.Pool, input: z.output<typeof AddKioskInputSchema>, actor: string, now: Date): Promise<EnrollmentCode> {
  return inTransaction(pool, async (client) => {
    const bySiteId = UUID_PATTERN.test(input.site.toLowerCase());
    const { rows: sites } = await client.query<{ id: string; name: string }>(
      `SELECT id::text AS id, name FROM sites WHERE ${bySiteId ? 'id = $1::uuid' : 'lower(name) = lower($1)'}`,
      [bySiteId ? input.site.toLowerCase() : input.site],
    );
    const site = sites[0];
    if (!site) throw new AppError('NOT_FOUND', `There is no site named ${JSON.stringify(input.site)}; add it first, or name one that exists.`);
    const taken = await client.query('SELECT 1 FROM kiosks WHERE lower(name) = lower($1)', [input.name]);
    if (taken.rowCount) throw new AppError('CONFLICT', `A kiosk named ${JSON.stringify(input.name)} exists already; choose another name.`);
    const id = uuidv7(now.getTime());
    const code = newEnrollCode();
    const expiresAt = new Date(now.getTime() + ENROLL_CODE_TTL_MS);
    await client.query(
      `INSERT INTO kiosks (id, name, site_id, pin_key, enroll_code_hash, enroll_expires_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, input.name, site.id, randomBytes(32).toString('base64'), secretHash(code), expiresAt, actor, now],
    );
    await auditAccount(client, {
      at: now,
      actor,
      action: 'kiosk.added',
      entity: 'kiosk',
      entityId: id,
      after: { name: input.name, site: site.name },
    });
    return { kiosk: toHealth(await findKiosk(client, id), now.getTime()), code: formatEnrollCode(code), expiresAt: expiresAt.toISOString() };
  });
}

export function renameKiosk(pool: pg.Pool, ref: string, name: string, actor: string, now: Date): Promise<KioskHealth> {
  return inTransaction(pool, async (client) => {
    const kiosk = await findKiosk(client, ref, true);
    const taken = await client.query('SELECT 1 FROM kiosks WHERE lower(name) = lower($1) AND id <> $2', [name, kiosk.id]);
    if (taken.rowCount) throw new AppError('CONFLICT', `A kiosk named ${JSON.stringify(name)} exists already; choose another name.`);
    await client.query('UPDATE kiosks SET name = $2 WHERE id = $1', [kiosk.id, name]);
    await auditAccount(client, {
      at: now,
      actor,
      action: 'kiosk.renamed',
      entity: 'kiosk',
      entityId: kiosk.id,
      before: { name: kiosk.name },
      after: { name },
    });
    return toHealth(await findKiosk(client, kiosk.id), now.getTime());
  });
}

/** Revokes a kiosk: its credential is refused from the next request on; what it sends is quarantined. */
export function revokeKiosk(pool: pg.Pool, ref: string, actor: string, now: Date): Promise<KioskHealth> {
  return inTransaction(pool, async (client) => {
    const kiosk = await findKiosk(client, ref, true);
    if (kiosk.revoked_at) return toHealth(kiosk, now.getTime());
    await client.query('UPDATE kiosks SET revoked_at = $2, revoked_by = $3, enroll_code_hash = NULL WHERE id = $1', [kiosk.id, now, actor]);
    await auditAccount(client, { at: now, actor, action: 'kiosk.revoked', entity: 'kiosk', entityId: kiosk.id, before: { name: kiosk.name } });
    return toHealth(await findKiosk(client, kiosk.id), now.getTime());
  });
}

/** Clears the flag of a kiosk seen answering from two machines, once the copy is gone. */
export function clearCloneFlag(pool: pg.Pool, ref: string, actor: string, now: Date): Promise<KioskHealth> {
  return inTransaction(pool, async (client) => {
    const kiosk = await findKiosk(client, ref, true);
    await client.query('UPDATE kiosks SET clone_suspected_at = NULL, heartbeat_nonce = NULL WHERE id = $1', [kiosk.id]);
    await auditAccount(client, {
      at: now,
      actor,
      action: 'kiosk.cloneFlagCleared',
      entity: 'kiosk',
      entityId: kiosk.id,
      before: { name: kiosk.name },
    });
    return toHealth(await findKiosk(client, kiosk.id), now.getTime());
  });
}
