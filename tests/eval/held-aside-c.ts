// The third held-aside evaluation set ("C"): questions written as several managers would type
// them (terse, polite, non-native, HR words, payroll), over both datasets. Every expected number,
// time, name list and period comes from the independent reference (reference.ts) over the
// dataset's table; only the periods' dates are written by hand. Kept from the Ask authors until
// the end, like the other held-aside sets.
import { back, dayLabel, days, h, min, people, yes, type EvalCase } from './cases.js';
import { KOLKATA } from './datasets/kolkata.js';
import { NEWYORK } from './datasets/newyork.js';
import { datesBetween, Reference } from './reference.js';

const K = 'kolkata' as const;
const N = 'newyork' as const;
const kol = new Reference(KOLKATA);
const ny = new Reference(NEWYORK);

type Range = { from: string; to: string };
const p = (from: string, to: string = from): Range => ({ from, to });
const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const uniq = (xs: string[]): string[] => [...new Set(xs)];
const namesOf = (ref: Reference, codes: string[]): string[] => codes.map((c) => ref.name(c));
const everyone = (ref: Reference): string[] => ref.codesOf(null);
const range = (per: Range): string[] => datesBetween(per.from, per.to);

/** The codes with the highest (or lowest) score, n of them; throws on a tie at the cut. */
function top(codes: string[], score: (c: string) => number, n = 1, dir: 'max' | 'min' = 'max'): string[] {
  const sorted = [...codes].sort((a, b) => (dir === 'max' ? score(b) - score(a) : score(a) - score(b)));
  if (sorted.length > n && score(sorted[n - 1]!) === score(sorted[n]!)) throw new Error(`tie at the cut: ${sorted.join(', ')}`);
  return sorted.slice(0, n);
}
/** The one date's person with the earliest (or latest) time among those that have one; throws on a tie. */
function first(codes: string[], time: (c: string) => string | null, dir: 'earliest' | 'latest'): string {
  const have = codes.filter((c) => time(c) !== null);
  return top(have, (c) => toMin(time(c)!), 1, dir === 'earliest' ? 'min' : 'max')[0]!;
}

const hoursOf = (ref: Reference, codes: string[], per: Range): number => ref.hours(codes, per.from, per.to);
/** Average daily hours: total over the days with hours, divided by their count. */
function avgDaily(ref: Reference, code: string, per: Range): number {
  const secs = range(per)
    .map((d) => ref.seconds(code, d))
    .filter((s) => s > 0);
  return secs.reduce((a, s) => a + s, 0) / 3600 / secs.length;
}
/** Mean first IN on the days present. */
const avgIn = (ref: Reference, code: string, per: Range): string =>
  Reference.meanTime(range(per).flatMap((d) => (ref.firstIn(code, d) ? [ref.firstIn(code, d)!] : [])));
const overtimeHours = (ref: Reference, codes: string[], per: Range): number =>
  codes.reduce((a, c) => a + range(per).reduce((b, d) => b + ref.overtimeSeconds(c, d), 0), 0) / 3600;

/** People and minutes of every late day (or early day) over a period. */
function lateOf(ref: Reference, codes: string[], per: Range, kind: 'late' | 'early'): { who: string[]; mins: string[] } {
  const who: string[] = [];
  const mins: string[] = [];
  for (const c of codes)
    for (const d of range(per)) {
      const m = kind === 'late' ? ref.lateMinutes(c, d) : ref.earlyMinutes(c, d);
      if (m !== null) {
        who.push(c);
        mins.push(min(m));
      }
    }
  return { who: uniq(who), mins: uniq(mins) };
}
const lateDayCount = (ref: Reference, code: string, per: Range): number => range(per).filter((d) => ref.lateMinutes(code, d) !== null).length;
const overtimeWho = (ref: Reference, codes: string[], per: Range): string[] => codes.filter((c) => overtimeHours(ref, [c], per) > 0);
const absentWho = (ref: Reference, codes: string[], per: Range): string[] => codes.filter((c) => ref.absentDays(c, per.from, per.to).length > 0);
const presentOn = (ref: Reference, codes: string[], date: string): string[] => codes.filter((c) => ref.present(c, date));
const missingDays = (ref: Reference, code: string, per: Range): string[] => range(per).filter((d) => ref.missingOut(code, d));
const missingWho = (ref: Reference, codes: string[], per: Range): string[] => codes.filter((c) => missingDays(ref, c, per).length > 0);
const wfhWho = (ref: Reference, codes: string[], per: Range): string[] => codes.filter((c) => ref.modeDays(c, per.from, per.to, 'WFH').length > 0);
const daysOver = (ref: Reference, code: string, per: Range, hours: number, dir: 'over' | 'under'): string[] =>
  range(per).filter((d) => ref.present(code, d) && (dir === 'over' ? ref.seconds(code, d) > hours * 3600 : ref.seconds(code, d) < hours * 3600));
const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

// ---------------------------------------------------------------------------------------------
// kolkata: today Fri 2026-11-20, 11:00 (day-first numeric dates)
// ---------------------------------------------------------------------------------------------
const kToday = p('2026-11-20');
const kYesterday = p('2026-11-19');
const kThisWeek = p('2026-11-16', '2026-11-20');
const kLastWeek = p('2026-11-09', '2026-11-15');
const kThisMonth = p('2026-11-01', '2026-11-20');
const kMon = '2026-11-16';
const kTue = '2026-11-17';
const kWed = '2026-11-18';
const kEng = kol.codesOf('Engineering');
const kFront = kol.codesOf('Front Office');
const kAll = everyone(kol);
const kn = (c: string): string => kol.name(c);

const kTopWeek = top(kAll, (c) => hoursOf(kol, [c], kThisWeek));
const kTop2Week = top(kAll, (c) => hoursOf(kol, [c], kThisWeek), 2);
const kTeamLastWeek = top(KOLKATA.teams, (t) => hoursOf(kol, kol.codesOf(t), kLastWeek))[0]!;
const kEngFewest = top(kEng, (c) => hoursOf(kol, [c], kThisWeek), 1, 'min');
const kOver30 = kAll.filter((c) => hoursOf(kol, [c], kThisWeek) > 30);
const kLateWeek = lateOf(kol, kAll, kThisWeek, 'late');
const kLateTue = lateOf(kol, kAll, p(kTue), 'late');
const kEarlyWeek = lateOf(kol, kAll, kThisWeek, 'early');
const kEarly17 = lateOf(kol, kAll, p(kTue), 'early');
const kOtWeek = overtimeWho(kol, kAll, kThisWeek);
const kInToday = presentOn(kol, kAll, kToday.from);
const kInNow = kAll.filter((c) => kol.inNow(c));
const kFirstToday = first(kAll, (c) => kol.firstIn(c, kToday.from), 'earliest');
const kFirstYesterday = first(kAll, (c) => kol.firstIn(c, kYesterday.from), 'earliest');
const kLastOutMon = first(kAll, (c) => kol.lastOut(c, kMon), 'latest');
const kMissingWeek = missingWho(kol, kAll, kThisWeek);
const kMissingYesterday = missingWho(kol, kAll, kYesterday);
const kPast3 = p('2026-11-18', '2026-11-20');
const kMissingEngPast3 = missingWho(kol, kEng, kPast3);
const kRange1619 = p('2026-11-16', '2026-11-19');

const KOLKATA_CASES: EvalCase[] = [
  // hours
  yes(K, 'hours', 'anita hrs last week', kLastWeek, [h(hoursOf(kol, ['A1'], kLastWeek))], [kn('A1')]),
  yes(
    K,
    'hours',
    'Could you please tell me how many hours Bala worked between the 16th and the 18th of November?',
    p('2026-11-16', '2026-11-18'),
    [h(hoursOf(kol, ['B1'], p('2026-11-16', '2026-11-18')))],
    [kn('B1')],
  ),
  yes(K, 'hours', 'how much hours dev has done this week', kThisWeek, [h(hoursOf(kol, ['D1'], kThisWeek))], [kn('D1')]),
  yes(K, 'hours', 'Total hours for the Engineering team, 2026-11-16 to 2026-11-19', kRange1619, [h(hoursOf(kol, kEng, kRange1619))]),
  yes(K, 'hours', 'farah hours past 3 days', kPast3, [h(hoursOf(kol, ['F1'], kPast3))], [kn('F1')]),
  yes(
    K,
    'hours',
    'hours for anitha and dev this week',
    kThisWeek,
    uniq([h(hoursOf(kol, ['A1'], kThisWeek)), h(hoursOf(kol, ['D1'], kThisWeek))]),
    namesOf(kol, ['A1', 'D1']),
  ),
  yes(K, 'hours', 'Payroll: total hours worked by everyone, week of Nov 9', kLastWeek, [h(hoursOf(kol, kAll, kLastWeek))]),

  // average
  yes(K, 'average', 'average daily hours for Bala this week', kThisWeek, [h(avgDaily(kol, 'B1', kThisWeek))], [kn('B1')]),
  yes(K, 'average', "What is Chithra's average arrival time this week?", kThisWeek, [avgIn(kol, 'C1', kThisWeek)], [kn('C1')]),
  yes(K, 'average', 'avg clock in time for anita since monday', kThisWeek, [avgIn(kol, 'A1', kThisWeek)], [kn('A1')]),
  yes(
    K,
    'average',
    'Average working hours per day of Farah between 16/11/2026 and 19/11/2026',
    kRange1619,
    [h(avgDaily(kol, 'F1', kRange1619))],
    [kn('F1')],
  ),

  // ranking
  yes(K, 'ranking', 'who worked the most hours this week', kThisWeek, [h(hoursOf(kol, kTopWeek, kThisWeek))], namesOf(kol, kTopWeek)),
  yes(K, 'ranking', 'Which team logged more hours last week?', kLastWeek, [kTeamLastWeek, h(hoursOf(kol, kol.codesOf(kTeamLastWeek), kLastWeek))]),
  yes(K, 'ranking', 'top 2 ppl by hours this week', kThisWeek, uniq(kTop2Week.map((c) => h(hoursOf(kol, [c], kThisWeek)))), namesOf(kol, kTop2Week)),
  yes(
    K,
    'ranking',
    'In Engineering, who has the fewest hours this week?',
    kThisWeek,
    [h(hoursOf(kol, kEngFewest, kThisWeek))],
    namesOf(kol, kEngFewest),
  ),

  // compare
  yes(
    K,
    'compare',
    'anita vs bala hours this week',
    kThisWeek,
    uniq([h(hoursOf(kol, ['A1'], kThisWeek)), h(hoursOf(kol, ['B1'], kThisWeek))]),
    namesOf(kol, ['A1', 'B1']),
  ),
  yes(K, 'compare', "Compare the Front Office and Engineering teams' total hours this month.", kThisMonth, [
    h(hoursOf(kol, kFront, kThisMonth)),
    h(hoursOf(kol, kEng, kThisMonth)),
  ]),
  yes(
    K,
    'compare',
    'Chitra or Dev, who put in more hours between 16 and 19 Nov?',
    kRange1619,
    uniq([h(hoursOf(kol, ['C1'], kRange1619)), h(hoursOf(kol, ['D1'], kRange1619))]),
    namesOf(kol, ['C1', 'D1']),
  ),

  // threshold
  yes(
    K,
    'threshold',
    'how many days did Anita work more than 8 hours this week',
    kThisWeek,
    [days(daysOver(kol, 'A1', kThisWeek, 8, 'over').length)],
    [kn('A1')],
  ),
  yes(
    K,
    'threshold',
    'who worked more than 30 hours this week',
    kThisWeek,
    uniq(kOver30.map((c) => h(hoursOf(kol, [c], kThisWeek)))),
    namesOf(kol, kOver30),
  ),
  yes(K, 'threshold', 'how many ppl did more than 8 hrs on monday', p(kMon), [people(kAll.filter((c) => kol.seconds(c, kMon) > 8 * 3600).length)]),
  yes(
    K,
    'threshold',
    'On how many days did Farah put in over 7 hours in the week of Nov 16?',
    kThisWeek,
    [days(daysOver(kol, 'F1', kThisWeek, 7, 'over').length)],
    [kn('F1')],
  ),

  // overtime
  yes(K, 'overtime', 'who did overtime this week', kThisWeek, uniq(kOtWeek.map((c) => h(overtimeHours(kol, [c], kThisWeek)))), namesOf(kol, kOtWeek)),
  yes(K, 'overtime', 'How much overtime did Anita put in this month?', kThisMonth, [h(overtimeHours(kol, ['A1'], kThisMonth))], [kn('A1')]),
  yes(K, 'overtime', 'Total overtime hours for all staff, 2026-11-09 - 2026-11-20', p('2026-11-09', '2026-11-20'), [
    h(overtimeHours(kol, kAll, p('2026-11-09', '2026-11-20'))),
  ]),

  // presence
  yes(K, 'presence', 'was Bala in on Wednesday?', p(kWed), [yesNo(kol.present('B1', kWed))], [kn('B1')]),
  yes(
    K,
    'presence',
    'was dev in yesterday',
    kYesterday,
    [yesNo(kol.present('D1', kYesterday.from)), kol.firstIn('D1', kYesterday.from)!],
    [kn('D1')],
  ),
  yes(K, 'presence', 'Headcount on 17/11/2026', p(kTue), [people(presentOn(kol, kAll, kTue).length)]),
  yes(
    K,
    'presence',
    'Attendance for Farah this month: how many days present?',
    kThisMonth,
    [days(kol.presentDays('F1', kThisMonth.from, kThisMonth.to).length)],
    [kn('F1')],
  ),
  yes(K, 'presence', 'who punched in today', kToday, [], namesOf(kol, kInToday)),

  // present_now
  yes(K, 'present_now', 'who is in right now', 'now', [], namesOf(kol, kInNow)),
  yes(K, 'present_now', 'is dev in?', 'now', [yesNo(kol.inNow('D1'))], [kn('D1')]),
  yes(K, 'present_now', 'how many ppl are here now', 'now', [people(kInNow.length)]),

  // absence
  yes(K, 'absence', 'who was absent on wednesday', p(kWed), [], namesOf(kol, absentWho(kol, kAll, p(kWed)))),
  yes(
    K,
    'absence',
    'How many days was Bala absent this week?',
    kThisWeek,
    [days(kol.absentDays('B1', kThisWeek.from, kThisWeek.to).length)],
    [kn('B1')],
  ),
  yes(K, 'absence', 'absentees in Engineering last monday', p(kMon), [], namesOf(kol, absentWho(kol, kEng, p(kMon)))),
  yes(K, 'absence', 'List the absentees from 16/11/2026 to 19/11/2026', kRange1619, [], namesOf(kol, absentWho(kol, kAll, kRange1619))),

  // late
  yes(K, 'late', 'who was late this week', kThisWeek, kLateWeek.mins, namesOf(kol, kLateWeek.who)),
  yes(K, 'late', 'how many times was bala late this week', kThisWeek, [days(lateDayCount(kol, 'B1', kThisWeek))], [kn('B1')]),
  yes(K, 'late', 'was anyone late on Tuesday?', p(kTue), kLateTue.mins, namesOf(kol, kLateTue.who)),
  yes(K, 'late', "Farah's punctuality today: how late was she?", kToday, [min(kol.lateMinutes('F1', kToday.from)!)], [kn('F1')]),

  // early
  yes(K, 'early', 'who left early this week', kThisWeek, kEarlyWeek.mins, namesOf(kol, kEarlyWeek.who)),
  yes(K, 'early', 'Did anyone leave before the end of their shift on 17/11?', p(kTue), kEarly17.mins, namesOf(kol, kEarly17.who)),
  yes(K, 'early', 'how many mins early did farah leave on tuesday', p(kTue), [min(kol.earlyMinutes('F1', kTue)!)], [kn('F1')]),

  // arrival
  yes(K, 'arrival', 'what time did chitra come in on monday', p(kMon), [kol.firstIn('C1', kMon)!], [kn('C1')]),
  yes(K, 'arrival', 'who arrived first today', kToday, [kol.firstIn(kFirstToday, kToday.from)!], [kn(kFirstToday)]),
  yes(
    K,
    'arrival',
    'Who was the earliest to clock in yesterday?',
    kYesterday,
    [kol.firstIn(kFirstYesterday, kYesterday.from)!],
    [kn(kFirstYesterday)],
  ),
  yes(K, 'arrival', 'when did Bala Krishan clock in on 17 Nov', p(kTue), [kol.firstIn('B1', kTue)!], [kn('B1')]),

  // departure
  yes(K, 'departure', 'what time did Anita leave on Monday', p(kMon), [kol.lastOut('A1', kMon)!], [kn('A1')]),
  yes(K, 'departure', 'when did Farah go home on Tuesday', p(kTue), [kol.lastOut('F1', kTue)!], [kn('F1')]),
  yes(K, 'departure', 'who left last on 2026-11-16', p(kMon), [kol.lastOut(kLastOutMon, kMon)!], [kn(kLastOutMon)]),

  // work_mode
  yes(
    K,
    'work_mode',
    'how many days did dev wfh last week',
    kLastWeek,
    [days(kol.modeDays('D1', kLastWeek.from, kLastWeek.to, 'WFH').length)],
    [kn('D1')],
  ),
  yes(K, 'work_mode', 'Who worked from home this week?', kThisWeek, [], namesOf(kol, wfhWho(kol, kAll, kThisWeek))),
  yes(
    K,
    'work_mode',
    'How many days was Dev in the office in November?',
    kThisMonth,
    [days(kol.modeDays('D1', kThisMonth.from, kThisMonth.to, 'WFO').length)],
    [kn('D1')],
  ),

  // missing_out
  yes(
    K,
    'missing_out',
    'Any missing punch-outs this week?',
    kThisWeek,
    kMissingWeek.flatMap((c) => missingDays(kol, c, kThisWeek).map(dayLabel)),
    namesOf(kol, kMissingWeek),
  ),
  yes(K, 'missing_out', 'who forgot to punch out yesterday', kYesterday, [], namesOf(kol, kMissingYesterday)),
  yes(
    K,
    'missing_out',
    'missing OUTs for engineering past 3 days',
    kPast3,
    kMissingEngPast3.flatMap((c) => missingDays(kol, c, kPast3).map(dayLabel)),
    namesOf(kol, kMissingEngPast3),
  ),

  // leave
  back(K, 'leave', 'how many leave days has Bala taken this month', ['leave']),
  back(K, 'leave', 'who is on leave today?', ['leave']),

  // ask_back
  back(K, 'ask_back', 'hours for anita on 05/11', ['05/11']),
  back(K, 'ask_back', 'bala hrs 31 Nov', ['31 Nov']),
  back(K, 'ask_back', "what was rohan's attendance last week", ['rohan']),
  back(K, 'ask_back', 'how many hours will engineering work next week', []),

  // out_of_scope
  back(K, 'out_of_scope', 'write me a poem about mondays', []),
  back(K, 'out_of_scope', 'delete all punches for Bala', []),
  back(K, 'out_of_scope', "what's the weather in kolkata", []),
];

// ---------------------------------------------------------------------------------------------
// newyork: today Wed 2026-11-04, 14:30 (month-first numeric dates)
// ---------------------------------------------------------------------------------------------
const nToday = p('2026-11-04');
const nYesterday = p('2026-11-03');
const nThisWeek = p('2026-11-02', '2026-11-04');
const nLastWeek = p('2026-10-26', '2026-11-01');
const nThisMonth = p('2026-11-01', '2026-11-04');
const nOctober = p('2026-10-01', '2026-10-31');
const nWeekOct19 = p('2026-10-19', '2026-10-25');
const nMon = '2026-11-02';
const nFri = '2026-10-30';
const nSales = ny.codesOf('Sales');
const nSupport = ny.codesOf('Support');
const nWarehouse = ny.codesOf('Warehouse');
const nAll = everyone(ny);
const nn = (c: string): string => ny.name(c);

const nTopLastWeek = top(nAll, (c) => hoursOf(ny, [c], nLastWeek));
const nTeamOctober = top(NEWYORK.teams, (t) => hoursOf(ny, ny.codesOf(t), nOctober))[0]!;
const nTop3October = top(nAll, (c) => hoursOf(ny, [c], nOctober), 3);
const nSupportFewest = top(nSupport, (c) => hoursOf(ny, [c], nLastWeek), 1, 'min');
const nOver40 = nAll.filter((c) => hoursOf(ny, [c], nLastWeek) > 40);
const nOver10Day = nAll.filter((c) => range(nThisMonth).some((d) => ny.seconds(c, d) > 10 * 3600));
const nOtYesterday = overtimeWho(ny, nAll, nYesterday);
const nInNow = nAll.filter((c) => ny.inNow(c));
const nLateToday = lateOf(ny, nAll, nToday, 'late');
const nLateSupport = lateOf(ny, nSupport, nWeekOct19, 'late');
const nEarlyWeek = lateOf(ny, nAll, nThisWeek, 'early');
const nEarlyLastWeek = lateOf(ny, nAll, nLastWeek, 'early');
const nFirstYesterday = first(nAll, (c) => ny.firstIn(c, nYesterday.from), 'earliest');
const nLastInMon = first(nAll, (c) => ny.firstIn(c, nMon), 'latest');
const nLastOutFri = first(nAll, (c) => ny.lastOut(c, nFri), 'latest');
const nMissingOct = missingWho(ny, nAll, nOctober);
const nMissingWeek = missingWho(ny, nAll, nThisWeek);
const nPast2Weeks = p('2026-10-22', '2026-11-04');
const nRange1019 = p('2026-10-19', '2026-10-23');
const nRange1026 = p('2026-10-26', '2026-10-30');
const nSat = '2026-10-24';
const nOct20 = '2026-10-20';

const NEWYORK_CASES: EvalCase[] = [
  // hours
  yes(N, 'hours', 'Marcus hours last week', nLastWeek, [h(hoursOf(ny, ['S2'], nLastWeek))], [nn('S2')]),
  yes(N, 'hours', 'total hrs for warehouse in october', nOctober, [h(hoursOf(ny, nWarehouse, nOctober))]),
  yes(N, 'hours', 'How many hours did Grace work yesterday?', nYesterday, [h(hoursOf(ny, ['S1'], nYesterday))], [nn('S1')]),
  yes(N, 'hours', "priya's hours 10/19/2026 - 10/23/2026", nRange1019, [h(hoursOf(ny, ['U1'], nRange1019))], [nn('U1')]),
  yes(N, 'hours', 'Hours per person for Sales this week', nThisWeek, uniq(nSales.map((c) => h(hoursOf(ny, [c], nThisWeek)))), namesOf(ny, nSales)),
  yes(N, 'hours', 'how much hours tom has make in week of Oct 19', nWeekOct19, [h(hoursOf(ny, ['U2'], nWeekOct19))], [nn('U2')]),
  yes(
    N,
    'hours',
    'hours for olga and luis since monday',
    nThisWeek,
    uniq([h(hoursOf(ny, ['W1'], nThisWeek)), h(hoursOf(ny, ['W2'], nThisWeek))]),
    namesOf(ny, ['W1', 'W2']),
  ),

  // average
  yes(N, 'average', 'avg daily hours olga last week', nLastWeek, [h(avgDaily(ny, 'W1', nLastWeek))], [nn('W1')]),
  yes(N, 'average', "What was Marcus's average clock-in time last week?", nLastWeek, [avgIn(ny, 'S2', nLastWeek)], [nn('S2')]),
  yes(N, 'average', 'average hours per day for Tom, week of Oct 19', nWeekOct19, [h(avgDaily(ny, 'U2', nWeekOct19))], [nn('U2')]),
  yes(N, 'average', "Could you tell me Priya's average arrival time last month, please?", nOctober, [avgIn(ny, 'U1', nOctober)], [nn('U1')]),

  // ranking
  yes(N, 'ranking', 'who put in the most hours last week', nLastWeek, [h(hoursOf(ny, nTopLastWeek, nLastWeek))], namesOf(ny, nTopLastWeek)),
  yes(N, 'ranking', 'which team had the most hours last month', nOctober, [nTeamOctober, h(hoursOf(ny, ny.codesOf(nTeamOctober), nOctober))]),
  yes(N, 'ranking', 'top 3 by hours in october', nOctober, uniq(nTop3October.map((c) => h(hoursOf(ny, [c], nOctober)))), namesOf(ny, nTop3October)),
  yes(
    N,
    'ranking',
    'Who logged the fewest hours in Support last week?',
    nLastWeek,
    [h(hoursOf(ny, nSupportFewest, nLastWeek))],
    namesOf(ny, nSupportFewest),
  ),

  // compare
  yes(
    N,
    'compare',
    'grace vs marcus hrs last week',
    nLastWeek,
    uniq([h(hoursOf(ny, ['S1'], nLastWeek)), h(hoursOf(ny, ['S2'], nLastWeek))]),
    namesOf(ny, ['S1', 'S2']),
  ),
  yes(N, 'compare', 'Compare Sales and Support hours this month', nThisMonth, [
    h(hoursOf(ny, nSales, nThisMonth)),
    h(hoursOf(ny, nSupport, nThisMonth)),
  ]),
  yes(
    N,
    'compare',
    'Tom and Priya arrival times on 10/20/2026, side by side',
    p(nOct20),
    [ny.firstIn('U2', nOct20)!, ny.firstIn('U1', nOct20)!],
    namesOf(ny, ['U2', 'U1']),
  ),

  // threshold
  yes(
    N,
    'threshold',
    'how many days did Marcos work under 8 hours last week',
    nLastWeek,
    [days(daysOver(ny, 'S2', nLastWeek, 8, 'under').length)],
    [nn('S2')],
  ),
  yes(
    N,
    'threshold',
    'who worked more than 40 hours last week',
    nLastWeek,
    uniq(nOver40.map((c) => h(hoursOf(ny, [c], nLastWeek)))),
    namesOf(ny, nOver40),
  ),
  yes(
    N,
    'threshold',
    'Anyone do more than 10 hours in a day this month?',
    nThisMonth,
    nOver10Day.flatMap((c) => range(nThisMonth).flatMap((d) => (ny.seconds(c, d) > 10 * 3600 ? [h(ny.seconds(c, d) / 3600)] : []))),
    namesOf(ny, nOver10Day),
  ),
  yes(
    N,
    'threshold',
    'On how many days did Priya work more than 8.5 hours last month?',
    nOctober,
    [days(daysOver(ny, 'U1', nOctober, 8.5, 'over').length)],
    [nn('U1')],
  ),

  // overtime
  yes(N, 'overtime', 'how much overtime did olga petrov do last week', nLastWeek, [h(overtimeHours(ny, ['W1'], nLastWeek))], [nn('W1')]),
  yes(N, 'overtime', 'overtime total for Sales this month', nThisMonth, [h(overtimeHours(ny, nSales, nThisMonth))]),
  yes(
    N,
    'overtime',
    'who did overtime yesterday',
    nYesterday,
    uniq(nOtYesterday.map((c) => h(overtimeHours(ny, [c], nYesterday)))),
    namesOf(ny, nOtYesterday),
  ),

  // presence
  yes(N, 'presence', 'was tom in on 10/27/2026', p('2026-10-27'), [yesNo(ny.present('U2', '2026-10-27'))], [nn('U2')]),
  yes(N, 'presence', 'How many people came in yesterday?', nYesterday, [people(presentOn(ny, nAll, nYesterday.from).length)]),
  yes(
    N,
    'presence',
    'how many days has samanta been in since monday',
    nThisWeek,
    [days(ny.presentDays('S3', nThisWeek.from, nThisWeek.to).length)],
    [nn('S3')],
  ),
  yes(N, 'presence', 'Who was in on Saturday, Oct 24?', p(nSat), [], namesOf(ny, presentOn(ny, nAll, nSat))),
  yes(N, 'presence', 'was Luis in last monday', p(nMon), [yesNo(ny.present('W2', nMon))], [nn('W2')]),

  // present_now
  yes(N, 'present_now', "who's clocked in right now", 'now', [], namesOf(ny, nInNow)),
  yes(N, 'present_now', 'is olga still in?', 'now', [yesNo(ny.inNow('W1'))], [nn('W1')]),
  yes(N, 'present_now', 'is luis in', 'now', [yesNo(ny.inNow('W2'))], [nn('W2')]),
  yes(N, 'present_now', 'how many people are currently in', 'now', [people(nInNow.length)]),

  // absence
  yes(N, 'absence', 'who was absent last week', nLastWeek, [], namesOf(ny, absentWho(ny, nAll, nLastWeek))),
  yes(
    N,
    'absence',
    'How many days was Samantha absent last week?',
    nLastWeek,
    [days(ny.absentDays('S3', nLastWeek.from, nLastWeek.to).length)],
    [nn('S3')],
  ),
  yes(N, 'absence', 'absentees today', nToday, [], namesOf(ny, absentWho(ny, nAll, nToday))),
  yes(
    N,
    'absence',
    'Absences in Warehouse between 10/26/2026 and 10/30/2026',
    nRange1026,
    nWarehouse.flatMap((c) => ny.absentDays(c, nRange1026.from, nRange1026.to).map(dayLabel)),
    namesOf(ny, absentWho(ny, nWarehouse, nRange1026)),
  ),

  // late
  yes(N, 'late', 'who was late today', nToday, nLateToday.mins, namesOf(ny, nLateToday.who)),
  yes(N, 'late', 'how many days was Marcus late last month', nOctober, [days(lateDayCount(ny, 'S2', nOctober))], [nn('S2')]),
  yes(N, 'late', 'Tardiness report for Support, week of Oct 19: who was late?', nWeekOct19, nLateSupport.mins, namesOf(ny, nLateSupport.who)),
  yes(N, 'late', 'was olga late on 10/26/2026', p('2026-10-26'), [min(ny.lateMinutes('W1', '2026-10-26')!)], [nn('W1')]),

  // early
  yes(N, 'early', 'any early leavers since monday?', nThisWeek, nEarlyWeek.mins, namesOf(ny, nEarlyWeek.who)),
  yes(N, 'early', 'did tom leave early on 10/29/2026', p('2026-10-29'), [min(ny.earlyMinutes('U2', '2026-10-29')!)], [nn('U2')]),
  yes(N, 'early', 'Early departures last week, please', nLastWeek, nEarlyLastWeek.mins, namesOf(ny, nEarlyLastWeek.who)),

  // arrival
  yes(N, 'arrival', 'what time did samantha get in today', nToday, [ny.firstIn('S3', nToday.from)!], [nn('S3')]),
  yes(N, 'arrival', 'who clocked in earliest yesterday', nYesterday, [ny.firstIn(nFirstYesterday, nYesterday.from)!], [nn(nFirstYesterday)]),
  yes(N, 'arrival', "Grace's arrival time on Nov 3", p('2026-11-03'), [ny.firstIn('S1', '2026-11-03')!], [nn('S1')]),
  yes(N, 'arrival', 'who was the last to arrive on monday', p(nMon), [ny.firstIn(nLastInMon, nMon)!], [nn(nLastInMon)]),

  // departure
  yes(N, 'departure', 'what time did olga leave today', nToday, [ny.lastOut('W1', nToday.from)!], [nn('W1')]),
  yes(N, 'departure', 'when did Grace clock out yesterday', nYesterday, [ny.lastOut('S1', nYesterday.from)!], [nn('S1')]),
  yes(N, 'departure', 'who left last on friday', p(nFri), [ny.lastOut(nLastOutFri, nFri)!], [nn(nLastOutFri)]),

  // work_mode
  yes(
    N,
    'work_mode',
    'how many days did samantha wfh last month',
    nOctober,
    [days(ny.modeDays('S3', nOctober.from, nOctober.to, 'WFH').length)],
    [nn('S3')],
  ),
  yes(N, 'work_mode', 'who is wfh today', nToday, [], namesOf(ny, wfhWho(ny, nAll, nToday))),
  yes(N, 'work_mode', "Grace's office days last week", nLastWeek, [days(ny.modeDays('S1', nLastWeek.from, nLastWeek.to, 'WFO').length)], [nn('S1')]),
  yes(N, 'work_mode', 'Who worked from home the week of Oct 19?', nWeekOct19, [], namesOf(ny, wfhWho(ny, nAll, nWeekOct19))),

  // missing_out
  yes(
    N,
    'missing_out',
    'missing clock-outs last month',
    nOctober,
    nMissingOct.flatMap((c) => missingDays(ny, c, nOctober).map(dayLabel)),
    namesOf(ny, nMissingOct),
  ),
  yes(
    N,
    'missing_out',
    'any missing punch outs this week?',
    nThisWeek,
    nMissingWeek.flatMap((c) => missingDays(ny, c, nThisWeek).map(dayLabel)),
    namesOf(ny, nMissingWeek),
  ),
  yes(N, 'missing_out', 'priya missing outs past 2 weeks', nPast2Weeks, missingDays(ny, 'U1', nPast2Weeks).map(dayLabel), [nn('U1')]),

  // leave
  back(N, 'leave', 'who is on leave this week', ['leave']),
  back(N, 'leave', "Show me Samantha's leave balance", ['leave']),

  // ask_back
  back(N, 'ask_back', 'hours for tom on 11/02', ['11/02']),
  back(N, 'ask_back', 'marcus hours on 02/30/2026', ['02/30/2026']),
  back(N, 'ask_back', 'how many hours did jessica work last week', ['jessica']),
  back(N, 'ask_back', 'who will be late tomorrow', []),

  // out_of_scope
  back(N, 'out_of_scope', 'tell me a joke', []),
  back(N, 'out_of_scope', "delete all of Tom's punches", []),
  back(N, 'out_of_scope', "what's the weather in NYC today", []),
];

export const HELD_ASIDE_C: readonly EvalCase[] = [...KOLKATA_CASES, ...NEWYORK_CASES];
