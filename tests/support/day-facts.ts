// Day facts for answerPlan's tests: a day someone was expected and did not come, and a day
// worked, for the people a test names.
import type { DayFact } from '../../shared/domain/plan-answer.js';

type Person = { code: string; name: string; team: string | null };

export function dayFacts(people: readonly Person[]) {
  const blank = (code: string, date: string, expected = true): DayFact => ({
    ...people.find((x) => x.code === code)!,
    date,
    expected,
    present: false,
    firstIn: null,
    lastOut: null,
    mode: null,
    seconds: 0,
    needsReview: false,
    lateMinutes: null,
    earlyMinutes: null,
    overtimeSeconds: 0,
    missingOut: false,
  });
  const worked = (code: string, date: string, firstIn: string, lastOut: string | null, hours: number, more: Partial<DayFact> = {}): DayFact => ({
    ...blank(code, date),
    present: true,
    firstIn,
    lastOut,
    mode: 'WFO',
    seconds: Math.round(hours * 3600),
    ...more,
  });
  return { blank, worked };
}
