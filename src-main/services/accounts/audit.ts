// Account events in the one audit log: sign-ins and their failures, users and tokens made,
// changed and revoked. Actors are `user:<name>`, `token:<name>` or `cli:admin`.
import type pg from 'pg';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export function auditAccount(
  db: Queryable,
  entry: {
    at: Date;
    actor: string;
    action: string;
    entity: 'user' | 'token' | 'session' | 'kiosk';
    entityId: string;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
  },
): Promise<unknown> {
  return db.query('INSERT INTO audit_log (at, actor, action, entity, entity_id, reason, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.reason ?? null,
    entry.before ?? null,
    entry.after ?? null,
  ]);
}
