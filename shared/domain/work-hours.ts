// The work-hours rules (DESIGN.md), shared by the kiosk's "today" figure and the reports:
// - an employee's punches are ordered by instant, ties by id; voided punches are skipped;
// - an IN pairs with the immediately following punch when that is an OUT; an IN followed by
//   another IN or by nothing is an open session ("missing OUT", no hours); an OUT with no IN
//   before it is "missing IN";
// - hours are real elapsed time between instants (DST-proof), clamped to maxHours;
// - a session counts wholly on the local date of its IN, in the site's zone.

import { localDateOf, localDayRange } from './local-time.js';

export type PunchKind = 'IN' | 'OUT';

export interface PunchFact {
  id: string;
  employeeId: string;
  kind: PunchKind;
  atMs: number;
  voided?: boolean;
}

export interface WorkSession {
  employeeId: string;
  inId: string;
  outId: string;
  inMs: number;
  outMs: number;
  localDate: string;
  seconds: number;
  clamped: boolean;
}

export type WorkException =
  | { kind: 'MISSING_OUT'; employeeId: string; punchId: string; atMs: number; localDate: string }
  | { kind: 'MISSING_IN'; employeeId: string; punchId: string; atMs: number; localDate: string };

export interface WorkHoursOptions {
  /** The zone whose local date a session counts on. */
  tz: string | ((employeeId: string) => string);
  /** Sessions longer than this count as this many hours (and are flagged). Default 16. */
  maxHours?: number;
}

/**
 * The one default clamp: FRONTDESK_MAX_HOURS overrides it for the kiosk, the reports and the
 * corrections alike. Its SQL twin, public.kept_clamp_seconds(), is what central keeps its day
 * totals with (a test checks they agree).
 */
export const DEFAULT_MAX_HOURS = 16;

export function comparePunches(a: PunchFact, b: PunchFact): number {
  if (a.atMs !== b.atMs) return a.atMs - b.atMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function computeWorkSessions(
  punches: readonly PunchFact[],
  options: WorkHoursOptions,
): { sessions: WorkSession[]; exceptions: WorkException[] } {
  const maxSeconds = Math.round((options.maxHours ?? DEFAULT_MAX_HOURS) * 3600);
  const tzOf = typeof options.tz === 'string' ? () => options.tz as string : options.tz;
  const byEmployee = new Map<string, PunchFact[]>();
  for (const p of punches) {
    if (p.voided) continue;
    const list = byEmployee.get(p.employeeId);
    if (list) list.push(p);
    else byEmployee.set(p.employeeId, [p]);
  }

  const sessions: WorkSession[] = [];
  const exceptions: WorkException[] = [];
  for (const [employeeId, list] of byEmployee) {
    const dateOf = localDateCache(tzOf(employeeId));
    list.sort(comparePunches);
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const next = list[i + 1];
      const localDate = dateOf(p.atMs);
      if (p.kind === 'OUT') {
        const prev = list[i - 1];
        if (!prev || prev.kind !== 'IN') {
          exceptions.push({ kind: 'MISSING_IN', employeeId, punchId: p.id, atMs: p.atMs, localDate });
        }
        continue;
      }
      if (!next || next.kind !== 'OUT') {
        exceptions.push({ kind: 'MISSING_OUT', employeeId, punchId: p.id, atMs: p.atMs, localDate });
        continue;
      }
      const elapsed = Math.floor((next.atMs - p.atMs) / 1000);
      sessions.push({
        employeeId,
        inId: p.id,
        outId: next.id,
        inMs: p.atMs,
        outMs: next.atMs,
        localDate,
        seconds: Math.min(elapsed, maxSeconds),
        clamped: elapsed > maxSeconds,
      });
    }
  }
  return { sessions, exceptions };
}

/**
 * Local date of an instant, remembering the last day's bounds: punches come sorted, so most
 * lookups fall in the same day and need no time-zone arithmetic at all.
 */
function localDateCache(tz: string): (atMs: number) => string {
  let startMs = Infinity;
  let endMs = -Infinity;
  let date = '';
  return (atMs) => {
    if (atMs < startMs || atMs >= endMs) {
      date = localDateOf(atMs, tz);
      ({ startMs, endMs } = localDayRange(date, tz));
    }
    return date;
  };
}

/** Seconds worked per employee per local date, from the sessions. */
export function dailySeconds(sessions: readonly WorkSession[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const s of sessions) {
    let days = out.get(s.employeeId);
    if (!days) out.set(s.employeeId, (days = new Map<string, number>()));
    days.set(s.localDate, (days.get(s.localDate) ?? 0) + s.seconds);
  }
  return out;
}

/**
 * Hours to two decimals, as payroll shows them: whole seconds, halves of a hundredth rounded up.
 * seconds / 36 is the hours in hundredths and is exact at every half (36k + 18 seconds), so this
 * rounds as central's round(seconds / 3600.0, 2) does; (seconds / 3600) * 100 is not exact there
 * and rounded 522 s down to 0.14 h.
 */
export function hoursOf(seconds: number): number {
  return Math.round(seconds / 36) / 100;
}

/**
 * An employee's last punch, an IN, is still "in progress" while it is younger than the max
 * hours (the person may be at their desk), and only then a missing OUT. (An IN followed by
 * another IN is missing its OUT at once.) The exceptions report, the dashboard, summaries and
 * Ask all use this rule; its SQL twin is in the exceptions report.
 */
export function openSessionState(inMs: number, nowMs: number, maxHours: number, isLastPunch = true): 'IN_PROGRESS' | 'MISSING_OUT' {
  return isLastPunch && nowMs - inMs < maxHours * 3_600_000 ? 'IN_PROGRESS' : 'MISSING_OUT';
}

const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes a day's last OUT came before the shift end, or null when it did not (or the shift runs overnight). */
export function minutesEarly(lastOut: string | null, shiftStart: string, shiftEnd: string): number | null {
  if (lastOut === null || clockMinutes(shiftEnd) <= clockMinutes(shiftStart)) return null;
  const early = clockMinutes(shiftEnd) - clockMinutes(lastOut);
  return early > 0 ? early : null;
}

/** Seconds a day's worked time ran past the shift's length (0 when it did not, or the shift runs overnight). */
export function overtimeSecondsOf(seconds: number, shiftStart: string, shiftEnd: string): number {
  const length = (clockMinutes(shiftEnd) - clockMinutes(shiftStart)) * 60;
  return length > 0 ? Math.max(0, seconds - length) : 0;
}
