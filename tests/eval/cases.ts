// What an evaluation question is, and how an answer is graded. Expected answers are computed
// with the independent reference (reference.ts) from the dataset's table, never by the product.
//
// The answer's words, which the expectations rely on (the executor keeps to them):
// - hours: "<n> h", n rounded to 2 decimals without trailing zeros (32.5 h, 8 h, 23.92 h);
// - minutes: "<n> min"; times of day: "HH:MM" (24-hour, the site's local time);
// - a day in a list: "Tue 17 Nov" (dayLabel); people by their full roster name;
// - counts: "<n> people" / "1 person", "<n> days" / "1 day", "<n> of <m>".
// An answer also carries its period (explicit local dates, or "now"), which must equal the
// period the question asked for: an answer about another period is wrong, whatever it says.
import type { AskResult } from '../../shared/contract/ai.js';
import { round2 } from './reference.js';

export type DatasetId = 'kolkata' | 'newyork';

export const FAMILIES = [
  'hours', // total hours of a person, a team or everyone
  'average', // average daily hours, average arrival time
  'ranking', // most/least, top/bottom N, which team
  'compare', // two people or two teams side by side
  'threshold', // days or people over/under N hours
  'overtime',
  'presence', // was X in on a day, who came in, head counts, days present over a period
  'present_now',
  'absence',
  'late',
  'early', // left early
  'arrival', // what time X came in, earliest/latest arrival
  'departure', // what time X left
  'work_mode', // WFH/WFO days, who worked from home
  'missing_out',
  'leave', // Frontdesk records no leave: asked back / refused honestly
  'ask_back', // ambiguous or impossible dates, unknown or ambiguous names: a question back
  'out_of_scope', // not about attendance: refused
] as const;
export type Family = (typeof FAMILIES)[number];

export type Period = { from: string; to: string } | 'now';

export type Expect =
  | {
      answered: true;
      period: Period;
      /** Pieces the answer's text contains, exactly (case-sensitive). */
      includes: string[];
      /** When given: the roster people the answer names, exactly this set (no one else named). */
      names?: string[];
    }
  | {
      answered: false;
      /** Pieces the question back (or the refusal) contains, case-insensitive. */
      mentions: string[];
    };

export interface EvalCase {
  dataset: DatasetId;
  family: Family;
  question: string;
  expect: Expect;
}

export const h = (n: number): string => `${round2(n)} h`;
export const min = (n: number): string => `${n} min`;
export const people = (n: number): string => (n === 1 ? '1 person' : `${n} people`);
export const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);
const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Tue 17 Nov" for 2026-11-17. */
export const dayLabel = (date: string): string => {
  const d = new Date(`${date}T12:00:00Z`);
  return `${WD[d.getUTCDay()]} ${d.getUTCDate()} ${MON[d.getUTCMonth()]}`;
};

export const yes = (dataset: DatasetId, family: Family, question: string, period: Period, includes: string[], names?: string[]): EvalCase => ({
  dataset,
  family,
  question,
  expect: { answered: true, period, includes, ...(names ? { names } : {}) },
});
export const back = (dataset: DatasetId, family: Family, question: string, mentions: string[]): EvalCase => ({
  dataset,
  family,
  question,
  expect: { answered: false, mentions },
});

export type Grade = 'right' | 'refused' | 'wrong';
export interface Graded {
  c: EvalCase;
  result: AskResult;
  grade: Grade;
  /** Why it is not right, for the report. */
  why: string | null;
}

const samePeriod = (a: Period, b: AskResult['period']): boolean =>
  a === 'now' ? b === 'now' : b !== null && b !== 'now' && b.from === a.from && b.to === a.to;

/** Grades one answer; rosterNames are every person's full name in the case's dataset. */
export function grade(c: EvalCase, result: AskResult, rosterNames: readonly string[]): Graded {
  const g = (grade: Grade, why: string | null): Graded => ({ c, result, grade, why });
  const e = c.expect;
  if (!e.answered) {
    if (result.answered) return g('wrong', 'answered where it should have asked back or refused');
    const text = result.answer.toLowerCase();
    const missing = e.mentions.filter((m) => !text.includes(m.toLowerCase()));
    return missing.length ? g('refused', `the question back does not mention ${missing.join(', ')}`) : g('right', null);
  }
  if (!result.answered) return g('refused', 'refused');
  if (!samePeriod(e.period, result.period)) return g('wrong', `period ${JSON.stringify(result.period)}, asked ${JSON.stringify(e.period)}`);
  const missing = e.includes.filter((piece) => !result.answer.includes(piece));
  if (missing.length) return g('wrong', `missing ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  if (e.names) {
    const named = rosterNames.filter((n) => result.answer.includes(n));
    const extra = named.filter((n) => !e.names!.includes(n));
    const absent = e.names.filter((n) => !named.includes(n));
    if (extra.length || absent.length) return g('wrong', `names: extra ${extra.join(', ') || '-'}; missing ${absent.join(', ') || '-'}`);
  }
  return g('right', null);
}
