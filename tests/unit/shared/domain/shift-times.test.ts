// The shift-relative figures Ask's answers use (plan-executor.ts): minutes left before the shift
// end, and time worked past the shift's length. An overnight shift (end before start) has no
// "early" and no overtime by these rules.
import { describe, expect, it } from 'vitest';
import { minutesEarly, overtimeSecondsOf } from '../../../../shared/domain/work-hours.js';

describe('minutesEarly', () => {
  it('counts the minutes from the last OUT to the shift end, hours and minutes both', () => {
    expect(minutesEarly('16:35', '09:00', '18:00')).toBe(85);
    expect(minutesEarly('17:59', '09:00', '18:00')).toBe(1);
  });
  it('is null for an OUT at or after the shift end, or no OUT at all', () => {
    expect(minutesEarly('18:00', '09:00', '18:00')).toBeNull();
    expect(minutesEarly('19:10', '09:00', '18:00')).toBeNull();
    expect(minutesEarly(null, '09:00', '18:00')).toBeNull();
  });
  it('is null for an overnight shift, and for a shift of no length', () => {
    expect(minutesEarly('03:00', '22:00', '06:00')).toBeNull();
    expect(minutesEarly('08:00', '09:00', '09:00')).toBeNull();
  });
});

describe('overtimeSecondsOf', () => {
  it('is the time past the shift length (9:00–17:30 is 8.5 h)', () => {
    expect(overtimeSecondsOf(9 * 3600, '09:00', '17:30')).toBe(1800);
    expect(overtimeSecondsOf(8.5 * 3600 + 1, '09:00', '17:30')).toBe(1);
  });
  it('is 0 at or under the shift length', () => {
    expect(overtimeSecondsOf(8.5 * 3600, '09:00', '17:30')).toBe(0);
    expect(overtimeSecondsOf(3600, '09:00', '17:30')).toBe(0);
  });
  it('is 0 for an overnight shift or one of no length', () => {
    expect(overtimeSecondsOf(12 * 3600, '22:00', '06:00')).toBe(0);
    expect(overtimeSecondsOf(12 * 3600, '09:00', '09:00')).toBe(0);
  });
});
