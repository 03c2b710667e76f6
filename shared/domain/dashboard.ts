// The manager dashboard's chart data, shaped from report rows (the same reports the CLI and CSV
// export give), so every chart shows numbers a manager can also find in a report.
import type { Dashboard } from '../contract/manager.js';
import type { ReportResult } from '../contract/reports.js';
import { addDays } from './local-time.js';
import { hoursOf } from './work-hours.js';

type Row = ReportResult['rows'][number];
type Cell = Row[string] | undefined;

const num = (v: Cell): number => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: Cell): string => (v === null || v === undefined ? '' : String(v));

/** Every local date from `from` to `to`, inclusive. */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3661; d = addDays(d, 1)) out.push(d);
  return out;
}

export function presencePerDay(daily: readonly Row[], from: string, to: string): Dashboard['presence'] {
  const present = new Map<string, Set<string>>();
  for (const r of daily) {
    const date = str(r.date);
    const set = present.get(date) ?? new Set<string>();
    set.add(str(r.employee_code));
    present.set(date, set);
  }
  return datesOf(from, to).map((date) => ({ date, present: present.get(date)?.size ?? 0 }));
}

/** The first system's daily summary: per local date, the employees with an IN and the IN events, every date of the range. */
export function dailyInCounts(daily: readonly Row[], from: string, to: string): { date: string; employees_in: number; in_events: number }[] {
  const ins = new Map<string, number>();
  for (const r of daily) ins.set(str(r.date), (ins.get(str(r.date)) ?? 0) + num(r.ins));
  return presencePerDay(daily, from, to).map((p) => ({ date: p.date, employees_in: p.present, in_events: ins.get(p.date) ?? 0 }));
}

export function hoursPerEmployee(workhours: readonly Row[]): Dashboard['hoursByEmployee'] {
  const by = new Map<string, { code: string; name: string; seconds: number }>();
  for (const r of workhours) {
    const code = str(r.employee_code);
    const entry = by.get(code) ?? { code, name: str(r.name), seconds: 0 };
    entry.seconds += num(r.seconds);
    by.set(code, entry);
  }
  return [...by.values()]
    .map(({ code, name, seconds }) => ({ code, name, hours: hoursOf(seconds) }))
    .filter((e) => e.hours > 0)
    .sort((a, b) => b.hours - a.hours || a.code.localeCompare(b.code));
}

/** Team rows of the trends report (those without an employee) as one series per team. */
export function teamTrend(trends: readonly Row[]): Dashboard['teamTrend'] {
  const series = new Map<string, { week: string; hours: number }[]>();
  for (const r of trends) {
    if (r.employee_code !== null && r.employee_code !== undefined) continue;
    const team = str(r.team);
    const points = series.get(team) ?? [];
    points.push({ week: str(r.week), hours: num(r.hours) });
    series.set(team, points);
  }
  return [...series.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([team, points]) => ({ team, points: points.sort((a, b) => a.week.localeCompare(b.week)) }));
}

export function workModeSplit(trends: readonly Row[]): Dashboard['workMode'] {
  let WFH = 0;
  let WFO = 0;
  for (const r of trends) {
    if (r.employee_code !== null && r.employee_code !== undefined) continue;
    WFH += num(r.wfh_days);
    WFO += num(r.wfo_days);
  }
  return { WFH, WFO };
}
