import { describe, expect, it } from 'vitest';
import { exportFileName, resolveRange, toCsv } from '../../../../shared/domain/report-range.js';

describe('report ranges and CSV export', () => {
  const now = Date.parse('2026-11-20T20:00:00Z'); // 21 Nov 01:30 in Kolkata

  it('days=N is the last N local days including today, in the zone', () => {
    expect(resolveRange({ days: 7 }, now, 'Asia/Kolkata')).toEqual({ from: '2026-11-15', to: '2026-11-21' });
    expect(resolveRange({ days: 1 }, now, 'America/New_York')).toEqual({ from: '2026-11-20', to: '2026-11-20' });
    expect(resolveRange({ from: '2026-11-01' }, now, 'UTC')).toEqual({ from: '2026-11-01', to: '2026-11-20' });
  });

  it('names the file after the report, range and zone', () => {
    expect(exportFileName('workhours', { from: '2026-11-15', to: '2026-11-21', tz: 'Asia/Kolkata' })).toBe(
      'workhours_2026-11-15_2026-11-21_Asia-Kolkata.csv',
    );
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    const csv = toCsv(
      ['code', 'name', 'hours'],
      [
        { code: '1001', name: 'Rao, "Asha"', hours: 8.5 },
        { code: '=HYPERLINK("x")', name: null, hours: -1 },
      ],
    );
    expect(csv).toBe('code,name,hours\r\n1001,"Rao, ""Asha""",8.5\r\n"\'=HYPERLINK(""x"")",,-1\r\n');
  });
});
