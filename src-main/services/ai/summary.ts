// Daily and weekly summaries: the facts come from the reports; the model only phrases them.
// They name people: who was absent (expected on a working day by the one rule of
// shared/domain/attendance.ts, and never came in), who was late, who is missing an OUT (an open
// IN still within the max hours is someone at work, not a missing OUT), and whose sessions need
// review (clamped to the max hours, or closed automatically). Those days never count for "most
// hours": a forgotten OUT clamped to 16 h is not the day's hardest worker. Today is still going,
// so whoever has not come in yet is "not in yet", not absent. Frontdesk records no leave, so
// nothing here says anyone is on leave: an absence is an absence. Every number in the model's
// text must be one of the facts (or a date of the range, or a time a fact gives), every person
// it names must be named by a fact, and it may not speak of leave; else the template's text is
// used — and the summary says so.
import type OpenAI from 'openai';
import type { Summary, Table } from '../../../shared/contract/ai.js';
import { addDays, localDateOf } from '../../../shared/domain/local-time.js';
import { mondayOf } from '../../../shared/domain/question.js';
import { hoursOf } from '../../../shared/domain/work-hours.js';
import { isExpectedOn } from '../../../shared/domain/attendance.js';
import { datesOf } from '../../../shared/domain/dashboard.js';
import { employmentOf } from './employment.js';
import { endpointFailure, openaiClient } from './openai-client.js';
import { toolNamed, type ToolContext } from './tools.js';

type Fact = Summary['facts'][number];
type Period = Summary['period'];
type Row = Table['rows'][number];
type Person = { code: string; name: string };

/** How many people each list names; the rest are "and N more". */
const NAMED_PER_LIST = 5;

async function table(ctx: ToolContext, name: string, input: Record<string, unknown>) {
  return (await toolNamed(name)!.run(ctx, input)).table;
}

const personOf = (r: Row): Person => ({ code: String(r.employee_code ?? r.code), name: String(r.name) });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const joined = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const CLAMPED = 'over the max hours (clamped)';

/** The rows of each employee, in first-seen order (Map.groupBy is not in Node 20). */
function perEmployee<T extends Person>(rows: T[]): T[][] {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.code, [...(by.get(r.code) ?? []), r]);
  return [...by.values()];
}

/** One list of people as facts `list:…`, the first NAMED_PER_LIST of them, and `list_more` for the rest. */
function listFacts(list: string, moreLabel: string, items: (Omit<Fact, 'name'> & { key: string })[]): Fact[] {
  const shown = items.slice(0, NAMED_PER_LIST).map(({ key, ...f }) => ({ name: `${list}:${key}`, ...f }));
  const more = items.length - shown.length;
  return more > 0 ? [...shown, { name: `${list}_more`, label: moreLabel, value: more }] : shown;
}

/** Clamped or automatically closed sessions, one per employee and local date ("code date"). */
function sessionsToReview(exceptions: Table): Map<string, Person & { date: string; clamped: boolean; seconds: number }> {
  const review = new Map<string, Person & { date: string; clamped: boolean; seconds: number }>();
  for (const r of exceptions.rows.filter((x) => x.kind === 'CLAMPED' || x.kind === 'AUTO_CLOSED')) {
    const key = `${r.employee_code} ${r.date}`;
    const seen = review.get(key);
    const clamped = r.kind === 'CLAMPED' || seen?.clamped === true;
    review.set(key, { ...personOf(r), date: String(r.date), clamped, seconds: Math.max(Number(r.elapsed_seconds), seen?.seconds ?? 0) });
  }
  return review;
}

function secondsPerEmployee(rows: Row[]): Map<string, Person & { seconds: number }> {
  const by = new Map<string, Person & { seconds: number }>();
  for (const r of rows) {
    const e = by.get(String(r.employee_code)) ?? { ...personOf(r), seconds: 0 };
    e.seconds += Number(r.seconds);
    by.set(e.code, e);
  }
  return by;
}

async function collect(ctx: ToolContext, period: Period, from: string, to: string): Promise<{ facts: Fact[]; roster: Table }> {
  const range = { from, to };
  const dates = datesOf(from, to);
  const today = localDateOf(ctx.deps.clock.now(), ctx.deps.kiosk.tz);
  const [roster, hours, presence, late, exceptions, trends] = [
    await table(ctx, 'roster', {}),
    await table(ctx, 'work_hours', range),
    await table(ctx, 'presence', range),
    await table(ctx, 'late', range),
    await table(ctx, 'exceptions', range),
    await table(ctx, 'trends', range),
  ];
  const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);
  const came = new Set(presence.rows.map((r) => `${r.employee_code} ${r.date}`));

  // Expected: on a working day of their site while employed. Days before today are decided.
  const expected = roster.rows
    .map((r) => ({ ...personOf(r), days: dates.filter((d) => isExpectedOn(employmentOf(r), d)) }))
    .filter((e) => e.days.length > 0)
    .map((e) => ({ ...e, decided: e.days.filter((d) => d < today), missed: e.days.filter((d) => d < today && !came.has(`${e.code} ${d}`)).length }));
  const absent = expected.filter((e) => e.missed > 0).sort((a, b) => b.missed - a.missed || byName(a, b));
  const notInYet = expected.filter((e) => e.days.includes(today) && !came.has(`${e.code} ${today}`)).sort(byName);

  const lateRows = late.rows.map((r) => ({ ...personOf(r), minutes: Number(r.minutes_late), time: String(r.first_in) }));
  const lateDays = perEmployee(lateRows).map((rs) => ({ ...rs[0]!, days: rs.length }));
  const missing = exceptions.rows.filter((r) => r.kind === 'MISSING_OUT').map((r) => ({ ...personOf(r), date: String(r.date) }));
  const missingBy = perEmployee(missing).map((rs) => ({ ...rs[0]!, dates: rs.map((r) => r.date) }));
  const review = sessionsToReview(exceptions);
  const total = secondsPerEmployee(hours.rows);
  // Most hours: only over the days with no session to review.
  const top = [
    ...secondsPerEmployee(hours.rows.filter((r) => !review.has(`${r.employee_code} ${r.date}`) && Number(r.auto_closed_sessions) === 0)).values(),
  ].sort((a, b) => b.seconds - a.seconds || byName(a, b))[0];
  const teamRows = trends.rows.filter((r) => r.employee_code === null);
  const employee = (p: Person) => ({ code: p.code, name: p.name });
  const week = period === 'week';

  const facts: Fact[] = [
    { name: 'employees', label: 'employees expected', value: expected.length },
    { name: 'present', label: 'came in', value: total.size },
    { name: 'hours', label: 'hours worked', value: hoursOf([...total.values()].reduce((a, e) => a + e.seconds, 0)) },
    { name: 'late', label: 'late arrivals', value: late.rows.length },
    { name: 'missing_out', label: 'missing OUTs', value: missing.length },
    { name: 'home_days', label: 'days from home', value: teamRows.reduce((a, r) => a + Number(r.wfh_days), 0) },
    { name: 'absent', label: 'absent (expected, never came in)', value: absent.length },
    { name: 'review', label: 'sessions to review (clamped or closed automatically)', value: review.size },
  ];
  if (dates.includes(today)) facts.push({ name: 'not_in_yet', label: 'not in yet today', value: notInYet.length });
  if (week && expected.some((e) => e.decided.length > 0)) {
    const everyDay = expected.filter((e) => e.decided.length > 0 && e.missed === 0).length;
    facts.push({ name: 'every_day', label: `came in every working day${dates.includes(today) ? ' before today' : ''}`, value: everyDay });
  }
  if (top && top.seconds > 0) facts.push({ name: 'top', label: `most hours: ${top.name}`, value: hoursOf(top.seconds), employee: employee(top) });
  facts.push(
    ...listFacts(
      'absent',
      'more absent, not named',
      absent.map((e) => ({ key: e.code, label: `${week ? 'days absent' : 'absent'}: ${e.name}`, value: e.missed, employee: employee(e) })),
    ),
    ...listFacts(
      'not_in_yet',
      'more not in yet, not named',
      notInYet.map((e) => ({ key: e.code, label: `not in yet today: ${e.name}`, value: 1, employee: employee(e) })),
    ),
    ...listFacts(
      'late',
      'more late, not named',
      week
        ? lateDays
            .sort((a, b) => b.days - a.days || byName(a, b))
            .map((e) => ({ key: e.code, label: `late days: ${e.name}`, value: e.days, employee: employee(e) }))
        : lateRows
            .sort((a, b) => b.minutes - a.minutes || byName(a, b))
            .map((e) => ({
              key: e.code,
              label: `minutes late: ${e.name} (first IN ${e.time})`,
              value: e.minutes,
              employee: employee(e),
              time: e.time,
            })),
    ),
    ...listFacts(
      'missing_out',
      'more with missing OUTs, not named',
      missingBy
        .sort((a, b) => b.dates.length - a.dates.length || byName(a, b))
        .map((e) => ({ key: e.code, label: `missing OUTs: ${e.name}`, value: e.dates.length, employee: employee(e), dates: e.dates })),
    ),
    ...listFacts(
      'review',
      'more sessions to review, not named',
      [...review.values()]
        .sort((a, b) => a.date.localeCompare(b.date) || byName(a, b))
        .map((e) => ({
          key: `${e.code}:${e.date}`,
          label: `needs review, hours of a session ${e.clamped ? CLAMPED : 'closed automatically'}: ${e.name} on ${e.date}`,
          value: hoursOf(e.seconds),
          employee: employee(e),
          dates: [e.date],
        })),
    ),
  );
  return { facts, roster };
}

/** The facts of a day or a week, from the reports. */
export async function summaryFacts(ctx: ToolContext, from: string, to: string, period: Period = from === to ? 'day' : 'week'): Promise<Fact[]> {
  return (await collect(ctx, period, from, to)).facts;
}

export function templateText(period: Period, from: string, to: string, facts: Fact[]): string {
  const f = Object.fromEntries(facts.map((x) => [x.name, x.value]));
  const fact = (name: string) => facts.find((x) => x.name === name);
  const week = period === 'week';
  const who = (x: Fact) => x.employee?.name ?? x.label;
  const named = (list: string, show: (x: Fact) => string) =>
    joined([...facts.filter((x) => x.name.startsWith(`${list}:`)).map(show), ...(f[`${list}_more`] ? [`${f[`${list}_more`]} more`] : [])]);
  const when = week ? `In the week ${from} to ${to}` : `On ${from}`;
  const everyDay = fact('every_day');
  const top = fact('top');
  return [
    `${when}, ${f.present} of ${f.employees} employees came in and worked ${f.hours} hours in all${everyDay ? `; ${everyDay.value} of ${f.employees} ${everyDay.label}` : ''}.`,
    ...(f.absent ? [`Absent: ${named('absent', (x) => (week ? `${who(x)} (${plural(x.value, 'day')})` : who(x)))}.`] : []),
    ...(f.not_in_yet ? [`Not in yet${week ? ' today' : ''}: ${named('not_in_yet', who)}.`] : []),
    f.late
      ? `${f.late === 1 ? 'There was 1 late arrival' : `There were ${f.late} late arrivals`}: ${named('late', (x) =>
          week ? `${who(x)} (${plural(x.value, 'day')})` : `${who(x)} (in at ${x.time}, ${plural(x.value, 'minute')} late)`,
        )}.`
      : 'Nobody was late.',
    f.missing_out
      ? `${f.missing_out === 1 ? '1 missing OUT' : `${f.missing_out} missing OUTs`}: ${named('missing_out', (x) =>
          week ? `${who(x)} (${(x.dates ?? []).join(', ')})` : `${who(x)}${x.value > 1 ? ` (${x.value})` : ''}`,
        )}.`
      : 'No missing OUTs.',
    f.home_days ? `${f.home_days} ${f.home_days === 1 ? 'day was' : 'days were'} worked from home.` : 'Nobody worked from home.',
    ...(f.review
      ? [
          `Needs review: ${named('review', (x) => `${who(x)} on ${x.dates?.[0]} (a ${x.value}-hour session, ${x.label.includes(CLAMPED) ? 'clamped to the max hours' : 'closed automatically'})`)}.`,
        ]
      : []),
    ...(top ? [`Most hours${f.review ? ' (leaving out the sessions to review)' : ''}: ${who(top)}, ${top.value} hours.`] : []),
  ].join(' ');
}

/** Every number written in the text is a fact, or a piece of the range's dates or of a time a fact gives. */
export function numbersAreFacts(text: string, facts: Fact[], dates: string[]): boolean {
  const allowed = new Set(facts.map((f) => String(f.value)));
  const pieces = [...dates, ...facts.flatMap((f) => (f.time ? [f.time] : []))];
  const rest = pieces.reduce((t, d) => t.split(d).join(' '), text);
  return (rest.match(/\d+(?:[.,]\d+)?/g) ?? []).every((n) => allowed.has(String(Number(n.replace(',', '.')))));
}

const wordsOf = (name: string) => name.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const written = (text: string, words: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escaped(words)}(?![\\p{L}\\p{N}])`, `u${flags}`).test(text);

/**
 * The people of the roster the text names though no fact names them: by full name, or by a
 * capitalised first or last name that no one named by the facts shares.
 */
export function unknownNames(text: string, facts: Fact[], roster: Table): string[] {
  const inFacts = new Set(facts.flatMap((f) => (f.employee ? [f.employee.code] : [])));
  const factWords = new Set(facts.flatMap((f) => (f.employee ? wordsOf(f.employee.name) : [])));
  return roster.rows
    .map(personOf)
    .filter((p) => !inFacts.has(p.code))
    .filter((p) => {
      const words = wordsOf(p.name);
      const parts = [words[0], words.at(-1)].filter((w): w is string => !!w && w.length >= 3 && /^\p{Lu}/u.test(w) && !factWords.has(w));
      return written(text, p.name.trim(), 'i') || parts.some((w) => written(text, w, ''));
    })
    .map((p) => p.name);
}

async function phrase(client: OpenAI, model: string, period: string, from: string, to: string, facts: Fact[]): Promise<string> {
  const completion = await client.chat.completions.create({
    model,
    messages: [
      {
        role: 'system',
        content:
          'Write a short attendance summary for a manager (two to four sentences) from the facts given. Use only these numbers, dates and times, written exactly as given; add no other number. ' +
          'Name only the people the facts name. Frontdesk does not record leave: never say anyone is on leave; an absence is an absence. ' +
          'A session to review was clamped or closed automatically: do not present its hours as work.',
      },
      {
        role: 'user',
        content: JSON.stringify({
          period,
          from,
          to,
          facts: facts.map((f) => ({ fact: f.label, value: f.value, ...(f.dates ? { dates: f.dates } : {}), ...(f.time ? { time: f.time } : {}) })),
        }),
      },
    ],
  });
  return (completion.choices[0]?.message.content ?? '').trim();
}

/** Why the model's text cannot be shown, as the start of a sentence; null when it can. */
function refusalOf(text: string, facts: Fact[], dates: string[], roster: Table): string | null {
  if (!text) return 'The model wrote no text';
  if (!numbersAreFacts(text, facts, dates)) return "The model's text had a number that is not one of the facts";
  if (/\b(?:leaves?|vacations?|holidays?)\b/i.test(text)) return "The model's text spoke of leave, which Frontdesk does not record";
  const strangers = unknownNames(text, facts, roster);
  return strangers.length > 0 ? `The model's text named someone who is not in the facts (${joined(strangers)})` : null;
}

export async function summarize(ctx: ToolContext, period: Period, date?: string): Promise<Summary> {
  const today = localDateOf(ctx.deps.clock.now(), ctx.deps.kiosk.tz);
  const day = date ?? today;
  const from = period === 'day' ? day : mondayOf(day);
  // A week ends on its Sunday, or today while it is still going.
  const to = period === 'day' ? day : addDays(from, 6) < today ? addDays(from, 6) : today;
  const { facts, roster } = await collect(ctx, period, from, to);
  const base = { period, range: { from, to }, facts };
  const template = templateText(period, from, to, facts);
  const { endpoint } = ctx.deps.ai.settings();
  if (!endpoint) return { ...base, engine: 'offline', engineNote: 'No AI endpoint is configured, so the template wrote this.', text: template };
  try {
    const text = await phrase(await openaiClient(endpoint), endpoint.model, period, from, to, facts);
    const refusal = refusalOf(text, facts, datesOf(from, to), roster);
    if (refusal === null) return { ...base, engine: 'model', engineNote: null, text };
    return { ...base, engine: 'offline', engineNote: `${refusal}, so the template wrote this.`, text: template };
  } catch (err) {
    const why = await endpointFailure(err);
    if (why === null) throw err;
    return { ...base, engine: 'offline', engineNote: `${why}, so the template wrote this.`, text: template };
  }
}
