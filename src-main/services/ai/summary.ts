// Daily and weekly summaries: the facts come from the reports; the model only phrases them.
// Every number in the model's text must be one of the facts (or part of the range's dates),
// else the template's text is used — and the summary says so.
import type OpenAI from 'openai';
import type { Summary } from '../../../shared/contract/ai.js';
import { addDays, localDateOf } from '../../../shared/domain/local-time.js';
import { mondayOf } from '../../../shared/domain/question.js';
import { hoursOf } from '../../../shared/domain/work-hours.js';
import { isExpectedOn } from '../../../shared/domain/attendance.js';
import { datesOf } from '../../../shared/domain/dashboard.js';
import { employmentOf } from './offline.js';
import { endpointFailure, openaiClient } from './openai-client.js';
import { toolNamed, type ToolContext } from './tools.js';

type Fact = Summary['facts'][number];

async function table(ctx: ToolContext, name: string, input: Record<string, unknown>) {
  return (await toolNamed(name)!.run(ctx, input)).table;
}

/** The facts of a day or a week, from the reports. */
export async function summaryFacts(ctx: ToolContext, from: string, to: string): Promise<Fact[]> {
  const range = { from, to };
  const dates = datesOf(from, to);
  const [roster, hours, late, exceptions, trends] = [
    await table(ctx, 'roster', {}),
    await table(ctx, 'work_hours', range),
    await table(ctx, 'late', range),
    await table(ctx, 'exceptions', range),
    await table(ctx, 'trends', range),
  ];
  const byEmployee = new Map<string, { name: string; seconds: number }>();
  for (const r of hours.rows) {
    const e = byEmployee.get(String(r.employee_code)) ?? { name: String(r.name), seconds: 0 };
    e.seconds += Number(r.seconds);
    byEmployee.set(String(r.employee_code), e);
  }
  const top = [...byEmployee.values()].sort((a, b) => b.seconds - a.seconds)[0];
  const teamRows = trends.rows.filter((r) => r.employee_code === null);
  const facts: Fact[] = [
    // Expected: on a working day of their site while employed (one rule, shared/domain/attendance.ts).
    { name: 'employees', label: 'employees expected', value: roster.rows.filter((r) => dates.some((d) => isExpectedOn(employmentOf(r), d))).length },
    { name: 'present', label: 'came in', value: byEmployee.size },
    { name: 'hours', label: 'hours worked', value: hoursOf([...byEmployee.values()].reduce((a, e) => a + e.seconds, 0)) },
    { name: 'late', label: 'late arrivals', value: late.rows.length },
    { name: 'missing_out', label: 'missing OUTs', value: exceptions.rows.filter((r) => r.kind === 'MISSING_OUT').length },
    { name: 'home_days', label: 'days from home', value: teamRows.reduce((a, r) => a + Number(r.wfh_days), 0) },
  ];
  if (top && top.seconds > 0) facts.push({ name: 'top', label: `most hours: ${top.name}`, value: hoursOf(top.seconds) });
  return facts;
}

export function templateText(period: 'day' | 'week', from: string, to: string, facts: Fact[]): string {
  const f = Object.fromEntries(facts.map((x) => [x.name, x.value]));
  const when = period === 'day' ? `On ${from}` : `In the week ${from} to ${to}`;
  const top = facts.find((x) => x.name === 'top');
  return [
    `${when}, ${f.present} of ${f.employees} employees came in and worked ${f.hours} hours in all.`,
    `There ${f.late === 1 ? 'was 1 late arrival' : `were ${f.late} late arrivals`} and ${f.missing_out === 1 ? '1 missing OUT' : `${f.missing_out} missing OUTs`}; ${f.home_days} ${f.home_days === 1 ? 'day was' : 'days were'} worked from home.`,
    ...(top ? [`Most hours: ${top.label.replace('most hours: ', '')}, ${top.value} hours.`] : []),
  ].join(' ');
}

/** Every number written in the text is a fact, or a piece of the range's dates. */
export function numbersAreFacts(text: string, facts: Fact[], dates: string[]): boolean {
  const allowed = new Set(facts.map((f) => String(f.value)));
  const withoutDates = dates.reduce((t, d) => t.split(d).join(' '), text);
  return (withoutDates.match(/\d+(?:[.,]\d+)?/g) ?? []).every((n) => allowed.has(String(Number(n.replace(',', '.')))));
}

async function phrase(client: OpenAI, model: string, period: string, from: string, to: string, facts: Fact[]): Promise<string> {
  const completion = await client.chat.completions.create({
    model,
    messages: [
      {
        role: 'system',
        content:
          'Write a short attendance summary for a manager (two or three sentences) from the facts given. Use only these numbers, written exactly as given; add no other number.',
      },
      { role: 'user', content: JSON.stringify({ period, from, to, facts: facts.map((f) => ({ fact: f.label, value: f.value })) }) },
    ],
  });
  return (completion.choices[0]?.message.content ?? '').trim();
}

export async function summarize(ctx: ToolContext, period: 'day' | 'week', date?: string): Promise<Summary> {
  const today = localDateOf(ctx.deps.clock.now(), ctx.deps.kiosk.tz);
  const day = date ?? today;
  const from = period === 'day' ? day : mondayOf(day);
  // A week ends on its Sunday, or today while it is still going.
  const to = period === 'day' ? day : addDays(from, 6) < today ? addDays(from, 6) : today;
  const facts = await summaryFacts(ctx, from, to);
  const base = { period, range: { from, to }, facts };
  const template = templateText(period, from, to, facts);
  const { endpoint } = ctx.deps.ai.settings();
  if (!endpoint) return { ...base, engine: 'offline', engineNote: 'No AI endpoint is configured, so the template wrote this.', text: template };
  try {
    const text = await phrase(await openaiClient(endpoint), endpoint.model, period, from, to, facts);
    if (text && numbersAreFacts(text, facts, [from, to])) return { ...base, engine: 'model', engineNote: null, text };
    return {
      ...base,
      engine: 'offline',
      engineNote: "The model's text had a number that is not one of the facts, so the template wrote this.",
      text: template,
    };
  } catch (err) {
    const why = await endpointFailure(err);
    if (why === null) throw err;
    return { ...base, engine: 'offline', engineNote: `${why}, so the template wrote this.`, text: template };
  }
}
