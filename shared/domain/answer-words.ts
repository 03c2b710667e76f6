// The words answers are said in: days and periods ("Tue 17 Nov", "16–20 November 2026"), hours,
// times of day, counts with their nouns, and lists capped with "and N more". Pure.
import { weekdayOf } from './question.js';
import { hoursOf } from './work-hours.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const parts = (date: string): { y: number; m: number; d: number; wd: number } => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d, wd: weekdayOf(date) };
};

/** "Tue 17 Nov": a day in a list. */
export function dayLabel(date: string): string {
  const p = parts(date);
  return `${WEEKDAYS[p.wd]!.slice(0, 3)} ${p.d} ${MONTHS[p.m - 1]!.slice(0, 3)}`;
}

/** A period in words: "Friday 20 November 2026", "16–20 November 2026", "26 October – 1 November 2026". */
export function periodWords(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  if (from === to) return `${WEEKDAYS[a.wd]} ${a.d} ${MONTHS[a.m - 1]} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${MONTHS[a.m - 1]} – ${b.d} ${MONTHS[b.m - 1]} ${a.y}`;
  return `${a.d} ${MONTHS[a.m - 1]} ${a.y} – ${b.d} ${MONTHS[b.m - 1]} ${b.y}`;
}

export const hoursText = (seconds: number): string => `${hoursOf(seconds)} h`;
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinutes = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
export const peopleCount = (n: number): string => plural(n, 'person', 'people');
export const dayCount = (n: number): string => plural(n, 'day');
export const LIST_CAP = 12;
/** "A, B and C", capped with "and N more". */
export function listWords(items: readonly string[], cap = LIST_CAP): string {
  const shown = items.length > cap ? [...items.slice(0, cap), `${items.length - cap} more`] : [...items];
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
