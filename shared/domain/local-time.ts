// Instants are UTC milliseconds; local dates and clock times are derived in a named IANA zone.
// Conversions go through Intl so DST gaps and overlaps follow the tz database, never a
// fixed offset. A local time that does not exist (spring-forward gap) is reported as such.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

function intlParts(utcMs: number, tz: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(tz).formatToParts(utcMs)) {
    if (p.type in out) out[p.type as keyof LocalParts] = Number(p.value);
  }
  return out;
}

// Asking Intl costs tens of microseconds, and a kiosk asks for the same few hours all day. Each
// zone's offset is remembered per quarter hour of UTC (zones change offset on quarter hours)
// when Intl gives the same offset at the quarter's first and last second; a quarter with a
// change inside it (null) is always asked of Intl.
const QUARTER_MS = 15 * 60_000;
const MAX_QUARTERS_PER_ZONE = 4096;
const quarterOffsets = new Map<string, Map<number, number | null>>();

function intlOffset(wholeSecondMs: number, tz: string): number {
  return partsAsUtc(intlParts(wholeSecondMs, tz)) - wholeSecondMs;
}

function quarterOffset(utcMs: number, tz: string): number | null {
  let quarters = quarterOffsets.get(tz);
  if (!quarters) quarterOffsets.set(tz, (quarters = new Map<number, number | null>()));
  const quarter = Math.floor(utcMs / QUARTER_MS);
  let offset = quarters.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const first = intlOffset(start, tz);
    offset = first === intlOffset(start + QUARTER_MS - 1000, tz) ? first : null;
    if (quarters.size >= MAX_QUARTERS_PER_ZONE) quarters.clear();
    quarters.set(quarter, offset);
  }
  return offset;
}

export function localParts(utcMs: number, tz: string): LocalParts {
  const offset = quarterOffset(utcMs, tz);
  if (offset === null) return intlParts(utcMs, tz);
  const wall = new Date(Math.floor(utcMs / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDateOf(utcMs: number, tz: string): string {
  const p = localParts(utcMs, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:MM` of the instant in the zone. */
export function localTimeOf(utcMs: number, tz: string): string {
  const p = localParts(utcMs, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant as the zone's wall clock with its offset, such as 2026-11-20T09:05:07+05:30 (whole seconds). */
export function isoWithOffset(utcMs: number, tz: string): string {
  const p = localParts(utcMs, tz);
  const minutes = Math.round(offsetAt(utcMs, tz) / 60_000);
  const abs = Math.abs(minutes);
  const offset = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

function partsAsUtc(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetAt(utcMs: number, tz: string): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  return partsAsUtc(localParts(wholeSecond, tz)) - wholeSecond;
}

/**
 * The instant at which the zone's wall clock reads `p`. In an overlap (clocks set back) the
 * earlier instant is returned; in a gap (clocks set forward) `null`, because no such instant exists.
 */
export function zonedToUtc(p: LocalParts, tz: string): number | null {
  const wall = partsAsUtc(p);
  const candidates = [wall - offsetAt(wall - DAY_MS, tz), wall - offsetAt(wall + DAY_MS, tz)]
    .filter((t) => partsAsUtc(localParts(t, tz)) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? null;
}

/** True for a YYYY-MM-DD that names a day that exists (no 2026-02-30, no month 13). */
export function isRealLocalDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * The instant an ISO-8601 time names: as given when it has an offset (or Z); otherwise it is a
 * wall-clock time in `tz` (the site's zone). NaN when it is not a time at all.
 */
export function instantOf(text: string, tz: string): number {
  const local = LOCAL_DATE_TIME.exec(text);
  if (!local) return Date.parse(text);
  const [year, month, day, hour, minute, second] = local.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  if (!isRealLocalDate(text.slice(0, 10))) return Number.NaN;
  return wallClockToUtc({ year, month, day, hour, minute, second }, tz);
}

export function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a local date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The instant a wall clock set to `p` would show, even in a gap: a time the clocks skip is read
 * with the offset from before the change, so 02:30 on a spring-forward night is 03:30 new time.
 */
export function wallClockToUtc(p: LocalParts, tz: string): number {
  const exact = zonedToUtc(p, tz);
  if (exact !== null) return exact;
  const wall = partsAsUtc(p);
  return wall - offsetAt(wall - DAY_MS, tz);
}

/** The first instant of a local date (midnight, or the end of a gap that swallows midnight). */
export function startOfLocalDay(date: string, tz: string): number {
  return wallClockToUtc({ ...parseLocalDate(date), hour: 0, minute: 0, second: 0 }, tz);
}

export function addDays(date: string, days: number): string {
  const d = parseLocalDate(date);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** `[start, end)` instants of a local date. */
export function localDayRange(date: string, tz: string): { startMs: number; endMs: number } {
  return { startMs: startOfLocalDay(date, tz), endMs: startOfLocalDay(addDays(date, 1), tz) };
}
