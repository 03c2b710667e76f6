import { describe, expect, it } from 'vitest';
import { dailyInCounts, datesOf, hoursPerEmployee, presencePerDay, teamTrend, workModeSplit } from '../../../../shared/domain/dashboard.js';

describe('dashboard shaping', () => {
  it('counts each employee once per day and fills days without anyone', () => {
    const daily = [
      { employee_code: 'A', date: '2026-03-07', ins: 2 },
      { employee_code: 'B', date: '2026-03-07', ins: 1 },
      { employee_code: 'A', date: '2026-03-09', ins: 1 },
    ];
    expect(presencePerDay(daily, '2026-03-07', '2026-03-09')).toEqual([
      { date: '2026-03-07', present: 2 },
      { date: '2026-03-08', present: 0 },
      { date: '2026-03-09', present: 1 },
    ]);
    expect(datesOf('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('sums hours from seconds per employee, most first, leaving out those with none', () => {
    const rows = [
      { employee_code: 'A', name: 'Ann', seconds: 3600 },
      { employee_code: 'B', name: 'Bo', seconds: 9000 },
      { employee_code: 'A', name: 'Ann', seconds: 1800 },
      { employee_code: 'C', name: 'Cy', seconds: 0 },
    ];
    expect(hoursPerEmployee(rows)).toEqual([
      { code: 'B', name: 'Bo', hours: 2.5 },
      { code: 'A', name: 'Ann', hours: 1.5 },
    ]);
  });

  it('takes team rows of the trends report for the trend lines and the home/office split', () => {
    const trends = [
      { team: 'Ops', employee_code: null, week: '2026-03-09', hours: 40, wfh_days: 1, wfo_days: 4 },
      { team: 'Ops', employee_code: 'A', week: '2026-03-09', hours: 40, wfh_days: 1, wfo_days: 4 },
      { team: 'Ops', employee_code: null, week: '2026-03-02', hours: 30, wfh_days: 0, wfo_days: 3 },
      { team: 'Eng', employee_code: null, week: '2026-03-02', hours: 8, wfh_days: 1, wfo_days: 0 },
    ];
    expect(teamTrend(trends)).toEqual([
      { team: 'Eng', points: [{ week: '2026-03-02', hours: 8 }] },
      {
        team: 'Ops',
        points: [
          { week: '2026-03-02', hours: 30 },
          { week: '2026-03-09', hours: 40 },
        ],
      },
    ]);
    expect(workModeSplit(trends)).toEqual({ WFH: 2, WFO: 7 });
  });
});

describe('the first system daily summary (dailyInCounts)', () => {
  it('counts employees with an IN and the IN events per date, every date of the range', () => {
    const daily = [
      { employee_code: 'A', date: '2026-03-07', ins: 2 },
      { employee_code: 'B', date: '2026-03-07', ins: 1 },
      { employee_code: 'A', date: '2026-03-09', ins: '3' },
      { employee_code: 'B', date: '2026-03-09', ins: null },
    ];
    expect(dailyInCounts(daily, '2026-03-07', '2026-03-09')).toEqual([
      { date: '2026-03-07', employees_in: 2, in_events: 3 },
      { date: '2026-03-08', employees_in: 0, in_events: 0 },
      { date: '2026-03-09', employees_in: 2, in_events: 3 },
    ]);
  });
});
