// Whole readings of questions: the intent, the dates and the words of the range, as the answer
// states them. (The question engine of the Ask issue replaces this reader; until then these pin
// what it does.)
import { describe, expect, it } from 'vitest';
import { dateRangeOf, editDistance, matchEmployees, readQuestion } from '../../../../shared/domain/question.js';

const TODAY = '2026-11-20'; // a Friday
const ROSTER = {
  employees: [
    { code: 'A1', name: 'Anita Rao' },
    { code: 'B1', name: 'Bala Krishnan' },
    { code: 'D1', name: 'Dev Patel' },
    { code: 'D2', name: 'Deva Menon' },
  ],
  teams: ['Front Office', 'Office', 'Engineering'],
};

describe('the words of a range', () => {
  it.each([
    ['since 3 nov', { from: '2026-11-03', to: TODAY, label: 'since 2026-11-03' }],
    ['between 12 nov and 2 nov', { from: '2026-11-02', to: '2026-11-12', label: 'from 2026-11-02 to 2026-11-12' }],
    ['from nov 2 to nov 6', { from: '2026-11-02', to: '2026-11-06', label: 'from 2026-11-02 to 2026-11-06' }],
    ['nov 6 and nov 2', { from: '2026-11-06', to: '2026-11-06', label: 'on 2026-11-06' }],
    ['on 2 nov then 2026-11-01', { from: '2026-11-02', to: '2026-11-02', label: 'on 2026-11-02' }],
    ['on 18 november 2025', { from: '2025-11-18', to: '2025-11-18', label: 'on 2025-11-18' }],
    ['on sep 9', { from: '2026-09-09', to: '2026-09-09', label: 'on 2026-09-09' }],
    ['today', { from: TODAY, to: TODAY, label: 'today' }],
    ['so far today', { from: TODAY, to: TODAY, label: 'today' }],
    ['yesterday', { from: '2026-11-19', to: '2026-11-19', label: 'yesterday' }],
    ['the last 1 day', { from: TODAY, to: TODAY, label: 'in the last 1 day' }],
    ['the last 10 days', { from: '2026-11-11', to: TODAY, label: 'in the last 10 days' }],
    ['past ten days', { from: '2026-11-11', to: TODAY, label: 'in the last 10 days' }],
    ['previous 2 weeks', { from: '2026-11-07', to: TODAY, label: 'in the last 2 weeks' }],
    ['the last one week', { from: '2026-11-14', to: TODAY, label: 'in the last 1 week' }],
    ['the last week', { from: '2026-11-09', to: '2026-11-15', label: 'last week' }],
    ['current week', { from: '2026-11-16', to: TODAY, label: 'this week' }],
    ['previous week', { from: '2026-11-09', to: '2026-11-15', label: 'last week' }],
    ['current month', { from: '2026-11-01', to: TODAY, label: 'this month' }],
    ['previous month', { from: '2026-10-01', to: '2026-10-31', label: 'last month' }],
    ['on wednesday', { from: '2026-11-18', to: '2026-11-18', label: 'on Wednesday 2026-11-18' }],
    ['since monday', { from: '2026-11-16', to: TODAY, label: 'since Monday 2026-11-16' }],
    ['last friday', { from: '2026-11-13', to: '2026-11-13', label: 'on Friday 2026-11-13' }],
  ])('%s', (q, range) => {
    expect(dateRangeOf(q, TODAY)).toEqual(range);
  });

  it('reads no range where there is none, or a day number no month has', () => {
    expect(dateRangeOf('the last 0 days', TODAY)).toBeNull();
    expect(dateRangeOf('on 32 nov', TODAY)).toBeNull();
    expect(dateRangeOf('on 0 nov', TODAY)).toBeNull();
    expect(dateRangeOf('hours please', TODAY)).toBeNull();
  });

  it('last month from January is December of the year before', () => {
    expect(dateRangeOf('last month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31', label: 'last month' });
    expect(dateRangeOf('last month', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29', label: 'last month' });
  });
});

describe('what a question asks', () => {
  const read = (q: string) => readQuestion(q, TODAY, ROSTER);
  it.each([
    ['who forgot to punch out', { kind: 'missing_out', range: { from: '2026-11-14', to: TODAY, label: 'in the last 7 days' } }],
    ['missing outs for a1', { kind: 'missing_out', range: { from: '2026-11-14', to: TODAY, label: 'in the last 7 days' }, employee: 'A1' }],
    ['who worked from home', { kind: 'work_mode', range: { from: '2026-11-16', to: TODAY, label: 'this week' } }],
    ['who was late', { kind: 'late', range: { from: TODAY, to: TODAY, label: 'today' } }],
    ['who was absent', { kind: 'absent', range: { from: TODAY, to: TODAY, label: 'today' } }],
    ['trends for engineering', { kind: 'team_trend', range: { from: '2026-11-01', to: TODAY, label: 'this month' }, team: 'Engineering' }],
    ['hours of dev patel', { kind: 'hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, employee: 'D1' }],
    ['top 3 hours', { kind: 'top_hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, n: 3, order: 'most' }],
    [
      'bottom two by hours yesterday',
      { kind: 'top_hours', range: { from: '2026-11-19', to: '2026-11-19', label: 'yesterday' }, n: 2, order: 'least' },
    ],
    ['who worked the most hours', { kind: 'top_hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, n: 1, order: 'most' }],
    ['most hours', { kind: 'top_hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, n: 5, order: 'most' }],
    ['who is in right now', { kind: 'present_now' }],
  ])('%s', (q, intent) => {
    expect(read(q)).toEqual({ intent });
  });

  it('the longest team name wins, and what remains is read for a person', () => {
    expect(read('hours in front office')).toEqual({
      intent: { kind: 'hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, team: 'Front Office' },
    });
    expect(read('hours in office')).toEqual({
      intent: { kind: 'hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, team: 'Office' },
    });
  });

  it('two people matching alike are asked back; a full name or code is not ambiguous', () => {
    expect(read('hours of dev')).toEqual({ intent: { kind: 'hours', range: { from: '2026-11-16', to: TODAY, label: 'this week' }, employee: 'D1' } });
    expect(read('hours of patel')).toMatchObject({ intent: { employee: 'D1' } });
    const twoNames = readQuestion('hours of rao', TODAY, { employees: [...ROSTER.employees, { code: 'R2', name: 'Ravi Rao' }], teams: [] });
    expect(twoNames).toEqual({ ambiguous: [expect.objectContaining({ code: 'A1' }), expect.objectContaining({ code: 'R2' })] });
    expect(
      readQuestion('hours of anita rao', TODAY, { employees: [...ROSTER.employees, { code: 'R2', name: 'Ravi Rao' }], teams: [] }),
    ).toMatchObject({
      intent: { employee: 'A1' },
    });
  });

  it('an unknown question is not read; spacing, case and curly quotes do not matter', () => {
    expect(read('what is the weather')).toBeNull();
    expect(read('  WHO   Didn’t  punch out  ')).toMatchObject({ intent: { kind: 'missing_out' } });
  });
});

describe('names typed a little wrong', () => {
  it('a code scores highest, the full name next, a word of it next, one letter off last (long names only)', () => {
    expect(matchEmployees('b1 please', ROSTER.employees)).toEqual([{ code: 'B1', name: 'Bala Krishnan', score: 100 }]);
    expect(matchEmployees('bala krishnan', ROSTER.employees)).toEqual([{ code: 'B1', name: 'Bala Krishnan', score: 90 }]);
    expect(matchEmployees("krishnan's hours", ROSTER.employees)).toEqual([{ code: 'B1', name: 'Bala Krishnan', score: 60 }]);
    expect(matchEmployees('krishnans', ROSTER.employees)).toEqual([{ code: 'B1', name: 'Bala Krishnan', score: 60 }]);
    expect(matchEmployees('krishan', ROSTER.employees)).toEqual([{ code: 'B1', name: 'Bala Krishnan', score: 40 }]);
    // Short names are not guessed at: "bal" is not Bala, "ra" is not Rao.
    expect(matchEmployees('bal', ROSTER.employees)).toEqual([]);
    expect(matchEmployees('rae', ROSTER.employees)).toEqual([]);
    expect(matchEmployees('nobody here', ROSTER.employees)).toEqual([]);
  });

  it('edit distance counts insertions, deletions and changes', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('ab', 'ba')).toBe(2);
  });
});
