import { describe, expect, it } from 'vitest';
import { chooseChart } from '../../../../shared/domain/chart-choice.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, present: i + 1, note: 'x' }));

describe('chooseChart', () => {
  it('draws nothing for fewer than two rows or with no numeric column', () => {
    expect(chooseChart({ columns: ['date', 'present'], rows: days(1) }, 't')).toBeNull();
    expect(chooseChart({ columns: ['date', 'present'], rows: [] }, 't')).toBeNull();
    expect(
      chooseChart(
        {
          columns: ['name', 'team'],
          rows: [
            { name: 'A', team: 'X' },
            { name: 'B', team: 'Y' },
          ],
        },
        't',
      ),
    ).toBeNull();
  });

  it('against dates: bars for a week or less, a line for more', () => {
    expect(chooseChart({ columns: ['date', 'present'], rows: days(7) }, 'Present')).toEqual({
      kind: 'bar',
      x: 'date',
      y: 'present',
      title: 'Present',
    });
    expect(chooseChart({ columns: ['date', 'present'], rows: days(8) }, 'Present')).toEqual({
      kind: 'line',
      x: 'date',
      y: 'present',
      title: 'Present',
    });
  });

  it('prefers the measure columns (hours before days before count…) over the first numeric one', () => {
    const rows = [
      { name: 'A', sessions: 2, total_hours: 8.5, count: 3 },
      { name: 'B', sessions: 1, total_hours: 7, count: 1 },
    ];
    expect(chooseChart({ columns: ['name', 'sessions', 'total_hours', 'count'], rows }, 't')).toMatchObject({
      kind: 'bar',
      x: 'name',
      y: 'total_hours',
    });
    const counted = rows.map(({ name, sessions, count }) => ({ name, sessions, count }));
    expect(chooseChart({ columns: ['name', 'sessions', 'count'], rows: counted }, 't')).toMatchObject({ y: 'count' });
    const plain = rows.map(({ name, sessions }) => ({ name, sessions }));
    expect(chooseChart({ columns: ['name', 'sessions'], rows: plain }, 't')).toMatchObject({ y: 'sessions' });
    const minutes = [
      { name: 'A', late_minutes: 5, seconds: 300 },
      { name: 'B', late_minutes: 9, seconds: 540 },
    ];
    expect(chooseChart({ columns: ['name', 'seconds', 'late_minutes'], rows: minutes }, 't')).toMatchObject({ y: 'late_minutes' });
  });

  it('a column is numeric only when every row holds a finite number', () => {
    const rows = [
      { name: 'A', hours: 8, days: 2 },
      { name: 'B', hours: null, days: 3 },
    ];
    expect(chooseChart({ columns: ['name', 'hours', 'days'], rows }, 't')).toMatchObject({ y: 'days' });
    const text = [
      { name: 'A', hours: '8' },
      { name: 'B', hours: '9' },
    ];
    expect(chooseChart({ columns: ['name', 'hours'], rows: text }, 't')).toBeNull();
  });

  it('against names a bar; a split by work mode or kind into three parts or fewer a pie', () => {
    const modes = [
      { work_mode: 'WFO', days: 12 },
      { work_mode: 'WFH', days: 6 },
    ];
    expect(chooseChart({ columns: ['work_mode', 'days'], rows: modes }, 'Mode')).toEqual({ kind: 'pie', x: 'work_mode', y: 'days', title: 'Mode' });
    const kinds = [
      { kind: 'IN', count: 3 },
      { kind: 'OUT', count: 2 },
      { kind: 'VOID', count: 1 },
      { kind: 'FIX', count: 1 },
    ];
    expect(chooseChart({ columns: ['kind', 'count'], rows: kinds }, 't')).toMatchObject({ kind: 'bar', x: 'kind' });
    expect(chooseChart({ columns: ['kind', 'count'], rows: kinds.slice(0, 3) }, 't')).toMatchObject({ kind: 'pie' });
  });

  it('takes dates only when every row has one, and a label only when every row has text', () => {
    const mixed = [
      { date: '2026-11-01', name: 'A', hours: 8 },
      { date: 'soon', name: 'B', hours: 7 },
    ];
    expect(chooseChart({ columns: ['date', 'name', 'hours'], rows: mixed }, 't')).toMatchObject({ kind: 'bar', x: 'date' });
    const missingLabel = [
      { code: 'A', hours: 8 },
      { code: null, hours: 7 },
    ];
    expect(chooseChart({ columns: ['code', 'hours'], rows: missingLabel }, 't')).toBeNull();
    const dated = [
      { when: '2026-11-01T09:00', d: '2026-11-01', hours: 8 },
      { when: '2026-11-02T09:00', d: '2026-11-02', hours: 7 },
    ];
    expect(chooseChart({ columns: ['when', 'd', 'hours'], rows: dated }, 't')).toMatchObject({ x: 'd' });
  });
});
