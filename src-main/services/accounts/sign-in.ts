// Signing in to the console: throttled per account and per client address (shared/domain/
// sign-in-throttle.ts), with the same answer for an unknown user and a wrong password, and
// every success, failure and refusal in the audit log.
import type pg from 'pg';
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  settleAttempt,
  startAttempt,
  type ThrottleLimit,
  type ThrottleState,
} from '../../../shared/domain/sign-in-throttle.js';
import { AppError } from '../../../shared/errors.js';
import { inTransaction } from '../../db/central/connection.js';
import { auditAccount } from './audit.js';
import { verifyPassword } from './passwords.js';
import { openSession, resolveSession, type OpenedSession, type ResolvedSession, type SessionPolicy } from './sessions.js';

interface Key {
  key: string;
  kind: 'account' | 'address';
  limit: ThrottleLimit;
}

const keysFor = (username: string, address: string | null): Key[] => [
  { key: `user:${username.toLowerCase()}`, kind: 'account', limit: ACCOUNT_LIMIT },
  ...(address ? [{ key: `addr:${address}`, kind: 'address' as const, limit: ADDRESS_LIMIT }] : []),
];

async function readStates(client: pg.PoolClient, keys: Key[]): Promise<Map<string, ThrottleState>> {
  const { rows } = await client.query<{ key: string; failures: number; window_start: Date; locked_until: Date | null }>(
    'SELECT key, failures, window_start, locked_until FROM sign_in_throttle WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE',
    [keys.map((k) => k.key)],
  );
  return new Map(
    rows.map((r) => [r.key, { failures: r.failures, windowStart: r.window_start.getTime(), lockedUntil: r.locked_until?.getTime() ?? null }]),
  );
}

async function writeState(client: pg.PoolClient, key: string, s: ThrottleState): Promise<void> {
  await client.query(
    `INSERT INTO sign_in_throttle (key, failures, window_start, locked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, window_start = EXCLUDED.window_start, locked_until = EXCLUDED.locked_until`,
    [key, s.failures, new Date(s.windowStart), s.lockedUntil === null ? null : new Date(s.lockedUntil)],
  );
}

export interface SignedIn {
  session: OpenedSession;
  resolved: ResolvedSession;
}

export async function signIn(
  pool: pg.Pool,
  input: { username: string; password: string },
  address: string | null,
  now: Date,
  policy: SessionPolicy,
): Promise<SignedIn> {
  const keys = keysFor(input.username, address);
  // Count the attempt first (in one transaction for both keys), then check the password.
  const refusal = await inTransaction(pool, async (client) => {
    // Take the rows' locks in key order (a row that does not exist yet is made by the upsert).
    const states = await readStates(client, keys);
    const starts = keys.map((k) => ({ k, start: startAttempt(states.get(k.key) ?? null, now.getTime(), k.limit) }));
    const refused = starts.find((s) => !s.start.allowed);
    if (refused && !refused.start.allowed) return { kind: refused.k.kind, retryAfterMs: refused.start.retryAfterMs };
    for (const { k, start } of starts) await writeState(client, k.key, start.state);
    return null;
  });
  if (refusal) {
    await auditAccount(pool, {
      at: now,
      actor: `user:${input.username}`,
      action: 'account.signInRefused',
      entity: 'session',
      entityId: input.username,
      after: { address, lockedBy: refusal.kind },
    });
    const minutes = Math.max(1, Math.ceil(refusal.retryAfterMs / 60_000));
    throw new AppError(
      'LOCKED_OUT',
      refusal.kind === 'account'
        ? `Too many wrong passwords for ${input.username}: sign-in is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}. An admin can lift the lock.`
        : `Too many failed sign-ins from this address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: Math.ceil(refusal.retryAfterMs / 1000) },
    );
  }
  const { rows } = await pool.query<{ id: string; username: string; password_hash: string }>(
    'SELECT id::text AS id, username, password_hash FROM users WHERE lower(username) = lower($1) AND active',
    [input.username],
  );
  const user = rows[0];
  const right = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !right) {
    await auditAccount(pool, {
      at: now,
      actor: `user:${input.username}`,
      action: 'account.signInFailed',
      entity: 'session',
      entityId: input.username,
      after: { address, reason: user ? 'wrong password' : 'no such active user' },
    });
    throw new AppError('UNAUTHORIZED', 'The username or password is not right.');
  }
  return inTransaction(pool, async (client) => {
    const states = await readStates(client, keys);
    for (const k of keys) {
      const state = states.get(k.key);
      if (state) await writeState(client, k.key, settleAttempt(state, true, k.kind, k.limit));
    }
    await client.query('UPDATE users SET last_sign_in_at = $2 WHERE id = $1', [user.id, now]);
    const session = await openSession(client, user.id, address, now, policy);
    await auditAccount(client, {
      at: now,
      actor: `user:${user.username}`,
      action: 'account.signedIn',
      entity: 'session',
      entityId: user.username,
      after: { address },
    });
    return session;
  }).then(async (session) => {
    const resolved = await resolveSession(pool, session.token, now, policy);
    if (!resolved) throw new AppError('INTERNAL', 'The new session could not be read back.');
    return { session, resolved };
  });
}

export async function signOut(pool: pg.Pool, actorLabel: string, username: string, now: Date): Promise<void> {
  await auditAccount(pool, { at: now, actor: actorLabel, action: 'account.signedOut', entity: 'session', entityId: username });
}
