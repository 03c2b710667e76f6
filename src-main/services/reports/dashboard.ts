// The manager dashboard: four reports run side by side on central, shaped for the charts.
import type { z } from 'zod';
import type { Dashboard, DashboardInputSchema } from '../../../shared/contract/manager.js';
import { ReportInputSchema, type ReportName } from '../../../shared/contract/reports.js';
import { hoursPerEmployee, presencePerDay, teamTrend, workModeSplit } from '../../../shared/domain/dashboard.js';
import type { ServiceDeps } from '../deps.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { runReport } from './reports.js';

export async function dashboard(deps: ServiceDeps, source: CentralSource, input: z.output<typeof DashboardInputSchema>): Promise<Dashboard> {
  // The dashboard's input is already a valid report range; parsing adds the reports' defaults.
  const report = (name: ReportName) => runReport(deps, source, ReportInputSchema.parse({ name, ...input }));
  const [daily, workhours, trends, exceptions, teams] = await Promise.all([
    report('daily'),
    report('workhours'),
    report('trends'),
    report('exceptions'),
    withCentral(source, (central) => central.pool.query<{ name: string }>('SELECT name FROM reporting.teams ORDER BY name')),
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
