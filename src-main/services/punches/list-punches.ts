import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { instantOf, localDateOf, localTimeOf } from '../../../shared/domain/local-time.js';
import type { ListPunchesInputSchema, PunchRow } from '../../../shared/contract/punches.js';
import type { z } from 'zod';
import { outbox, punches, rosterEmployees } from '../../db/local/schema.js';
import type { ServiceDeps } from '../deps.js';

export function listPunches(deps: ServiceDeps, input: z.output<typeof ListPunchesInputSchema>): PunchRow[] {
  const where: SQL[] = [];
  if (input.employeeCode) where.push(eq(rosterEmployees.code, input.employeeCode));
  if (input.from) where.push(gte(punches.atUtc, instantOf(input.from, deps.kiosk.tz)));
  if (input.to) where.push(lt(punches.atUtc, instantOf(input.to, deps.kiosk.tz)));
  const rows = deps.store.db
    .select({
      id: punches.id,
      employeeCode: rosterEmployees.code,
      name: rosterEmployees.name,
      kind: punches.kind,
      atUtc: punches.atUtc,
      workMode: punches.workMode,
      source: punches.source,
      deviceId: punches.deviceId,
      pending: sql<number>`${outbox.punchId} IS NOT NULL`,
    })
    .from(punches)
    .innerJoin(rosterEmployees, eq(rosterEmployees.id, punches.employeeId))
    .leftJoin(outbox, eq(outbox.punchId, punches.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(punches.atUtc), desc(punches.id))
    .limit(input.limit)
    .all();
  const { tz } = deps.kiosk;
  return rows.map(({ atUtc, pending, ...r }) => ({
    ...r,
    at: new Date(atUtc).toISOString(),
    localDate: localDateOf(atUtc, tz),
    localTime: localTimeOf(atUtc, tz),
    pending: pending === 1,
  }));
}
