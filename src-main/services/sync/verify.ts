// Reconciliation: for each local day, the punches this kiosk holds against central's, by count
// and by a digest of the sorted ids, naming every punch missing on either side. Punches still
// in the outbox, refused by central or discarded by an admin are expected to be absent from
// central and counted apart; a day with a refused punch that no admin has settled does not
// agree, because payroll on central is missing it.
import { createHash } from 'node:crypto';
import { localDateOf, localDayRange } from '../../../shared/domain/local-time.js';
import type { VerifyDay, VerifyReport } from '../../../shared/contract/sync.js';
import type { ServiceDeps } from '../deps.js';
import { withCentral, type CentralSource } from './central-source.js';

const digest = (ids: readonly string[]): string =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);

/** The ids central holds for one local day of this device: the ids asked for that it has, and any other of this device in the day. */
export type CentralDayLookup = (ids: readonly string[], deviceId: string, startMs: number, endMs: number) => Promise<string[]>;

/** The lookup straight from the central database (built-in or DATABASE_URL). */
export function directDayLookup(source: CentralSource): CentralDayLookup {
  return async (ids, deviceId, startMs, endMs) => {
    const central = await withCentral(source, (c) => Promise.resolve(c));
    const { rows } = await central.pool.query<{ id: string }>(
      `SELECT id::text AS id FROM punches WHERE id = ANY($1::uuid[])
       UNION
       SELECT id::text FROM punches WHERE device_id = $2 AND at_utc >= $3 AND at_utc < $4`,
      [ids, deviceId, new Date(startMs).toISOString(), new Date(endMs).toISOString()],
    );
    return rows.map((r) => r.id);
  };
}

export async function verifyAgainstCentral(
  deps: ServiceDeps,
  lookup: CentralDayLookup,
  days?: number,
  problem: string | null = null,
): Promise<VerifyReport> {
  const { tz, deviceId } = deps.kiosk;
  const db = deps.store.sqlite;
  const local = db
    .prepare(
      `SELECT p.id, p.at_utc AS atUtc,
              o.punch_id IS NOT NULL AND r.punch_id IS NULL AS pending,
              r.punch_id IS NOT NULL AND r.discarded_at IS NULL AS rejected,
              r.discarded_at IS NOT NULL AS discarded
         FROM punches p LEFT JOIN outbox o ON o.punch_id = p.id LEFT JOIN sync_rejects r ON r.punch_id = p.id`,
    )
    .all() as { id: string; atUtc: number; pending: number; rejected: number; discarded: number }[];
  const byDay = new Map<string, typeof local>();
  for (const p of local) {
    const d = localDateOf(p.atUtc, tz);
    const list = byDay.get(d);
    if (list) list.push(p);
    else byDay.set(d, [p]);
  }
  let dates = [...byDay.keys()].sort();
  if (days !== undefined) dates = dates.slice(-days);

  const report: VerifyDay[] = [];
  for (const date of dates) {
    const rows = byDay.get(date)!;
    const ids = rows.map((r) => r.id);
    const { startMs, endMs } = localDayRange(date, tz);
    const onCentral = new Set(await lookup(ids, deviceId, startMs, endMs));
    const here = new Set(ids);
    const expectedOnCentral = rows.filter((r) => !r.pending && !r.rejected && !r.discarded).map((r) => r.id);
    const rejected = rows.filter((r) => r.rejected).length;
    const missingOnCentral = expectedOnCentral.filter((id) => !onCentral.has(id));
    const missingLocally = [...onCentral].filter((id) => !here.has(id));
    report.push({
      date,
      local: { count: expectedOnCentral.length, digest: digest(expectedOnCentral) },
      central: { count: onCentral.size, digest: digest([...onCentral]) },
      pending: rows.filter((r) => r.pending).length,
      rejected,
      discarded: rows.filter((r) => r.discarded).length,
      missingOnCentral,
      missingLocally,
      ok: missingOnCentral.length === 0 && missingLocally.length === 0 && rejected === 0,
    });
  }
  return {
    deviceId,
    tz,
    checkedAt: new Date(deps.clock.now()).toISOString(),
    days: report,
    ok: problem === null && report.every((d) => d.ok),
    problem,
  };
}
