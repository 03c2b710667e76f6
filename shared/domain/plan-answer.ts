// Answers a query plan from the facts of each person's days: pure, so the offline reader and the
// model get the same answer to the same plan. The facts come from the reports (the executor in
// src-main/services/ai/plan-executor.ts gathers them); here they are filtered, aggregated and
// said in words, with the interpretation first ("Hours worked by Fatima Sheikh, 1–31 October
// 2026 (Asia/Kolkata): 32.12 h") and a table with headers in words, local times and units.
import type { HoursThreshold, QueryPlan } from './query-plan.js';
import { mondayOf } from './question.js';
import { hoursOf } from './work-hours.js';
import { dayCount, dayLabel, fromMinutes, hoursText, listWords, peopleCount, periodWords, plural, toMinutes } from './answer-words.js';

/** Said to any question about leave, which Frontdesk does not record (yet). */
export const LEAVE_NOT_RECORDED =
  "Frontdesk does not record leave, so I can't say who was on leave. I can say who was absent: expected at work on a working day and not in (ask “who was absent …”).";

/** One person on one local date of the period (a row for every date, came in or not). */
export interface DayFact {
  code: string;
  name: string;
  team: string | null;
  date: string;
  /** A working day of their site while employed (shared/domain/attendance.ts). */
  expected: boolean;
  present: boolean;
  /** First IN and last OUT, local HH:MM. */
  firstIn: string | null;
  lastOut: string | null;
  mode: 'WFH' | 'WFO' | null;
  /** Closed sessions' seconds, clamped at the max hours. */
  seconds: number;
  /** A session clamped at the max hours or closed automatically: a figure to review. */
  needsReview: boolean;
  lateMinutes: number | null;
  earlyMinutes: number | null;
  overtimeSeconds: number;
  missingOut: boolean;
}

export interface NowFact {
  code: string;
  name: string;
  team: string | null;
  since: string;
  mode: 'WFH' | 'WFO';
}

export interface PlanFacts {
  /** Everyone the subject covers (in the caller's reach). */
  people: readonly { code: string; name: string; team: string | null }[];
  days: readonly DayFact[];
  now: readonly NowFact[];
  tz: string;
  /** Local HH:MM of "now", for the period "now". */
  nowTime: string;
}

export type Cell = string | number | boolean | null;
export interface PlanTable {
  columns: string[];
  rows: Record<string, Cell>[];
}

export type PlanAnswer =
  { answered: true; interpretation: string; answer: string; table: PlanTable; chartTitle: string | null } | { answered: false; answer: string };

interface Scope {
  /** "Anita Rao", "Engineering", "Tom Reyes and Priya Nair", or "everyone". */
  words: string;
  kind: 'one' | 'people' | 'teams' | 'everyone';
  /** The groups a comparison or a ranking by team is over. */
  groups: { label: string; codes: Set<string> }[];
}

function scopeOf(plan: QueryPlan, facts: PlanFacts): Scope {
  const s = plan.subject;
  if (s.kind === 'employees') {
    const people = s.codes.map((c) => facts.people.find((p) => p.code === c) ?? { code: c, name: c, team: null });
    return {
      words: listWords(people.map((p) => p.name)),
      kind: people.length === 1 ? 'one' : 'people',
      groups: people.map((p) => ({ label: p.name, codes: new Set([p.code]) })),
    };
  }
  if (s.kind === 'teams') {
    return {
      words: listWords(s.names),
      kind: 'teams',
      groups: s.names.map((t) => ({ label: t, codes: new Set(facts.people.filter((p) => p.team === t).map((p) => p.code)) })),
    };
  }
  return { words: 'everyone', kind: 'everyone', groups: [{ label: 'everyone', codes: new Set(facts.people.map((p) => p.code)) }] };
}

/** Per person: the days of the period, in date order. */
function byPerson(facts: PlanFacts): { code: string; name: string; team: string | null; days: DayFact[] }[] {
  return facts.people.map((p) => ({ ...p, days: facts.days.filter((d) => d.code === p.code) }));
}

const passes = (seconds: number, t: HoursThreshold): boolean => {
  const h = seconds / 3600;
  return t.op === 'gt' ? h > t.hours : t.op === 'gte' ? h >= t.hours : t.op === 'lt' ? h < t.hours : h <= t.hours;
};
const opWords = (t: HoursThreshold, measure: 'hours' | 'overtime'): string =>
  `${{ gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most' }[t.op]} ${t.hours} h${measure === 'overtime' ? ' of overtime' : ''}${t.per === 'day' ? ' in a day' : ' in all'}`;

/** "More than 0 h of overtime in a day" is plain "worked overtime": the question asked for any overtime at all. */
const anyOvertime = (t: HoursThreshold, measure: 'hours' | 'overtime'): boolean =>
  measure === 'overtime' && t.op === 'gt' && t.hours === 0 && t.per === 'day';

/** The facts of the plan's subject only, whatever else was gathered. */
function scoped(plan: QueryPlan, facts: PlanFacts): PlanFacts {
  const s = plan.subject;
  const keep = (p: { code: string; team: string | null }): boolean =>
    s.kind === 'everyone' ? true : s.kind === 'employees' ? s.codes.includes(p.code) : p.team !== null && s.names.includes(p.team);
  return { ...facts, people: facts.people.filter(keep), days: facts.days.filter(keep), now: facts.now.filter(keep) };
}

export function answerPlan(plan: QueryPlan, all: PlanFacts): PlanAnswer {
  const facts = scoped(plan, all);
  const scope = scopeOf(plan, all);
  if (plan.measure === 'leave') return { answered: false, answer: LEAVE_NOT_RECORDED };
  if (plan.period.kind === 'now') return answerNow(plan, facts, scope);
  const { from, to } = plan.period;
  const when = `${periodWords(from, to)} (${facts.tz})`;
  const oneDay = from === to;
  const say = (what: string, value: string, table: PlanTable, chartTitle: string | null = null): PlanAnswer => {
    const interpretation = `${what}, ${when}`;
    return { answered: true, interpretation, answer: `${interpretation}: ${value}`, table, chartTitle };
  };
  const of = scope.kind === 'everyone' ? '' : scope.kind === 'teams' ? ` in ${scope.words}` : ` of ${scope.words}`;
  const people = byPerson(facts);
  const review = facts.days.filter((d) => d.needsReview);
  const reviewNote = review.length
    ? ` To review: ${listWords(review.map((d) => `${d.name} on ${dayLabel(d.date)}`))} (a session clamped at the max hours or closed automatically).`
    : '';

  switch (plan.measure) {
    case 'hours':
    case 'overtime': {
      const value = (d: DayFact): number => (plan.measure === 'hours' ? d.seconds : d.overtimeSeconds);
      const noun = plan.measure === 'hours' ? 'Hours worked' : 'Overtime (hours past the shift length)';
      const unit = plan.measure === 'hours' ? 'Hours (h)' : 'Overtime (h)';
      const totals = people.map((p) => ({ ...p, seconds: p.days.reduce((a, d) => a + value(d), 0) }));
      const t = plan.filter.hours;
      if (t) {
        if (t.per === 'day') {
          const hits = facts.days.filter((d) => d.present && passes(value(d), t));
          const who = [...new Set(hits.map((d) => d.name))];
          const table = {
            columns: ['Date', 'Name', 'Team', unit],
            rows: hits.map((d) => ({ Date: d.date, Name: d.name, Team: d.team, [unit]: hoursOf(value(d)) })),
          };
          const items = who.map(
            (n) => `${n} (${listWords(hits.filter((d) => d.name === n).map((d) => `${dayLabel(d.date)} ${hoursText(value(d))}`))})`,
          );
          if (plan.aggregation.kind === 'count')
            return say(
              `Days with ${opWords(t, plan.measure).replace(' in a day', '')}${of}`,
              `${dayCount(hits.length)}${hits.length ? `: ${listWords(hits.map((d) => `${scope.kind === 'one' ? '' : `${d.name} `}${dayLabel(d.date)} ${hoursText(value(d))}`))}` : ''}.`,
              table,
            );
          return say(
            `Who worked ${anyOvertime(t, plan.measure) ? 'overtime (past the shift length)' : opWords(t, plan.measure)}${of}`,
            hits.length
              ? `${peopleCount(who.length)}: ${listWords(items)}.${plan.measure === 'overtime' ? ` In all: ${hoursText(hits.reduce((a, d) => a + value(d), 0))}.` : ''}`
              : 'nobody.',
            table,
          );
        }
        const hits = totals.filter((p) => passes(p.seconds, t));
        const table = { columns: ['Name', 'Team', unit], rows: hits.map((p) => ({ Name: p.name, Team: p.team, [unit]: hoursOf(p.seconds) })) };
        return say(
          `Who worked ${opWords(t, plan.measure)}${of}`,
          hits.length ? `${peopleCount(hits.length)}: ${listWords(hits.map((p) => `${p.name} ${hoursText(p.seconds)}`))}.` : 'nobody.',
          table,
          plan.measure === 'overtime' ? `${noun} per person` : 'Hours per person',
        );
      }
      const agg = plan.aggregation.kind;
      if (agg === 'average' && plan.groupBy === 'person' && scope.kind !== 'one') {
        const with_ = totals.filter((p) => p.seconds > 0);
        const table = { columns: ['Name', 'Team', unit], rows: with_.map((p) => ({ Name: p.name, Team: p.team, [unit]: hoursOf(p.seconds) })) };
        const total = with_.reduce((a, p) => a + p.seconds, 0);
        return say(
          `Average ${noun.toLowerCase()} per person${of} (over ${peopleCount(with_.length)} with hours)`,
          with_.length ? `${hoursText(total / with_.length)} a person.${reviewNote}` : 'nobody had hours to average.',
          table,
          `${noun} per person`,
        );
      }
      if (agg === 'average') {
        const worked = facts.days.filter((d) => d.seconds > 0);
        const total = worked.reduce((a, d) => a + value(d), 0);
        const table = {
          columns: ['Date', 'Name', unit],
          rows: worked.map((d) => ({ Date: d.date, Name: d.name, [unit]: hoursOf(value(d)) })),
        };
        if (worked.length === 0) return say(`Average daily ${noun.toLowerCase()}${of}`, 'no day with hours to average.', table);
        return say(
          `Average daily ${noun.toLowerCase()}${of} (over ${dayCount(worked.length)} with hours)`,
          `${hoursText(total / worked.length)} a day.${reviewNote}`,
          table,
          null,
        );
      }
      if (agg === 'top' || agg === 'bottom' || agg === 'max' || agg === 'min') {
        const most = agg === 'top' || agg === 'max';
        const byTeam = plan.groupBy === 'team';
        const groups = byTeam
          ? [...new Set(facts.people.map((p) => p.team).filter((x): x is string => x !== null))].map((team) => ({
              label: team,
              team,
              seconds: totals.filter((p) => p.team === team).reduce((a, p) => a + p.seconds, 0),
            }))
          : totals.map((p) => ({ label: p.name, team: p.team, seconds: p.seconds }));
        groups.sort((a, b) => (most ? b.seconds - a.seconds : a.seconds - b.seconds) || a.label.localeCompare(b.label));
        const n = plan.aggregation.n ?? 1;
        const shown = groups.slice(0, n);
        const table = {
          columns: byTeam ? ['Team', unit] : ['Name', 'Team', unit],
          rows: shown.map((g) =>
            byTeam ? { Team: g.label, [unit]: hoursOf(g.seconds) } : { Name: g.label, Team: g.team, [unit]: hoursOf(g.seconds) },
          ),
        };
        // Hours are counted ("fewest hours"); overtime is an amount ("least overtime").
        const least = plan.measure === 'overtime' ? 'least' : 'fewest';
        const what = `${n === 1 ? `${byTeam ? 'The team' : 'The person'} with the ${most ? 'most' : least}` : `The ${n} ${byTeam ? 'teams' : 'people'} with the ${most ? 'most' : least}`} ${noun.toLowerCase()}${of}`;
        if (shown.length === 0) return say(what, 'nobody.', table);
        return say(
          what,
          `${listWords(shown.map((g) => `${g.label} ${hoursText(g.seconds)}`))}.${reviewNote}`,
          table,
          `${noun} per ${byTeam ? 'team' : 'person'}`,
        );
      }
      if (plan.groupBy === 'person' && scope.kind !== 'one') {
        const table = { columns: ['Name', 'Team', unit], rows: totals.map((p) => ({ Name: p.name, Team: p.team, [unit]: hoursOf(p.seconds) })) };
        return say(
          `${noun}${of} per person`,
          `${listWords(
            totals.map((p) => `${p.name} ${hoursText(p.seconds)}`),
            50,
          )}.${reviewNote}`,
          table,
          `${noun} per person`,
        );
      }
      if (plan.groupBy === 'day' || plan.groupBy === 'week') {
        const key = (d: DayFact): string => (plan.groupBy === 'day' ? d.date : mondayOf(d.date));
        const keys = [...new Set(facts.days.map(key))].sort();
        const col = plan.groupBy === 'day' ? 'Date' : 'Week of';
        const rows = keys.map((k) => ({ [col]: k, [unit]: hoursOf(facts.days.filter((d) => key(d) === k).reduce((a, d) => a + value(d), 0)) }));
        return say(
          `${noun}${of} per ${plan.groupBy}`,
          `${listWords(rows.map((r) => `${plan.groupBy === 'day' ? dayLabel(String(r[col])) : `week of ${dayLabel(String(r[col]))}`} ${r[unit]} h`))}.`,
          { columns: [col, unit], rows },
          `${noun} per ${plan.groupBy}`,
        );
      }
      // sum (or compare): each group's total — each team's when asked by team.
      const groups =
        plan.groupBy === 'team' && scope.kind !== 'teams'
          ? [...new Set(facts.people.map((p) => p.team ?? '(no team)'))].sort().map((t) => ({
              label: t,
              codes: new Set(facts.people.filter((p) => (p.team ?? '(no team)') === t).map((p) => p.code)),
            }))
          : scope.groups;
      const groupTotals = groups.map((g) => ({
        label: g.label,
        seconds: totals.filter((p) => g.codes.has(p.code)).reduce((a, p) => a + p.seconds, 0),
      }));
      if (scope.kind === 'one') {
        const p = totals[0];
        const days = p?.days ?? [];
        const open = days.filter((d) => d.present && d.seconds === 0 && d.lastOut === null);
        const table = {
          columns: ['Date', unit, 'First IN', 'Last OUT'],
          rows: days.filter((d) => d.present).map((d) => ({ Date: d.date, [unit]: hoursOf(value(d)), 'First IN': d.firstIn, 'Last OUT': d.lastOut })),
        };
        const note = open.length ? ` Not counted yet (no OUT): ${listWords(open.map((d) => dayLabel(d.date)))}.` : '';
        return say(`${noun} by ${scope.words}`, `${hoursText(p?.seconds ?? 0)}.${note}${reviewNote}`, table, oneDay ? null : `${noun} per day`);
      }
      if (groupTotals.length > 1) {
        const col = scope.kind === 'teams' || plan.groupBy === 'team' ? 'Team' : 'Name';
        const table = { columns: [col, unit], rows: groupTotals.map((g) => ({ [col]: g.label, [unit]: hoursOf(g.seconds) })) };
        const ranked = [...groupTotals].sort((a, b) => b.seconds - a.seconds);
        const lead =
          ranked.length !== 2
            ? ''
            : ranked[0]!.seconds !== ranked[1]!.seconds
              ? ` ${ranked[0]!.label} worked ${hoursText(ranked[0]!.seconds - ranked[1]!.seconds)} more.`
              : ' The same hours.';
        return say(
          plan.groupBy === 'team' && scope.kind !== 'teams' ? `${noun}${of} per team` : `${noun} by ${scope.words}`,
          `${listWords(groupTotals.map((g) => `${g.label} ${hoursText(g.seconds)}`))}.${lead}${reviewNote}`,
          table,
          `${noun}`,
        );
      }
      const table = {
        columns: ['Name', 'Team', unit, 'Days with hours'],
        rows: totals.map((p) => ({
          Name: p.name,
          Team: p.team,
          [unit]: hoursOf(p.seconds),
          'Days with hours': p.days.filter((d) => d.seconds > 0).length,
        })),
      };
      const total = totals.reduce((a, p) => a + p.seconds, 0);
      return say(
        `${noun} by ${scope.kind === 'teams' ? scope.words : 'everyone'}`,
        `${hoursText(total)} in all, across ${plural(totals.filter((p) => p.seconds > 0).length, 'person', 'people')} with hours.${reviewNote}`,
        table,
        `${noun} per person`,
      );
    }
    case 'presence':
    case 'absence':
    case 'late':
    case 'early_departure':
    case 'missing_out':
    case 'work_mode':
      return answerDays(plan, facts, scope, say, oneDay);
    case 'arrival_time':
    case 'departure_time':
      return answerTimes(plan, facts, scope, say);
    default:
      return { answered: false, answer: 'I cannot answer that kind of question.' };
  }
}

type Say = (what: string, value: string, table: PlanTable, chartTitle?: string | null) => PlanAnswer;

/** The measures that pick days: came in, absent, late, left early, missing OUT, worked from home. */
type DayMeasure = 'presence' | 'absence' | 'late' | 'early_departure' | 'missing_out' | 'work_mode';

function answerDays(plan: QueryPlan, facts: PlanFacts, scope: Scope, say: Say, oneDay: boolean): PlanAnswer {
  const m = plan.measure as DayMeasure;
  const mode = plan.filter.workMode ?? null;
  if (m === 'work_mode' && mode === null) return workModeSplit(plan, facts, scope, say);
  const hit = (d: DayFact): boolean =>
    m === 'presence'
      ? d.present
      : m === 'absence'
        ? d.expected && !d.present
        : m === 'late'
          ? d.lateMinutes !== null
          : m === 'early_departure'
            ? d.earlyMinutes !== null
            : m === 'missing_out'
              ? d.missingOut
              : d.present && d.mode === mode;
  const detail = (d: DayFact): string =>
    m === 'presence'
      ? `IN ${d.firstIn}`
      : m === 'late'
        ? `${d.firstIn}, ${d.lateMinutes} min after the shift start`
        : m === 'early_departure'
          ? `left ${d.lastOut}, ${d.earlyMinutes} min before the shift end`
          : m === 'missing_out'
            ? `IN at ${d.firstIn}, no OUT`
            : '';
  const what = {
    presence: 'Who came in',
    absence: 'Who was absent (expected at work, not in)',
    late: 'Late arrivals',
    early_departure: 'Early departures',
    missing_out: 'Missing OUTs',
    work_mode: mode === 'WFH' ? 'Who worked from home' : 'Who worked in the office',
  }[m];
  const of = scope.kind === 'everyone' ? '' : scope.kind === 'teams' ? ` in ${scope.words}` : ` — ${scope.words}`;
  const hits = facts.days.filter(hit);
  const table = {
    columns: [
      'Date',
      'Name',
      'Team',
      ...(m === 'late'
        ? ['First IN', 'Minutes late']
        : m === 'early_departure'
          ? ['Last OUT', 'Minutes early']
          : m === 'absence' || m === 'work_mode'
            ? []
            : ['First IN']),
    ],
    rows: hits.map((d) => ({
      Date: d.date,
      Name: d.name,
      Team: d.team,
      ...(m === 'late'
        ? { 'First IN': d.firstIn, 'Minutes late': d.lateMinutes }
        : m === 'early_departure'
          ? { 'Last OUT': d.lastOut, 'Minutes early': d.earlyMinutes }
          : m === 'absence' || m === 'work_mode'
            ? {}
            : { 'First IN': d.firstIn }),
    })),
  };
  if (m === 'absence' && !facts.days.some((d) => d.expected))
    return say(
      `${what}${of}`,
      `nobody: ${oneDay ? 'it is not a working day' : 'there is no working day in it'} for ${scope.kind === 'one' ? scope.words : 'anyone here'}.`,
      table,
    );
  // One person: yes or no, with the days.
  if (scope.kind === 'one') {
    const p = facts.people.find((x) => (plan.subject.kind === 'employees' ? x.code === plan.subject.codes[0] : false));
    const name = p?.name ?? scope.words;
    const verb = {
      presence: 'came in',
      absence: 'was absent',
      late: 'was late',
      early_departure: 'left early',
      missing_out: 'did not punch OUT',
      work_mode: mode === 'WFH' ? 'worked from home' : 'worked in the office',
    }[m];
    if (plan.aggregation.kind === 'count') {
      return say(
        `${what}${of}, days counted`,
        `${name} ${verb} on ${dayCount(hits.length)}${hits.length ? `: ${listWords(hits.map((d) => (detail(d) ? `${dayLabel(d.date)} (${detail(d)})` : dayLabel(d.date))))}` : ''}.`,
        table,
        null,
      );
    }
    if (hits.length === 0) return say(`${what}${of}`, `No, ${name} ${negative(m, mode)}.`, table);
    const items = hits.map((d) => `${oneDay ? '' : `${dayLabel(d.date)} `}${detail(d) ? `(${detail(d)})` : ''}`.trim());
    return say(
      `${what}${of}`,
      `Yes, ${name} ${verb}${oneDay ? (items[0] ? ` (${detail(hits[0]!)})` : '') : ` on ${dayCount(hits.length)}: ${listWords(items)}`}.`,
      table,
    );
  }
  const names = [...new Set(hits.map((d) => d.name))];
  if (m === 'work_mode' && plan.aggregation.kind === 'count') {
    const present = facts.days.filter((d) => d.present).length;
    return say(
      `${what}${of}, days counted`,
      `${dayCount(hits.length)} ${mode === 'WFH' ? 'from home' : 'in the office'} (of ${dayCount(present)} worked), by ${peopleCount(names.length)}.`,
      table,
      null,
    );
  }
  if (plan.aggregation.kind === 'count' && !oneDay && plan.groupBy === 'day') {
    const dates = [...new Set(facts.days.map((d) => d.date))].sort();
    const rows = dates.map((date) => ({ Date: date, People: hits.filter((d) => d.date === date).length }));
    return say(
      `${what}${of}, per day`,
      `${listWords(rows.map((r) => `${dayLabel(r.Date)} ${peopleCount(r.People)}`))}.`,
      { columns: ['Date', 'People'], rows },
      'People per day',
    );
  }
  // The most or fewest such days: people ranked by their count.
  const agg = plan.aggregation.kind;
  if ((agg === 'top' || agg === 'bottom' || agg === 'max' || agg === 'min') && !oneDay) {
    const most = agg === 'top' || agg === 'max';
    const counts = facts.people
      .map((p) => ({ name: p.name, team: p.team, days: hits.filter((d) => d.code === p.code).length }))
      .sort((a, b) => (most ? b.days - a.days : a.days - b.days) || a.name.localeCompare(b.name));
    const n = plan.aggregation.n ?? 1;
    const best = counts[n - 1]?.days;
    // Nobody has the most of days none of them had: zero is a fewest, never a most.
    const shown = counts.filter((c, i) => (i < n || c.days === best) && (!most || c.days > 0));
    const rows = shown.map((c) => ({ Name: c.name, Team: c.team, Days: c.days }));
    return say(
      `${what}${of}, ${most ? 'most' : 'fewest'} days`,
      shown.length ? `${listWords(shown.map((c) => `${c.name} (${dayCount(c.days)})`))}.` : 'nobody.',
      { columns: ['Name', 'Team', 'Days'], rows },
      'Days per person',
    );
  }
  if (names.length === 0) return say(`${what}${of}`, 'nobody.', table);
  const items = names.map((n) => {
    const mine = hits.filter((d) => d.name === n);
    if (oneDay) return detail(mine[0]!) ? `${n} (${detail(mine[0]!)})` : n;
    const brief = (d: DayFact): string =>
      m === 'late'
        ? `${d.firstIn}, ${d.lateMinutes} min late`
        : m === 'early_departure'
          ? `left ${d.lastOut}, ${d.earlyMinutes} min early`
          : `IN ${d.firstIn}`;
    if (m === 'absence' || m === 'work_mode' || m === 'presence')
      return `${n} (${dayCount(mine.length)}${mine.length <= 5 ? `: ${listWords(mine.map((d) => dayLabel(d.date)))}` : ''})`;
    return `${n} (${listWords(mine.map((d) => `${dayLabel(d.date)} ${brief(d)}`))})`;
  });
  const events = plural(hits.length, m === 'missing_out' ? 'missing OUT' : m === 'late' ? 'late arrival' : 'early departure');
  const countWords =
    oneDay || m === 'absence' || m === 'presence' || m === 'work_mode'
      ? peopleCount(names.length)
      : agg === 'count'
        ? `${peopleCount(names.length)} (${events})`
        : events;
  return say(`${what}${of}`, `${countWords}: ${listWords(items)}.`, table, null);
}

function negative(m: DayMeasure, mode: 'WFH' | 'WFO' | null): string {
  return {
    presence: 'did not come in',
    absence: 'was not absent',
    late: 'was not late',
    early_departure: 'did not leave early',
    missing_out: 'has no missing OUT',
    work_mode: mode === 'WFH' ? 'did not work from home' : 'did not work in the office',
  }[m];
}

function workModeSplit(plan: QueryPlan, facts: PlanFacts, scope: Scope, say: Say): PlanAnswer {
  const present = facts.days.filter((d) => d.present);
  const office = present.filter((d) => d.mode !== 'WFH').length;
  const home = present.filter((d) => d.mode === 'WFH').length;
  const share = home + office === 0 ? 0 : Math.round((home / (home + office)) * 100);
  const of = scope.kind === 'everyone' ? '' : scope.kind === 'teams' ? ` in ${scope.words}` : ` of ${scope.words}`;
  return say(
    `Days in the office and from home${of}`,
    `${dayCount(office)} in the office and ${dayCount(home)} from home (${share}% from home).`,
    {
      columns: ['Work mode', 'Days'],
      rows: [
        { 'Work mode': 'Office', Days: office },
        { 'Work mode': 'Home', Days: home },
      ],
    },
    'Office and home days',
  );
}

/** First IN and last OUT times: one person's, the earliest or latest, or the average. */
function answerTimes(plan: QueryPlan, facts: PlanFacts, scope: Scope, say: Say): PlanAnswer {
  const arrival = plan.measure === 'arrival_time';
  const col = arrival ? 'First IN' : 'Last OUT';
  const timeOf = (d: DayFact): string | null => (arrival ? d.firstIn : d.lastOut);
  const days = facts.days.filter((d) => timeOf(d) !== null);
  const table = { columns: ['Date', 'Name', 'Team', col], rows: days.map((d) => ({ Date: d.date, Name: d.name, Team: d.team, [col]: timeOf(d) })) };
  const noun = arrival ? 'arrival (first IN)' : 'departure (last OUT)';
  const of = scope.kind === 'everyone' ? '' : scope.kind === 'teams' ? ` in ${scope.words}` : ` of ${scope.words}`;
  const agg = plan.aggregation.kind;
  if (days.length === 0) return say(`Time of ${noun}${of}`, arrival ? 'nobody came in.' : 'no OUT was punched.', table);
  if (agg === 'average') {
    const mean = Math.round(days.reduce((a, d) => a + toMinutes(timeOf(d)!), 0) / days.length);
    return say(`Average time of ${noun}${of} (over ${dayCount(days.length)})`, `${fromMinutes(mean)}.`, table);
  }
  if (agg === 'min' || agg === 'max' || agg === 'top' || agg === 'bottom') {
    const earliest = agg === 'min' || agg === 'bottom';
    const sorted = [...days].sort((a, b) => (earliest ? 1 : -1) * (toMinutes(timeOf(a)!) - toMinutes(timeOf(b)!)));
    const best = timeOf(sorted[0]!)!;
    const tied = sorted.filter((d) => timeOf(d) === best);
    return say(
      `${earliest ? 'Earliest' : 'Latest'} ${noun}${of}`,
      `${listWords(tied.map((d) => `${d.name} at ${best}${facts.days.some((x) => x.date !== d.date) ? ` on ${dayLabel(d.date)}` : ''}`))}.`,
      table,
    );
  }
  const items = days.map((d) =>
    `${scope.kind === 'one' ? '' : `${d.name} `}${[...new Set(facts.days.map((x) => x.date))].length > 1 ? `${dayLabel(d.date)} ` : ''}${timeOf(d)}`.trim(),
  );
  return say(`Time of ${noun}${of}`, `${listWords(items)}.`, table);
}

function answerNow(plan: QueryPlan, facts: PlanFacts, scope: Scope): PlanAnswer {
  const interpretation = `Who is in right now (${facts.nowTime}, ${facts.tz})${scope.kind === 'everyone' ? '' : scope.kind === 'teams' ? `, ${scope.words}` : `: ${scope.words}`}`;
  const rows = facts.now;
  const table = {
    columns: ['Name', 'Team', 'In since', 'Work mode'],
    rows: rows.map((r) => ({ Name: r.name, Team: r.team, 'In since': r.since, 'Work mode': r.mode === 'WFH' ? 'Home' : 'Office' })),
  };
  const done = (value: string): PlanAnswer => ({ answered: true, interpretation, answer: `${interpretation}: ${value}`, table, chartTitle: null });
  if (plan.measure !== 'presence' && plan.measure !== 'absence')
    return { answered: false, answer: 'Right now I can only say who is in. Ask about a date for the rest (today, yesterday, a date).' };
  if (scope.kind === 'one' || scope.kind === 'people') {
    const wanted = plan.subject.kind === 'employees' ? plan.subject.codes : [];
    return done(
      wanted
        .map((code) => {
          const r = rows.find((x) => x.code === code);
          const name = facts.people.find((p) => p.code === code)?.name ?? code;
          return r ? `Yes, ${name} is in, since ${r.since} (${r.mode === 'WFH' ? 'from home' : 'in the office'}).` : `No, ${name} is not in now.`;
        })
        .join(' '),
    );
  }
  if (plan.aggregation.kind === 'count') return done(`${peopleCount(rows.length)}.`);
  if (rows.length === 0) return done('nobody.');
  return done(`${peopleCount(rows.length)}: ${listWords(rows.map((r) => `${r.name} (since ${r.since})`))}.`);
}
