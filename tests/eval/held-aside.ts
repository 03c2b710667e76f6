// The held-aside evaluation set: questions the interpreter's authors never saw while building it,
// written the way managers type them (lower case, typos, first names, every date style). Every
// expected value is computed here with the independent reference from the dataset's table;
// only the periods' dates are written by hand.
import { back, dayLabel, days, h, min, people, yes, type EvalCase } from './cases.js';
import { KOLKATA } from './datasets/kolkata.js';
import { NEWYORK } from './datasets/newyork.js';
import { datesBetween, Reference, round2 } from './reference.js';

const kol = new Reference(KOLKATA);
const ny = new Reference(NEWYORK);
const everyone = (ref: Reference): string[] => ref.codesOf(null);
const p = (from: string, to: string = from): { from: string; to: string } => ({ from, to });

const namesOf = (ref: Reference, codes: string[]): string[] => codes.map((c) => ref.name(c));
const secondsIn = (ref: Reference, code: string, from: string, to: string): number =>
  datesBetween(from, to).reduce((s, d) => s + ref.seconds(code, d), 0);
/** Average daily hours: total hours / days with hours > 0. */
const avgDaily = (ref: Reference, code: string, from: string, to: string): number => {
  const worked = datesBetween(from, to).filter((d) => ref.seconds(code, d) > 0).length;
  return round2(secondsIn(ref, code, from, to) / 3600 / worked);
};
/** Mean of the first INs on the days present. */
const avgArrival = (ref: Reference, code: string, from: string, to: string): string => {
  const times = ref.presentDays(code, from, to).map((d) => ref.firstIn(code, d)!);
  const total = times.reduce((a, t) => a + Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)), 0);
  // A mean on a half minute would hang on the rounding rule, not on the reading: keep clear of it.
  if ((total % times.length) * 2 === times.length) throw new Error('mean on a half minute');
  return Reference.meanTime(times);
};
/** The n people with the most hours, refusing a tie at the cut. */
const top = (ref: Reference, codes: string[], from: string, to: string, n: number): string[] => {
  const sorted = [...codes].sort((a, b) => ref.hours([b], from, to) - ref.hours([a], from, to));
  if (sorted.length > n && ref.hours([sorted[n - 1]!], from, to) === ref.hours([sorted[n]!], from, to)) throw new Error('tie at the cut');
  return sorted.slice(0, n);
};
const topTeam = (ref: Reference, teams: string[], from: string, to: string): string => {
  const sorted = [...teams].sort((a, b) => ref.hours(ref.codesOf(b), from, to) - ref.hours(ref.codesOf(a), from, to));
  if (ref.hours(ref.codesOf(sorted[0]!), from, to) === ref.hours(ref.codesOf(sorted[1]!), from, to)) throw new Error('tie');
  return sorted[0]!;
};
const hoursOf = (ref: Reference, codes: string[], from: string, to: string): string[] => codes.map((c) => h(ref.hours([c], from, to)));
const whoDays = (ref: Reference, codes: string[], from: string, to: string, test: (code: string, date: string) => boolean): string[] =>
  codes.filter((c) => datesBetween(from, to).some((d) => test(c, d)));
const countDays = (from: string, to: string, test: (date: string) => boolean): number => datesBetween(from, to).filter(test).length;
const overtimeOf = (ref: Reference, code: string, from: string, to: string): number =>
  datesBetween(from, to).reduce((s, d) => s + ref.overtimeSeconds(code, d), 0) / 3600;
const present = (ref: Reference, date: string): string[] => everyone(ref).filter((c) => ref.present(c, date));
const absent = (ref: Reference, codes: string[], from: string, to: string): string[] => codes.filter((c) => ref.absentDays(c, from, to).length > 0);
const inNow = (ref: Reference): string[] => everyone(ref).filter((c) => ref.inNow(c));
const lateOn = (ref: Reference, codes: string[], date: string): string[] => codes.filter((c) => ref.lateMinutes(c, date) !== null);
const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');
const byArrival = (ref: Reference, date: string): string[] =>
  present(ref, date).sort((a, b) => ref.firstIn(a, date)!.localeCompare(ref.firstIn(b, date)!));

// ---------------------------------------------------------------------------------------------
// kolkata: today Fri 2026-11-20 11:00; this week 11-16..11-20; last week 11-09..11-15.
const K = 'kolkata';
const kThisWeek = p('2026-11-16', '2026-11-20');
const kLastWeek = p('2026-11-09', '2026-11-15');
const kYesterday = '2026-11-19';
const kToday = '2026-11-20';

const kolkata: EvalCase[] = [
  // hours
  yes(K, 'hours', "anita's hrs this week", kThisWeek, [h(kol.hours(['A1'], kThisWeek.from, kThisWeek.to))], [kol.name('A1')]),
  yes(K, 'hours', 'how many hours did front office put in last week', kLastWeek, [
    h(kol.hours(kol.codesOf('Front Office'), kLastWeek.from, kLastWeek.to)),
  ]),
  yes(K, 'hours', 'total hours for everyone 16/11/2026 to 19/11/2026', p('2026-11-16', '2026-11-19'), [
    h(kol.hours(everyone(kol), '2026-11-16', '2026-11-19')),
  ]),
  yes(K, 'hours', 'hrs chtra worked on tuesday', p('2026-11-17'), [h(kol.hours(['C1'], '2026-11-17', '2026-11-17'))], [kol.name('C1')]),
  yes(
    K,
    'hours',
    'how many hrs has farah done in the past 2 weeks',
    p('2026-11-07', kToday),
    [h(kol.hours(['F1'], '2026-11-07', kToday))],
    [kol.name('F1')],
  ),
  yes(K, 'hours', "bala's total hours this month", p('2026-11-01', kToday), [h(kol.hours(['B1'], '2026-11-01', kToday))], [kol.name('B1')]),
  // average
  yes(K, 'average', "bala's average hours per day this week", kThisWeek, [h(avgDaily(kol, 'B1', kThisWeek.from, kThisWeek.to))], [kol.name('B1')]),
  yes(
    K,
    'average',
    "what's chitra's avg arrival time since monday",
    p('2026-11-16', kToday),
    [avgArrival(kol, 'C1', '2026-11-16', kToday)],
    [kol.name('C1')],
  ),
  // ranking
  (() => {
    const [first] = top(kol, everyone(kol), kThisWeek.from, kThisWeek.to, 1);
    return yes(
      K,
      'ranking',
      'who worked the most hours this week',
      kThisWeek,
      hoursOf(kol, [first!], kThisWeek.from, kThisWeek.to),
      namesOf(kol, [first!]),
    );
  })(),
  (() => {
    const team = topTeam(kol, ['Engineering', 'Front Office'], kLastWeek.from, kLastWeek.to);
    return yes(K, 'ranking', 'which team logged more hrs last week engineering or front office', kLastWeek, [
      team,
      h(kol.hours(kol.codesOf(team), kLastWeek.from, kLastWeek.to)),
    ]);
  })(),
  (() => {
    const three = top(kol, everyone(kol), '2026-11-16', '2026-11-19', 3);
    return yes(
      K,
      'ranking',
      'top 3 by hours 2026-11-16 to 2026-11-19',
      p('2026-11-16', '2026-11-19'),
      hoursOf(kol, three, '2026-11-16', '2026-11-19'),
      namesOf(kol, three),
    );
  })(),
  // compare
  yes(K, 'compare', 'anitha vs bala hrs this week', kThisWeek, hoursOf(kol, ['A1', 'B1'], kThisWeek.from, kThisWeek.to), namesOf(kol, ['A1', 'B1'])),
  yes(K, 'compare', 'compare engineering and front office hours nov 16 - nov 18', p('2026-11-16', '2026-11-18'), [
    h(kol.hours(kol.codesOf('Engineering'), '2026-11-16', '2026-11-18')),
    h(kol.hours(kol.codesOf('Front Office'), '2026-11-16', '2026-11-18')),
  ]),
  // threshold
  yes(
    K,
    'threshold',
    'who did more than 8 hours in a day this week',
    kThisWeek,
    [],
    namesOf(
      kol,
      whoDays(kol, everyone(kol), kThisWeek.from, kThisWeek.to, (c, d) => kol.seconds(c, d) > 8 * 3600),
    ),
  ),
  (() => {
    const over = everyone(kol).filter((c) => kol.hours([c], kThisWeek.from, kThisWeek.to) > 30);
    return yes(K, 'threshold', 'who worked over 30 hrs this week', kThisWeek, hoursOf(kol, over, kThisWeek.from, kThisWeek.to), namesOf(kol, over));
  })(),
  // overtime
  (() => {
    const ot = everyone(kol).filter((c) => overtimeOf(kol, c, kThisWeek.from, kThisWeek.to) > 0);
    return yes(
      K,
      'overtime',
      'who did overtime this week',
      kThisWeek,
      ot.map((c) => h(overtimeOf(kol, c, kThisWeek.from, kThisWeek.to))),
      namesOf(kol, ot),
    );
  })(),
  yes(K, 'overtime', "chitra's overtime on monday", p('2026-11-16'), [h(kol.overtimeSeconds('C1', '2026-11-16') / 3600)], [kol.name('C1')]),
  // presence
  yes(K, 'presence', 'was bala in on wednesday', p('2026-11-18'), [yesNo(kol.present('B1', '2026-11-18'))], [kol.name('B1')]),
  yes(
    K,
    'presence',
    'was dev in on 13/11/2026',
    p('2026-11-13'),
    [yesNo(kol.present('D1', '2026-11-13')), kol.firstIn('D1', '2026-11-13')!],
    [kol.name('D1')],
  ),
  yes(K, 'presence', 'how many people came in today', p(kToday), [people(present(kol, kToday).length)]),
  yes(
    K,
    'presence',
    'how many days was farah in last week',
    kLastWeek,
    [days(kol.presentDays('F1', kLastWeek.from, kLastWeek.to).length)],
    [kol.name('F1')],
  ),
  yes(K, 'presence', 'who came in on 11/16', p('2026-11-16'), [], namesOf(kol, present(kol, '2026-11-16'))),
  yes(
    K,
    'presence',
    'how many days was chitra in the past 3 days',
    p('2026-11-18', kToday),
    [days(kol.presentDays('C1', '2026-11-18', kToday).length)],
    [kol.name('C1')],
  ),
  // present_now
  yes(K, 'present_now', "who's in right now", 'now', [], namesOf(kol, inNow(kol))),
  yes(K, 'present_now', 'is dev in?', 'now', [yesNo(kol.inNow('D1'))], [kol.name('D1')]),
  yes(K, 'present_now', 'how many ppl are here now', 'now', [people(inNow(kol).length)]),
  // absence
  yes(K, 'absence', 'absentees on 18/11/2026', p('2026-11-18'), [], namesOf(kol, absent(kol, everyone(kol), '2026-11-18', '2026-11-18'))),
  yes(
    K,
    'absence',
    'which engineers were absent on monday',
    p('2026-11-16'),
    [],
    namesOf(kol, absent(kol, kol.codesOf('Engineering'), '2026-11-16', '2026-11-16')),
  ),
  yes(
    K,
    'absence',
    'how many days was bala absent 16th to 19th november',
    p('2026-11-16', '2026-11-19'),
    [days(kol.absentDays('B1', '2026-11-16', '2026-11-19').length)],
    [kol.name('B1')],
  ),
  // late
  yes(K, 'late', 'was bala late on tuesday', p('2026-11-17'), [min(kol.lateMinutes('B1', '2026-11-17')!)], [kol.name('B1')]),
  yes(
    K,
    'late',
    'how many times was bala late this week',
    kThisWeek,
    [days(countDays(kThisWeek.from, kThisWeek.to, (d) => kol.lateMinutes('B1', d) !== null))],
    [kol.name('B1')],
  ),
  (() => {
    const late = lateOn(kol, everyone(kol), kToday);
    return yes(
      K,
      'late',
      'who came in late today',
      p(kToday),
      late.map((c) => min(kol.lateMinutes(c, kToday)!)),
      namesOf(kol, late),
    );
  })(),
  // early
  (() => {
    const early = whoDays(kol, everyone(kol), kThisWeek.from, kThisWeek.to, (c, d) => kol.earlyMinutes(c, d) !== null);
    const mins = early.flatMap((c) =>
      datesBetween(kThisWeek.from, kThisWeek.to).flatMap((d) => (kol.earlyMinutes(c, d) === null ? [] : [min(kol.earlyMinutes(c, d)!)])),
    );
    return yes(K, 'early', 'who left early this week', kThisWeek, mins, namesOf(kol, early));
  })(),
  yes(K, 'early', 'did farah clock out early on 17/11/2026', p('2026-11-17'), [min(kol.earlyMinutes('F1', '2026-11-17')!)], [kol.name('F1')]),
  // arrival
  yes(K, 'arrival', 'what time did chitra come in on monday', p('2026-11-16'), [kol.firstIn('C1', '2026-11-16')!], [kol.name('C1')]),
  (() => {
    const [first] = byArrival(kol, kToday);
    return yes(K, 'arrival', 'who was first in today', p(kToday), [kol.firstIn(first!, kToday)!], [kol.name(first!)]);
  })(),
  yes(K, 'arrival', 'what time did dev clock in last friday', p('2026-11-13'), [kol.firstIn('D1', '2026-11-13')!], [kol.name('D1')]),
  // departure
  yes(K, 'departure', 'what time did bala clock out 17/11', p('2026-11-17'), [kol.lastOut('B1', '2026-11-17')!], [kol.name('B1')]),
  yes(K, 'departure', 'when did anita leave last monday', p('2026-11-16'), [kol.lastOut('A1', '2026-11-16')!], [kol.name('A1')]),
  // work_mode
  yes(
    K,
    'work_mode',
    'how many days did dev wfh week of nov 9',
    kLastWeek,
    [days(kol.modeDays('D1', kLastWeek.from, kLastWeek.to, 'WFH').length)],
    [kol.name('D1')],
  ),
  yes(
    K,
    'work_mode',
    'who worked from home this week',
    kThisWeek,
    [],
    namesOf(
      kol,
      everyone(kol).filter((c) => kol.modeDays(c, kThisWeek.from, kThisWeek.to, 'WFH').length > 0),
    ),
  ),
  // missing_out
  yes(
    K,
    'missing_out',
    'has chitra got any missing clock outs this week',
    kThisWeek,
    datesBetween(kThisWeek.from, kThisWeek.to)
      .filter((d) => kol.missingOut('C1', d))
      .map(dayLabel),
    [kol.name('C1')],
  ),
  yes(
    K,
    'missing_out',
    'who forgot to clock out yesterday',
    p(kYesterday),
    [],
    namesOf(
      kol,
      everyone(kol).filter((c) => kol.missingOut(c, kYesterday)),
    ),
  ),
  // leave
  back(K, 'leave', 'how many leave days has bala taken this month', ['leave']),
  back(K, 'leave', "who's on leave this week", ['leave']),
  // ask_back
  back(K, 'ask_back', 'hours for anita on 03/11', ['03/11']),
  back(K, 'ask_back', 'was dev in on 31 nov', ['31 nov']),
  back(K, 'ask_back', 'how many hours did rahul work this week', ['rahul']),
  back(K, 'ask_back', "bala's hrs during diwali week", ['diwali']),
  // out_of_scope
  back(K, 'out_of_scope', 'write a poem about punctuality', []),
  back(K, 'out_of_scope', 'delete all punches for bala', []),
];

// ---------------------------------------------------------------------------------------------
// newyork: today Wed 2026-11-04 14:30; this week 11-02..11-04; last week 10-26..11-01.
const N = 'newyork';
const nThisWeek = p('2026-11-02', '2026-11-04');
const nLastWeek = p('2026-10-26', '2026-11-01');
const nOctober = p('2026-10-01', '2026-10-31');
const nThisMonth = p('2026-11-01', '2026-11-04');
const nYesterday = '2026-11-03';
const nToday = '2026-11-04';

const newyork: EvalCase[] = [
  // hours
  yes(N, 'hours', 'hrs for priya last week', nLastWeek, [h(ny.hours(['U1'], nLastWeek.from, nLastWeek.to))], [ny.name('U1')]),
  yes(N, 'hours', 'total hours sales team in october', nOctober, [h(ny.hours(ny.codesOf('Sales'), nOctober.from, nOctober.to))]),
  yes(N, 'hours', "olga's hours week of oct 26", nLastWeek, [h(ny.hours(['W1'], nLastWeek.from, nLastWeek.to))], [ny.name('W1')]),
  yes(N, 'hours', 'how many hrs did everyone work between 10/19 and 10/23', p('2026-10-19', '2026-10-23'), [
    h(ny.hours(everyone(ny), '2026-10-19', '2026-10-23')),
  ]),
  yes(N, 'hours', 'luis hours this month', nThisMonth, [h(ny.hours(['W2'], nThisMonth.from, nThisMonth.to))], [ny.name('W2')]),
  yes(N, 'hours', 'hrs for olga since monday', p('2026-11-02', nToday), [h(ny.hours(['W1'], '2026-11-02', nToday))], [ny.name('W1')]),
  yes(N, 'hours', 'markus hrs last month', nOctober, [h(ny.hours(['S2'], nOctober.from, nOctober.to))], [ny.name('S2')]),
  // average
  yes(N, 'average', 'average daily hours for marcus last week', nLastWeek, [h(avgDaily(ny, 'S2', nLastWeek.from, nLastWeek.to))], [ny.name('S2')]),
  yes(N, 'average', 'avg arrival time for tom in october', nOctober, [avgArrival(ny, 'U2', nOctober.from, nOctober.to)], [ny.name('U2')]),
  yes(N, 'average', "grace's average hrs per day this month", nThisMonth, [h(avgDaily(ny, 'S1', nThisMonth.from, nThisMonth.to))], [ny.name('S1')]),
  // ranking
  (() => {
    const [first] = top(ny, everyone(ny), nLastWeek.from, nLastWeek.to, 1);
    return yes(
      N,
      'ranking',
      'who clocked the most hours last week',
      nLastWeek,
      hoursOf(ny, [first!], nLastWeek.from, nLastWeek.to),
      namesOf(ny, [first!]),
    );
  })(),
  (() => {
    const team = topTeam(ny, NEWYORK.teams, nOctober.from, nOctober.to);
    return yes(N, 'ranking', 'which team had the most hrs in october', nOctober, [team, h(ny.hours(ny.codesOf(team), nOctober.from, nOctober.to))]);
  })(),
  (() => {
    const two = top(ny, everyone(ny), '2026-11-02', nToday, 2);
    return yes(N, 'ranking', 'top 2 by hours past 3 days', p('2026-11-02', nToday), hoursOf(ny, two, '2026-11-02', nToday), namesOf(ny, two));
  })(),
  // compare
  yes(
    N,
    'compare',
    "compare tom and priya's hours in october",
    nOctober,
    hoursOf(ny, ['U2', 'U1'], nOctober.from, nOctober.to),
    namesOf(ny, ['U2', 'U1']),
  ),
  yes(N, 'compare', 'sales vs support hrs last week', nLastWeek, [
    h(ny.hours(ny.codesOf('Sales'), nLastWeek.from, nLastWeek.to)),
    h(ny.hours(ny.codesOf('Support'), nLastWeek.from, nLastWeek.to)),
  ]),
  // threshold
  yes(
    N,
    'threshold',
    'who worked more than 10 hours in a day last week',
    nLastWeek,
    [],
    namesOf(
      ny,
      whoDays(ny, everyone(ny), nLastWeek.from, nLastWeek.to, (c, d) => ny.seconds(c, d) > 10 * 3600),
    ),
  ),
  (() => {
    const over = everyone(ny).filter((c) => ny.hours([c], nLastWeek.from, nLastWeek.to) > 40);
    return yes(N, 'threshold', 'who did more than 40 hrs last week', nLastWeek, hoursOf(ny, over, nLastWeek.from, nLastWeek.to), namesOf(ny, over));
  })(),
  yes(
    N,
    'threshold',
    'how many days did grace work more than 8 hours this month',
    nThisMonth,
    [days(countDays(nThisMonth.from, nThisMonth.to, (d) => ny.seconds('S1', d) > 8 * 3600))],
    [ny.name('S1')],
  ),
  // overtime
  yes(N, 'overtime', 'overtime for olga last week', nLastWeek, [h(overtimeOf(ny, 'W1', nLastWeek.from, nLastWeek.to))], [ny.name('W1')]),
  (() => {
    const ot = everyone(ny).filter((c) => ny.overtimeSeconds(c, nYesterday) > 0);
    return yes(
      N,
      'overtime',
      'who did overtime yesterday',
      p(nYesterday),
      ot.map((c) => h(ny.overtimeSeconds(c, nYesterday) / 3600)),
      namesOf(ny, ot),
    );
  })(),
  // presence
  yes(N, 'presence', 'was samanta in on 10/28', p('2026-10-28'), [yesNo(ny.present('S3', '2026-10-28'))], [ny.name('S3')]),
  yes(N, 'presence', 'how many people came in on monday', p('2026-11-02'), [people(present(ny, '2026-11-02').length)]),
  yes(
    N,
    'presence',
    'how many days was luis in in october',
    nOctober,
    [days(ny.presentDays('W2', nOctober.from, nOctober.to).length)],
    [ny.name('W2')],
  ),
  yes(N, 'presence', 'was tom or priya in on 10/27/2026', p('2026-10-27'), [ny.firstIn('U1', '2026-10-27')!], namesOf(ny, ['U2', 'U1'])),
  // present_now
  yes(N, 'present_now', 'who is in now', 'now', [], namesOf(ny, inNow(ny))),
  yes(N, 'present_now', 'is olga still in', 'now', [yesNo(ny.inNow('W1'))], [ny.name('W1')]),
  // absence
  yes(N, 'absence', 'who was absent on 10/30', p('2026-10-30'), [], namesOf(ny, absent(ny, everyone(ny), '2026-10-30', '2026-10-30'))),
  yes(N, 'absence', 'absentees last week', nLastWeek, [], namesOf(ny, absent(ny, everyone(ny), nLastWeek.from, nLastWeek.to))),
  yes(
    N,
    'absence',
    'how many days was tom absent last week',
    nLastWeek,
    [days(ny.absentDays('U2', nLastWeek.from, nLastWeek.to).length)],
    [ny.name('U2')],
  ),
  // late
  yes(N, 'late', 'was marcus late on 10/21', p('2026-10-21'), [min(ny.lateMinutes('S2', '2026-10-21')!)], [ny.name('S2')]),
  (() => {
    const late = whoDays(ny, everyone(ny), nLastWeek.from, nLastWeek.to, (c, d) => ny.lateMinutes(c, d) !== null);
    const mins = late.flatMap((c) =>
      datesBetween(nLastWeek.from, nLastWeek.to).flatMap((d) => (ny.lateMinutes(c, d) === null ? [] : [min(ny.lateMinutes(c, d)!)])),
    );
    return yes(N, 'late', 'who was late last week', nLastWeek, mins, namesOf(ny, late));
  })(),
  yes(
    N,
    'late',
    'how many days was tom late in october',
    nOctober,
    [days(countDays(nOctober.from, nOctober.to, (d) => ny.lateMinutes('U2', d) !== null))],
    [ny.name('U2')],
  ),
  // early
  (() => {
    const early = whoDays(ny, everyone(ny), nThisWeek.from, nThisWeek.to, (c, d) => ny.earlyMinutes(c, d) !== null);
    const mins = early.flatMap((c) =>
      datesBetween(nThisWeek.from, nThisWeek.to).flatMap((d) => (ny.earlyMinutes(c, d) === null ? [] : [min(ny.earlyMinutes(c, d)!)])),
    );
    return yes(N, 'early', 'anyone leave early this week?', nThisWeek, mins, namesOf(ny, early));
  })(),
  yes(N, 'early', 'did tom leave early on 10/29', p('2026-10-29'), [min(ny.earlyMinutes('U2', '2026-10-29')!)], [ny.name('U2')]),
  // arrival
  yes(N, 'arrival', 'what time did samatha log in today', p(nToday), [ny.firstIn('S3', nToday)!], [ny.name('S3')]),
  (() => {
    const order = byArrival(ny, '2026-10-30');
    const last = order[order.length - 1]!;
    return yes(N, 'arrival', 'who got in latest on friday', p('2026-10-30'), [ny.firstIn(last, '2026-10-30')!], [ny.name(last)]);
  })(),
  yes(N, 'arrival', 'what time did marcus get in last wednesday', p('2026-10-28'), [ny.firstIn('S2', '2026-10-28')!], [ny.name('S2')]),
  // departure
  yes(N, 'departure', 'when did grace clock out yesterday', p(nYesterday), [ny.lastOut('S1', nYesterday)!], [ny.name('S1')]),
  yes(N, 'departure', 'what time did olga leave on 30/10', p('2026-10-30'), [ny.lastOut('W1', '2026-10-30')!], [ny.name('W1')]),
  // work_mode
  yes(
    N,
    'work_mode',
    'how many days did samantha wfh in october',
    nOctober,
    [days(ny.modeDays('S3', nOctober.from, nOctober.to, 'WFH').length)],
    [ny.name('S3')],
  ),
  yes(
    N,
    'work_mode',
    'who worked from home on 10/23',
    p('2026-10-23'),
    [],
    namesOf(
      ny,
      everyone(ny).filter((c) => ny.modeDays(c, '2026-10-23', '2026-10-23', 'WFH').length > 0),
    ),
  ),
  yes(
    N,
    'work_mode',
    'how many days was grace in the office last week',
    nLastWeek,
    [days(ny.modeDays('S1', nLastWeek.from, nLastWeek.to, 'WFO').length)],
    [ny.name('S1')],
  ),
  // missing_out
  yes(
    N,
    'missing_out',
    "who hasn't punched out from yesterday",
    p(nYesterday),
    [],
    namesOf(
      ny,
      everyone(ny).filter((c) => ny.missingOut(c, nYesterday)),
    ),
  ),
  yes(
    N,
    'missing_out',
    'any missing clock-outs for priya in october',
    nOctober,
    datesBetween(nOctober.from, nOctober.to)
      .filter((d) => ny.missingOut('U1', d))
      .map(dayLabel),
    [ny.name('U1')],
  ),
  // leave
  back(N, 'leave', 'how much annual leave does tom have left', ['leave']),
  back(N, 'leave', 'was samantha on leave last week', ['leave']),
  // ask_back
  back(N, 'ask_back', 'hours for marcus on 11/03', ['11/03']),
  back(N, 'ask_back', 'was grace in on 02/30/2026', ['02/30/2026']),
  back(N, 'ask_back', 'how many hours did kevin work last week', ['kevin']),
  back(N, 'ask_back', 'sales hrs over fall break', ['fall break']),
  // out_of_scope
  back(N, 'out_of_scope', "what's the capital of australia", []),
  back(N, 'out_of_scope', 'tell me a joke about mondays', []),
];

export const HELD_ASIDE: readonly EvalCase[] = [...kolkata, ...newyork];
