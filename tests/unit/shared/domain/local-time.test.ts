import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDateOf,
  localDayRange,
  localTimeOf,
  startOfLocalDay,
  zonedToUtc,
} from '../../../../shared/domain/local-time.js';

describe('local time', () => {
  it('derives the local date and time in the named zone, whatever the process zone', () => {
    const t = Date.parse('2026-11-20T20:15:00Z');
    expect(localDateOf(t, 'Asia/Kolkata')).toBe('2026-11-21');
    expect(localTimeOf(t, 'Asia/Kolkata')).toBe('01:45');
    expect(localDateOf(t, 'America/New_York')).toBe('2026-11-20');
    expect(localTimeOf(t, 'America/New_York')).toBe('15:15');
  });

  it('converts wall-clock time to an instant', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 1, hour: 9, minute: 0, second: 0 }, 'Asia/Kolkata')).toBe(
      Date.parse('2026-03-01T03:30:00Z'),
    );
  });

  it('reports a time inside a spring-forward gap as nonexistent', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/New_York')).toBeNull();
  });

  it('picks the earlier instant in a fall-back overlap', () => {
    const t = zonedToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York');
    expect(t).toBe(Date.parse('2026-11-01T05:30:00Z'));
  });

  it('makes DST days 23 and 25 hours long', () => {
    const spring = localDayRange('2026-03-08', 'America/New_York');
    const fall = localDayRange('2026-11-01', 'America/New_York');
    expect((spring.endMs - spring.startMs) / 3_600_000).toBe(23);
    expect((fall.endMs - fall.startMs) / 3_600_000).toBe(25);
  });

  it('starts a day whose midnight is skipped at the end of the gap', () => {
    // Chile sets clocks forward at 24:00 on the first Saturday of September: 00:00 does not exist.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDateOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localTimeOf(start, 'America/Santiago')).toBe('01:00');
    expect(localDateOf(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
