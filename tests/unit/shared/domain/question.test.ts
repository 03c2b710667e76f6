import { describe, expect, it } from 'vitest';
import { chooseChart } from '../../../../shared/domain/chart-choice.js';
import { dateRangeOf, matchEmployees, mondayOf, readQuestion } from '../../../../shared/domain/question.js';

const TODAY = '2026-11-20'; // a Friday
const ROSTER = {
  employees: [
    { code: 'A1', name: 'Anita Rao' },
    { code: 'B1', name: 'Bala Krishnan' },
    { code: 'D1', name: 'Dev Patel' },
  ],
  teams: ['Front Office', 'Engineering'],
};

describe('dates in questions', () => {
  it.each([
    ['today', '2026-11-20', '2026-11-20'],
    ['yesterday', '2026-11-19', '2026-11-19'],
    ['this week', '2026-11-16', '2026-11-20'],
    ['last week', '2026-11-09', '2026-11-15'],
    ['this month', '2026-11-01', '2026-11-20'],
    ['last month', '2026-10-01', '2026-10-31'],
    ['the last 3 days', '2026-11-18', '2026-11-20'],
    ['past two weeks', '2026-11-07', '2026-11-20'],
    ['on monday', '2026-11-16', '2026-11-16'],
    ['last friday', '2026-11-13', '2026-11-13'],
    ['on friday', '2026-11-20', '2026-11-20'],
    ['since tuesday', '2026-11-17', '2026-11-20'],
    ['on 2026-11-03', '2026-11-03', '2026-11-03'],
    ['on 3rd nov', '2026-11-03', '2026-11-03'],
    ['november 3, 2025', '2025-11-03', '2025-11-03'],
    ['between 2026-11-18 and 2026-11-02', '2026-11-02', '2026-11-18'],
  ])('%s', (text, from, to) => {
    expect(dateRangeOf(text, TODAY)).toMatchObject({ from, to });
  });

  it('finds none where there is none, and weeks start on Monday', () => {
    expect(dateRangeOf('who is in', TODAY)).toBeNull();
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
  });
});

describe('names in questions', () => {
  it('matches by code, full name, first or last name, and one letter off', () => {
    expect(matchEmployees('hours for b1', ROSTER.employees).map((m) => m.code)).toEqual(['B1']);
    expect(matchEmployees('how about bala krishnan', ROSTER.employees).map((m) => m.code)).toEqual(['B1']);
    expect(matchEmployees("patel's hours", ROSTER.employees).map((m) => m.code)).toEqual(['D1']);
    expect(matchEmployees('anitha', ROSTER.employees).map((m) => m.code)).toEqual(['A1']);
    expect(matchEmployees('who is in', ROSTER.employees)).toEqual([]);
  });
});

describe('question families', () => {
  it.each([
    ['Who is in right now?', 'present_now'],
    ['Was Dev late yesterday?', 'late'],
    ['hours of the Engineering team last week', 'hours'],
    ['who was absent on Monday', 'absent'],
    ['home vs office this month', 'work_mode'],
    ['top 5 by hours', 'top_hours'],
    ['weekly trend for Front Office', 'team_trend'],
    ["who didn't punch out yesterday", 'missing_out'],
  ])('%s', (question, kind) => {
    const r = readQuestion(question, TODAY, ROSTER);
    expect(r && 'intent' in r ? r.intent.kind : r).toBe(kind);
  });

  it('reads the team, the employee and the defaults', () => {
    expect(readQuestion('hours of the Engineering team last week', TODAY, ROSTER)).toEqual({
      intent: { kind: 'hours', team: 'Engineering', range: { from: '2026-11-09', to: '2026-11-15', label: 'last week' } },
    });
    expect(readQuestion('Was Dev late?', TODAY, ROSTER)).toEqual({
      intent: { kind: 'late', employee: 'D1', range: { from: TODAY, to: TODAY, label: 'today' } },
    });
    expect(readQuestion('top three by hours', TODAY, ROSTER)).toMatchObject({ intent: { n: 3, order: 'most' } });
    expect(readQuestion('tell me a joke', TODAY, ROSTER)).toBeNull();
  });
});

describe('chart for an answer', () => {
  const table = (rows: Record<string, string | number>[]) => ({ columns: Object.keys(rows[0] ?? {}), rows });
  it('bars names against a number, lines long date series, pies a two-way split, nothing for one row', () => {
    expect(
      chooseChart(
        table([
          { name: 'A', hours: 3 },
          { name: 'B', hours: 4 },
        ]),
        't',
      ),
    ).toEqual({ kind: 'bar', x: 'name', y: 'hours', title: 't' });
    const days = Array.from({ length: 9 }, (_, i) => ({ date: `2026-11-0${i + 1}`, hours: i }));
    expect(chooseChart(table(days), 't')).toMatchObject({ kind: 'line', x: 'date' });
    expect(
      chooseChart(
        table([
          { mode: 'Office', days: 3 },
          { mode: 'Home', days: 1 },
        ]),
        't',
      ),
    ).toMatchObject({ kind: 'pie' });
    expect(chooseChart(table([{ name: 'A', hours: 3 }]), 't')).toBeNull();
    expect(
      chooseChart(
        table([
          { name: 'A', team: 'x' },
          { name: 'B', team: 'y' },
        ]),
        't',
      ),
    ).toBeNull();
  });
});
