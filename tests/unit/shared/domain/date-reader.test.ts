import { describe, expect, it } from 'vitest';
import { dateOrderOf, Masked, readPeriod, type DateOrder } from '../../../../shared/domain/date-reader.js';

const TODAY = '2026-11-20'; // a Friday
const read = (q: string, order: DateOrder = 'DMY', today = TODAY) => {
  const mask = new Masked(q);
  const r = readPeriod(q, today, order, mask);
  return { r, rest: mask.rest.trim().replace(/\s+/g, ' ') };
};
const range = (q: string, order: DateOrder = 'DMY', today = TODAY) => {
  const { r } = read(q, order, today);
  return r.kind === 'period' ? { from: r.from, to: r.to } : r;
};

describe('periods, to explicit local dates', () => {
  it.each([
    ['today', '2026-11-20', '2026-11-20'],
    ['so far today', '2026-11-20', '2026-11-20'],
    ['yesterday', '2026-11-19', '2026-11-19'],
    ['the day before yesterday', '2026-11-18', '2026-11-18'],
    ['this week', '2026-11-16', '2026-11-20'],
    ['last week', '2026-11-09', '2026-11-15'],
    ['previous week', '2026-11-09', '2026-11-15'],
    ['the past week', '2026-11-14', '2026-11-20'],
    ['past week', '2026-11-14', '2026-11-20'],
    ['the last 1 month', '2026-10-21', '2026-11-20'],
    ['since last week', '2026-11-09', '2026-11-20'],
    ['since october', '2026-10-01', '2026-11-20'],
    ['from monday', '2026-11-16', '2026-11-20'],
    ['this month until yesterday', '2026-11-01', '2026-11-19'],
    ['dec 28 to jan 3', '2025-12-28', '2026-01-03'],
    ['13/11/99', '1999-11-13', '1999-11-13'],
    ['this month', '2026-11-01', '2026-11-20'],
    ['last month', '2026-10-01', '2026-10-31'],
    ['the last 3 days', '2026-11-18', '2026-11-20'],
    ['past ten days', '2026-11-11', '2026-11-20'],
    ['past two weeks', '2026-11-07', '2026-11-20'],
    ['on monday', '2026-11-16', '2026-11-16'],
    ['friday', '2026-11-20', '2026-11-20'],
    ['last friday', '2026-11-13', '2026-11-13'],
    ['since tuesday', '2026-11-17', '2026-11-20'],
    ['on 2026-11-03', '2026-11-03', '2026-11-03'],
    ['on 3rd nov', '2026-11-03', '2026-11-03'],
    ['november 3, 2025', '2025-11-03', '2025-11-03'],
    ['between 2026-11-18 and 2026-11-02', '2026-11-02', '2026-11-18'],
    ['nov 2 to nov 6', '2026-11-02', '2026-11-06'],
    ['nov 16 to nov 18', '2026-11-16', '2026-11-18'],
    ['2nd to 6th november', '2026-11-02', '2026-11-06'],
    ['between 3 and 5 november', '2026-11-03', '2026-11-05'],
    ['between nov 2 and nov 6', '2026-11-02', '2026-11-06'],
    ['nov 2-6', '2026-11-02', '2026-11-06'],
    ['since 3 nov', '2026-11-03', '2026-11-20'],
    ['in october', '2026-10-01', '2026-10-31'],
    ['for sept', '2026-09-01', '2026-09-30'],
    ['in november', '2026-11-01', '2026-11-20'],
    ['in december', '2025-12-01', '2025-12-31'],
    ['week of nov 9', '2026-11-09', '2026-11-15'],
    ['the week of 18 nov', '2026-11-16', '2026-11-20'],
    ['27/10/2026', '2026-10-27', '2026-10-27'],
    ['16/11', '2026-11-16', '2026-11-16'],
    ['dec 5', '2025-12-05', '2025-12-05'],
    ['saturday 14/11', '2026-11-14', '2026-11-14'],
    ['on the 17th', '2026-11-17', '2026-11-17'],
    ['the 21st', '2026-10-21', '2026-10-21'],
    ['the 3rd of november', '2026-11-03', '2026-11-03'],
  ])('%s', (q, from, to) => {
    expect(range(q)).toEqual({ from, to });
  });

  it('reads numeric dates in the site’s order, and either order when only one makes a date', () => {
    expect(range('10/27/2026', 'MDY')).toEqual({ from: '2026-10-27', to: '2026-10-27' });
    expect(range('11/13/2026', 'DMY')).toEqual({ from: '2026-11-13', to: '2026-11-13' });
    expect(range('13/11/2026', 'MDY')).toEqual({ from: '2026-11-13', to: '2026-11-13' });
    expect(range('10/26 to 10/30', 'MDY')).toEqual({ from: '2026-10-26', to: '2026-10-30' });
    expect(range('5/5')).toEqual({ from: '2026-05-05', to: '2026-05-05' });
  });

  it('asks back for a numeric date both orders make, naming both in the site’s order', () => {
    expect(range('03/11', 'DMY')).toEqual({ kind: 'ask', text: '03/11', why: 'it could be 3 November 2026 or 11 March 2026' });
    expect(range('03/11', 'MDY')).toEqual({ kind: 'ask', text: '03/11', why: 'it could be 11 March 2026 or 3 November 2026' });
  });

  it('asks back for a date that does not exist, never reading it as another', () => {
    expect(range('31 nov')).toMatchObject({ kind: 'ask', text: '31 nov', why: 'November has 30 days' });
    expect(range('feb 29 2026')).toMatchObject({ kind: 'ask', why: 'February has 28 days' });
    expect(range('30/02/2026')).toMatchObject({ kind: 'ask', text: '30/02/2026' });
    expect(range('2026-02-30')).toMatchObject({ kind: 'ask', text: '2026-02-30' });
    expect(range('the last 0 days')).toMatchObject({ kind: 'ask' });
    expect(range('tuesday 14/11')).toMatchObject({ kind: 'ask', why: '2026-11-14 is not a tuesday' });
    expect(range('on 2 nov and on 5 nov')).toMatchObject({ kind: 'ask' });
    expect(range('the 31st', 'DMY', '2026-12-15')).toMatchObject({ kind: 'ask', why: 'November has 30 days' });
    // Periods not asked for are never made up: the future, a range past today, a range with no start.
    expect(range('nov 15 to nov 25')).toMatchObject({ kind: 'ask', why: 'it runs past today (2026-11-20)' });
    expect(range('18/11 to 25/11')).toMatchObject({ kind: 'ask', why: 'it runs past today (2026-11-20)' });
    expect(range('from oct to dec')).toMatchObject({ kind: 'ask', why: 'it runs past today (2026-11-20)' });
    expect(range('in december 2026')).toMatchObject({ kind: 'ask', why: 'that is after today (2026-11-20)' });
    expect(range('since 2027-01-01')).toMatchObject({ kind: 'ask', why: 'that is after today (2026-11-20)' });
    expect(range('this saturday')).toMatchObject({ kind: 'ask', why: 'that is after today (2026-11-20)' });
    expect(range('until yesterday')).toMatchObject({ kind: 'ask', text: 'until yesterday' });
    expect(range('1 jan 9999')).toMatchObject({ kind: 'ask', why: 'dates run from 1900 to 2999' });
    expect(range('1/1/1899')).toMatchObject({ kind: 'ask', why: 'dates run from 1900 to 2999' });
  });

  it('reads nothing where there is no date, and leaves the other words for the reader', () => {
    expect(read('who is in now').r).toEqual({ kind: 'none' });
    expect(read('more than 8 hours in a day').r).toEqual({ kind: 'none' });
    expect(read('hours of anita last week')).toMatchObject({ rest: 'hours of anita' });
    expect(read('hours for chitra nov 16 to nov 18')).toMatchObject({ rest: 'hours for chitra' });
  });

  it('last month from January is December of the year before; a leap February', () => {
    expect(range('last month', 'DMY', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(range('last month', 'DMY', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('knows which zones write month first', () => {
    expect(dateOrderOf('America/New_York')).toBe('MDY');
    expect(dateOrderOf('America/Los_Angeles')).toBe('MDY');
    expect(dateOrderOf('Asia/Kolkata')).toBe('DMY');
    expect(dateOrderOf('Europe/London')).toBe('DMY');
    expect(dateOrderOf('America/Sao_Paulo')).toBe('DMY');
  });
});

describe('three readings the corpus snapshot showed wrong', () => {
  it('"from 2 to 5 November" is those four days, not from the 2nd to today', () => {
    expect(range('from 2 to 5 november')).toEqual({ from: '2026-11-02', to: '2026-11-05' });
  });
  it('a range with no year that has not begun yet is last year’s (asked in January)', () => {
    expect(range('from 2 to 5 november', 'DMY', '2027-01-04')).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(range('dec 28 to jan 3', 'DMY', '2027-01-04')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
  it('one month is "the last 1 month", not "months"', () => {
    const { r } = read('the last 1 month');
    expect(r.kind === 'period' && r.label).toBe('the last 1 month');
  });
});

describe('ranges with short month names, and ranges written backwards', () => {
  it('"from 2 nov to 5 nov" is those four days (chrono alone reads "from 2" as an hour and drops the month)', () => {
    expect(range('hours from 2 nov to 5 nov')).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(range('hours from 2nd nov to 5th nov')).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(range('late from 2 nov')).toEqual({ from: '2026-11-02', to: '2026-11-20' });
    expect(range('hours from from 2 nov to 5 nov')).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(range('hours from  2 nov to 5 nov')).toEqual({ from: '2026-11-02', to: '2026-11-05' });
  });
  it('a range that ends before it starts in the same month is asked back, not read as a year', () => {
    const why = { kind: 'ask', why: 'the range ends before it starts' };
    expect(range('hours from 5 nov to 2 nov')).toMatchObject(why);
    expect(range('hours from 5 november to 2 november')).toMatchObject(why);
    expect(range('hours 5-2 nov')).toMatchObject(why);
  });
  it('a range whose end month comes earlier in the year still crosses the new year', () => {
    expect(range('from 20 dec to 5 jan', 'DMY', '2027-01-10')).toEqual({ from: '2026-12-20', to: '2027-01-05' });
    expect(range('from 20 december to 5 january', 'DMY', '2027-01-10')).toEqual({ from: '2026-12-20', to: '2027-01-05' });
  });
});
