// A correction (a punch a manager adds, or a punch voided) must leave the employee's timeline
// better, never worse: it may close a session or remove a stray punch, but it may not open a
// new missing IN or OUT or make a session longer than the max hours. The check compares the
// exceptions of the employee's punches around the change before and after it, and words the
// refusal for the manager, naming the punch it conflicts with.
import { localDateOf, localTimeOf } from './local-time.js';
import { comparePunches, computeWorkSessions, openSessionState, type PunchFact, type PunchKind } from './work-hours.js';

/**
 * Punches to add (an IN with its OUT may come as a pair), or punches to void (one, or a
 * session's two). Voiding corrections only is an undo: it may bring back what they fixed.
 */
export type CorrectionChange = { add: { kind: PunchKind; atMs: number }[] } | { void: string[]; undo?: boolean };

export interface CorrectionCheck {
  ok: boolean;
  /** Why the change is refused, in words; null when it is allowed. */
  reason: string | null;
}

interface Problem {
  kind: 'MISSING_OUT' | 'MISSING_IN' | 'CLAMPED';
  punchId: string;
  atMs: number;
}

/** What is wrong in a timeline: missing INs and OUTs (an open IN still in progress is not), and clamped sessions. */
function problems(punches: readonly PunchFact[], tz: string, maxHours: number, nowMs: number): Problem[] {
  const { sessions, exceptions } = computeWorkSessions(punches, { tz, maxHours });
  const last = [...punches].sort(comparePunches).at(-1);
  return [
    ...exceptions
      .filter((e) => e.kind === 'MISSING_IN' || openSessionState(e.atMs, nowMs, maxHours, e.punchId === last?.id) === 'MISSING_OUT')
      .map((e) => ({ kind: e.kind, punchId: e.punchId, atMs: e.atMs })),
    ...sessions.filter((s) => s.clamped).map((s) => ({ kind: 'CLAMPED' as const, punchId: s.inId, atMs: s.inMs })),
  ];
}

const when = (ms: number, tz: string, refDate?: string): string => {
  const date = localDateOf(ms, tz);
  return refDate === date ? localTimeOf(ms, tz) : `${localTimeOf(ms, tz)} on ${date}`;
};

/** The live punches of one employee, in order. */
const live = (punches: readonly PunchFact[]): PunchFact[] => punches.filter((p) => !p.voided).sort(comparePunches);

/** Words for an added punch that would make things worse, naming its neighbours. */
function addReason(timeline: readonly PunchFact[], kind: PunchKind, atMs: number, tz: string, maxHours: number): string {
  const date = localDateOf(atMs, tz);
  const before = [...timeline].reverse().find((p) => p.atMs < atMs);
  const after = timeline.find((p) => p.atMs > atMs);
  const at = when(atMs, tz);
  if (kind === 'OUT') {
    if (!before || before.kind !== 'IN') {
      const laterIn = timeline.find((p) => p.kind === 'IN' && p.atMs > atMs && localDateOf(p.atMs, tz) === date);
      return laterIn
        ? `An OUT must come after the IN it closes: the IN on ${date} is at ${localTimeOf(laterIn.atMs, tz)}, after ${localTimeOf(atMs, tz)}.`
        : `There is no IN before ${at} for this OUT to close.`;
    }
    if (after?.kind === 'OUT') return `The IN at ${when(before.atMs, tz, date)} already has its OUT at ${when(after.atMs, tz, date)}.`;
    if (atMs - before.atMs > maxHours * 3_600_000) {
      return `An OUT at ${at} would make a session of more than ${maxHours} hours from the IN at ${when(before.atMs, tz, date)}; check the date.`;
    }
    return `An OUT at ${at} would leave the day with a punch that has no partner.`;
  }
  if (before?.kind === 'IN') {
    return after?.kind === 'OUT'
      ? `An IN at ${at} falls inside the session from ${when(before.atMs, tz, date)} to ${when(after.atMs, tz, date)}.`
      : `The IN at ${when(before.atMs, tz, date)} is still open: add its OUT first, or an IN at ${at} leaves it without one.`;
  }
  if (after?.kind === 'IN')
    return `An IN at ${at} would have no OUT: the next punch is another IN, at ${when(after.atMs, tz, date)}. Add the IN with its OUT.`;
  return `An IN at ${at} would have no OUT after it. Add the IN with its OUT.`;
}

/**
 * Whether the change leaves the timeline no worse. `punches` are the employee's punches around
 * the change (a day or two either side is enough), voided ones marked.
 */
export function checkCorrection(
  punches: readonly PunchFact[],
  change: CorrectionChange,
  context: { tz: string; maxHours: number; nowMs: number },
): CorrectionCheck {
  const { tz, maxHours, nowMs } = context;
  const timeline = live(punches);
  const beforeProblems = problems(timeline, tz, maxHours, nowMs);
  let after: PunchFact[];
  if ('add' in change) {
    const employeeId = punches[0]?.employeeId ?? 'employee';
    const added = change.add.map((a, i) => ({ id: `~correction-${i}`, employeeId, kind: a.kind, atMs: a.atMs }));
    if (added.length === 2 && !(added[0]!.kind === 'IN' && added[1]!.kind === 'OUT' && added[1]!.atMs > added[0]!.atMs)) {
      return { ok: false, reason: 'A pair is an IN and the OUT after it.' };
    }
    after = [...timeline, ...added];
  } else {
    if (!change.void.every((id) => timeline.some((p) => p.id === id))) return { ok: false, reason: 'That punch is already voided.' };
    if (change.undo) return { ok: true, reason: null };
    after = timeline.filter((p) => !change.void.includes(p.id));
  }
  const afterProblems = problems(after, tz, maxHours, nowMs);
  const known = new Set(beforeProblems.map((p) => `${p.kind}|${p.punchId}`));
  const fresh = afterProblems.filter((p) => !known.has(`${p.kind}|${p.punchId}`));
  if (afterProblems.length <= beforeProblems.length && fresh.length === 0) return { ok: true, reason: null };
  if ('add' in change) {
    const [first, second] = change.add;
    if (second && fresh.some((p) => p.kind === 'CLAMPED'))
      return { ok: false, reason: `A session from ${when(first!.atMs, tz)} to ${when(second.atMs, tz)} is longer than ${maxHours} hours.` };
    const culprit = second ?? first!;
    // A pair is judged as a whole: name the neighbour the IN runs into.
    return { ok: false, reason: addReason(timeline, second ? 'IN' : culprit.kind, second ? first!.atMs : culprit.atMs, tz, maxHours) };
  }
  const voided = timeline.find((p) => p.id === change.void[0])!;
  const orphan = fresh[0];
  const orphanPunch = orphan ? after.find((p) => p.id === orphan.punchId) : undefined;
  return {
    ok: false,
    reason: orphanPunch
      ? `Voiding the ${voided.kind} at ${when(voided.atMs, tz)} would leave the ${orphanPunch.kind} at ${when(orphanPunch.atMs, tz)} without its ${orphanPunch.kind === 'IN' ? 'OUT' : 'IN'}; void the two together, or correct that one first.`
      : `Voiding the ${voided.kind} at ${when(voided.atMs, tz)} would leave the day worse.`,
  };
}
