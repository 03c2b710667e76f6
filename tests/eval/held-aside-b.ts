// The second held-aside evaluation set ("B"): questions written apart from the reader's
// development, kept from its authors until the end. Every expected value is computed with the
// independent reference (reference.ts) from the datasets' tables; only periods are typed by hand.
import { back, dayLabel, days, h, min, people, yes, type EvalCase, type Period } from './cases.js';
import { KOLKATA } from './datasets/kolkata.js';
import { NEWYORK } from './datasets/newyork.js';
import { datesBetween, Reference, round2 } from './reference.js';

const kol = new Reference(KOLKATA);
const ny = new Reference(NEWYORK);

const P = (from: string, to: string = from): Period => ({ from, to });
const hour = 3600;

// ---- helpers over the reference (plain loops, no product code) ----
const everyone = (r: Reference): string[] => r.codesOf(null);
const names = (r: Reference, codes: string[]): string[] => codes.map((c) => r.name(c));
const range = (p: Period): string[] => (p === 'now' ? [] : datesBetween(p.from, p.to));
/** The people, among codes, for whom pred holds on at least one day of the period. */
const anyDay = (r: Reference, p: Period, pred: (code: string, date: string) => boolean, codes = everyone(r)): string[] =>
  codes.filter((c) => range(p).some((d) => pred(c, d)));
const lateMins = (r: Reference, code: string, p: Period): number[] =>
  range(p).flatMap((d) => {
    const m = r.lateMinutes(code, d);
    return m === null ? [] : [m];
  });
const earlyMins = (r: Reference, code: string, p: Period): number[] =>
  range(p).flatMap((d) => {
    const m = r.earlyMinutes(code, d);
    return m === null ? [] : [m];
  });
const overtimeH = (r: Reference, codes: string[], p: Period): number =>
  codes.reduce((s, c) => s + range(p).reduce((t, d) => t + r.overtimeSeconds(c, d), 0), 0) / hour;
const hoursOf = (r: Reference, codes: string[], p: Period): number => (p === 'now' ? NaN : r.hours(codes, p.from, p.to));
/** Average daily hours: total / days with hours > 0. */
const avgDaily = (r: Reference, code: string, p: Period): number =>
  round2(hoursOf(r, [code], p) / range(p).filter((d) => r.seconds(code, d) > 0).length);
const avgArrival = (r: Reference, code: string, p: Period): string =>
  Reference.meanTime(range(p).flatMap((d) => (r.firstIn(code, d) ? [r.firstIn(code, d)!] : [])));
const daysOver = (r: Reference, code: string, p: Period, hrs: number): number => range(p).filter((d) => r.seconds(code, d) > hrs * hour).length;
const absentOn = (r: Reference, p: Period): string[] => anyDay(r, p, (c, d) => r.expected(c, d) && !r.present(c, d));
const presentOn = (r: Reference, date: string): string[] => everyone(r).filter((c) => r.present(c, date));
const inNow = (r: Reference): string[] => everyone(r).filter((c) => r.inNow(c));
const missingOuts = (r: Reference, p: Period): string[] => anyDay(r, p, (c, d) => r.missingOut(c, d));
const missingOutDays = (r: Reference, p: Period): string[] => everyone(r).flatMap((c) => range(p).filter((d) => r.missingOut(c, d)));
/** The one person, among codes, with the highest (or lowest) value; throws on a tie. */
const only = (r: Reference, codes: string[], value: (code: string) => number, dir: 'max' | 'min' = 'max'): string => {
  const sorted = [...codes].sort((a, b) => (dir === 'max' ? value(b) - value(a) : value(a) - value(b)));
  if (sorted.length > 1 && value(sorted[0]!) === value(sorted[1]!)) throw new Error(`tie at the top in ${r.ds.id}`);
  return sorted[0]!;
};
const topN = (r: Reference, codes: string[], n: number, value: (code: string) => number): string[] => {
  const sorted = [...codes].sort((a, b) => value(b) - value(a));
  if (value(sorted[n - 1]!) === value(sorted[n]!)) throw new Error(`tie at place ${n} in ${r.ds.id}`);
  return sorted.slice(0, n);
};
const onlyTeam = (r: Reference, value: (team: string) => number, dir: 'max' | 'min' = 'max'): string => {
  const sorted = [...r.ds.teams].sort((a, b) => (dir === 'max' ? value(b) - value(a) : value(a) - value(b)));
  if (value(sorted[0]!) === value(sorted[1]!)) throw new Error(`team tie in ${r.ds.id}`);
  return sorted[0]!;
};
const mins = (ms: number[]): string[] => ms.map(min);

// ======================= kolkata: today Fri 2026-11-20, 11:00 =======================
const K = {
  today: P('2026-11-20'),
  yesterday: P('2026-11-19'),
  thisWeek: P('2026-11-16', '2026-11-20'),
  lastWeek: P('2026-11-09', '2026-11-15'),
  thisMonth: P('2026-11-01', '2026-11-20'),
  monday: P('2026-11-16'),
  tuesday: P('2026-11-17'),
  wednesday: P('2026-11-18'),
  sinceMonday: P('2026-11-16', '2026-11-20'),
  past3: P('2026-11-18', '2026-11-20'),
};
const KN = (code: string): string => kol.name(code);
const kEng = kol.codesOf('Engineering');
const kFront = kol.codesOf('Front Office');

const kolkata: EvalCase[] = [
  // hours
  yes('kolkata', 'hours', "anita's hrs this week", K.thisWeek, [h(hoursOf(kol, ['A1'], K.thisWeek))], [KN('A1')]),
  yes('kolkata', 'hours', 'how many hours did the engineering team put in last week?', K.lastWeek, [h(hoursOf(kol, kEng, K.lastWeek))]),
  yes('kolkata', 'hours', 'total hours for everyone on 2026-11-16', P('2026-11-16'), [h(hoursOf(kol, everyone(kol), P('2026-11-16')))]),
  yes(
    'kolkata',
    'hours',
    'hours for bala 16th to 18th november',
    P('2026-11-16', '2026-11-18'),
    [h(hoursOf(kol, ['B1'], P('2026-11-16', '2026-11-18')))],
    [KN('B1')],
  ),
  yes(
    'kolkata',
    'hours',
    'can you tell me how many hours chithra worked between 9 nov and 13 nov',
    P('2026-11-09', '2026-11-13'),
    [h(hoursOf(kol, ['C1'], P('2026-11-09', '2026-11-13')))],
    [KN('C1')],
  ),
  yes('kolkata', 'hours', 'hours for dev since monday', K.sinceMonday, [h(hoursOf(kol, ['D1'], K.sinceMonday))], [KN('D1')]),

  // average
  yes('kolkata', 'average', 'average daily hours for chitra this week', K.thisWeek, [h(avgDaily(kol, 'C1', K.thisWeek))], [KN('C1')]),
  yes('kolkata', 'average', 'what time does bala usually come in this week', K.thisWeek, [avgArrival(kol, 'B1', K.thisWeek)], [KN('B1')]),
  yes('kolkata', 'average', "dev's avg hours per day this month", K.thisMonth, [h(avgDaily(kol, 'D1', K.thisMonth))], [KN('D1')]),

  // ranking
  ...((): EvalCase[] => {
    const top = only(kol, everyone(kol), (c) => hoursOf(kol, [c], K.thisWeek));
    return [yes('kolkata', 'ranking', 'who worked the most hours this week', K.thisWeek, [h(hoursOf(kol, [top], K.thisWeek))], [KN(top)])];
  })(),
  ...((): EvalCase[] => {
    const team = onlyTeam(kol, (t) => hoursOf(kol, kol.codesOf(t), K.lastWeek));
    return [yes('kolkata', 'ranking', 'which team logged more hrs last week', K.lastWeek, [team, h(hoursOf(kol, kol.codesOf(team), K.lastWeek))])];
  })(),
  ...((): EvalCase[] => {
    const top = only(kol, everyone(kol), (c) => lateMins(kol, c, K.thisMonth).length);
    return [yes('kolkata', 'ranking', 'who was late the most this month', K.thisMonth, [days(lateMins(kol, top, K.thisMonth).length)], [KN(top)])];
  })(),
  ...((): EvalCase[] => {
    const two = topN(kol, everyone(kol), 2, (c) => hoursOf(kol, [c], K.thisWeek));
    return [
      yes(
        'kolkata',
        'ranking',
        'top 2 ppl by hours this week?',
        K.thisWeek,
        two.map((c) => h(hoursOf(kol, [c], K.thisWeek))),
        names(kol, two),
      ),
    ];
  })(),

  // compare
  yes(
    'kolkata',
    'compare',
    'compare anita and bala hours this week',
    K.thisWeek,
    [h(hoursOf(kol, ['A1'], K.thisWeek)), h(hoursOf(kol, ['B1'], K.thisWeek))],
    [KN('A1'), KN('B1')],
  ),
  yes('kolkata', 'compare', 'engineering vs front office hours this month', K.thisMonth, [
    h(hoursOf(kol, kEng, K.thisMonth)),
    h(hoursOf(kol, kFront, K.thisMonth)),
  ]),
  yes(
    'kolkata',
    'compare',
    'dev or chitra, who did more hours this month?',
    K.thisMonth,
    [h(hoursOf(kol, ['D1'], K.thisMonth)), h(hoursOf(kol, ['C1'], K.thisMonth))],
    [KN('D1'), KN('C1')],
  ),

  // threshold
  yes(
    'kolkata',
    'threshold',
    'how many days did anitha work more than 8 hours this month',
    K.thisMonth,
    [days(daysOver(kol, 'A1', K.thisMonth, 8))],
    [KN('A1')],
  ),
  yes(
    'kolkata',
    'threshold',
    'who worked more than 30 hrs this week',
    K.thisWeek,
    [],
    names(
      kol,
      everyone(kol).filter((c) => hoursOf(kol, [c], K.thisWeek) > 30),
    ),
  ),
  yes(
    'kolkata',
    'threshold',
    'ppl who did over 8 hours on monday',
    K.monday,
    [],
    names(
      kol,
      everyone(kol).filter((c) => daysOver(kol, c, K.monday, 8) > 0),
    ),
  ),

  // overtime
  ...((): EvalCase[] => {
    const who = everyone(kol).filter((c) => overtimeH(kol, [c], K.thisWeek) > 0);
    return [
      yes(
        'kolkata',
        'overtime',
        'who did overtime this week',
        K.thisWeek,
        who.map((c) => h(overtimeH(kol, [c], K.thisWeek))),
        names(kol, who),
      ),
    ];
  })(),
  yes('kolkata', 'overtime', 'how much overtime did chitra do on monday', K.monday, [h(overtimeH(kol, ['C1'], K.monday))], [KN('C1')]),
  yes('kolkata', 'overtime', 'total overtime for front office in november', K.thisMonth, [h(overtimeH(kol, kFront, K.thisMonth))]),

  // presence
  yes('kolkata', 'presence', 'was bala in on wednesday', K.wednesday, ['No'], [KN('B1')]),
  yes('kolkata', 'presence', 'was farah in on 17/11', K.tuesday, ['Yes', kol.firstIn('F1', '2026-11-17')!], [KN('F1')]),
  yes('kolkata', 'presence', 'how many ppl came in yesterday', K.yesterday, [people(presentOn(kol, '2026-11-19').length)]),
  yes(
    'kolkata',
    'presence',
    'how many days was dev in this month',
    K.thisMonth,
    [days(kol.presentDays('D1', '2026-11-01', '2026-11-20').length)],
    [KN('D1')],
  ),
  yes('kolkata', 'presence', 'who came in today', K.today, [], names(kol, presentOn(kol, '2026-11-20'))),
  yes('kolkata', 'presence', 'was anita in on friday', K.today, ['Yes', kol.firstIn('A1', '2026-11-20')!], [KN('A1')]),

  // present now
  yes('kolkata', 'present_now', 'who is in right now', 'now', [], names(kol, inNow(kol))),
  yes('kolkata', 'present_now', 'is dev in?', 'now', [kol.inNow('D1') ? 'Yes' : 'No'], [KN('D1')]),
  yes('kolkata', 'present_now', 'how many people are in now', 'now', [people(inNow(kol).length)]),

  // absence
  yes('kolkata', 'absence', 'absentees yesterday', K.yesterday, [], names(kol, absentOn(kol, K.yesterday))),
  yes('kolkata', 'absence', 'who was absent on wednesday', K.wednesday, [], names(kol, absentOn(kol, K.wednesday))),
  yes(
    'kolkata',
    'absence',
    'how many days was farah absent this month',
    K.thisMonth,
    [days(kol.absentDays('F1', '2026-11-01', '2026-11-20').length)],
    [KN('F1')],
  ),
  yes('kolkata', 'absence', 'absences nov 16 - nov 18', P('2026-11-16', '2026-11-18'), [], names(kol, absentOn(kol, P('2026-11-16', '2026-11-18')))),
  yes('kolkata', 'absence', 'who didnt show up last monday', K.monday, [], names(kol, absentOn(kol, K.monday))),

  // late
  ...((): EvalCase[] => {
    const who = everyone(kol).filter((c) => lateMins(kol, c, K.thisWeek).length > 0);
    return [
      yes(
        'kolkata',
        'late',
        'who was late this week',
        K.thisWeek,
        who.flatMap((c) => mins(lateMins(kol, c, K.thisWeek))),
        names(kol, who),
      ),
    ];
  })(),
  yes(
    'kolkata',
    'late',
    'how many times was bala late in november',
    K.thisMonth,
    [days(lateMins(kol, 'B1', K.thisMonth).length), ...mins(lateMins(kol, 'B1', K.thisMonth))],
    [KN('B1')],
  ),
  ...((): EvalCase[] => {
    const who = everyone(kol).filter((c) => lateMins(kol, c, K.today).length > 0);
    return [
      yes(
        'kolkata',
        'late',
        'was anyone late today?',
        K.today,
        who.flatMap((c) => mins(lateMins(kol, c, K.today))),
        names(kol, who),
      ),
    ];
  })(),
  yes('kolkata', 'late', 'how many mins late was farah today', K.today, mins(lateMins(kol, 'F1', K.today)), [KN('F1')]),

  // left early
  ...((): EvalCase[] => {
    const who = everyone(kol).filter((c) => earlyMins(kol, c, K.thisWeek).length > 0);
    return [
      yes(
        'kolkata',
        'early',
        'who left early this week',
        K.thisWeek,
        who.flatMap((c) => mins(earlyMins(kol, c, K.thisWeek))),
        names(kol, who),
      ),
    ];
  })(),
  yes('kolkata', 'early', 'did farah clock out early on tuesday', K.tuesday, ['Yes', ...mins(earlyMins(kol, 'F1', K.tuesday))], [KN('F1')]),
  yes(
    'kolkata',
    'early',
    'how many days did farah leave early this month',
    K.thisMonth,
    [days(earlyMins(kol, 'F1', K.thisMonth).length), ...mins(earlyMins(kol, 'F1', K.thisMonth))],
    [KN('F1')],
  ),

  // arrival
  yes('kolkata', 'arrival', 'what time did chitra come in on monday', K.monday, [kol.firstIn('C1', '2026-11-16')!], [KN('C1')]),
  ...((): EvalCase[] => {
    const first = only(kol, presentOn(kol, '2026-11-19'), (c) => Number(kol.firstIn(c, '2026-11-19')!.replace(':', '')), 'min');
    return [yes('kolkata', 'arrival', 'who came in earliest yesterday', K.yesterday, [kol.firstIn(first, '2026-11-19')!], [KN(first)])];
  })(),
  yes('kolkata', 'arrival', "farrah's arrival time today", K.today, [kol.firstIn('F1', '2026-11-20')!], [KN('F1')]),

  // departure
  yes('kolkata', 'departure', 'what time did anita leave on monday', K.monday, [kol.lastOut('A1', '2026-11-16')!], [KN('A1')]),
  yes('kolkata', 'departure', 'when did bala clock out on the 17th', K.tuesday, [kol.lastOut('B1', '2026-11-17')!], [KN('B1')]),
  ...((): EvalCase[] => {
    const closed = presentOn(kol, '2026-11-16').filter((c) => kol.lastOut(c, '2026-11-16'));
    const last = only(kol, closed, (c) => Number(kol.lastOut(c, '2026-11-16')!.replace(':', '')));
    return [yes('kolkata', 'departure', 'who left last on 16/11/2026', K.monday, [kol.lastOut(last, '2026-11-16')!], [KN(last)])];
  })(),

  // work mode
  yes(
    'kolkata',
    'work_mode',
    'how many days did dev wfh last week',
    K.lastWeek,
    [days(kol.modeDays('D1', '2026-11-09', '2026-11-15', 'WFH').length)],
    [KN('D1')],
  ),
  yes(
    'kolkata',
    'work_mode',
    'who worked from home this week',
    K.thisWeek,
    [],
    names(
      kol,
      anyDay(kol, K.thisWeek, (c, d) => kol.day(c, d)?.mode === 'WFH'),
    ),
  ),
  yes(
    'kolkata',
    'work_mode',
    "please show dev's office days in the week of nov 9",
    K.lastWeek,
    [days(kol.modeDays('D1', '2026-11-09', '2026-11-15', 'WFO').length)],
    [KN('D1')],
  ),

  // missing OUT
  yes(
    'kolkata',
    'missing_out',
    "anyone who hasn't punched out this week?",
    K.thisWeek,
    missingOutDays(kol, K.thisWeek).map(dayLabel),
    names(kol, missingOuts(kol, K.thisWeek)),
  ),
  yes(
    'kolkata',
    'missing_out',
    'missing clock outs past 3 days',
    K.past3,
    missingOutDays(kol, K.past3).map(dayLabel),
    names(kol, missingOuts(kol, K.past3)),
  ),
  yes(
    'kolkata',
    'missing_out',
    'missing punch outs in the week of nov 16',
    K.thisWeek,
    missingOutDays(kol, K.thisWeek).map(dayLabel),
    names(kol, missingOuts(kol, K.thisWeek)),
  ),

  // leave
  back('kolkata', 'leave', 'how many leave days has bala taken this month', ['leave']),
  back('kolkata', 'leave', 'is farah on leave today?', ['leave']),

  // ask back
  back('kolkata', 'ask_back', 'hours for anita on 04/11', ['04/11']),
  back('kolkata', 'ask_back', 'who was late on 31 nov', ['31 nov']),
  back('kolkata', 'ask_back', 'how many hours did zara work last week', ['zara']),
  back('kolkata', 'ask_back', 'engineering hrs next week', []),

  // out of scope
  back('kolkata', 'out_of_scope', 'write me a short poem about monday mornings', []),
  back('kolkata', 'out_of_scope', "what's the weather in kolkata tomorrow", []),
];

// ======================= newyork: today Wed 2026-11-04, 14:30 =======================
const N = {
  today: P('2026-11-04'),
  yesterday: P('2026-11-03'),
  thisWeek: P('2026-11-02', '2026-11-04'),
  lastWeek: P('2026-10-26', '2026-11-01'),
  thisMonth: P('2026-11-01', '2026-11-04'),
  october: P('2026-10-01', '2026-10-31'),
  monday: P('2026-11-02'),
  lastFriday: P('2026-10-30'),
  past2Weeks: P('2026-10-22', '2026-11-04'),
  weekOfOct19: P('2026-10-19', '2026-10-25'),
};
const NN = (code: string): string => ny.name(code);
const nSales = ny.codesOf('Sales');
const nSupport = ny.codesOf('Support');
const nWarehouse = ny.codesOf('Warehouse');

const newyork: EvalCase[] = [
  // hours
  yes('newyork', 'hours', 'how many hours did samanta work in october', N.october, [h(hoursOf(ny, ['S3'], N.october))], [NN('S3')]),
  yes('newyork', 'hours', 'total hrs for support last week', N.lastWeek, [h(hoursOf(ny, nSupport, N.lastWeek))]),
  yes('newyork', 'hours', "can you tell me the warehouse team's hours this month", N.thisMonth, [h(hoursOf(ny, nWarehouse, N.thisMonth))]),
  yes(
    'newyork',
    'hours',
    'marcos hours 10/19 - 10/23',
    P('2026-10-19', '2026-10-23'),
    [h(hoursOf(ny, ['S2'], P('2026-10-19', '2026-10-23')))],
    [NN('S2')],
  ),
  yes('newyork', 'hours', 'hours for everyone yesterday', N.yesterday, [h(hoursOf(ny, everyone(ny), N.yesterday))]),
  yes('newyork', 'hours', 'luis hrs week of nov 2', N.thisWeek, [h(hoursOf(ny, ['W2'], N.thisWeek))], [NN('W2')]),

  // average
  yes('newyork', 'average', 'average hours per day for priya last week', N.lastWeek, [h(avgDaily(ny, 'U1', N.lastWeek))], [NN('U1')]),
  yes('newyork', 'average', "tom's avg arrival time in october", N.october, [avgArrival(ny, 'U2', N.october)], [NN('U2')]),
  yes('newyork', 'average', 'average daily hrs olga past 2 weeks', N.past2Weeks, [h(avgDaily(ny, 'W1', N.past2Weeks))], [NN('W1')]),
  yes('newyork', 'average', "what's grace's average clock in time this week", N.thisWeek, [avgArrival(ny, 'S1', N.thisWeek)], [NN('S1')]),

  // ranking
  ...((): EvalCase[] => {
    const top = only(ny, everyone(ny), (c) => hoursOf(ny, [c], N.lastWeek));
    return [yes('newyork', 'ranking', 'who put in the most hours last week', N.lastWeek, [h(hoursOf(ny, [top], N.lastWeek))], [NN(top)])];
  })(),
  ...((): EvalCase[] => {
    const team = onlyTeam(ny, (t) => hoursOf(ny, ny.codesOf(t), N.october));
    return [yes('newyork', 'ranking', 'which team worked the most hours in october', N.october, [team, h(hoursOf(ny, ny.codesOf(team), N.october))])];
  })(),
  ...((): EvalCase[] => {
    const team = onlyTeam(ny, (t) => hoursOf(ny, ny.codesOf(t), N.thisWeek), 'min');
    return [
      yes('newyork', 'ranking', 'which team has the fewest hours so far this week', N.thisWeek, [team, h(hoursOf(ny, ny.codesOf(team), N.thisWeek))]),
    ];
  })(),
  ...((): EvalCase[] => {
    const three = topN(ny, everyone(ny), 3, (c) => hoursOf(ny, [c], N.lastWeek));
    return [
      yes(
        'newyork',
        'ranking',
        'please show the top 3 people by hours last week',
        N.lastWeek,
        three.map((c) => h(hoursOf(ny, [c], N.lastWeek))),
        names(ny, three),
      ),
    ];
  })(),

  // compare
  yes(
    'newyork',
    'compare',
    'who worked more hours this week, tom or priya',
    N.thisWeek,
    [h(hoursOf(ny, ['U2'], N.thisWeek)), h(hoursOf(ny, ['U1'], N.thisWeek))],
    [NN('U2'), NN('U1')],
  ),
  yes('newyork', 'compare', 'compare sales and support hours last week', N.lastWeek, [
    h(hoursOf(ny, nSales, N.lastWeek)),
    h(hoursOf(ny, nSupport, N.lastWeek)),
  ]),
  yes(
    'newyork',
    'compare',
    'grace vs marcus hrs in october',
    N.october,
    [h(hoursOf(ny, ['S1'], N.october)), h(hoursOf(ny, ['S2'], N.october))],
    [NN('S1'), NN('S2')],
  ),

  // threshold
  yes('newyork', 'threshold', 'how many days did olga work over 8 hrs in october', N.october, [days(daysOver(ny, 'W1', N.october, 8))], [NN('W1')]),
  yes(
    'newyork',
    'threshold',
    'who logged more than 40 hours last week',
    N.lastWeek,
    [],
    names(
      ny,
      everyone(ny).filter((c) => hoursOf(ny, [c], N.lastWeek) > 40),
    ),
  ),
  yes(
    'newyork',
    'threshold',
    'ppl who worked more than 9 hours yesterday',
    N.yesterday,
    [],
    names(
      ny,
      everyone(ny).filter((c) => daysOver(ny, c, N.yesterday, 9) > 0),
    ),
  ),

  // overtime
  yes('newyork', 'overtime', 'how much overtime did olga do last week', N.lastWeek, [h(overtimeH(ny, ['W1'], N.lastWeek))], [NN('W1')]),
  ...((): EvalCase[] => {
    const who = everyone(ny).filter((c) => overtimeH(ny, [c], N.yesterday) > 0);
    return [
      yes(
        'newyork',
        'overtime',
        'who did overtime yesterday',
        N.yesterday,
        who.map((c) => h(overtimeH(ny, [c], N.yesterday))),
        names(ny, who),
      ),
    ];
  })(),
  yes('newyork', 'overtime', 'total overtime for the support team in october', N.october, [h(overtimeH(ny, nSupport, N.october))]),

  // presence
  yes('newyork', 'presence', 'was tom in on 10/27', P('2026-10-27'), [ny.present('U2', '2026-10-27') ? 'Yes' : 'No'], [NN('U2')]),
  yes('newyork', 'presence', 'did samantha come in on monday', N.monday, ['Yes', ny.firstIn('S3', '2026-11-02')!], [NN('S3')]),
  yes('newyork', 'presence', 'how many people showed up on friday oct 30', N.lastFriday, [people(presentOn(ny, '2026-10-30').length)]),
  yes(
    'newyork',
    'presence',
    'how many days was luis in last month',
    N.october,
    [days(ny.presentDays('W2', '2026-10-01', '2026-10-31').length)],
    [NN('W2')],
  ),
  yes('newyork', 'presence', 'was priya in on 27/10', P('2026-10-27'), ['Yes', ny.firstIn('U1', '2026-10-27')!], [NN('U1')]),

  // present now
  yes('newyork', 'present_now', "who's here", 'now', [], names(ny, inNow(ny))),
  yes('newyork', 'present_now', 'is olga still in?', 'now', [ny.inNow('W1') ? 'Yes' : 'No'], [NN('W1')]),
  yes('newyork', 'present_now', 'how many ppl are clocked in right now', 'now', [people(inNow(ny).length)]),

  // absence
  yes('newyork', 'absence', 'who was absent on 10/30/2026', N.lastFriday, [], names(ny, absentOn(ny, N.lastFriday))),
  yes(
    'newyork',
    'absence',
    'how many days was tom absent last month',
    N.october,
    [days(ny.absentDays('U2', '2026-10-01', '2026-10-31').length)],
    [NN('U2')],
  ),
  yes('newyork', 'absence', 'who was absent this week', N.thisWeek, [], names(ny, absentOn(ny, N.thisWeek))),
  yes(
    'newyork',
    'absence',
    'absentees between oct 26 and oct 30',
    P('2026-10-26', '2026-10-30'),
    [],
    names(ny, absentOn(ny, P('2026-10-26', '2026-10-30'))),
  ),
  yes('newyork', 'absence', 'could you list who was out last friday', N.lastFriday, [], names(ny, absentOn(ny, N.lastFriday))),

  // late
  ...((): EvalCase[] => {
    const who = everyone(ny).filter((c) => lateMins(ny, c, N.lastWeek).length > 0);
    return [
      yes(
        'newyork',
        'late',
        'who came in late last week',
        N.lastWeek,
        who.flatMap((c) => mins(lateMins(ny, c, N.lastWeek))),
        names(ny, who),
      ),
    ];
  })(),
  yes(
    'newyork',
    'late',
    'how many days was marcus late in october',
    N.october,
    [days(lateMins(ny, 'S2', N.october).length), ...mins(lateMins(ny, 'S2', N.october))],
    [NN('S2')],
  ),
  ...((): EvalCase[] => {
    const who = everyone(ny).filter((c) => lateMins(ny, c, N.today).length > 0);
    return [
      yes(
        'newyork',
        'late',
        'late comers today',
        N.today,
        who.flatMap((c) => mins(lateMins(ny, c, N.today))),
        names(ny, who),
      ),
    ];
  })(),
  yes('newyork', 'late', 'was tom late at all in the week of oct 19', N.weekOfOct19, mins(lateMins(ny, 'U2', N.weekOfOct19)), [NN('U2')]),

  // left early
  ...((): EvalCase[] => {
    const who = everyone(ny).filter((c) => earlyMins(ny, c, N.lastWeek).length > 0);
    return [
      yes(
        'newyork',
        'early',
        'who left early last week',
        N.lastWeek,
        who.flatMap((c) => mins(earlyMins(ny, c, N.lastWeek))),
        names(ny, who),
      ),
    ];
  })(),
  ...((): EvalCase[] => {
    const who = everyone(ny).filter((c) => earlyMins(ny, c, N.monday).length > 0);
    return [
      yes(
        'newyork',
        'early',
        'who clocked out early on monday',
        N.monday,
        who.flatMap((c) => mins(earlyMins(ny, c, N.monday))),
        names(ny, who),
      ),
    ];
  })(),
  yes('newyork', 'early', 'did olga leave early today', N.today, ['Yes', ...mins(earlyMins(ny, 'W1', N.today))], [NN('W1')]),

  // arrival
  yes('newyork', 'arrival', 'when did grace get in yesterday', N.yesterday, [ny.firstIn('S1', '2026-11-03')!], [NN('S1')]),
  ...((): EvalCase[] => {
    const first = only(ny, presentOn(ny, '2026-11-04'), (c) => Number(ny.firstIn(c, '2026-11-04')!.replace(':', '')), 'min');
    return [yes('newyork', 'arrival', 'who was the first to arrive today', N.today, [ny.firstIn(first, '2026-11-04')!], [NN(first)])];
  })(),
  yes('newyork', 'arrival', 'what time did luis clock in on 10/29', P('2026-10-29'), [ny.firstIn('W2', '2026-10-29')!], [NN('W2')]),
  ...((): EvalCase[] => {
    const last = only(ny, presentOn(ny, '2026-10-28'), (c) => Number(ny.firstIn(c, '2026-10-28')!.replace(':', '')));
    return [yes('newyork', 'arrival', 'latest arrival on wednesday oct 28', P('2026-10-28'), [ny.firstIn(last, '2026-10-28')!], [NN(last)])];
  })(),

  // departure
  yes('newyork', 'departure', 'what time did olga leave on friday', N.lastFriday, [ny.lastOut('W1', '2026-10-30')!], [NN('W1')]),
  yes('newyork', 'departure', 'when did tom clock out on oct 29', P('2026-10-29'), [ny.lastOut('U2', '2026-10-29')!], [NN('U2')]),
  yes('newyork', 'departure', 'what time did Grace Kim leave yesterday', N.yesterday, [ny.lastOut('S1', '2026-11-03')!], [NN('S1')]),

  // work mode
  yes(
    'newyork',
    'work_mode',
    'how many days did samantha wfh in october',
    N.october,
    [days(ny.modeDays('S3', '2026-10-01', '2026-10-31', 'WFH').length)],
    [NN('S3')],
  ),
  yes(
    'newyork',
    'work_mode',
    'who worked from home on 2026-10-23',
    P('2026-10-23'),
    [],
    names(
      ny,
      anyDay(ny, P('2026-10-23'), (c, d) => ny.day(c, d)?.mode === 'WFH'),
    ),
  ),
  yes(
    'newyork',
    'work_mode',
    'how many office days did samantha have in the past 2 weeks',
    N.past2Weeks,
    [days(ny.modeDays('S3', '2026-10-22', '2026-11-04', 'WFO').length)],
    [NN('S3')],
  ),

  // missing OUT
  yes(
    'newyork',
    'missing_out',
    "who hasn't clocked out since monday",
    N.thisWeek,
    missingOutDays(ny, N.thisWeek).map(dayLabel),
    names(ny, missingOuts(ny, N.thisWeek)),
  ),
  yes(
    'newyork',
    'missing_out',
    'missing punch outs last month',
    N.october,
    missingOutDays(ny, N.october).map(dayLabel),
    names(ny, missingOuts(ny, N.october)),
  ),
  yes(
    'newyork',
    'missing_out',
    'any missing outs in the week of oct 19?',
    N.weekOfOct19,
    missingOutDays(ny, N.weekOfOct19).map(dayLabel),
    names(ny, missingOuts(ny, N.weekOfOct19)),
  ),

  // leave
  back('newyork', 'leave', 'who is on leave this week', ['leave']),
  back('newyork', 'leave', 'how much leave does tom have left', ['leave']),

  // ask back
  back('newyork', 'ask_back', 'who was absent on 11/02', ['11/02']),
  back('newyork', 'ask_back', 'was grace in on 30/02/2026', ['30/02/2026']),
  back('newyork', 'ask_back', "priya's hours tomorrow", []),
  back('newyork', 'ask_back', 'how late was kevin this week', ['kevin']),

  // out of scope
  back('newyork', 'out_of_scope', 'delete all punches from last week', []),
  back('newyork', 'out_of_scope', 'recommend a good lunch spot near the office', []),
];

export const HELD_ASIDE_B: readonly EvalCase[] = [...kolkata, ...newyork];
