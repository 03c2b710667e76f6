// Reads the period of a question into explicit local dates, and says which characters it read,
// so the question reader can check that every word was understood. Named dates and ranges
// ("Nov 2 - Nov 6", "2nd to 6th November", "17 Nov 2026") go through chrono-node; numeric dates
// are read in the site's order and asked back when both orders make a date (03/11); weeks,
// months, weekdays and relative periods ("last 3 days", "this month") are read here. Nothing
// unread becomes today or the last 7 days: a date it cannot use is a question back.
import * as chrono from 'chrono-node';
import { addDays, isRealLocalDate, parseLocalDate } from './local-time.js';
import { mondayOf, weekdayOf } from './question.js';

export type DateOrder = 'DMY' | 'MDY';

/** Month-first for the United States' zones, day-first elsewhere. */
export function dateOrderOf(tz: string): DateOrder {
  return /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Indiana|Kentucky|North_Dakota|Menominee|Juneau|Sitka|Nome|Adak|Yakutat|Metlakatla)|US\/|Pacific\/Honolulu)/.test(
    tz,
  )
    ? 'MDY'
    : 'DMY';
}

export type DateReading =
  | { kind: 'none' }
  | { kind: 'period'; from: string; to: string; label: string }
  /** A date it cannot use: the text as typed and why, for the question back. */
  | { kind: 'ask'; text: string; why: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', ...MONTHS];
const MONTH_RE = `(${[...MONTH_WORDS].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE = `(${WEEKDAYS.map((w) => `${w.slice(0, 3)}(?:${w.slice(3)})?`).join('|')}|tues|thur|thurs)`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
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
const monthIndex = (word: string): number => MONTHS.findIndex((m) => m.startsWith(word.replace('.', '').slice(0, 3)));
const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthName = (m: number): string => MONTHS[m - 1]![0]!.toUpperCase() + MONTHS[m - 1]!.slice(1);

interface Item {
  from: string;
  to: string;
  start: number;
  end: number;
  label: string;
  /** A bare weekday ("saturday"), which may only name the weekday of a date beside it. */
  weekday?: number;
  /** Written without a year: the same dates in the current year, before moving to the most recent. */
  thisYear?: { from: string; to: string };
  /** "the 16th": a day of a month not named, which a date beside it may name. */
  dayOfMonth?: number;
}

/** The characters of a text, with those read blanked out. */
export class Masked {
  private chars: string[];
  constructor(readonly text: string) {
    // UTF-16 code units, as regular expressions count them.
    this.chars = text.split('');
  }
  take(start: number, end: number): void {
    for (let i = start; i < end; i++) this.chars[i] = ' ';
  }
  get rest(): string {
    return this.chars.join('');
  }
}

/** A date without a year is the most recent such date on or before today. */
function withYear(today: string, m: number, d: number, y: number | null): string | null {
  const t = parseLocalDate(today);
  let year = y ?? t.year;
  if (y === null && iso(year, m, d) > today) year -= 1;
  return d >= 1 && d <= daysIn(year, m) ? iso(year, m, d) : null;
}

/** The date in the current year (for a range written without years), or null if it has no such day. */
function inThisYear(today: string, m: number, d: number): string | null {
  const year = parseLocalDate(today).year;
  return d >= 1 && d <= daysIn(year, m) ? iso(year, m, d) : null;
}

/** Two-digit years: this century up to this year, else the last one. */
const fullYear = (yy: string, today: string): number => {
  const n = Number(yy);
  const now = parseLocalDate(today).year;
  return 2000 + n <= now ? 2000 + n : 1900 + n;
};

function monthRange(today: string, m: number, y: number | null): { from: string; to: string } {
  const t = parseLocalDate(today);
  let year = y ?? t.year;
  if (y === null && iso(year, m, 1) > today) year -= 1;
  const from = iso(year, m, 1);
  const last = iso(year, m, daysIn(year, m));
  return { from, to: last > today ? today : last };
}

export function readPeriod(q: string, today: string, order: DateOrder, mask: Masked): DateReading {
  const items: Item[] = [];
  const rest = () => mask.rest;
  const push = (start: number, end: number, from: string, to: string, label: string, weekday?: number, thisYear?: { from: string; to: string }) => {
    items.push({ start, end, from, to, label, ...(weekday === undefined ? {} : { weekday }), ...(thisYear ? { thisYear } : {}) });
    mask.take(start, end);
  };
  const ask = (text: string, why: string): DateReading => ({ kind: 'ask', text, why });

  // ISO dates.
  for (const m of rest().matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!isRealLocalDate(date)) return ask(m[0], 'that date does not exist');
    push(m.index, m.index + m[0].length, date, date, date);
  }
  // Numeric dates: a/b or a/b/y (also a.b.y and a-b-y with a year).
  for (const m of rest().matchAll(/\b(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{4}|\d{2}))?|[.-](\d{1,2})[.-](\d{4}))\b/g)) {
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[4]);
    const yText = m[3] ?? m[5];
    const y = yText === undefined ? null : yText.length === 2 ? fullYear(yText, today) : Number(yText);
    const dmy = a <= 31 && b >= 1 && b <= 12 ? withYear(today, b, a, y) : null;
    const mdy = a >= 1 && a <= 12 ? withYear(today, a, b, y) : null;
    if (dmy === null && mdy === null) return ask(m[0], 'that is not a date that exists');
    if (dmy !== null && mdy !== null && dmy !== mdy) {
      const [first, second] = order === 'DMY' ? [dmy, mdy] : [mdy, dmy];
      return ask(m[0], `it could be ${spoken(first)} or ${spoken(second)}`);
    }
    const date = (dmy ?? mdy)!;
    const [mm, dd] = dmy !== null ? [b, a] : [a, b];
    const plain = y === null ? inThisYear(today, mm, dd) : null;
    push(m.index, m.index + m[0].length, date, date, date, undefined, plain ? { from: plain, to: plain } : undefined);
  }
  // A day that a month does not have ("31 Nov", "Feb 30").
  for (const re of [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_RE}(?: (\\d{4}))?\\b`, 'g'),
    new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g'),
  ]) {
    for (const m of rest().matchAll(re)) {
      const numberFirst = /^\d/.test(m[0]);
      const day = Number(numberFirst ? m[1] : m[2]);
      const month = monthIndex(numberFirst ? m[2]! : m[1]!) + 1;
      const year = m[3] ? Number(m[3]) : parseLocalDate(today).year;
      if (month >= 1 && (day < 1 || day > daysIn(year, month))) return ask(m[0], `${monthName(month)} has ${daysIn(year, month)} days`);
    }
  }
  // "week of <date>" is read once the date is.
  const weekOf: number[] = [];
  for (const m of rest().matchAll(/\b(?:the )?week (?:of|starting|beginning|from) /g)) {
    weekOf.push(m.index + m[0].length);
    mask.take(m.index, m.index + m[0].length);
  }
  // Relative periods.
  const relative: [RegExp, (m: RegExpExecArray) => { from: string; to: string; label: string } | null][] = [
    [/\b(?:the )?day before yesterday\b/, () => ({ from: addDays(today, -2), to: addDays(today, -2), label: 'the day before yesterday' })],
    [/\b(?:so far )?today\b|\bthis morning\b|\bthis afternoon\b|\btonight\b/, () => ({ from: today, to: today, label: 'today' })],
    [/\byesterday\b/, () => ({ from: addDays(today, -1), to: addDays(today, -1), label: 'yesterday' })],
    [
      /\b(?:the )?(?:last|past|previous) (\d+|[a-z]+) (day|week|month)s?\b/,
      (m) => {
        const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!] ?? null);
        if (n === null || n < 1 || n > 3660) return null;
        const days = m[2] === 'day' ? n : m[2] === 'week' ? n * 7 : null;
        if (days === null) {
          // N months back from today: the day after the same date N months ago.
          const t = parseLocalDate(today);
          const back = new Date(Date.UTC(t.year, t.month - 1 - n, 1));
          const [y, m] = [back.getUTCFullYear(), back.getUTCMonth() + 1];
          return { from: addDays(iso(y, m, Math.min(t.day, daysIn(y, m))), 1), to: today, label: `the last ${n} month${n === 1 ? '' : 's'}` };
        }
        return { from: addDays(today, -(days - 1)), to: today, label: `the last ${n} ${m[2]}${n === 1 ? '' : 's'}` };
      },
    ],
    [/\b(?:the )?past week\b/, () => ({ from: addDays(today, -6), to: today, label: 'the past 7 days' })],
    [
      /\b(?:so far )?(?:this|current|the current) week(?: so far)?\b|\bso far this week\b/,
      () => ({ from: mondayOf(today), to: today, label: 'this week' }),
    ],
    [
      /\b(?:last|previous) week\b/,
      () => {
        const monday = addDays(mondayOf(today), -7);
        return { from: monday, to: addDays(monday, 6), label: 'last week' };
      },
    ],
    [
      /\b(?:so far )?(?:this|current|the current) month(?: so far)?\b/,
      () => {
        const t = parseLocalDate(today);
        return { ...monthRange(today, t.month, t.year), label: 'this month' };
      },
    ],
    [
      /\b(?:last|previous|past) month\b/,
      () => {
        const t = parseLocalDate(today);
        const m = t.month === 1 ? 12 : t.month - 1;
        return { ...monthRange(today, m, t.month === 1 ? t.year - 1 : t.year), label: 'last month' };
      },
    ],
    [/\bthis year\b/, () => ({ from: `${parseLocalDate(today).year}-01-01`, to: today, label: 'this year' })],
  ];
  for (const [re, make] of relative) {
    const m = re.exec(rest());
    if (!m) continue;
    const r = make(m);
    if (r === null) return ask(m[0], 'I cannot read that many days');
    push(m.index, m.index + m[0].length, r.from, r.to, r.label);
  }
  // Weekdays: "on Monday", "Monday", "last Monday" (strictly before today), "since Monday".
  for (const m of rest().matchAll(new RegExp(`\\b(last |on |this |past |since )?${WEEKDAY_RE}\\b`, 'g'))) {
    const word = m[2]!;
    const wd = WEEKDAYS.findIndex((w) => w.startsWith(word.slice(0, 3)));
    let back = (weekdayOf(today) - wd + 7) % 7;
    if (back === 0 && m[1] === 'last ') back = 7;
    // "this Saturday" is the one of this week (Monday to Sunday): after today, it has not come yet.
    if (m[1] === 'this ' && (wd + 6) % 7 > (weekdayOf(today) + 6) % 7) return ask(m[0], `that is after today (${today})`);
    const date = addDays(today, -back);
    const start = m.index;
    if (m[1] === 'since ') push(start, m.index + m[0].length, date, today, `since ${word}`);
    else push(start, m.index + m[0].length, date, date, word, m[1] === undefined || m[1] === 'on ' ? wd : undefined);
  }
  // "the 21st": the most recent such day of a month, on or before today.
  for (const m of rest().matchAll(new RegExp(`\\b(?:on )?the (\\d{1,2})(?:st|nd|rd|th)\\b(?! (?:of )?${MONTH_RE})`, 'g'))) {
    const day = Number(m[1]);
    const t = parseLocalDate(today);
    let [y, mo] = [t.year, t.month];
    if (day > t.day) [y, mo] = mo === 1 ? [y - 1, 12] : [y, mo - 1];
    if (day < 1 || day > daysIn(y, mo)) return ask(m[0], `${monthName(mo)} has ${daysIn(y, mo)} days`);
    push(m.index, m.index + m[0].length, iso(y, mo, day), iso(y, mo, day), m[0]);
    items.at(-1)!.dayOfMonth = day;
  }
  // Named dates and ranges, by chrono-node (the month is a word, so the site's order does not matter; numeric dates were read above).
  // "3 and 5 November" as chrono reads it, "3 to 5 November" (same length, so indices hold).
  // "from 2 nov to 5 nov": chrono reads "from 2" as an hour and drops the month, so the "from"
  // is hidden from it (blanks, so indices hold); the "from" is read again below, from `q`.
  const named = rest()
    .replace(new RegExp(`\\b(\\d{1,2}(?:st|nd|rd|th)?) and (?=\\d{1,2}(?:st|nd|rd|th)? ${MONTH_RE})`, 'g'), '$1 to  ')
    .replace(new RegExp(`\\b(?:from\\s+)+(?=\\d{1,2}(?:st|nd|rd|th)? ${MONTH_RE})`, 'g'), (m) => ' '.repeat(m.length));
  for (const r of chrono.en.parse(named, { instant: new Date(`${today}T12:00:00Z`) })) {
    // Only a date with its month in words: "now", "in a day" and the like are not dates here.
    if (!r.start.isCertain('day') || !r.start.isCertain('month') || !new RegExp(`\\b${MONTH_RE}`).test(r.text)) continue;
    const y = r.start.isCertain('year') ? (r.start.get('year') ?? null) : null;
    const [sm, sd] = [r.start.get('month')!, r.start.get('day')!];
    const from = withYear(today, sm, sd, y);
    if (from === null) return ask(r.text, 'that date does not exist');
    if (!(r.end && r.end.isCertain('day'))) {
      const plain = y === null ? inThisYear(today, sm, sd) : null;
      push(r.index, Math.min(r.index + r.text.length, q.length), from, from, r.text, undefined, plain ? { from: plain, to: plain } : undefined);
      continue;
    }
    // A range: both ends in one year (the start's), the start moving back a year when it ends in
    // January; an end after today is not the most recent such range, it is the future.
    const ey = r.end.isCertain('year') ? (r.end.get('year') ?? null) : y;
    const [em, ed] = [r.end.get('month')!, r.end.get('day')!];
    const year = y ?? ey ?? parseLocalDate(today).year;
    let a = iso(year, sm, sd);
    let b = iso(ey ?? year, em, ed);
    // "20 Dec to 5 Jan" crosses the new year; "5 Nov to 2 Nov" is a range written backwards.
    if (a > b && y === null && sm > em) a = iso(year - 1, sm, sd);
    // Without a year, a range that has not begun by today is last year's, as a date alone is.
    // (A start moved back a year above is before today, so both ends are in `year` here.)
    if (y === null && ey === null && a > today) [a, b] = [iso(year - 1, sm, sd), iso(year - 1, em, ed)];
    if (!isRealLocalDate(a) || !isRealLocalDate(b)) return ask(r.text, 'that date does not exist');
    if (a > b) return ask(r.text, 'the range ends before it starts');
    if (b > today) return ask(r.text, `it runs past today (${today})`);
    push(r.index, Math.min(r.index + r.text.length, q.length), a, b, r.text);
  }
  // Months: "in October", "october 2026", "for sept".
  for (const m of rest().matchAll(new RegExp(`\\b(?:(?:in|for|during|throughout|of|the month of) )?${MONTH_RE}(?: (\\d{4}))?\\b`, 'g'))) {
    const month = monthIndex(m[1]!) + 1;
    if (m[1] === 'may' && !/\b(in|for|during|of) may\b|\bmay \d{4}\b/.test(m[0])) continue; // "may" the verb
    const r = monthRange(today, month, m[2] ? Number(m[2]) : null);
    const year = parseLocalDate(today).year;
    const thisYear = m[2] ? undefined : { from: iso(year, month, 1), to: iso(year, month, daysIn(year, month)) };
    push(m.index, m.index + m[0].length, r.from, r.to, monthName(month), undefined, thisYear);
  }
  // "week of <date>": the Monday-to-Sunday week holding that date (to today while it runs).
  for (const at of weekOf) {
    const item = items.find((i) => i.start >= at - 1 && i.start <= at + 4 && i.from === i.to);
    if (!item) return ask('week of', 'I could not read the date of that week');
    const monday = mondayOf(item.from);
    const sunday = addDays(monday, 6);
    Object.assign(item, { from: monday, to: sunday > today ? today : sunday, label: `the week of ${item.label}` });
  }
  // "since <date>" and "from <date>" (with no end) run to today; "until <date>" alone has no start.
  for (const item of items) {
    const before = /\b(since|from|until|till|up to|up until)\s+$/.exec(q.slice(Math.max(0, item.start - 10), item.start));
    const alone = items.length === 1;
    // "missing OUTs from yesterday" is of yesterday; "from Monday" alone is from it to today.
    // "from 2 to 5 November" is that range: the "from" opens it, it does not run on to today.
    if (before?.[1] === 'from' && alone && (item.from !== item.to || /^(today|yesterday|the day before yesterday)$/.test(item.label))) {
      mask.take(item.start - before[0].length, item.start);
      continue;
    }
    if (before?.[1] === 'since' || (before?.[1] === 'from' && alone)) {
      item.to = today;
      item.label = `${before[1]} ${item.label}`;
      delete item.thisYear;
      mask.take(item.start - before[0].length, item.start);
    } else if (before && alone)
      return ask(`${before[1]} ${item.label}`, 'from when? Say where the period starts, for example from 2 Nov to yesterday');
  }
  if (items.length === 0) return { kind: 'none' };
  items.sort((a, b) => a.start - b.start);
  // "Saturday 10/24", "Tue, 17 Nov": the weekday names the date beside it, and must be its weekday.
  for (let i = 0; i + 1 < items.length; i++) {
    const [a, b] = [items[i]!, items[i + 1]!];
    const pair = a.weekday !== undefined && b.weekday === undefined ? [a, b] : b.weekday !== undefined && a.weekday === undefined ? [b, a] : null;
    if (!pair || !/^[\s,]*(the )?$/.test(q.slice(a.end, b.start))) continue;
    const [wd, date] = pair as [Item, Item];
    if (date.from !== date.to || weekdayOf(date.from) !== wd.weekday)
      return ask(q.slice(a.start, b.end).trim(), `${date.label} is not a ${WEEKDAYS[wd.weekday!]}`);
    items.splice(items.indexOf(wd), 1);
    i -= 1;
  }
  const checked = (from: string, to: string, label: string, text: string): DateReading => {
    if (from < '1900-01-01' || to > '2999-12-31') return ask(text, 'dates run from 1900 to 2999');
    if (from > today) return ask(text, `that is after today (${today})`);
    if (to > today) return ask(text, `it runs past today (${today})`);
    if (from > to) return ask(text, 'the range ends before it starts');
    return { kind: 'period', from, to, label };
  };
  const textOf = (i: Item): string => q.slice(i.start, i.end).trim();
  if (items.length === 1) return checked(items[0]!.from, items[0]!.to, items[0]!.label, textOf(items[0]!));
  if (items.length === 2) {
    const [a, b] = [items[0]!, items[1]!];
    const between = q.slice(a.end, b.start);
    const lead = /\b(between|from)\s*$/.exec(q.slice(0, a.start));
    const text = q.slice(lead?.index ?? a.start, b.end).trim();
    // "X to Y" runs from X's start to Y's end; "between X and Y" from the earlier to the later
    // (else "X and Y" is two days). Written without years, both ends are of one year.
    const to_ = /^\s*(to|-|until|till|through|thru)( the)?\s*$/.test(between);
    // "last week until Wednesday": which Wednesday? A period ended by a bare weekday is asked back.
    if (to_ && a.from !== a.to && b.weekday !== undefined) return ask(text, `which ${WEEKDAYS[b.weekday]}? Give the dates (from … to …)`);
    if (to_ || (/^\s*and( the)?\s*$/.test(between) && lead?.[1] === 'between')) {
      // "between the 16th and the 18th of November": the first day is of the second one's month.
      if (a.dayOfMonth !== undefined && b.dayOfMonth === undefined && b.from === b.to) {
        const d = iso(Number(b.from.slice(0, 4)), Number(b.from.slice(5, 7)), a.dayOfMonth);
        if (!isRealLocalDate(d)) return ask(text, 'that date does not exist');
        Object.assign(a, { from: d, to: d });
        delete a.thisYear;
        delete b.thisYear;
      }
      mask.take(a.end, b.start);
      if (lead) mask.take(lead.index, a.start);
      let [x, y] = a.thisYear && b.thisYear ? [a.thisYear, b.thisYear] : [a, b];
      if (!to_ && x.from > y.from) [x, y] = [y, x];
      let from = x.from;
      if (from > y.to && a.thisYear && b.thisYear && from.slice(5, 7) > y.to.slice(5, 7)) from = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
      return checked(from, y.to, `${a.label} to ${b.label}`, text);
    }
  }
  return ask(
    items.map((i) => q.slice(i.start, i.end).trim()).join('” and “'),
    'I read more than one period there; ask about one date or one range (from … to …)',
  );
}

function spoken(date: string): string {
  const d = parseLocalDate(date);
  return `${d.day} ${monthName(d.month)} ${d.year}`;
}
