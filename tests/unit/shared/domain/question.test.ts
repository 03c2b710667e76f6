import { describe, expect, it } from 'vitest';
import { chooseChart } from '../../../../shared/domain/chart-choice.js';
import { matchEmployees, mondayOf } from '../../../../shared/domain/question.js';

const ROSTER = {
  employees: [
    { code: 'A1', name: 'Anita Rao' },
    { code: 'B1', name: 'Bala Krishnan' },
    { code: 'D1', name: 'Dev Patel' },
  ],
  teams: ['Front Office', 'Engineering'],
};

describe('weeks', () => {
  it('start on Monday', () => {
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
