// Prepared statements for the punch path. The punch and its outbox row are inserted by one
// function, so "an outbox row with every punch" is true by construction.
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { PunchFact } from '../../../shared/domain/work-hours.js';
import type { LocalDb } from './connection.js';
import { outbox, punches } from './schema.js';

export type PunchRecord = typeof punches.$inferSelect;
export type NewPunch = typeof punches.$inferInsert;

export interface PunchRepo {
  last(employeeId: string): PunchRecord | undefined;
  since(employeeId: string, sinceMs: number): PunchFact[];
  /** Inserts the punch and its outbox row; returns false when the id was already stored. */
  insertWithOutbox(punch: NewPunch): boolean;
  pendingCount(): number;
}

export function createPunchRepo(db: LocalDb): PunchRepo {
  const lastStmt = db
    .select()
    .from(punches)
    .where(eq(punches.employeeId, sql.placeholder('employeeId')))
    .orderBy(desc(punches.atUtc), desc(punches.id))
    .limit(1)
    .prepare();
  const sinceStmt = db
    .select({ id: punches.id, employeeId: punches.employeeId, kind: punches.kind, atMs: punches.atUtc })
    .from(punches)
    .where(and(eq(punches.employeeId, sql.placeholder('employeeId')), gte(punches.atUtc, sql.placeholder('since'))))
    .prepare();
  const insertPunch = db
    .insert(punches)
    .values({
      id: sql.placeholder('id'),
      employeeId: sql.placeholder('employeeId'),
      kind: sql.placeholder('kind'),
      atUtc: sql.placeholder('atUtc'),
      siteId: sql.placeholder('siteId'),
      deviceId: sql.placeholder('deviceId'),
      workMode: sql.placeholder('workMode'),
      source: sql.placeholder('source'),
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .prepare();
  const insertOutbox = db
    .insert(outbox)
    .values({ punchId: sql.placeholder('punchId') })
    .prepare();
  const countOutbox = db
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .prepare();

  return {
    last: (employeeId) => lastStmt.get({ employeeId }),
    since: (employeeId, since) => sinceStmt.all({ employeeId, since }),
    insertWithOutbox(punch) {
      const { changes } = insertPunch.run({ workMode: 'WFO', ...punch });
      if (changes === 0) return false;
      insertOutbox.run({ punchId: punch.id });
      return true;
    },
    pendingCount: () => countOutbox.get()?.n ?? 0,
  };
}
