// The offline interpreter: answers the common questions with no model, through the same tools.
// The question is read by shared/domain/question.ts; here each family calls its tools and says
// the answer in a fixed phrasing, with the table it stands on and a chart where one fits.
import { isExpectedOn, parseWorkingDays, type Employment } from '../../../shared/domain/attendance.js';
import { datesOf } from '../../../shared/domain/dashboard.js';
import type { AskResult, Table } from '../../../shared/contract/ai.js';
import { chooseChart } from '../../../shared/domain/chart-choice.js';
import { localDateOf } from '../../../shared/domain/local-time.js';
import { readQuestion, type DateRange, type Intent } from '../../../shared/domain/question.js';
import { AppError, missingCase } from '../../../shared/errors.js';
import { toolNamed, type ToolContext } from './tools.js';

export const CAN_DO =
  'I can answer: who is in now; who was late (today, yesterday, a date); hours of an employee or a team (today, yesterday, this or last week, this month, the last N days, a range); who was absent on a day; home vs office days; the top N by hours; a team trend by week; and missing OUTs.';

type Step = AskResult['steps'][number];
type Row = Table['rows'][number];

const hoursText = (h: number): string => `${Math.round(h * 100) / 100}`;
const list = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const rangeText = (r: DateRange): string =>
  r.from === r.to || /^(today|yesterday|on |from )/.test(r.label) ? r.label : `${r.label} (${r.from} to ${r.to})`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

class Run {
  readonly steps: Step[] = [];
  constructor(readonly ctx: ToolContext) {}

  async tool(name: string, input: Record<string, unknown>): Promise<Table> {
    const tool = toolNamed(name);
    if (!tool) throw new Error(`no tool ${name}`);
    const out = await tool.run(this.ctx, tool.input.parse(input));
    this.steps.push({ tool: name, input, rows: out.table.rows.length, ...(out.sql ? { sql: out.sql } : {}) });
    return out.table;
  }
}

function result(run: Run, answer: string, table: Table | null, chartTitle: string | null): AskResult {
  return {
    engine: 'offline',
    engineNote: null,
    answered: true,
    interpretation: null,
    period: null,
    answer,
    table,
    chart: table && chartTitle ? chooseChart(table, chartTitle) : null,
    steps: run.steps,
  };
}

const filters = (i: { team?: string; employee?: string }) => ({
  ...(i.team ? { team: i.team } : {}),
  ...(i.employee ? { employee: i.employee } : {}),
});
/** A tool's input for an intent: its range and its team or employee. */
const inRange = (i: { range: DateRange; team?: string; employee?: string }) => ({ from: i.range.from, to: i.range.to, ...filters(i) });
const num = (v: Row[string] | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** Hours per employee over the range, most first. */
function totalsByEmployee(table: Table): { employee_code: string; name: string; team: string | null; hours: number; days: number }[] {
  const by = new Map<string, { employee_code: string; name: string; team: string | null; seconds: number; days: number }>();
  for (const r of table.rows) {
    const code = String(r.employee_code);
    const t = by.get(code) ?? { employee_code: code, name: String(r.name), team: r.team === null ? null : String(r.team), seconds: 0, days: 0 };
    t.seconds += num(r.seconds);
    t.days += num(r.sessions) > 0 ? 1 : 0;
    by.set(code, t);
  }
  return [...by.values()]
    .map(({ seconds, ...t }) => ({ ...t, hours: Math.round(seconds / 36) / 100 }))
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name));
}

async function answerIntent(run: Run, intent: Intent, today: string, who: (code: string) => string): Promise<AskResult> {
  switch (intent.kind) {
    case 'present_now': {
      const t = await run.tool('present_now', filters(intent.team ? { team: intent.team } : {}));
      const rows = intent.employee ? t.rows.filter((r) => r.employee_code === intent.employee) : t.rows;
      const table = {
        columns: ['name', 'team', 'since', 'work_mode'],
        rows: rows.map((r) => ({ name: r.name!, team: r.team!, since: r.since!, work_mode: r.work_mode! })),
      };
      if (intent.employee) {
        const r = rows[0];
        return result(
          run,
          r
            ? `Yes, ${who(intent.employee)} is in, since ${String(r.since).slice(11)} (${String(r.work_mode) === 'WFH' ? 'from home' : 'in the office'}).`
            : `No, ${who(intent.employee)} is not in now.`,
          table,
          null,
        );
      }
      const scope = intent.team ? ` in ${intent.team}` : '';
      if (rows.length === 0) return result(run, `Nobody${scope} is in right now.`, table, null);
      return result(
        run,
        `${plural(rows.length, 'person', 'people')}${scope} ${rows.length === 1 ? 'is' : 'are'} in now: ${list(rows.map((r) => `${r.name} (since ${String(r.since).slice(11)})`))}.`,
        table,
        null,
      );
    }
    case 'late': {
      const t = await run.tool('late', inRange(intent));
      const table = {
        columns: ['date', 'name', 'team', 'first_in', 'minutes_late'],
        rows: t.rows.map((r) => ({ date: r.date!, name: r.name!, team: r.team!, first_in: r.first_in!, minutes_late: r.minutes_late! })),
      };
      const subject = intent.employee ? `by ${who(intent.employee)}` : intent.team ? `in ${intent.team}` : '';
      if (t.rows.length === 0) {
        const none = intent.employee ? `${who(intent.employee)} was not late` : `Nobody${intent.team ? ` in ${intent.team}` : ''} was late`;
        return result(run, `${none} ${rangeText(intent.range)}.`, table, null);
      }
      const oneDay = intent.range.from === intent.range.to;
      const items = t.rows.map((r) => `${r.name} (${oneDay ? '' : `${r.date} `}${r.first_in}, ${r.minutes_late} min after the shift start)`);
      return result(
        run,
        `${plural(t.rows.length, 'late arrival')} ${subject ? `${subject} ` : ''}${rangeText(intent.range)}: ${list(items)}.`,
        table,
        oneDay ? null : 'Late arrivals',
      );
    }
    case 'hours': {
      const t = await run.tool('work_hours', inRange(intent));
      const totals = totalsByEmployee(t);
      const sum = Math.round(totals.reduce((a, b) => a + b.hours * 100, 0)) / 100;
      if (intent.employee) {
        const table = {
          columns: ['date', 'hours', 'open_sessions'],
          rows: t.rows.map((r) => ({ date: r.date!, hours: r.hours!, open_sessions: r.open_sessions! })),
        };
        const open = t.rows.filter((r) => num(r.open_sessions) > 0).map((r) => String(r.date));
        const note = open.length ? ` Still open (no OUT yet): ${list(open)}.` : '';
        return result(
          run,
          `${who(intent.employee)} worked ${hoursText(sum)} hours ${rangeText(intent.range)}.${note}`,
          table,
          `Hours of ${who(intent.employee)}`,
        );
      }
      const table = { columns: ['name', 'team', 'hours', 'days'], rows: totals };
      const scope = intent.team ? `${intent.team} worked` : 'Everyone together worked';
      return result(
        run,
        `${scope} ${hoursText(sum)} hours ${rangeText(intent.range)}, across ${plural(totals.length, 'employee')}.`,
        table,
        'Hours per employee',
      );
    }
    case 'top_hours': {
      const t = await run.tool('work_hours', inRange(intent));
      const totals = totalsByEmployee(t);
      const ranked = (intent.order === 'most' ? totals : [...totals].reverse()).slice(0, intent.n);
      const table = { columns: ['name', 'team', 'hours'], rows: ranked.map((r) => ({ name: r.name, team: r.team, hours: r.hours })) };
      if (ranked.length === 0) return result(run, `Nobody worked ${rangeText(intent.range)}.`, table, null);
      if (intent.n === 1)
        return result(
          run,
          `${ranked[0]!.name} worked the ${intent.order} hours ${rangeText(intent.range)}: ${hoursText(ranked[0]!.hours)} h.`,
          table,
          null,
        );
      return result(
        run,
        `The ${intent.n} with the ${intent.order} hours ${rangeText(intent.range)}: ${list(ranked.map((r) => `${r.name} ${hoursText(r.hours)} h`))}.`,
        table,
        'Hours per employee',
      );
    }
    case 'absent': {
      const roster = await run.tool('roster', {});
      const presence = await run.tool('presence', inRange(intent));
      const came = new Set(presence.rows.map((r) => String(r.employee_code)));
      // Absent: expected on a day of the range (a working day of their site, while employed) and not in.
      const dates = datesOf(intent.range.from, intent.range.to);
      const expected = roster.rows.filter((r) => (!intent.team || r.team === intent.team) && dates.some((d) => isExpectedOn(employmentOf(r), d)));
      const absent = expected.filter((r) => !came.has(String(r.code)));
      if (expected.length === 0) {
        const table = { columns: ['code', 'name', 'team'], rows: [] };
        return result(
          run,
          `Nobody${intent.team ? ` in ${intent.team}` : ''} was expected at work ${rangeText(intent.range)}: it is not a working day.`,
          table,
          null,
        );
      }
      const table = { columns: ['code', 'name', 'team'], rows: absent.map((r) => ({ code: r.code!, name: r.name!, team: r.team! })) };
      const when = intent.range.from === intent.range.to ? rangeText(intent.range) : `on every day ${rangeText(intent.range)}`;
      if (absent.length === 0) return result(run, `Nobody${intent.team ? ` in ${intent.team}` : ''} was absent ${when}.`, table, null);
      return result(
        run,
        `${plural(absent.length, 'person', 'people')} ${absent.length === 1 ? 'was' : 'were'} absent ${when}: ${list(absent.map((r) => String(r.name)))}.`,
        table,
        null,
      );
    }
    case 'work_mode': {
      const t = await run.tool('trends', inRange(intent));
      const teamRows = t.rows.filter((r) => r.employee_code === null);
      const home = teamRows.reduce((a, r) => a + num(r.wfh_days), 0);
      const office = teamRows.reduce((a, r) => a + num(r.wfo_days), 0);
      const table = {
        columns: ['mode', 'days'],
        rows: [
          { mode: 'Office', days: office },
          { mode: 'Home', days: home },
        ],
      };
      const share = home + office === 0 ? 0 : Math.round((home / (home + office)) * 100);
      return result(
        run,
        `${rangeText(intent.range)[0]!.toUpperCase()}${rangeText(intent.range).slice(1)}${intent.team ? ` in ${intent.team}` : ''}: ${plural(office, 'day')} in the office and ${plural(home, 'day')} from home (${share}% from home).`,
        table,
        'Office and home days',
      );
    }
    case 'team_trend': {
      const t = await run.tool('trends', inRange(intent));
      const rows = t.rows.filter((r) => r.employee_code === null);
      const table = {
        columns: ['team', 'week', 'hours', 'days_present', 'late_days'],
        rows: rows.map((r) => ({ team: r.team!, week: r.week!, hours: r.hours!, days_present: r.days_present!, late_days: r.late_days! })),
      };
      if (rows.length === 0) return result(run, `No hours were recorded ${rangeText(intent.range)}.`, table, null);
      const teams = [...new Set(rows.map((r) => String(r.team)))];
      const text = teams
        .map(
          (team) =>
            `${team}: ${rows
              .filter((r) => r.team === team)
              .map((r) => `${hoursText(num(r.hours))} h in the week of ${r.week}`)
              .join(', ')}`,
        )
        .join('; ');
      const chartTable = teams.length === 1 ? { columns: ['week', 'hours'], rows: rows.map((r) => ({ week: r.week!, hours: r.hours! })) } : table;
      return { ...result(run, `Hours per week ${rangeText(intent.range)}. ${text}.`, table, null), chart: chooseChart(chartTable, 'Hours per week') };
    }
    case 'missing_out': {
      const t = await run.tool('exceptions', inRange(intent));
      // An IN of today with no OUT yet is someone still at work, not a forgotten OUT.
      const rows = t.rows.filter((r) => r.kind === 'MISSING_OUT');
      const table = {
        columns: ['date', 'name', 'team', 'time'],
        rows: rows.map((r) => ({ date: r.date!, name: r.name!, team: r.team!, time: r.time! })),
      };
      const note = intent.range.to >= today ? " (today's open INs are people still at work)" : '';
      if (rows.length === 0) return result(run, `No missing OUTs ${rangeText(intent.range)}${note}.`, table, null);
      return result(
        run,
        `${plural(rows.length, 'missing OUT')} ${rangeText(intent.range)}: ${list(rows.map((r) => `${r.name} on ${r.date} (IN at ${r.time})`))}.`,
        table,
        null,
      );
    }
    default:
      return missingCase(intent);
  }
}

export async function answerOffline(ctx: ToolContext, question: string): Promise<AskResult> {
  const run = new Run(ctx);
  const today = localDateOf(ctx.deps.clock.now(), ctx.deps.kiosk.tz);
  const roster = await run.tool('roster', {});
  const teams = await run.tool('list_teams', {});
  const employees = roster.rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
  const reading = readQuestion(question, today, { employees, teams: teams.rows.map((t) => String(t.name)) });
  const cannot = (answer: string): AskResult => ({
    engine: 'offline',
    engineNote: null,
    answered: false,
    interpretation: null,
    period: null,
    answer,
    table: null,
    chart: null,
    steps: run.steps,
  });
  if (reading === null) return cannot(`I can't answer that. ${CAN_DO}`);
  if ('ambiguous' in reading)
    return cannot(`Which one do you mean: ${list(reading.ambiguous.map((e) => `${e.name} (${e.code})`))}? Ask again with the full name or code.`);
  const nameOf = new Map(employees.map((e) => [e.code, e.name]));
  try {
    return await answerIntent(run, reading.intent, today, (code) => nameOf.get(code) ?? code);
  } catch (err) {
    // A date or range read from the question that the reports refuse (2026-02-30, the last
    // 99,999,999 days, the year 9999): say so, rather than fail the call.
    const refused = unusableReading(err);
    if (refused === null) throw err;
    return cannot(`I read a date or range in that question that I cannot use (${refused}). Ask with a date that exists, within the last ten years.`);
  }
}

function unusableReading(err: unknown): string | null {
  if (err instanceof AppError && err.code === 'BAD_INPUT') return err.message.replace(/\.$/, '');
  if (err instanceof RangeError) return err.message;
  if (err instanceof Error && err.name === 'ZodError') {
    const issue = (err as unknown as { issues?: { message?: string }[] }).issues?.[0];
    return issue?.message ?? 'not a valid date';
  }
  return null;
}

/** An employee's employment as the roster tool gives it. */
export function employmentOf(r: Record<string, unknown>): Employment {
  return {
    employedFrom: typeof r.employed_from === 'string' ? r.employed_from : '0000-01-01',
    employedUntil: typeof r.employed_until === 'string' ? r.employed_until : null,
    workingDays: parseWorkingDays(typeof r.working_days === 'string' ? r.working_days : null),
  };
}
