import { describe, expect, it } from 'vitest';
import { isExpectedOn, isoWeekday, parseWorkingDays } from '../../../../shared/domain/attendance.js';

describe('who is expected at work', () => {
  const monToFri = { employedFrom: '2026-11-10', employedUntil: null, workingDays: [1, 2, 3, 4, 5] };

  it('reads weekdays the ISO way', () => {
    expect(isoWeekday('2026-11-16')).toBe(1); // a Monday
    expect(isoWeekday('2026-11-22')).toBe(7); // a Sunday
  });

  it('expects people on their site’s working days only', () => {
    expect(isExpectedOn(monToFri, '2026-11-20')).toBe(true);
    expect(isExpectedOn(monToFri, '2026-11-21')).toBe(false);
    expect(isExpectedOn(monToFri, '2026-11-22')).toBe(false);
    expect(isExpectedOn({ ...monToFri, workingDays: [1, 2, 3, 4, 5, 6] }, '2026-11-21')).toBe(true);
  });

  it('only while employed: from the start date, until the last day', () => {
    expect(isExpectedOn(monToFri, '2026-11-09')).toBe(false);
    expect(isExpectedOn(monToFri, '2026-11-10')).toBe(true);
    const leaver = { ...monToFri, employedUntil: '2026-11-18' };
    expect(isExpectedOn(leaver, '2026-11-18')).toBe(true);
    expect(isExpectedOn(leaver, '2026-11-19')).toBe(false);
  });

  it('reads stored working days, falling back to Monday to Friday', () => {
    expect(parseWorkingDays('1,2,3,4,5,6')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWorkingDays(' 5, 1 ,1')).toEqual([1, 5]);
    expect(parseWorkingDays('')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDays(null)).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDays('0,8,x')).toEqual([1, 2, 3, 4, 5]);
  });
});
