// Auto check-out closes a forgotten OUT: an IN still open when the cut-off passes gets an OUT at
// the cut-off, marked as automatic. Off by default. The cut-off is either a fixed local time
// ("23:30") or some hours after the shift end ("shift-end+2"), always the first one after the IN,
// in the zone of the IN's site.
import { addDays, localDateOf, parseLocalDate, wallClockToUtc } from './local-time.js';

export type AutoCheckoutRule = { kind: 'off' } | { kind: 'at'; minutes: number } | { kind: 'after-shift-end'; minutes: number };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const AFTER_SHIFT = /^shift-end\+(\d{1,2}(?:\.5)?)h?$/;

/** Reads a rule as written in FRONTDESK_AUTO_CHECKOUT; null when it is not one. */
export function parseAutoCheckoutRule(text: string): AutoCheckoutRule | null {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === '') return { kind: 'off' };
  const at = HH_MM.exec(t);
  if (at) return { kind: 'at', minutes: Number(at[1]) * 60 + Number(at[2]) };
  const after = AFTER_SHIFT.exec(t);
  if (after && Number(after[1]) <= 12) return { kind: 'after-shift-end', minutes: Number(after[1]) * 60 };
  return null;
}

export function describeAutoCheckoutRule(rule: AutoCheckoutRule): string {
  if (rule.kind === 'off') return 'off';
  if (rule.kind === 'at') return `at ${clock(rule.minutes)}`;
  return `${rule.minutes / 60} h after the shift end`;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function minutesOf(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`not a clock time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export interface OpenIn {
  atMs: number;
  /** The zone of the IN's site. */
  tz: string;
  /** The shift end that applies to the employee (team override, else the site), "HH:MM". */
  shiftEnd: string;
}

/** The instant the IN is closed at: the first cut-off after it. Null when the rule is off. */
export function autoCheckoutAt(open: OpenIn, rule: AutoCheckoutRule): number | null {
  if (rule.kind === 'off') return null;
  const minutes = rule.kind === 'at' ? rule.minutes : minutesOf(open.shiftEnd) + rule.minutes;
  const inDate = localDateOf(open.atMs, open.tz);
  // The cut-off of the IN's own local date; an IN after it (a night shift) takes the next date's.
  for (const date of [inDate, addDays(inDate, 1)]) {
    const day = addDays(date, Math.floor(minutes / 1440));
    const m = minutes % 1440;
    const at = wallClockToUtc({ ...parseLocalDate(day), hour: Math.floor(m / 60), minute: m % 60, second: 0 }, open.tz);
    if (at > open.atMs) return at;
  }
  return null;
}

/**
 * Whether an open IN gets an automatic OUT now: its cut-off has passed, and no later punch of the
 * employee came before the cut-off (an IN at 08:00 the next day, before a 09:00 cut-off, means the
 * first IN is left for a manager to correct).
 */
export function dueAutoCheckout(open: OpenIn & { nextAtMs: number | null }, rule: AutoCheckoutRule, nowMs: number): { outAtMs: number } | null {
  const outAtMs = autoCheckoutAt(open, rule);
  if (outAtMs === null || outAtMs > nowMs) return null;
  if (open.nextAtMs !== null && open.nextAtMs <= outAtMs) return null;
  return { outAtMs };
}
