// Console sessions, kept in central PostgreSQL so any Central instance serves any session. The
// cookie carries a random token; the table keeps only its SHA-256. A session ends after a spell
// of idleness, at an absolute limit whatever the activity, at sign-out, and when the account is
// deactivated or its password changes. Each session has its own CSRF token, which the console
// sends back in a header with every call that changes something.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { SessionInfo } from '../../../shared/contract/accounts.js';
import { grantsOf, reachOf, type Role } from '../../../shared/domain/access.js';
import type { CentralActor } from './actor.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };

/** last_seen_at is written at most this often, so a busy console does not write on every call. */
const TOUCH_EVERY_MS = 30_000;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(
  db: Pick<pg.Pool, 'query'>,
  userId: string,
  clientAddress: string | null,
  now: Date,
  policy: SessionPolicy,
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await db.query(
    'INSERT INTO user_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, client_address) VALUES ($1, $2, $3, $4, $4, $5, $6)',
    [tokenHash(token), userId, csrfToken, now, expiresAt, clientAddress],
  );
  return { token, csrfToken, expiresAt };
}

interface SessionRow {
  user_id: string;
  username: string;
  role: Role;
  team_ids: string[];
  site_ids: string[];
  team_names: string[];
  site_names: string[];
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
}

export interface ResolvedSession {
  actor: CentralActor;
  info: SessionInfo;
}

/** The live session of a cookie token, or null (unknown, idle too long, past its end, account inactive). */
export async function resolveSession(pool: pg.Pool, token: string, now: Date, policy: SessionPolicy): Promise<ResolvedSession | null> {
  const hash = tokenHash(token);
  const { rows } = await pool.query<SessionRow>(
    `SELECT s.user_id::text AS user_id, u.username, u.role, u.team_ids::text[] AS team_ids, u.site_ids::text[] AS site_ids,
            coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM teams t WHERE t.id = ANY(u.team_ids)), '{}') AS team_names,
            coalesce((SELECT array_agg(x.name ORDER BY x.name) FROM sites x WHERE x.id = ANY(u.site_ids)), '{}') AS site_names,
            s.csrf_token, s.last_seen_at, s.expires_at
       FROM user_sessions s JOIN users u ON u.id = s.user_id AND u.active
      WHERE s.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  const idleEnd = row.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleEnd) {
    await pool.query('DELETE FROM user_sessions WHERE token_hash = $1', [hash]);
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await pool.query('UPDATE user_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [hash, now]);
  }
  const grants = grantsOf(row.role);
  return {
    actor: {
      via: 'session',
      label: `user:${row.username}`,
      username: row.username,
      userId: row.user_id,
      role: row.role,
      grants,
      reach: reachOf(row.role, row.team_ids, row.site_ids),
    },
    info: {
      username: row.username,
      role: row.role,
      teams: row.team_names,
      sites: row.site_names,
      csrfToken: row.csrf_token,
      idleMinutes: policy.idleMinutes,
      expiresAt: row.expires_at.toISOString(),
      grants,
    },
  };
}

export async function closeSession(pool: pg.Pool, token: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM user_sessions WHERE token_hash = $1', [tokenHash(token)]);
  return (rowCount ?? 0) > 0;
}

/** Sessions past their end are deleted now and then (a session is also refused when read late). */
export async function pruneSessions(pool: pg.Pool, now: Date, policy: SessionPolicy): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM user_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
    now,
    new Date(now.getTime() - policy.idleMinutes * 60_000),
  ]);
  return rowCount ?? 0;
}
