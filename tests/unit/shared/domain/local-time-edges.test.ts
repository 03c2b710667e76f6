import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantOf,
  isoWithOffset,
  isRealLocalDate,
  isValidTimeZone,
  localDateOf,
  localDayRange,
  localParts,
  localTimeOf,
  offsetAt,
  parseLocalDate,
  startOfLocalDay,
  wallClockToUtc,
  zonedToUtc,
} from '../../../../shared/domain/local-time.js';

const H = 3_600_000;
const utc = (s: string) => Date.parse(s);

describe('offsets written out', () => {
  it('east and west, half and three-quarter hours, and UTC itself', () => {
    expect(isoWithOffset(utc('2026-11-20T03:35:07Z'), 'Asia/Kolkata')).toBe('2026-11-20T09:05:07+05:30');
    expect(isoWithOffset(utc('2026-11-20T03:35:07Z'), 'Asia/Kathmandu')).toBe('2026-11-20T09:20:07+05:45');
    expect(isoWithOffset(utc('2026-11-20T14:05:00Z'), 'America/New_York')).toBe('2026-11-20T09:05:00-05:00');
    expect(isoWithOffset(utc('2026-07-20T13:05:00Z'), 'America/New_York')).toBe('2026-07-20T09:05:00-04:00');
    expect(isoWithOffset(utc('2026-11-20T09:05:00Z'), 'UTC')).toBe('2026-11-20T09:05:00+00:00');
    expect(isoWithOffset(utc('2026-11-20T12:35:00Z'), 'America/St_Johns')).toBe('2026-11-20T09:05:00-03:30');
    expect(isoWithOffset(utc('2026-01-01T00:00:00Z'), 'Pacific/Chatham')).toBe('2026-01-01T13:45:00+13:45');
  });

  it('drops the milliseconds, and counts the offset in whole minutes', () => {
    expect(isoWithOffset(utc('2026-11-20T03:35:07.999Z'), 'Asia/Kolkata')).toBe('2026-11-20T09:05:07+05:30');
    expect(offsetAt(utc('2026-11-20T03:35:07.999Z'), 'Asia/Kolkata')).toBe(5.5 * H);
    expect(localTimeOf(utc('2026-11-20T03:35:59.999Z'), 'Asia/Kolkata')).toBe('09:05');
    expect(localParts(utc('2026-11-20T03:35:07.500Z'), 'Asia/Kolkata')).toEqual({ year: 2026, month: 11, day: 20, hour: 9, minute: 5, second: 7 });
  });

  it('writes years of four digits and the date in the zone', () => {
    expect(localDateOf(utc('2026-12-31T19:00:00Z'), 'Asia/Kolkata')).toBe('2027-01-01');
    expect(localDateOf(utc('2027-01-01T04:00:00Z'), 'America/New_York')).toBe('2026-12-31');
  });
});

describe('reading times and dates', () => {
  it('an ISO time with an offset or Z is that instant; without one it is the zone’s wall clock', () => {
    expect(instantOf('2026-11-20T09:00:00+05:30', 'America/New_York')).toBe(utc('2026-11-20T03:30:00Z'));
    expect(instantOf('2026-11-20T09:00Z', 'Asia/Kolkata')).toBe(utc('2026-11-20T09:00:00Z'));
    expect(instantOf('2026-11-20T09:00', 'Asia/Kolkata')).toBe(utc('2026-11-20T03:30:00Z'));
    expect(instantOf('2026-11-20T09:00:30', 'Asia/Kolkata')).toBe(utc('2026-11-20T03:30:30Z'));
    expect(instantOf('2026-11-20T09:00:30.250', 'Asia/Kolkata')).toBe(utc('2026-11-20T03:30:30Z'));
    expect(instantOf('2026-02-30T09:00', 'Asia/Kolkata')).toBeNaN();
    expect(instantOf('not a time', 'Asia/Kolkata')).toBeNaN();
  });

  it('a real local date exists in the calendar', () => {
    expect(isRealLocalDate('2028-02-29')).toBe(true);
    expect(isRealLocalDate('2026-02-29')).toBe(false);
    expect(isRealLocalDate('2026-13-01')).toBe(false);
    expect(isRealLocalDate('2026-00-10')).toBe(false);
    expect(isRealLocalDate('2026-04-31')).toBe(false);
    expect(isRealLocalDate('2026-4-03')).toBe(false);
    expect(isRealLocalDate('x2026-04-03')).toBe(false);
    expect(isRealLocalDate('2026-04-03x')).toBe(false);
  });

  it('parseLocalDate reads the parts, and refuses anything else by name', () => {
    expect(parseLocalDate('2026-11-05')).toEqual({ year: 2026, month: 11, day: 5 });
    expect(() => parseLocalDate('2026-11-5')).toThrow('not a local date: 2026-11-5');
    expect(() => parseLocalDate(' 2026-11-05')).toThrow(RangeError);
  });

  it('addDays crosses months, years and leap days both ways', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-11-20', 0)).toBe('2026-11-20');
    expect(addDays('2026-11-20', -365)).toBe('2025-11-20');
  });

  it('knows a zone from a name that is none', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('daylight saving', () => {
  const NY = 'America/New_York';
  it('a wall time in the autumn overlap is its first instant; one in the spring gap does not exist', () => {
    expect(zonedToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, NY)).toBe(utc('2026-11-01T05:30:00Z'));
    expect(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, NY)).toBeNull();
    expect(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 3, minute: 0, second: 0 }, NY)).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('a wall clock in the gap is read with the offset from before: 02:30 is 03:30 new time', () => {
    const t = wallClockToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, NY);
    expect(t).toBe(utc('2026-03-08T07:30:00Z'));
    expect(localTimeOf(t, NY)).toBe('03:30');
  });

  it('days are 23 or 25 hours long on change days, 24 otherwise', () => {
    const len = (d: string) => {
      const r = localDayRange(d, NY);
      return (r.endMs - r.startMs) / H;
    };
    expect(len('2026-03-08')).toBe(23);
    expect(len('2026-11-01')).toBe(25);
    expect(len('2026-11-02')).toBe(24);
    expect(len('2026-11-20')).toBe(24);
  });

  it('a day whose midnight the clocks skip starts when the clocks start again', () => {
    // Santiago moved from -04:00 to -03:00 at midnight on 2026-09-06: that day starts at 01:00.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDateOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localTimeOf(start, 'America/Santiago')).toBe('01:00');
    expect(localDateOf(start - 1000, 'America/Santiago')).toBe('2026-09-05');
  });

  it('the same instant gives the same parts, remembered or freshly asked, on both sides of a change', () => {
    for (const at of ['2026-11-01T05:59:59Z', '2026-11-01T06:00:00Z', '2026-11-01T06:00:01Z', '2026-03-08T06:59:59Z', '2026-03-08T07:00:00Z']) {
      const first = localParts(utc(at), NY);
      expect(localParts(utc(at), NY), at).toEqual(first);
    }
    expect(localTimeOf(utc('2026-11-01T05:59:59Z'), NY)).toBe('01:59');
    expect(localTimeOf(utc('2026-11-01T06:00:00Z'), NY)).toBe('01:00');
    expect(localTimeOf(utc('2026-03-08T06:59:59Z'), NY)).toBe('01:59');
    expect(localTimeOf(utc('2026-03-08T07:00:00Z'), NY)).toBe('03:00');
  });

  it('keeps answering right past the memory’s bound of quarters per zone', () => {
    const tz = 'Europe/Berlin';
    const base = utc('2026-01-01T00:00:00Z');
    for (let q = 0; q < 5000; q++) localParts(base + q * 15 * 60_000, tz);
    expect(localTimeOf(base, tz)).toBe('01:00');
    expect(localTimeOf(utc('2026-07-01T00:00:00Z'), tz)).toBe('02:00');
  });
});
