// The date reader over a corpus of period phrases, each read in both date orders and on two
// "todays" (a Friday in November and a Monday in early January, where "last month" and a date
// without a year cross into the year before), with the whole reading pinned: the dates, the
// label the answer repeats, the question back and its reason, and what is left of the question
// once the period is read. date-reader.test.ts states the rules one by one; this keeps every
// word of them from drifting. The snapshot was reviewed when written; `vitest -u` rewrites it.
import { describe, expect, it } from 'vitest';
import { Masked, readPeriod, type DateOrder } from '../../../../shared/domain/date-reader.js';

const PHRASES = [
  'hours today',
  'who came in this morning',
  'yesterday',
  'the day before yesterday',
  'this week',
  'last week',
  'the past week',
  'the last 3 days',
  'past two weeks',
  'previous 1 month',
  'the last 0 days',
  'the last 4000 days',
  'the last many days',
  'this month',
  'last month',
  'this year',
  'since monday',
  'since tuesday last week',
  'on friday',
  'this saturday',
  'last thursday',
  'from today',
  'from yesterday',
  'from 3 november',
  'until yesterday',
  'up to 10 nov',
  'between monday and wednesday',
  'from monday to wednesday',
  'monday to friday',
  'from 2 to 5 november',
  'between the 2nd and the 5th of november',
  'from 5 nov to 2 nov',
  '3 november to 25 december',
  'the week of 9 november',
  'week of nov 9',
  'week of',
  '16th',
  'on the 16th',
  'the 31st',
  '30 february',
  '31 nov',
  '29 feb 2024',
  '29 feb 2025',
  '2026-02-30',
  '2026-11-03',
  '1899-12-31',
  '3/11',
  '11/3',
  '13/11',
  '11/13',
  '3/11/2026',
  '3/11/26',
  '31/4',
  '0/4',
  '3.11.2026',
  '3-11-2026',
  'in october',
  'for october 2025',
  'in may',
  'may i ask about october',
  'sept 2026',
  'oct. 5',
  'january',
  'december 2026',
  'friday 13 november',
  'saturday 14 november',
  'monday 9 nov and tuesday 10 nov',
  'yesterday and today',
  'last week and this week',
  '1 jan 2027',
  'tomorrow',
  'no date here',
];
const TODAYS = ['2026-11-20', '2027-01-04'];
const ORDERS: DateOrder[] = ['DMY', 'MDY'];

const read = (q: string, order: DateOrder, today: string) => {
  const mask = new Masked(q);
  const reading = readPeriod(q, today, order, mask);
  return { reading, rest: mask.rest };
};

describe('readPeriod over the corpus', () => {
  const cases = PHRASES.flatMap((q) =>
    TODAYS.flatMap((today) => ORDERS.map((order) => [`${q} (${order}, today ${today})`, q, order, today] as const)),
  );
  it.each(cases)('%s', (_name, q, order, today) => {
    expect(read(q, order, today)).toMatchSnapshot();
  });
});
