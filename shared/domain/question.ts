// The offline interpreter's reading of a question: which family it belongs to, which employee
// or team it names, and which local dates it means. Pure: the roster and today's date come in,
// an intent comes out, or null when the question is not one it knows.
import { addDays, parseLocalDate } from './local-time.js';

export interface DateRange {
  from: string;
  to: string;
  /** How the question said it, for the answer ("last week", "on 2026-11-18"). */
  label: string;
}

export interface RosterNames {
  employees: readonly { code: string; name: string }[];
  teams: readonly string[];
}

export type Intent =
  | { kind: 'present_now'; team?: string; employee?: string }
  | { kind: 'late'; range: DateRange; team?: string; employee?: string }
  | { kind: 'hours'; range: DateRange; team?: string; employee?: string }
  | { kind: 'absent'; range: DateRange; team?: string }
  | { kind: 'work_mode'; range: DateRange; team?: string }
  | { kind: 'top_hours'; range: DateRange; n: number; order: 'most' | 'least'; team?: string }
  | { kind: 'team_trend'; range: DateRange; team?: string }
  | { kind: 'missing_out'; range: DateRange; team?: string; employee?: string };

export type IntentKind = Intent['kind'];

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fourteen: 14,
  thirty: 30,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** 0 = Sunday … 6 = Saturday, for a local date. */
export function weekdayOf(date: string): number {
  const d = parseLocalDate(date);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Monday of the week a date is in (weeks start on Monday, as in the reports). */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function monthRange(today: string, back: number): { from: string; to: string } {
  const d = parseLocalDate(today);
  const first = new Date(Date.UTC(d.year, d.month - 1 - back, 1));
  const from = `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-01`;
  if (back === 0) return { from, to: today };
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { from, to: `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}` };
}

const numberFrom = (word: string): number | null => (/^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? null));

/** An explicit date: 2026-11-18, 18 Nov, Nov 18th, 18 November 2026. */
function explicitDates(q: string, today: string): string[] {
  const found: { at: number; date: string }[] = [];
  for (const m of q.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) found.push({ at: m.index, date: `${m[1]}-${m[2]}-${m[3]}` });
  const month = `(${MONTHS.map((n) => `${n.slice(0, 3)}(?:${n.slice(3)})?`).join('|')})\\.?`;
  const year = parseLocalDate(today).year;
  const add = (at: number, day: string, mon: string, y?: string) => {
    const m = MONTHS.findIndex((n) => n.startsWith(mon.slice(0, 3)));
    if (m >= 0 && Number(day) >= 1 && Number(day) <= 31) found.push({ at, date: `${y ?? year}-${pad(m + 1)}-${pad(Number(day))}` });
  };
  for (const m of q.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${month}(?:,? (\\d{4}))?\\b`, 'g'))) add(m.index, m[1]!, m[2]!, m[3]);
  for (const m of q.matchAll(new RegExp(`\\b${month} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g'))) add(m.index, m[2]!, m[1]!, m[3]);
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

/** The most recent such weekday on or before today ("on Monday"), or strictly before ("last Monday"). */
function weekdayDate(today: string, weekday: number, strictlyBefore: boolean): string {
  let back = (weekdayOf(today) - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return addDays(today, -back);
}

/** The local dates a question means, or null when it names none. */
export function dateRangeOf(q: string, today: string): DateRange | null {
  const single = (date: string, label: string): DateRange => ({ from: date, to: date, label });
  const dates = explicitDates(q, today);
  if (dates.length >= 2 && /\b(between|from)\b/.test(q)) {
    const [a, b] = [dates[0]!, dates[1]!].sort();
    return { from: a!, to: b!, label: `from ${a} to ${b}` };
  }
  if (dates.length >= 1) {
    if (/\bsince\b/.test(q)) return { from: dates[0]!, to: today, label: `since ${dates[0]}` };
    return single(dates[0]!, `on ${dates[0]}`);
  }
  if (/\btoday\b|\bthis morning\b|\bso far today\b/.test(q)) return single(today, 'today');
  if (/\byesterday\b/.test(q)) return single(addDays(today, -1), 'yesterday');
  const lastN = /\b(?:last|past|previous) (\d+|[a-z]+) (day|week)s?\b/.exec(q);
  if (lastN) {
    const n = numberFrom(lastN[1]!);
    if (n !== null && n > 0) {
      const days = lastN[2] === 'week' ? n * 7 : n;
      return { from: addDays(today, -(days - 1)), to: today, label: `in the last ${n} ${lastN[2]}${n === 1 ? '' : 's'}` };
    }
  }
  if (/\b(this|current) week\b|\bso far this week\b/.test(q)) return { from: mondayOf(today), to: today, label: 'this week' };
  if (/\b(last|previous|past) week\b/.test(q)) {
    const monday = addDays(mondayOf(today), -7);
    return { from: monday, to: addDays(monday, 6), label: 'last week' };
  }
  if (/\b(this|current) month\b/.test(q)) return { ...monthRange(today, 0), label: 'this month' };
  if (/\b(last|previous|past) month\b/.test(q)) return { ...monthRange(today, 1), label: 'last month' };
  const weekday = new RegExp(`\\b(last |since |on )?(${WEEKDAYS.join('|')})\\b`).exec(q);
  if (weekday) {
    const date = weekdayDate(today, WEEKDAYS.indexOf(weekday[2]!), weekday[1] === 'last ');
    const name = weekday[2]![0]!.toUpperCase() + weekday[2]!.slice(1);
    if (weekday[1] === 'since ') return { from: date, to: today, label: `since ${name} ${date}` };
    return single(date, `on ${name} ${date}`);
  }
  return null;
}

/** Edit distance, for names typed slightly wrong. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const STOP = new Set([
  'who',
  'what',
  'how',
  'many',
  'much',
  'hours',
  'hour',
  'team',
  'week',
  'month',
  'today',
  'late',
  'show',
  'the',
  'did',
  'was',
  'were',
  'work',
  'worked',
  'last',
  'this',
  'from',
  'home',
  'office',
]);

/**
 * The employees a text names: by code, full name, or a first or last name (one letter off is
 * forgiven for names of five letters or more). Best matches first; ties are all returned.
 */
export function matchEmployees(text: string, employees: RosterNames['employees']): { code: string; name: string; score: number }[] {
  const tokens = words(text).filter((t) => !STOP.has(t));
  const lower = text.toLowerCase();
  const scored = employees.map((e) => {
    const parts = words(e.name);
    let score = 0;
    if (new RegExp(`\\b${e.code.toLowerCase()}\\b`).test(lower)) score = 100;
    else if (lower.includes(e.name.toLowerCase())) score = 90;
    else {
      for (const p of parts) {
        for (const t of tokens) {
          if (t === p || t === `${p}s` || t === `${p}'s`) score = Math.max(score, 60);
          else if (p.length >= 5 && t.length >= 4 && editDistance(t, p) <= 1) score = Math.max(score, 40);
        }
      }
    }
    return { code: e.code, name: e.name, score };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return best === 0 ? [] : scored.filter((s) => s.score === best);
}

function teamIn(q: string, teams: readonly string[]): string | undefined {
  return [...teams]
    .sort((a, b) => b.length - a.length)
    .find((t) => new RegExp(`\\b${t.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(q));
}

export type Reading = { intent: Intent } | { ambiguous: { code: string; name: string }[] } | null;

/** Reads a question. Null: not a question it knows. */
export function readQuestion(question: string, today: string, roster: RosterNames): Reading {
  const q = question.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  const team = teamIn(q, roster.teams);
  const named = matchEmployees(team ? q.replace(team.toLowerCase(), ' ') : q, roster.employees);
  if (named.length > 1 && named[0]!.score < 90) return { ambiguous: named };
  const employee = named[0]?.code;
  const when = dateRangeOf(q, today);
  const range = (fallback: 'today' | 'this week' | 'last 7 days' | 'this month'): DateRange => {
    if (when) return when;
    if (fallback === 'today') return { from: today, to: today, label: 'today' };
    if (fallback === 'this week') return { from: mondayOf(today), to: today, label: 'this week' };
    if (fallback === 'this month') return { ...monthRange(today, 0), label: 'this month' };
    return { from: addDays(today, -6), to: today, label: 'in the last 7 days' };
  };
  const scope = { ...(team ? { team } : {}) };
  const who = { ...scope, ...(employee ? { employee } : {}) };

  if (
    /\b(forgot|forgotten|missing|missed|no|without( an?)?) ?(to )?(punch|clock|check|sign)[- ]?(ing )?outs?\b|\bmissing outs?\b|\bdidn't (punch|clock|check|sign) out\b|\bopen sessions?\b/.test(
      q,
    )
  ) {
    return { intent: { kind: 'missing_out', range: range('last 7 days'), ...who } };
  }
  if (
    /\b(wfh|wfo)\b|\bfrom home\b|\bwork(ing)? mode\b|\bremote(ly)?\b|\bhome (vs|versus|or|and) office\b|\boffice (vs|versus|or|and) home\b/.test(q)
  ) {
    return { intent: { kind: 'work_mode', range: range('this week'), ...scope } };
  }
  if (/\b(late|tardy)\b|\bafter (the )?shift start\b/.test(q)) {
    return { intent: { kind: 'late', range: range('today'), ...who } };
  }
  if (
    /\b(absent|no[- ]shows?)\b|\bdidn't (come|show|turn up)\b|\bnot (come|in|present)\b|\bwho was (out|missing|away|off)\b|\bmissing (on|today|yesterday)\b/.test(
      q,
    )
  ) {
    return { intent: { kind: 'absent', range: range('today'), ...scope } };
  }
  if (
    !when &&
    /\b(who('s| is| are)?|anyone|everyone|people|employees|staff|is \S+)\b.*\b(in|here|present|at work|on site|clocked in|punched in|working)\b( (right )?now)?\??$|\b(in|present) (right )?now\b|\bcurrently (in|present|working|here)\b/.test(
      q,
    )
  ) {
    return { intent: { kind: 'present_now', ...who } };
  }
  const top = /\b(top|most|highest|longest|fewest|least|lowest|bottom)\b/.exec(q);
  if (top && /\bhours?\b|\bworked\b/.test(q) && !employee) {
    const n = /\b(?:top|bottom) (\d+|[a-z]+)\b/.exec(q);
    const count = n ? (numberFrom(n[1]!) ?? 5) : /\bwho (worked|has|had|put in)\b/.test(q) ? 1 : 5;
    return {
      intent: {
        kind: 'top_hours',
        range: range('this week'),
        n: count,
        order: /fewest|least|lowest|bottom/.test(top[1]!) ? 'least' : 'most',
        ...scope,
      },
    };
  }
  if (/\btrends?\b|\bweek (by|over) week\b|\bper week\b|\bweekly\b|\bover time\b/.test(q)) {
    return { intent: { kind: 'team_trend', range: range('this month'), ...scope } };
  }
  if (/\bhours?\b|\bhow long\b|\bhow much (time|did)\b|\bworked\b|\btime (at work|spent|worked)\b/.test(q)) {
    return { intent: { kind: 'hours', range: range('this week'), ...who } };
  }
  return null;
}
