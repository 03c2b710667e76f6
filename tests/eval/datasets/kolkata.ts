// Dataset "kolkata": one site in Asia/Kolkata (shift 09:00 + 10 min grace, ends 17:00), two
// teams, six people, two weeks. "Now" is Friday 2026-11-20, 11:00 in Kolkata.
//
//              last week (Mon 11-09 – Fri 11-13)     this week
//              every day 09:00–17:00 (8 h)           Mon 16         Tue 17         Wed 18       Thu 19        Fri 20 (today)
// A1 Anita     Front Office                          09:00–17:30    09:00–17:00    09:00–17:00  09:00–17:00   IN 08:50
// B1 Bala      Front Office                          09:05–17:00    09:20–17:20    absent       09:00–17:00   IN 09:15
// C1 Chitra    Engineering                           09:30–18:00    09:00–17:00    09:00–17:00  IN 08:55 only IN 09:00 WFH
// D1 Dev       Engineering, WFH on 11-10 and 11-12   09:00–17:00 WFH 09:00–17:00 WFH 09:00–17:00 09:00–17:00  not in yet
// F1 Farah     Engineering                           absent         09:00–13:00    09:00–17:00  09:00–17:00   IN 10:30
// M1 Meena     (manager, no team, never punches)
import { day, type EvalDataset, type EvalDay } from './types.js';

const lastWeek = (code: string): Record<string, EvalDay> =>
  Object.fromEntries(
    ['09', '10', '11', '12', '13'].map((d) => [`2026-11-${d}`, day('09:00', '17:00', code === 'D1' && (d === '10' || d === '12') ? 'WFH' : 'WFO')]),
  );

export const KOLKATA: EvalDataset = {
  id: 'kolkata',
  tz: 'Asia/Kolkata',
  dateOrder: 'DMY',
  now: Date.parse('2026-11-20T05:30:00Z'),
  today: '2026-11-20',
  nowTime: '11:00',
  site: { start: '09:00', grace: 10, end: '17:00' },
  teamShifts: {},
  teams: ['Engineering', 'Front Office'],
  maxHours: 16,
  people: [
    { code: 'A1', name: 'Anita Rao', team: 'Front Office', startDate: '2026-11-01' },
    { code: 'B1', name: 'Bala Krishnan', team: 'Front Office', startDate: '2026-11-01' },
    { code: 'C1', name: 'Chitra Menon', team: 'Engineering', startDate: '2026-11-01' },
    { code: 'D1', name: 'Dev Patel', team: 'Engineering', startDate: '2026-11-01' },
    { code: 'F1', name: 'Farah Khan', team: 'Engineering', startDate: '2026-11-01' },
    { code: 'M1', name: 'Meena Iyer', team: null, startDate: '2026-11-01', manager: true },
  ],
  days: {
    A1: {
      ...lastWeek('A1'),
      '2026-11-16': day('09:00', '17:30'),
      '2026-11-17': day('09:00', '17:00'),
      '2026-11-18': day('09:00', '17:00'),
      '2026-11-19': day('09:00', '17:00'),
      '2026-11-20': day('08:50', null),
    },
    B1: {
      ...lastWeek('B1'),
      '2026-11-16': day('09:05', '17:00'),
      '2026-11-17': day('09:20', '17:20'),
      '2026-11-19': day('09:00', '17:00'),
      '2026-11-20': day('09:15', null),
    },
    C1: {
      ...lastWeek('C1'),
      '2026-11-16': day('09:30', '18:00'),
      '2026-11-17': day('09:00', '17:00'),
      '2026-11-18': day('09:00', '17:00'),
      '2026-11-19': day('08:55', null),
      '2026-11-20': day('09:00', null, 'WFH'),
    },
    D1: {
      ...lastWeek('D1'),
      '2026-11-16': day('09:00', '17:00', 'WFH'),
      '2026-11-17': day('09:00', '17:00', 'WFH'),
      '2026-11-18': day('09:00', '17:00'),
      '2026-11-19': day('09:00', '17:00'),
    },
    F1: {
      ...lastWeek('F1'),
      '2026-11-17': day('09:00', '13:00'),
      '2026-11-18': day('09:00', '17:00'),
      '2026-11-19': day('09:00', '17:00'),
      '2026-11-20': day('10:30', null),
    },
    M1: {},
  },
};
