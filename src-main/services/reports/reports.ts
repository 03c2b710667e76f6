// Reports run on central, over the reporting views (report-sql.ts). Every report answers the
// same shape — columns and rows — so the CLI, CSV export, charts and the AI can share it.
import type { z } from 'zod';
import type { ReportInputSchema, ReportJson, ReportResult } from '../../../shared/contract/reports.js';
import { restFields } from '../../../shared/contract/rest.js';
import { resolveRange } from '../../../shared/domain/report-range.js';
import type { CentralDeps } from '../deps.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { REPORT_COLUMNS, keyedSql, reportJsonSql, reportSql } from './report-sql.js';
import { EVERYONE, type Reach } from '../../../shared/domain/access.js';

/** The report parameters of a reach: null team ids mean every team. */
export const reachParams = (reach: Reach): [string[] | null, string[]] => (reach.all ? [null, []] : [[...reach.teamIds], [...reach.siteIds]]);

/** The SQL options, parameters and range of a report call. */
function reportCall(deps: CentralDeps, input: z.output<typeof ReportInputSchema>, reach: Reach) {
  const tz = input.tz ?? deps.kiosk.tz;
  const range = resolveRange(input, deps.clock.now(), tz);
  const maxHours = input.maxHours ?? deps.policy.maxHours;
  const params = [
    range.from,
    range.to,
    input.team ?? null,
    input.employee ?? null,
    input.tz ?? null,
    maxHours,
    new Date(deps.clock.now()).toISOString(),
    ...reachParams(reach),
  ];
  return { options: { tz: input.tz ?? null, maxHours }, params, range: { ...range, tz: input.tz ?? tz } };
}

export async function runReport(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof ReportInputSchema>,
  reach: Reach = EVERYONE,
): Promise<ReportResult> {
  const call = reportCall(deps, input, reach);
  const { rows } = await withCentral(source, (central) => central.pool.query(reportSql(input.name, call.options), call.params));
  return { name: input.name, range: call.range, columns: REPORT_COLUMNS[input.name], rows: rows as ReportResult['rows'] };
}

/** The same report with its rows as the REST API's JSON array text (reports.json). */
export async function runReportJson(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof ReportInputSchema>,
  reach: Reach = EVERYONE,
): Promise<ReportJson> {
  const call = reportCall(deps, input, reach);
  const columns = REPORT_COLUMNS[input.name];
  const jsonSql = reportJsonSql(input.name, call.options);
  if (jsonSql) {
    // Rows PostgreSQL already wrote as JSON (work hours from the day totals): joined, not parsed.
    const { rows } = await withCentral(source, (central) => central.pool.query<[string]>({ text: jsonSql, values: call.params, rowMode: 'array' }));
    return { name: input.name, range: call.range, columns, rowsJson: `[${rows.map((r) => r[0]).join(',')}]` };
  }
  const sql = keyedSql(reportSql(input.name, call.options), restFields(columns));
  const { rows } = await withCentral(source, (central) => central.pool.query(sql, call.params));
  // One JSON.stringify over the rows as pg read them: V8's serializer beats any row-by-row
  // writing in JavaScript (measured), and the rows already carry the REST keys.
  return { name: input.name, range: call.range, columns, rowsJson: JSON.stringify(rows) };
}
