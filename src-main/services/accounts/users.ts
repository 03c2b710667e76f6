// Console accounts: made by an admin (or `frontdesk central init` for the first one), given a
// role and the teams and sites it may see, changed, deactivated. Every change is audited. The
// last active admin cannot be demoted or deactivated, so Central is never left without one.
import type pg from 'pg';
import type { z } from 'zod';
import type { AddUserInputSchema, UpdateUserInputSchema, User } from '../../../shared/contract/accounts.js';
import type { Role } from '../../../shared/domain/access.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { inTransaction } from '../../db/central/connection.js';
import { auditAccount } from './audit.js';
import { hashPassword, verifyPassword } from './passwords.js';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  team_ids: string[];
  site_ids: string[];
  active: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
}

const USER_VIEW = `SELECT u.id::text AS id, u.username, u.role, u.team_ids::text[] AS team_ids, u.site_ids::text[] AS site_ids, u.active,
       u.created_at, u.last_sign_in_at,
       coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM teams t WHERE t.id = ANY(u.team_ids)), '{}') AS team_names,
       coalesce((SELECT array_agg(s.name ORDER BY s.name) FROM sites s WHERE s.id = ANY(u.site_ids)), '{}') AS site_names,
       (SELECT th.locked_until FROM sign_in_throttle th WHERE th.key = 'user:' || lower(u.username) AND th.locked_until > $1) AS locked_until
  FROM users u`;

type UserViewRow = UserRow & { team_names: string[]; site_names: string[]; locked_until: Date | null };

const toUser = (r: UserViewRow): User => ({
  id: r.id,
  username: r.username,
  role: r.role,
  teams: r.team_names,
  sites: r.site_names,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
  lockedUntil: r.locked_until?.toISOString() ?? null,
});

/** Team and site names to ids; a name that is not there is an error that names it. */
async function resolveNames(db: pg.PoolClient, table: 'teams' | 'sites', names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { rows } = await db.query<{ id: string; name: string }>(`SELECT id::text AS id, name FROM ${table} WHERE name = ANY($1::text[])`, [names]);
  const missing = names.filter((n) => !rows.some((r) => r.name === n));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `There is no ${table === 'teams' ? 'team' : 'site'} named ${missing.map((m) => JSON.stringify(m)).join(', ')}.`);
  }
  return rows.map((r) => r.id);
}

export async function listUsers(pool: pg.Pool, now: Date): Promise<User[]> {
  const { rows } = await pool.query<UserViewRow>(`${USER_VIEW} ORDER BY lower(u.username)`, [now]);
  return rows.map(toUser);
}

export async function getUser(db: Pick<pg.Pool, 'query'>, username: string, now: Date): Promise<User | null> {
  const { rows } = await db.query<UserViewRow>(`${USER_VIEW} WHERE lower(u.username) = lower($2)`, [now, username]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function countActiveAdmins(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active");
  return rows[0]?.n ?? 0;
}

export async function addUser(pool: pg.Pool, input: z.output<typeof AddUserInputSchema>, actor: string, now: Date): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(pool, async (client) => {
    const teamIds = await resolveNames(client, 'teams', input.teams);
    const siteIds = await resolveNames(client, 'sites', input.sites);
    const id = uuidv7(now.getTime());
    try {
      await client.query(
        'INSERT INTO users (id, username, password_hash, role, team_ids, site_ids, created_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
        [id, input.username, passwordHash, input.role, teamIds, siteIds, now],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new AppError('CONFLICT', `There is already a user named ${input.username}.`);
      throw err;
    }
    await auditAccount(client, {
      at: now,
      actor,
      action: 'account.userAdded',
      entity: 'user',
      entityId: input.username,
      after: { username: input.username, role: input.role, teams: input.teams, sites: input.sites },
    });
    return (await getUser(client, input.username, now))!;
  });
}

export async function updateUser(pool: pg.Pool, input: z.output<typeof UpdateUserInputSchema>, actor: string, now: Date): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return inTransaction(pool, async (client) => {
    // Serializes admin changes, so two demotions at once cannot both pass the last-admin check.
    await client.query("SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE");
    const before = await getUser(client, input.username, now);
    if (!before) throw new AppError('NOT_FOUND', `There is no user named ${input.username}.`);
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    if (before.role === 'admin' && before.active && (role !== 'admin' || !active)) {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> $1", [
        before.id,
      ]);
      if ((rows[0]?.n ?? 0) === 0) throw new AppError('CONFLICT', `${before.username} is the only active admin; make another admin first.`);
    }
    const teamIds = input.teams === undefined ? null : await resolveNames(client, 'teams', input.teams);
    const siteIds = input.sites === undefined ? null : await resolveNames(client, 'sites', input.sites);
    await client.query(
      `UPDATE users SET role = $2, active = $3, team_ids = coalesce($4::uuid[], team_ids), site_ids = coalesce($5::uuid[], site_ids),
              password_hash = coalesce($6, password_hash), password_changed_at = CASE WHEN $6::text IS NULL THEN password_changed_at ELSE $7 END
        WHERE id = $1`,
      [before.id, role, active, teamIds, siteIds, passwordHash, now],
    );
    // A deactivated account or a new password ends every session of the account.
    if (!active || passwordHash !== null) await client.query('DELETE FROM user_sessions WHERE user_id = $1', [before.id]);
    if (!active) await client.query('UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [before.id, now]);
    const after = (await getUser(client, input.username, now))!;
    const shape = (u: User) => ({ role: u.role, teams: u.teams, sites: u.sites, active: u.active });
    await auditAccount(client, {
      at: now,
      actor,
      action:
        passwordHash !== null && JSON.stringify(shape(before)) === JSON.stringify(shape(after)) ? 'account.passwordReset' : 'account.userChanged',
      entity: 'user',
      entityId: before.username,
      before: shape(before),
      after: { ...shape(after), ...(passwordHash !== null ? { passwordReset: true } : {}) },
    });
    return after;
  });
}

/** An admin lifts a sign-in lock. */
export async function clearSignInLock(pool: pg.Pool, username: string, actor: string, now: Date): Promise<User> {
  return inTransaction(pool, async (client) => {
    const user = await getUser(client, username, now);
    if (!user) throw new AppError('NOT_FOUND', `There is no user named ${username}.`);
    await client.query('DELETE FROM sign_in_throttle WHERE key = $1', [`user:${user.username.toLowerCase()}`]);
    await auditAccount(client, { at: now, actor, action: 'account.lockCleared', entity: 'user', entityId: user.username });
    return (await getUser(client, username, now))!;
  });
}

/** A signed-in user changes their own password: the current one is checked, and their other sessions end. */
export async function changeOwnPassword(
  pool: pg.Pool,
  userId: string,
  input: { current: string; next: string },
  keepSessionHash: string,
  now: Date,
): Promise<void> {
  const { rows } = await pool.query<{ username: string; password_hash: string }>(
    'SELECT username, password_hash FROM users WHERE id = $1 AND active',
    [userId],
  );
  const user = rows[0];
  if (!user || !(await verifyPassword(input.current, user.password_hash))) throw new AppError('UNAUTHORIZED', 'The current password is not right.');
  if (input.next === input.current) throw new AppError('BAD_INPUT', 'The new password is the same as the current one.');
  const hash = await hashPassword(input.next);
  await inTransaction(pool, async (client) => {
    await client.query('UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [userId, hash, now]);
    await client.query('DELETE FROM user_sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keepSessionHash]);
    await auditAccount(client, {
      at: now,
      actor: `user:${user.username}`,
      action: 'account.passwordChanged',
      entity: 'user',
      entityId: user.username,
    });
  });
}
