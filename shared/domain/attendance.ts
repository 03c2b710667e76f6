// Who is expected at work on a day: an employee is absent only on a working weekday of their
// site (Monday to Friday unless the site says otherwise) while employed — from the day they
// were added (or the start date given) until they were deactivated. Ask and the summaries use
// this one rule. (Holidays, leave and shifts come later.)
import { parseLocalDate } from './local-time.js';

export interface Employment {
  /** The first local date they are expected. */
  employedFrom: string;
  /** The last local date they were expected; null while employed. */
  employedUntil: string | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
}

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

/** The ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A site's working days as stored ("1,2,3,4,5"); the default when it says nothing usable. */
export function parseWorkingDays(text: string | null | undefined): number[] {
  const days = (text ?? '')
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  return days.length > 0 ? [...new Set(days)].sort() : [...DEFAULT_WORKING_DAYS];
}

export function isExpectedOn(e: Employment, date: string): boolean {
  if (date < e.employedFrom) return false;
  if (e.employedUntil !== null && date > e.employedUntil) return false;
  return e.workingDays.includes(isoWeekday(date));
}
