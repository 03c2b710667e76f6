// The manager dashboard: four reports run side by side on central, shaped for the charts.
import type { z } from 'zod';
import type { Dashboard, DashboardInputSchema } from '../../../shared/contract/manager.js';
import { ReportInputSchema, type ReportName } from '../../../shared/contract/reports.js';
import { hoursPerEmployee, presencePerDay, teamTrend, workModeSplit } from '../../../shared/domain/dashboard.js';
import type { CentralDeps } from '../deps.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { reachParams, runReport } from './reports.js';
import { EVERYONE, type Reach } from '../../../shared/domain/access.js';

export async function dashboard(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof DashboardInputSchema>,
  reach: Reach = EVERYONE,
): Promise<Dashboard> {
  // The dashboard's input is already a valid report range; parsing adds the reports' defaults.
  const report = (name: ReportName) => runReport(deps, source, ReportInputSchema.parse({ name, ...input }), reach);
  const [reachTeams, reachSites] = reachParams(reach);
  const [daily, workhours, trends, exceptions, teams] = await Promise.all([
    report('daily'),
    report('workhours'),
    report('trends'),
    report('exceptions'),
    withCentral(source, (central) =>
      central.pool.query<{ name: string }>(
        'SELECT name FROM reporting.teams t WHERE $1::uuid[] IS NULL OR t.id = ANY($1::uuid[]) OR t.site_id = ANY($2::uuid[]) ORDER BY name',
        [reachTeams, reachSites],
      ),
    ),
  ]);
  const { from, to } = daily.range;
  return {
    range: daily.range,
    teams: teams.rows.map((t) => t.name),
    presence: presencePerDay(daily.rows, from, to),
    hoursByEmployee: hoursPerEmployee(workhours.rows),
    teamTrend: teamTrend(trends.rows),
    workMode: workModeSplit(trends.rows),
    exceptions,
  };
}
