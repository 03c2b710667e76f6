import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, localParts, localDayRange, localTimeOf, startOfLocalDay, zonedToUtc } from '../../../../shared/domain/local-time.js';

describe('local time', () => {
  it('derives the local date and time in the named zone, whatever the process zone', () => {
    const t = Date.parse('2026-11-20T20:15:00Z');
    expect(localDateOf(t, 'Asia/Kolkata')).toBe('2026-11-21');
    expect(localTimeOf(t, 'Asia/Kolkata')).toBe('01:45');
    expect(localDateOf(t, 'America/New_York')).toBe('2026-11-20');
    expect(localTimeOf(t, 'America/New_York')).toBe('15:15');
  });

  it('converts wall-clock time to an instant', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 1, hour: 9, minute: 0, second: 0 }, 'Asia/Kolkata')).toBe(Date.parse('2026-03-01T03:30:00Z'));
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

describe('local parts, remembered per quarter hour', () => {
  const ZONES = [
    'Asia/Kolkata',
    'America/New_York',
    'Europe/London',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Pacific/Chatham',
    'UTC',
  ];
  /** Straight from Intl, as a fresh formatter sees it. */
  const fromIntl = (ms: number, tz: string) => {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const out: Record<string, number> = {};
    for (const p of f.formatToParts(ms)) if (['year', 'month', 'day', 'hour', 'minute', 'second'].includes(p.type)) out[p.type] = Number(p.value);
    return out;
  };

  it('match Intl minute by minute across DST changes, half-hour and 45-minute zones', () => {
    const changes = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Europe/London', '2026-03-29T01:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // 30-minute change
      ['America/St_Johns', '2026-11-01T04:30:00Z'],
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
    ] as const;
    for (const [tz, at] of changes) {
      const center = Date.parse(at);
      for (let ms = center - 3 * 3_600_000; ms <= center + 3 * 3_600_000; ms += 59_000) {
        expect([ms, tz, localParts(ms, tz)]).toEqual([ms, tz, fromIntl(ms, tz)]);
      }
    }
  });

  it('match Intl every few seconds through changes that fall inside a quarter hour (local mean time)', () => {
    const changes = [
      ['Asia/Kolkata', '1854-06-27T18:00:00Z'],
      ['Asia/Kathmandu', '1919-12-31T18:15:00Z'],
      ['Africa/Monrovia', '1972-01-07T00:30:00Z'],
      ['Asia/Singapore', '1905-05-31T17:00:00Z'],
    ] as const;
    for (const [tz, quarter] of changes) {
      const start = Date.parse(quarter);
      for (let ms = start - 900_000; ms < start + 1_800_000; ms += 7_000) {
        expect([ms, tz, localParts(ms, tz)]).toEqual([ms, tz, fromIntl(ms, tz)]);
      }
    }
  });

  it('match Intl at random instants from 1850 to 2100, local mean time offsets included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (ms, tz) => {
        expect(localParts(ms, tz)).toEqual(fromIntl(ms, tz));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
  });
});
