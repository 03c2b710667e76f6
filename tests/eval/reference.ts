// The independent reference: every expected answer of the evaluation, computed from a dataset's
// own table (datasets/*.ts) by plain arithmetic on local times. It uses no report, no SQL and
// nothing of the interpreter, so a wrong report or a wrong reading cannot agree with it by
// construction. The product's rules it follows, each written here again on purpose:
// - a day's hours are OUT minus IN of a closed session; an open IN counts 0;
// - late: the first IN after the shift start plus grace (the team's shift, else the site's);
//   minutes late are counted from the shift start;
// - left early: the last OUT before the shift end; overtime: a closed day longer than the shift;
// - expected at work: a weekday (Mon–Fri) from the start date to today;
// - an open IN is a missing OUT once it is older than the max hours, else the person is still in.
import type { EvalDataset, EvalDay, EvalPerson, EvalShift } from './datasets/types.js';

export const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();
export const isWeekday = (date: string): boolean => weekday(date) >= 1 && weekday(date) <= 5;

export class Reference {
  constructor(readonly ds: EvalDataset) {}

  person(code: string): EvalPerson {
    const p = this.ds.people.find((x) => x.code === code);
    if (!p) throw new Error(`no person ${code} in ${this.ds.id}`);
    return p;
  }
  name = (code: string): string => this.person(code).name;
  codesOf(team: string | null): string[] {
    return this.ds.people.filter((p) => team === null || p.team === team).map((p) => p.code);
  }
  day(code: string, date: string): EvalDay | undefined {
    return this.ds.days[code]?.[date];
  }
  shift(code: string): EvalShift {
    const team = this.person(code).team;
    return (team && this.ds.teamShifts[team]) || this.ds.site;
  }
  expected(code: string, date: string): boolean {
    return isWeekday(date) && date >= this.person(code).startDate && date <= this.ds.today;
  }
  present(code: string, date: string): boolean {
    return this.day(code, date) !== undefined;
  }
  seconds(code: string, date: string): number {
    const d = this.day(code, date);
    return d?.out ? Math.min((minutes(d.out) - minutes(d.in)) * 60, this.ds.maxHours * 3600) : 0;
  }
  /** Hours over a range for some people, summed in seconds and rounded once. */
  hours(codes: string[], from: string, to: string): number {
    let s = 0;
    for (const c of codes) for (const d of datesBetween(from, to)) s += this.seconds(c, d);
    return round2(s / 3600);
  }
  /** Minutes after the shift start when late that day, else null. */
  lateMinutes(code: string, date: string): number | null {
    const d = this.day(code, date);
    if (!d) return null;
    const s = this.shift(code);
    return minutes(d.in) > minutes(s.start) + s.grace ? minutes(d.in) - minutes(s.start) : null;
  }
  /** Minutes before the shift end when the day's OUT came early, else null. */
  earlyMinutes(code: string, date: string): number | null {
    const d = this.day(code, date);
    if (!d?.out) return null;
    const end = minutes(this.shift(code).end);
    return minutes(d.out) < end ? end - minutes(d.out) : null;
  }
  /** Hours past the shift's length on a closed day, else 0. */
  overtimeSeconds(code: string, date: string): number {
    const d = this.day(code, date);
    if (!d?.out) return 0;
    const s = this.shift(code);
    return Math.max(0, this.seconds(code, date) - (minutes(s.end) - minutes(s.start)) * 60);
  }
  /** An open IN older than the max hours (at "now"). */
  missingOut(code: string, date: string): boolean {
    const d = this.day(code, date);
    if (!d || d.out) return false;
    const daysBack = datesBetween(date, this.ds.today).length - 1;
    return daysBack * 1440 + minutes(this.ds.nowTime) - minutes(d.in) > this.ds.maxHours * 60;
  }
  inNow(code: string): boolean {
    const d = this.day(code, this.ds.today);
    return d !== undefined && d.out === null && minutes(d.in) <= minutes(this.ds.nowTime);
  }
  absentDays(code: string, from: string, to: string): string[] {
    return datesBetween(from, to).filter((d) => this.expected(code, d) && !this.present(code, d));
  }
  presentDays(code: string, from: string, to: string): string[] {
    return datesBetween(from, to).filter((d) => this.present(code, d));
  }
  modeDays(code: string, from: string, to: string, mode: 'WFH' | 'WFO'): string[] {
    return datesBetween(from, to).filter((d) => this.day(code, d)?.mode === mode);
  }
  firstIn(code: string, date: string): string | null {
    return this.day(code, date)?.in ?? null;
  }
  lastOut(code: string, date: string): string | null {
    return this.day(code, date)?.out ?? null;
  }
  /** Mean of HH:MM times, rounded to the minute. */
  static meanTime(times: string[]): string {
    const m = Math.round(times.reduce((a, t) => a + minutes(t), 0) / times.length);
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }
}
