// API tokens for programs. The token is shown once, when made; only its SHA-256 is kept, with
// a short prefix to tell tokens apart. A token made for a user acts with that user's role and
// teams, capped by its scope; a token made for no one acts for the organization within its
// scope. Revoked tokens, and tokens of a deactivated user, are refused at once.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { z } from 'zod';
import type { ApiToken, CreateTokenInputSchema } from '../../../shared/contract/accounts.js';
import { grantsOf, reachOf, roleOfUnownedToken, type Role, type TokenScope } from '../../../shared/domain/access.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { inTransaction } from '../../db/central/connection.js';
import type { CentralActor } from './actor.js';
import { auditAccount } from './audit.js';
import { tokenHash } from './sessions.js';

const PREFIX = 'fdk_';
/** last_used_at is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  username: string | null;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const TOKEN_VIEW = `SELECT t.id::text AS id, t.name, t.prefix, t.scope, u.username, t.created_by, t.created_at, t.last_used_at, t.revoked_at
  FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id`;

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scope: r.scope,
  user: r.username,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

export async function createToken(
  pool: pg.Pool,
  input: z.output<typeof CreateTokenInputSchema>,
  actor: string,
  now: Date,
): Promise<{ token: string; info: ApiToken }> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const id = uuidv7(now.getTime());
  return inTransaction(pool, async (client) => {
    let userId: string | null = null;
    if (input.user !== undefined) {
      const { rows } = await client.query<{ id: string; role: Role; active: boolean }>(
        'SELECT id::text AS id, role, active FROM users WHERE lower(username) = lower($1)',
        [input.user],
      );
      const user = rows[0];
      if (!user) throw new AppError('NOT_FOUND', `There is no user named ${input.user}.`);
      if (!user.active) throw new AppError('CONFLICT', `${input.user} is deactivated; a token for them would be refused.`);
      userId = user.id;
    }
    await client.query(
      'INSERT INTO api_tokens (id, name, token_hash, prefix, scope, user_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, input.name, tokenHash(token), token.slice(0, PREFIX.length + 6), input.scope, userId, actor, now],
    );
    await auditAccount(client, {
      at: now,
      actor,
      action: 'account.tokenCreated',
      entity: 'token',
      entityId: id,
      after: { name: input.name, scope: input.scope, user: input.user ?? null },
    });
    const { rows } = await client.query<TokenRow>(`${TOKEN_VIEW} WHERE t.id = $1`, [id]);
    return { token, info: toToken(rows[0]!) };
  });
}

export async function listTokens(pool: pg.Pool): Promise<ApiToken[]> {
  const { rows } = await pool.query<TokenRow>(`${TOKEN_VIEW} ORDER BY t.created_at DESC`);
  return rows.map(toToken);
}

export async function revokeToken(pool: pg.Pool, id: string, actor: string, now: Date): Promise<ApiToken> {
  return inTransaction(pool, async (client) => {
    const { rowCount } = await client.query('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1', [id, now]);
    if (!rowCount) throw new AppError('NOT_FOUND', `There is no token ${id}.`);
    await auditAccount(client, { at: now, actor, action: 'account.tokenRevoked', entity: 'token', entityId: id });
    const { rows } = await client.query<TokenRow>(`${TOKEN_VIEW} WHERE t.id = $1`, [id]);
    return toToken(rows[0]!);
  });
}

/** The caller a bearer token stands for, or null when it is unknown or revoked (or its user is deactivated). */
export async function resolveToken(pool: pg.Pool, token: string, now: Date): Promise<CentralActor | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const hash = tokenHash(token);
  const { rows } = await pool.query<{
    id: string;
    name: string;
    scope: TokenScope;
    last_used_at: Date | null;
    user_id: string | null;
    username: string | null;
    role: Role | null;
    active: boolean | null;
    team_ids: string[] | null;
    site_ids: string[] | null;
  }>(
    `SELECT t.id::text AS id, t.name, t.scope, t.last_used_at, u.id::text AS user_id, u.username, u.role, u.active,
            u.team_ids::text[] AS team_ids, u.site_ids::text[] AS site_ids
       FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.user_id !== null && !row.active) return null;
  if (row.last_used_at === null || now.getTime() - row.last_used_at.getTime() >= TOUCH_EVERY_MS) {
    await pool.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  }
  const owned = row.user_id !== null;
  const role: Role = owned ? row.role! : roleOfUnownedToken(row.scope);
  return {
    via: 'token',
    label: `token:${row.name}`,
    username: owned ? row.username! : row.name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 32),
    userId: row.user_id,
    role,
    grants: grantsOf(role, row.scope),
    reach: reachOf(role, row.team_ids ?? [], row.site_ids ?? [], !owned),
    tokenId: row.id,
  };
}
