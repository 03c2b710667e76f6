import { describe, expect, it } from 'vitest';
import { dayFacts } from '../../../support/day-facts.js';
import { answerPlan, type DayFact, type PlanFacts } from '../../../../shared/domain/plan-answer.js';
import { dayLabel, listWords, periodWords } from '../../../../shared/domain/answer-words.js';
import type { QueryPlan } from '../../../../shared/domain/query-plan.js';

const people = [
  { code: 'A1', name: 'Anita Rao', team: 'Front Office' },
  { code: 'B1', name: 'Bala Krishnan', team: 'Front Office' },
  { code: 'C1', name: 'Chitra Menon', team: 'Engineering' },
];
const { blank, worked } = dayFacts(people);
const facts = (days: DayFact[]): PlanFacts => ({ people, days, now: [], tz: 'Asia/Kolkata', nowTime: '11:00' });
const base: Omit<QueryPlan, 'measure'> = {
  subject: { kind: 'everyone' },
  period: { kind: 'dates', from: '2026-11-16', to: '2026-11-17' },
  filter: {},
  aggregation: { kind: 'sum' },
  groupBy: 'none',
};
const answered = (plan: QueryPlan, f: PlanFacts) => {
  const a = answerPlan(plan, f);
  if (!a.answered) throw new Error(a.answer);
  return a;
};
const DAYS = [
  worked('A1', '2026-11-16', '09:00', '17:30', 8.5, { overtimeSeconds: 1800 }),
  worked('A1', '2026-11-17', '09:00', '17:00', 8),
  worked('B1', '2026-11-16', '09:20', '17:20', 8, { lateMinutes: 20 }),
  blank('B1', '2026-11-17'),
  worked('C1', '2026-11-16', '09:00', null, 0),
  worked('C1', '2026-11-17', '09:00', '13:00', 4, { earlyMinutes: 240 }),
];

describe('answering a plan', () => {
  it('states its interpretation first, with the dates in words and the zone', () => {
    const a = answered({ ...base, measure: 'hours', subject: { kind: 'employees', codes: ['A1'] } }, facts(DAYS));
    expect(a.answer).toBe('Hours worked by Anita Rao, 16–17 November 2026 (Asia/Kolkata): 16.5 h.');
    expect(a.table.columns).toEqual(['Date', 'Hours (h)', 'First IN', 'Last OUT']);
  });

  it('says which open days are not counted yet', () => {
    const a = answered({ ...base, measure: 'hours', subject: { kind: 'employees', codes: ['C1'] } }, facts(DAYS));
    expect(a.answer).toContain('4 h. Not counted yet (no OUT): Mon 16 Nov.');
  });

  it('ranks everyone, with no hours counted as 0 h, and a team ranking by team', () => {
    const fewest = answered({ ...base, measure: 'hours', aggregation: { kind: 'bottom', n: 1 } }, facts(DAYS.filter((d) => d.code !== 'C1')));
    expect(fewest.answer).toMatch(/: Chitra Menon 0 h\.$/);
    const teams = answered({ ...base, measure: 'hours', aggregation: { kind: 'top', n: 1 }, groupBy: 'team' }, facts(DAYS));
    expect(teams.answer).toMatch(/: Front Office 24.5 h\.$/);
  });

  it('compares two subjects and says by how much', () => {
    const a = answered(
      { ...base, measure: 'hours', subject: { kind: 'employees', codes: ['A1', 'B1'] }, aggregation: { kind: 'compare' } },
      facts(DAYS),
    );
    expect(a.answer).toContain('Anita Rao 16.5 h and Bala Krishnan 8 h. Anita Rao worked 8.5 h more.');
  });

  it('thresholds per day and over the period give different people', () => {
    const perDay = answered({ ...base, measure: 'hours', filter: { hours: { op: 'gt', hours: 8, per: 'day' } } }, facts(DAYS));
    expect(perDay.answer).toContain('1 person: Anita Rao (Mon 16 Nov 8.5 h)');
    const total = answered({ ...base, measure: 'hours', filter: { hours: { op: 'lt', hours: 5, per: 'period' } } }, facts(DAYS));
    expect(total.answer).toContain('1 person: Chitra Menon 4 h');
  });

  it('averages over the days with hours only', () => {
    const a = answered({ ...base, measure: 'hours', subject: { kind: 'employees', codes: ['C1'] }, aggregation: { kind: 'average' } }, facts(DAYS));
    expect(a.answer).toContain('(over 1 day with hours)');
    expect(a.answer).toMatch(/: 4 h a day\.$/);
  });

  it('names who was absent, late or left early, with the detail', () => {
    expect(answered({ ...base, measure: 'absence', aggregation: { kind: 'list' } }, facts(DAYS)).answer).toMatch(
      /: 1 person: Bala Krishnan \(1 day: Tue 17 Nov\)\.$/,
    );
    const counted = answered(
      { ...base, measure: 'late', aggregation: { kind: 'count' }, subject: { kind: 'employees', codes: ['B1'] } },
      facts(DAYS),
    );
    expect(counted.answer).toMatch(/Bala Krishnan was late on 1 day: Mon 16 Nov \(09:20, 20 min after the shift start\)\.$/);
    const late = answered({ ...base, measure: 'late', aggregation: { kind: 'list' }, subject: { kind: 'employees', codes: ['B1'] } }, facts(DAYS));
    expect(late.answer).toContain('Yes, Bala Krishnan was late on 1 day: Mon 16 Nov (09:20, 20 min after the shift start).');
    const early = answered(
      { ...base, measure: 'early_departure', aggregation: { kind: 'list' }, period: { kind: 'dates', from: '2026-11-17', to: '2026-11-17' } },
      facts(DAYS.filter((d) => d.date === '2026-11-17')),
    );
    expect(early.answer).toMatch(/Chitra Menon \(left 13:00, 240 min before the shift end\)\.$/);
  });

  it('a day nobody was expected is said to be no working day, not "nobody absent"', () => {
    const sunday = [{ ...blank('A1', '2026-11-22'), expected: false }];
    const a = answered(
      { ...base, measure: 'absence', aggregation: { kind: 'list' }, period: { kind: 'dates', from: '2026-11-22', to: '2026-11-22' } },
      facts(sunday),
    );
    expect(a.answer).toContain('it is not a working day');
  });

  it('flags clamped or automatically closed days for review', () => {
    const days = [worked('A1', '2026-11-16', '09:00', null, 16, { needsReview: true }), worked('B1', '2026-11-16', '09:00', '17:00', 8)];
    const a = answered({ ...base, measure: 'hours', aggregation: { kind: 'top', n: 1 } }, facts(days));
    expect(a.answer).toContain('To review: Anita Rao on Mon 16 Nov');
  });

  it('earliest arrival names everyone tied', () => {
    const a = answered(
      { ...base, measure: 'arrival_time', aggregation: { kind: 'min' }, period: { kind: 'dates', from: '2026-11-17', to: '2026-11-17' } },
      facts(DAYS.filter((d) => d.date === '2026-11-17')),
    );
    expect(a.answer).toMatch(/: Anita Rao at 09:00 and Chitra Menon at 09:00\.$/);
  });

  it('splits office and home days', () => {
    const days = [worked('A1', '2026-11-16', '09:00', '17:00', 8, { mode: 'WFH' }), worked('B1', '2026-11-16', '09:00', '17:00', 8)];
    expect(answered({ ...base, measure: 'work_mode', aggregation: { kind: 'sum' } }, facts(days)).answer).toContain(
      '1 day in the office and 1 day from home (50% from home)',
    );
  });

  it('now: yes or no for a person, a count, or the list', () => {
    const now = { ...facts([]), now: [{ code: 'A1', name: 'Anita Rao', team: 'Front Office', since: '08:50', mode: 'WFO' as const }] };
    const one = answered(
      { ...base, measure: 'presence', period: { kind: 'now' }, aggregation: { kind: 'list' }, subject: { kind: 'employees', codes: ['B1'] } },
      now,
    );
    expect(one.answer).toBe('Who is in right now (11:00, Asia/Kolkata): Bala Krishnan: No, Bala Krishnan is not in now.');
    expect(answered({ ...base, measure: 'presence', period: { kind: 'now' }, aggregation: { kind: 'list' } }, now).answer).toMatch(
      /: 1 person: Anita Rao \(since 08:50\)\.$/,
    );
  });

  it('groups hours by person or by team, averages per person, and ranks people by days', () => {
    const perPerson = answered({ ...base, measure: 'hours', groupBy: 'person' }, facts(DAYS));
    expect(perPerson.answer).toMatch(/per person, .*: Anita Rao 16.5 h, Bala Krishnan 8 h and Chitra Menon 4 h\.$/);
    const perTeam = answered({ ...base, measure: 'hours', groupBy: 'team' }, facts(DAYS));
    expect(perTeam.answer).toMatch(/per team, .*: Engineering 4 h and Front Office 24.5 h\. Front Office worked 20.5 h more\.$/);
    const avg = answered({ ...base, measure: 'hours', aggregation: { kind: 'average' }, groupBy: 'person' }, facts(DAYS));
    expect(avg.answer).toMatch(/\(over 3 people with hours\).*: 9.5 h a person\.$/);
    const mostLate = answered({ ...base, measure: 'late', aggregation: { kind: 'top', n: 1 } }, facts(DAYS));
    expect(mostLate.answer).toMatch(/most days, .*: Bala Krishnan \(1 day\)\.$/);
    const count = answered(
      { ...base, measure: 'late', aggregation: { kind: 'count' } },
      facts([...DAYS, worked('A1', '2026-11-18', '09:30', '17:00', 7.5, { lateMinutes: 30 })]),
    );
    expect(count.answer).toContain('2 people (2 late arrivals)');
  });

  it('refuses leave honestly', () => {
    const a = answerPlan({ ...base, measure: 'leave', aggregation: { kind: 'list' } }, facts(DAYS));
    expect(a).toMatchObject({ answered: false });
    expect(a.answer).toMatch(/does not record leave/);
  });
});

describe('words', () => {
  it('periods, days and capped lists', () => {
    expect(periodWords('2026-11-20', '2026-11-20')).toBe('Friday 20 November 2026');
    expect(periodWords('2026-10-26', '2026-11-01')).toBe('26 October – 1 November 2026');
    expect(periodWords('2025-12-29', '2026-01-02')).toBe('29 December 2025 – 2 January 2026');
    expect(dayLabel('2026-11-17')).toBe('Tue 17 Nov');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
  });
});
