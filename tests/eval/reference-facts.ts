// The facts of every person's days for a plan's period, computed by the independent reference
// from the dataset's table (not by the reports): what the executor gathers from the report tools
// on a seeded central. With them the pure path (reader → plan → answerPlan) is graded on the
// evaluation without a database, fast enough to run against every mutant of the Ask files.
import type { PlanFacts } from '../../shared/domain/plan-answer.js';
import type { QueryPlan } from '../../shared/domain/query-plan.js';
import type { EvalDataset } from './datasets/types.js';
import { datesBetween, minutes, Reference } from './reference.js';

export function referenceFacts(ds: EvalDataset, plan: QueryPlan): PlanFacts {
  const ref = new Reference(ds);
  const people = ds.people.map((p) => ({ code: p.code, name: p.name, team: p.team }));
  const base = { tz: ds.tz, nowTime: ds.nowTime, people };
  if (plan.period.kind === 'now') {
    const now = people
      .filter((p) => ref.inNow(p.code))
      .map((p) => ({ ...p, since: ref.firstIn(p.code, ds.today)!, mode: ref.day(p.code, ds.today)!.mode }));
    return { ...base, days: [], now };
  }
  const dates = datesBetween(plan.period.from, plan.period.to);
  const days = people.flatMap((p) =>
    dates.map((date) => {
      const d = ref.day(p.code, date);
      return {
        ...p,
        date,
        expected: ref.expected(p.code, date),
        present: d !== undefined,
        firstIn: ref.firstIn(p.code, date),
        lastOut: ref.lastOut(p.code, date),
        mode: d?.mode ?? null,
        seconds: ref.seconds(p.code, date),
        needsReview: d?.out != null && minutes(d.out) - minutes(d.in) > ds.maxHours * 60,
        lateMinutes: ref.lateMinutes(p.code, date),
        earlyMinutes: d ? ref.earlyMinutes(p.code, date) : null,
        overtimeSeconds: ref.overtimeSeconds(p.code, date),
        missingOut: ref.missingOut(p.code, date),
      };
    }),
  );
  return { ...base, days, now: [] };
}
