// Reports run on central, over the reporting views (report-sql.ts). Every report answers the
// same shape — columns and rows — so the CLI, CSV export, charts and the AI can share it.
import type { z } from 'zod';
import type { ReportInputSchema, ReportResult } from '../../../shared/contract/reports.js';
import { resolveRange } from '../../../shared/domain/report-range.js';
import type { CentralDeps } from '../deps.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { REPORT_COLUMNS, reportSql } from './report-sql.js';
import { EVERYONE, type Reach } from '../../../shared/domain/access.js';

/** The report parameters of a reach: null team ids mean every team. */
export const reachParams = (reach: Reach): [string[] | null, string[]] => (reach.all ? [null, []] : [[...reach.teamIds], [...reach.siteIds]]);

export async function runReport(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof ReportInputSchema>,
  reach: Reach = EVERYONE,
): Promise<ReportResult> {
  const tz = input.tz ?? deps.kiosk.tz;
  const range = resolveRange(input, deps.clock.now(), tz);
  const maxHours = input.maxHours ?? deps.policy.maxHours;
  const { rows } = await withCentral(source, (central) => central.pool.query(reportSql(input.name, { tz: input.tz ?? null, maxHours }), [
    range.from,
    range.to,
    input.team ?? null,
    input.employee ?? null,
    input.tz ?? null,
    maxHours,
    new Date(deps.clock.now()).toISOString(),
    ...reachParams(reach),
  ]));
  return { name: input.name, range: { ...range, tz: input.tz ?? tz }, columns: REPORT_COLUMNS[input.name], rows: rows as ReportResult['rows'] };
}
