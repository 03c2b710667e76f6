// The one executor of query plans: gathers each person's days over the plan's period from the
// report tools (the same tools the model may call), then answers with the pure answerPlan. It
// fills in nothing the plan does not say: the period, the subject and the aggregation are the
// plan's own.
import type { AskResult, Table } from '../../../shared/contract/ai.js';
import { isExpectedOn } from '../../../shared/domain/attendance.js';
import { chooseChart } from '../../../shared/domain/chart-choice.js';
import { datesOf } from '../../../shared/domain/dashboard.js';
import { localDateOf, localTimeOf } from '../../../shared/domain/local-time.js';
import { periodRefusal, unknownCodes, unknownTeams } from '../../../shared/domain/plan-checks.js';
import { answerPlan, type DayFact, type NowFact, type PlanFacts } from '../../../shared/domain/plan-answer.js';
import { QueryPlanSchema } from '../../../shared/contract/query-plan.js';
import { minutesEarly, overtimeSecondsOf } from '../../../shared/domain/work-hours.js';
import { employmentOf } from './employment.js';
import { toolNamed, type ToolContext } from './tools.js';

type Step = AskResult['steps'][number];
type Row = Table['rows'][number];

/** Runs tools and keeps each call as a step ("how I got this"); the same call twice in one answer runs once. */
export class ToolRun {
  readonly steps: Step[] = [];
  private readonly done = new Map<string, Table>();
  constructor(readonly ctx: ToolContext) {}

  async tool(name: string, input: Record<string, unknown>): Promise<Table> {
    const key = `${name} ${JSON.stringify(input)}`;
    const seen = this.done.get(key);
    if (seen) return seen;
    const tool = toolNamed(name);
    if (!tool) throw new Error(`no tool ${name}`);
    const out = await tool.run(this.ctx, tool.input.parse(input));
    this.steps.push({ tool: name, input, rows: out.table.rows.length, ...(out.sql ? { sql: out.sql } : {}) });
    this.done.set(key, out.table);
    return out.table;
  }
}

const str = (v: Row[string] | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Row[string] | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
const key = (code: string, date: string): string => `${code}\u0000${date}`;

export type PlanOutcome = Pick<AskResult, 'answered' | 'interpretation' | 'period' | 'answer' | 'table' | 'chart'>;

export async function executePlan(run: ToolRun, proposed: unknown): Promise<PlanOutcome> {
  const ctx = run.ctx;
  const tz = ctx.deps.kiosk.tz;
  const nowMs = ctx.deps.clock.now();
  const today = localDateOf(nowMs, tz);
  const refuse = (answer: string): PlanOutcome => ({ answered: false, interpretation: null, period: null, answer, table: null, chart: null });
  // Every plan, the reader's or the model's, is checked at this one boundary before it runs.
  const checked = QueryPlanSchema.safeParse(proposed);
  if (!checked.success) return refuse(`I can't use that: ${[...new Set(checked.error.issues.map((i) => i.message))].join('; ')}.`);
  const plan = checked.data;
  const badPeriod = periodRefusal(plan, today);
  if (badPeriod) return refuse(badPeriod);
  const roster = (await run.tool('roster', {})).rows;
  const s = plan.subject;
  const inScope = roster.filter((r) =>
    s.kind === 'everyone' ? true : s.kind === 'employees' ? s.codes.includes(String(r.code)) : s.names.includes(String(r.team ?? '')),
  );
  const badCode = unknownCodes(
    s,
    roster.map((r) => String(r.code)),
  );
  if (badCode) return refuse(badCode);
  if (s.kind === 'teams') {
    const badTeam = unknownTeams(
      s,
      (await run.tool('list_teams', {})).rows.map((t) => String(t.name)),
    );
    if (badTeam) return refuse(badTeam);
  }
  const people = inScope.map((r) => ({ code: String(r.code), name: String(r.name), team: str(r.team) }));
  const codes = new Set(people.map((p) => p.code));
  // Narrow the report calls when the subject is one team or one person.
  const narrow =
    s.kind === 'employees' && s.codes.length === 1
      ? { employee: s.codes[0]! }
      : s.kind === 'teams' && s.names.length === 1
        ? { team: s.names[0]! }
        : {};
  const base = { tz, nowTime: localTimeOf(nowMs, tz).slice(0, 5), people };

  let facts: PlanFacts;
  if (plan.period.kind === 'now') {
    const present = await run.tool('present_now', 'team' in narrow ? { team: narrow.team } : {});
    const now: NowFact[] = present.rows
      .filter((r) => codes.has(String(r.employee_code)))
      .map((r) => ({
        code: String(r.employee_code),
        name: String(r.name),
        team: str(r.team),
        since: String(r.since).slice(11),
        mode: r.work_mode === 'WFH' ? 'WFH' : 'WFO',
      }));
    facts = { ...base, days: [], now };
  } else {
    const range = { from: plan.period.from, to: plan.period.to };
    const [days, hours, late, exceptions] = [
      await run.tool('days', { ...range, ...narrow }),
      await run.tool('work_hours', { ...range, ...narrow }),
      await run.tool('late', { ...range, ...narrow }),
      await run.tool('exceptions', { ...range, ...narrow }),
    ];
    const index = (t: Table) => new Map(t.rows.map((r) => [key(String(r.employee_code), String(r.date)), r]));
    const dayRows = index(days);
    const hourRows = index(hours);
    const lateRows = index(late);
    const missing = new Set(exceptions.rows.filter((r) => r.kind === 'MISSING_OUT').map((r) => key(String(r.employee_code), String(r.date))));
    const review = new Set(
      exceptions.rows.filter((r) => r.kind === 'CLAMPED' || r.kind === 'AUTO_CLOSED').map((r) => key(String(r.employee_code), String(r.date))),
    );
    const dates = datesOf(range.from, range.to);
    const dayFacts: DayFact[] = [];
    for (const r of inScope) {
      const code = String(r.code);
      const employment = employmentOf(r);
      for (const date of dates) {
        const k = key(code, date);
        const d = dayRows.get(k);
        const h = hourRows.get(k);
        const seconds = num(h?.seconds);
        const lastOut = str(d?.last_out);
        const shiftStart = String(d?.shift_start ?? '09:00');
        const shiftEnd = String(d?.shift_end ?? '18:00');
        dayFacts.push({
          code,
          name: String(r.name),
          team: str(r.team),
          date,
          expected: date <= today && isExpectedOn(employment, date),
          present: d !== undefined,
          firstIn: str(d?.first_in),
          lastOut,
          mode: d ? (d.work_mode === 'WFH' ? 'WFH' : 'WFO') : null,
          seconds,
          needsReview: review.has(k) || num(h?.auto_closed_sessions) > 0,
          lateMinutes: lateRows.has(k) ? num(lateRows.get(k)!.minutes_late) : null,
          earlyMinutes: d ? minutesEarly(lastOut, shiftStart, shiftEnd) : null,
          overtimeSeconds: d ? overtimeSecondsOf(seconds, shiftStart, shiftEnd) : 0,
          missingOut: missing.has(k),
        });
      }
    }
    facts = { ...base, days: dayFacts, now: [] };
  }
  const a = answerPlan(plan, facts);
  if (!a.answered) return refuse(a.answer);
  const table: Table = a.table;
  return {
    answered: true,
    interpretation: a.interpretation,
    period: plan.period.kind === 'now' ? 'now' : { from: plan.period.from, to: plan.period.to },
    answer: a.answer,
    table,
    chart: a.chartTitle ? chooseChart(table, a.chartTitle) : null,
  };
}
