// Dataset "newyork": one site in America/New_York (month-first dates; shift 08:30 + 5 min grace,
// ends 16:30; the Warehouse team has its own shift, 07:00 + 0, ends 15:00), three teams, seven
// people, three weeks across the October–November boundary and the end of daylight saving time
// (Sunday 2026-11-01). "Now" is Wednesday 2026-11-04, 14:30 in New York.
//
// Each person has a usual day (below) on every weekday from Mon 10-19 (Luis from Mon 10-26);
// the exceptions are listed in the table and written out in `days`.
// S1 Grace Kim (Sales, manager)   08:30–16:30   Fri 10-23 WFH 09:00–17:00; Fri 10-30 absent; Tue 11-03 08:28–18:45
// S2 Marcus Bell (Sales)          08:20–16:40   Wed 10-21 08:50; Wed 10-28 08:45; Mon 11-02 OUT 15:00
// S3 Samantha Lee (Sales)         08:30–16:30, WFH on Mondays and Fridays; away Mon 10-26 – Fri 10-30
// U1 Priya Nair (Support)         08:35–17:30   Thu 10-22 IN only
// U2 Tom Reyes (Support)          08:30–16:30   Mon 10-19 IN 08:31; Tue 10-20 IN 08:36; Tue 10-27 absent; Thu 10-29 OUT 12:00; Tue 11-03 IN only
// W1 Olga Petrova (Warehouse)     06:55–15:05   Sat 10-24 08:00–12:00; Mon 10-26 IN 07:10; Fri 10-30 OUT 19:30
// W2 Luis Moreno (Warehouse)      07:00–15:00   from Mon 10-26; Wed 10-28 absent; Mon 11-02 absent
// Today, Wed 11-04: Grace IN 08:30, Marcus IN 08:20, Samantha IN 09:10 (WFH), Priya IN 08:35,
// Tom not in, Olga 06:55–14:00, Luis IN 07:20 — all still in except Olga and Tom.
import { addDays } from '../../../shared/domain/local-time.js';
import { day, type EvalDataset, type EvalDay } from './types.js';

const FIRST = '2026-10-19';
const YESTERDAY = '2026-11-03';
const weekdays = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d);
  }
  return out;
};
const usual = (from: string, make: (date: string) => EvalDay | null): Record<string, EvalDay> =>
  Object.fromEntries(weekdays(from, YESTERDAY).flatMap((d) => (make(d) ? [[d, make(d)!]] : [])));
const isMonOrFri = (d: string): boolean => [1, 5].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
const without = (days: Record<string, EvalDay>, ...dates: string[]): Record<string, EvalDay> =>
  Object.fromEntries(Object.entries(days).filter(([d]) => !dates.includes(d)));

export const NEWYORK: EvalDataset = {
  id: 'newyork',
  tz: 'America/New_York',
  dateOrder: 'MDY',
  now: Date.parse('2026-11-04T19:30:00Z'),
  today: '2026-11-04',
  nowTime: '14:30',
  site: { start: '08:30', grace: 5, end: '16:30' },
  teamShifts: { Warehouse: { start: '07:00', grace: 0, end: '15:00' } },
  teams: ['Sales', 'Support', 'Warehouse'],
  maxHours: 16,
  people: [
    { code: 'S1', name: 'Grace Kim', team: 'Sales', startDate: '2026-10-01', manager: true },
    { code: 'S2', name: 'Marcus Bell', team: 'Sales', startDate: '2026-10-01' },
    { code: 'S3', name: 'Samantha Lee', team: 'Sales', startDate: '2026-10-01' },
    { code: 'U1', name: 'Priya Nair', team: 'Support', startDate: '2026-10-01' },
    { code: 'U2', name: 'Tom Reyes', team: 'Support', startDate: '2026-10-01' },
    { code: 'W1', name: 'Olga Petrova', team: 'Warehouse', startDate: '2026-10-01' },
    { code: 'W2', name: 'Luis Moreno', team: 'Warehouse', startDate: '2026-10-26' },
  ],
  days: {
    S1: {
      ...without(
        usual(FIRST, () => day('08:30', '16:30')),
        '2026-10-30',
      ),
      '2026-10-23': day('09:00', '17:00', 'WFH'),
      '2026-11-03': day('08:28', '18:45'),
      '2026-11-04': day('08:30', null),
    },
    S2: {
      ...usual(FIRST, () => day('08:20', '16:40')),
      '2026-10-21': day('08:50', '16:40'),
      '2026-10-28': day('08:45', '16:40'),
      '2026-11-02': day('08:20', '15:00'),
      '2026-11-04': day('08:20', null),
    },
    S3: {
      ...without(
        usual(FIRST, (d) => day('08:30', '16:30', isMonOrFri(d) ? 'WFH' : 'WFO')),
        ...weekdays('2026-10-26', '2026-10-30'),
      ),
      '2026-11-04': day('09:10', null, 'WFH'),
    },
    U1: {
      ...usual(FIRST, () => day('08:35', '17:30')),
      '2026-10-22': day('08:35', null),
      '2026-11-04': day('08:35', null),
    },
    U2: {
      ...without(
        usual(FIRST, () => day('08:30', '16:30')),
        '2026-10-27',
      ),
      '2026-10-19': day('08:31', '16:30'),
      '2026-10-20': day('08:36', '16:30'),
      '2026-10-29': day('08:30', '12:00'),
      '2026-11-03': day('08:30', null),
    },
    W1: {
      ...usual(FIRST, () => day('06:55', '15:05')),
      '2026-10-24': day('08:00', '12:00'),
      '2026-10-26': day('07:10', '15:05'),
      '2026-10-30': day('06:55', '19:30'),
      '2026-11-04': day('06:55', '14:00'),
    },
    W2: {
      ...without(
        usual('2026-10-26', () => day('07:00', '15:00')),
        '2026-10-28',
        '2026-11-02',
      ),
      '2026-11-04': day('07:20', null),
    },
  },
};
