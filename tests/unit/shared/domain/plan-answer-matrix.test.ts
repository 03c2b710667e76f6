// Every kind of plan answerPlan can be given, over one small set of facts, with its whole answer
// pinned: interpretation, answer words, the table's columns and rows, and the chart title. The
// evaluation (tests/unit/eval/reader-eval.test.ts) grades the answers' facts; this pins the rest
// of what a manager sees (the headers in words, the units, the rows, the titles), so a change to
// any of it shows up here and is looked at, not only a change that makes an answer wrong.
// The snapshot file was reviewed answer by answer when it was written; `vitest -u` rewrites it.
import { describe, expect, it } from 'vitest';
import { dayFacts } from '../../../support/day-facts.js';
import { answerPlan, type PlanFacts } from '../../../../shared/domain/plan-answer.js';
import { AGGREGATIONS, GROUPINGS, MEASURES, type QueryPlan, type Subject, type PlanPeriod } from '../../../../shared/domain/query-plan.js';

const people = [
  { code: 'A1', name: 'Anita Rao', team: 'Front Office' },
  { code: 'B1', name: 'Bala Krishnan', team: 'Front Office' },
  { code: 'C1', name: 'Chitra Menon', team: 'Engineering' },
  { code: 'D1', name: 'Dev Shah', team: 'Engineering' },
];
const { blank, worked } = dayFacts(people);
// Monday 16, Tuesday 17 and Saturday 21 November 2026: late, early, from home, a missing OUT, a
// clamped session, overtime, an absence, a weekend day nobody is expected on.
const FACTS: PlanFacts = {
  people,
  days: [
    worked('A1', '2026-11-16', '09:00', '18:30', 9.5, { overtimeSeconds: 5400 }),
    worked('A1', '2026-11-17', '09:05', '17:00', 7.92, { mode: 'WFH' }),
    blank('A1', '2026-11-21', false),
    worked('B1', '2026-11-16', '09:40', '17:30', 7.83, { lateMinutes: 25 }),
    blank('B1', '2026-11-17'),
    worked('B1', '2026-11-21', '10:00', '14:00', 4, { expected: false, mode: 'WFH' }),
    worked('C1', '2026-11-16', '08:55', null, 0, { missingOut: true }),
    worked('C1', '2026-11-17', '09:00', '13:00', 4, { earlyMinutes: 240 }),
    blank('C1', '2026-11-21', false),
    worked('D1', '2026-11-16', '09:10', '23:59', 16, { needsReview: true, overtimeSeconds: 28800 }),
    worked('D1', '2026-11-17', '09:00', '17:00', 8),
    blank('D1', '2026-11-21', false),
  ],
  now: [
    { code: 'A1', name: 'Anita Rao', team: 'Front Office', since: '09:02', mode: 'WFO' },
    { code: 'C1', name: 'Chitra Menon', team: 'Engineering', since: '10:15', mode: 'WFH' },
  ],
  tz: 'Asia/Kolkata',
  nowTime: '11:00',
};

/** The facts of the plan's period, as the executor gathers them. */
const factsFor = (plan: QueryPlan): PlanFacts => {
  const p = plan.period;
  return p.kind === 'now' ? FACTS : { ...FACTS, days: FACTS.days.filter((d) => d.date >= p.from && d.date <= p.to) };
};

const SUBJECTS: [string, Subject][] = [
  ['everyone', { kind: 'everyone' }],
  ['one person', { kind: 'employees', codes: ['A1'] }],
  ['two people', { kind: 'employees', codes: ['B1', 'D1'] }],
  ['one team', { kind: 'teams', names: ['Engineering'] }],
  ['two teams', { kind: 'teams', names: ['Front Office', 'Engineering'] }],
];
const PERIODS: [string, PlanPeriod][] = [
  ['a week', { kind: 'dates', from: '2026-11-16', to: '2026-11-22' }],
  ['one day', { kind: 'dates', from: '2026-11-16', to: '2026-11-16' }],
  ['now', { kind: 'now' }],
];

/** Every measure with every aggregation and grouping; the subject and period turn with the index. */
function matrix(): [string, QueryPlan][] {
  const out: [string, QueryPlan][] = [];
  let i = 0;
  for (const measure of MEASURES)
    for (const kind of AGGREGATIONS)
      for (const groupBy of GROUPINGS) {
        const [sName, subject] = SUBJECTS[i % SUBJECTS.length]!;
        // "now" only for a sixth of the plans: most measures refuse it, one refusal is enough.
        const [pName, period] = PERIODS[i % 6 === 5 ? 2 : i % 2]!;
        const n = kind === 'top' || kind === 'bottom' ? { n: 1 + (i % 3) } : {};
        const filter = measure === 'work_mode' && i % 3 !== 0 ? { workMode: i % 3 === 1 ? ('WFH' as const) : ('WFO' as const) } : {};
        out.push([
          `${measure} ${kind}${'n' in n ? ` ${n.n}` : ''} by ${groupBy}, ${sName}, ${pName}${filter.workMode ? `, ${filter.workMode}` : ''}`,
          { measure, subject, period, filter, aggregation: { kind, ...n }, groupBy },
        ]);
        i++;
      }
  return out;
}

/** Hours over a threshold: each operator, per day and over the period, for a few groupings. */
function thresholds(): [string, QueryPlan][] {
  const out: [string, QueryPlan][] = [];
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const)
    for (const per of ['day', 'period'] as const)
      for (const [measure, groupBy, hours] of [
        ['hours', 'none', 8],
        ['hours', 'person', 7.92],
        ['overtime', 'none', 1.5],
      ] as const)
        for (const [sName, subject] of [SUBJECTS[0]!, SUBJECTS[1]!, SUBJECTS[3]!])
          out.push([
            `${measure} ${op} ${hours} h per ${per} by ${groupBy}, ${sName}`,
            {
              measure,
              subject,
              period: PERIODS[0]![1],
              filter: { hours: { op, hours, per } },
              aggregation: { kind: 'list' },
              groupBy,
            },
          ]);
  return out;
}

describe('answerPlan, every kind of plan', () => {
  it.each(matrix())('%s', (_name, plan) => {
    expect(answerPlan(plan, factsFor(plan))).toMatchSnapshot();
  });
});

describe('answerPlan, hours thresholds', () => {
  it.each(thresholds())('%s', (_name, plan) => {
    expect(answerPlan(plan, factsFor(plan))).toMatchSnapshot();
  });
});

describe('answerPlan, a person who is not in the facts', () => {
  it('is named by the code asked for and has no hours', () => {
    const plan: QueryPlan = {
      measure: 'hours',
      subject: { kind: 'employees', codes: ['Z9'] },
      period: PERIODS[0]![1],
      filter: {},
      aggregation: { kind: 'sum' },
      groupBy: 'none',
    };
    const a = answerPlan(plan, factsFor(plan));
    expect(a.answered && a.answer).toBe('Hours worked by Z9, 16–22 November 2026 (Asia/Kolkata): 0 h.');
  });
});

describe('two answers the matrix showed wrong', () => {
  const week = PERIODS[0]![1];
  it('an overtime threshold says overtime, not hours worked', () => {
    const plan: QueryPlan = {
      measure: 'overtime',
      subject: { kind: 'everyone' },
      period: week,
      filter: { hours: { op: 'gt', hours: 1.5, per: 'period' } },
      aggregation: { kind: 'list' },
      groupBy: 'none',
    };
    const a = answerPlan(plan, factsFor(plan));
    expect(a.answered && a.answer).toBe('Who worked more than 1.5 h of overtime in all, 16–22 November 2026 (Asia/Kolkata): 1 person: Dev Shah 8 h.');
  });
  it('any overtime in a day (a threshold of 0) is said as overtime past the shift length, a 1 h one by its hours', () => {
    const perDay = (hours: number): QueryPlan => ({
      measure: 'overtime',
      subject: { kind: 'everyone' },
      period: week,
      filter: { hours: { op: 'gt', hours, per: 'day' } },
      aggregation: { kind: 'list' },
      groupBy: 'none',
    });
    const any = answerPlan(perDay(0), factsFor(perDay(0)));
    expect(any.answered && any.interpretation).toBe('Who worked overtime (past the shift length), 16–22 November 2026 (Asia/Kolkata)');
    const one = answerPlan(perDay(1), factsFor(perDay(1)));
    expect(one.answered && one.interpretation).toBe('Who worked more than 1 h of overtime in a day, 16–22 November 2026 (Asia/Kolkata)');
  });
  it('overtime is an amount: "the least overtime", and its threshold chart is titled overtime, not hours', () => {
    const least: QueryPlan = {
      measure: 'overtime',
      subject: { kind: 'everyone' },
      period: week,
      filter: {},
      aggregation: { kind: 'min' },
      groupBy: 'person',
    };
    const a = answerPlan(least, factsFor(least));
    expect(a.answered && a.interpretation).toMatch(/^The person with the least overtime \(hours past the shift length\), /);
    const over: QueryPlan = { ...least, filter: { hours: { op: 'gt', hours: 1, per: 'period' } }, aggregation: { kind: 'list' }, groupBy: 'none' };
    const b = answerPlan(over, factsFor(over));
    expect(b.answered && b.chartTitle).toBe('Overtime (hours past the shift length) per person');
  });
  it('the most days late, when nobody was late, is nobody (not everyone at 0 days)', () => {
    const plan: QueryPlan = {
      measure: 'late',
      subject: { kind: 'teams', names: ['Engineering'] },
      period: week,
      filter: {},
      aggregation: { kind: 'max' },
      groupBy: 'person',
    };
    const a = answerPlan(plan, factsFor(plan));
    expect(a.answered && a.answer).toBe('Late arrivals in Engineering, most days, 16–22 November 2026 (Asia/Kolkata): nobody.');
    expect(a.answered && a.table.rows).toEqual([]);
  });
});
