// Names and weeks in questions: the roster a question is read against, fuzzy name matching (for
// the find_employee tool and the offline reader), and the Monday a week starts on. Pure.
import { addDays, parseLocalDate } from './local-time.js';

export interface RosterNames {
  employees: readonly { code: string; name: string }[];
  teams: readonly string[];
}

/** 0 = Sunday … 6 = Saturday, for a local date. */
export function weekdayOf(date: string): number {
  const d = parseLocalDate(date);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Monday of the week a date is in (weeks start on Monday, as in the reports). */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
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
