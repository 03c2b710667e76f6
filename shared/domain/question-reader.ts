// The offline reader: a manager's question to a query plan, or a question back. Every word must
// be understood — a date (date-reader.ts), a person or team of the roster, a word that says what
// to measure or how to aggregate, or a plain word of English grammar; anything else is named in
// the question back ("I didn't understand “rainy season”"). It never fills a part the question
// did not give: no date means a question back, except the present tense ("who is in", "who is
// late"), which means now or today.
import { dateOrderOf, Masked, readPeriod } from './date-reader.js';
import { MAX_TOP_N, type Grouping, type HoursThreshold, type Measure, type QueryPlan } from './query-plan.js';
import { editDistance, type RosterNames } from './question.js';
import { LEAVE_NOT_RECORDED } from './plan-answer.js';

export type ReaderOutcome = { plan: QueryPlan } | { ask: string };

const FILLER = new Set(
  `a an the of in on at for to from by with and or vs versus than between during over within since until till through
   who whom whose what which when how many much did does do done was were is are be been being has have had it its this that these those
   there their them they he she his her him i me my we us our you your please kindly can could would will should tell show list give get
   find see know want need check let name names all any each every per total number count anyone anybody everyone everybody someone
   somebody people person persons employee employees staff member members folks team teams department dept group crew
   hour hours hrs hr h day days times work worked working works put spent spend logged log most least fewest more less
   so far still yet just only also both either whether any one ones ever yes up out back home office here right now currently
   s t d ll re ve amount altogether overall summary number take took taken taking ppl guys got get gets clocked min mins minute minutes payroll report reports make made done been side`
    .split(/\s+/)
    .filter(Boolean),
);

interface Cue {
  measure: Measure;
  re: RegExp;
}

const PUNCH_OUT = '(?:punch(?:ed|ing)?|clock(?:ed|ing)?|check(?:ed|ing)?|sign(?:ed|ing)?|log(?:ged|ging)?)[- ]?out';
const PUNCH_IN = '(?:punch(?:ed|ing)?|clock(?:ed|ing)?|check(?:ed|ing)?|sign(?:ed|ing)?|log(?:ged|ging)?)[- ]?in';
/** What to measure, in priority order: the first cue found wins. */
const CUES: Cue[] = [
  {
    measure: 'leave',
    re: /\b(on|take|took|taking|taken|annual|sick|casual|paid|unpaid|maternity|paternity) leave\b|\bleave (days?|balance|requests?|applications?)\b|\bleaves\b|\bvacations?\b|\bholidays?\b|\bdays? off\b|\btime off\b|\bsick\b/,
  },
  {
    measure: 'missing_out',
    re: new RegExp(
      `\\b(forg[eo]t(?:ten)?|missing|missed|miss|no|without(?: an?)?|never) (?:to )?${PUNCH_OUT}s?\\b|\\bmissing outs?\\b|\\b(?:hasn't|haven't|didn't|did not|has not|have not|not|never|hasnt|didnt) ${PUNCH_OUT}\\b|\\bopen sessions?\\b|\\bno outs?\\b|\\bwithout an? out\\b`,
    ),
  },
  { measure: 'overtime', re: /\bover ?time\b|\bextra hours\b|\bot\b/ },
  { measure: 'late', re: /\b(late ?comers?|late|tardy|tardies|tardiness|punctuality|punctual)\b|\bafter (the )?shift start\b/ },
  {
    measure: 'early_departure',
    re: new RegExp(
      `\\b(left|leave|leaving|went home|go home|gone home|${PUNCH_OUT}|departed?) (too )?early\\b|\\bearly (departures?|leavers?|exits?)\\b|\\b(left|leave|leaving|went home|go home) before (the )?(end|shift end)( of (the|their|his|her) shift)?\\b|\\bearly (did|does) (?:\\S+ ){0,3}(leave|go home|${PUNCH_OUT})\\b`,
    ),
  },
  {
    measure: 'departure_time',
    re: new RegExp(
      `\\b(what time|when) (?:did|does|do|has|have|will) (?:\\S+ ){0,3}(?:usually |normally |typically )?(leave|go home|${PUNCH_OUT}|depart|finish)\\b|\\b(leave|leaving|departure|${PUNCH_OUT}|finish) times?\\b|\\b(left|leave|${PUNCH_OUT}) (the )?(last|latest|first|earliest)\\b|\\b(last|first|latest|earliest) to (leave|${PUNCH_OUT}|go home)\\b|\\bdepartures?\\b|\\blast out\\b`,
    ),
  },
  {
    measure: 'arrival_time',
    re: new RegExp(
      `\\b(what time|when) (?:did|does|do|has|have|will) (?:\\S+ ){0,3}(?:usually |normally |typically )?(come in|arrive|get in|${PUNCH_IN}|start|show up|reach)\\b|\\b(arrival|${PUNCH_IN}|start|in) times?\\b|\\b(came(?: in)?|come(?: in)?|arrived|arrive|${PUNCH_IN}|got in) (the )?(first|earliest|last|latest)\\b|\\b(first|earliest|last|latest) to (arrive|come in|${PUNCH_IN})\\b|\\barrivals?\\b|\\bfirst in\\b`,
    ),
  },
  {
    measure: 'absence',
    re: /\b(absent|absentees?|absences?|no[- ]shows?|missing)\b|\b(didn't|did not|didnt|wasn't|was not|weren't|were not|isn't|is not|aren't|are not|not) (come|show|turn|in|present|make it|attend)\b|\b(was|were|is|are) (out|away|off)\b/,
  },
  {
    measure: 'work_mode',
    re: /\b(wfh|wfo|remote(ly)?|work(ing|ed)? mode|from home|at home|home (vs|versus|or|and) office|office (vs|versus|or|and) home|in (the )?office|onsite|on site|(office|home|wfh|wfo|remote) days?)\b/,
  },
  {
    measure: 'hours',
    re: /\b(hours?|hrs?|how long|worked|work(ed)? time|time (at work|spent|worked)|put in|work|longest (day|shift)s?|shortest (day|shift)s?)\b/,
  },
  {
    measure: 'presence',
    re: new RegExp(
      `\\b(came in|come in|comes in|coming in|came|come|comes|arrived|came to work|come to work|showed up|show up|turned up|turn up|present|attendance|attended|attend|head ?counts?|${PUNCH_IN}|in the building|at work)\\b|\\b(is|was|were|are|been|who's|whos|anyone|anybody|everyone|people|ppl|staff)( or| and)? (still |currently )?(in|here|around|in the office)\\b|\\bin (right )?now\\b`,
    ),
  },
];

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const tokensOf = (s: string): { word: string; at: number }[] =>
  [...s.matchAll(/[\p{L}\p{N}\p{S}\p{Co}]+/gu)].map((m) => ({ word: m[0], at: m.index }));

interface Named {
  codes: string[];
  teams: string[];
  ambiguous: { text: string; options: { code: string; name: string }[] } | null;
  /** Where the names stood in the question. */
  spans: [number, number][];
}

/** People and teams the question names, and the characters that named them. */
const escapeRe = (text: string): string => text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole name: not inside a longer word, whatever characters it starts or ends with. */
const wholeRe = (names: readonly string[]): RegExp | null =>
  names.length === 0
    ? null
    : new RegExp(
        `(?<![\\p{L}\\p{N}])(${[...names]
          .sort((a, b) => b.length - a.length)
          .map(escapeRe)
          .join('|')})(?![\\p{L}\\p{N}])(?:'s)?`,
        'gu',
      );

/** Full names of people and teams, before the dates (a person called April Jones is not April). */
function readFullNames(mask: Masked, roster: RosterNames, out: Named): void {
  const teams = wholeRe(roster.teams);
  for (const m of teams ? mask.rest.matchAll(teams) : []) {
    const team = roster.teams.find((t) => t.toLowerCase() === m[1])!;
    if (!out.teams.includes(team)) out.teams.push(team);
    out.spans.push([m.index, m.index + m[0].length]);
    mask.take(m.index, m.index + m[0].length);
  }
  const people = wholeRe(roster.employees.map((e) => e.name));
  for (const m of people ? mask.rest.matchAll(people) : []) {
    for (const e of roster.employees.filter((x) => x.name.toLowerCase() === m[1])) if (!out.codes.includes(e.code)) out.codes.push(e.code);
    out.spans.push([m.index, m.index + m[0].length]);
    mask.take(m.index, m.index + m[0].length);
  }
}

/** Codes, first or last names, one letter off in a longer name. */
function readShortNames(mask: Masked, roster: RosterNames, out: Named): void {
  const add = (code: string) => {
    if (!out.codes.includes(code)) out.codes.push(code);
  };
  const byPart = new Map<string, { code: string; name: string }[]>();
  for (const e of roster.employees) for (const part of new Set(e.name.toLowerCase().split(/\s+/))) byPart.set(part, [...(byPart.get(part) ?? []), e]);
  const longParts = [...byPart.keys()].filter((p) => p.length >= 5);
  const byCode = new Map(roster.employees.map((e) => [e.code.toLowerCase(), e]));
  for (const t of tokensOf(mask.rest)) {
    const word = t.word;
    const end = t.at + word.length + (/^'s\b/.test(mask.rest.slice(t.at + word.length)) ? 2 : 0);
    const coded = /\d/.test(word) ? byCode.get(word) : undefined;
    if (coded) {
      add(coded.code);
      out.spans.push([t.at, end]);
      mask.take(t.at, end);
      continue;
    }
    if (FILLER.has(word) || word.length < 3) continue;
    // "engineers", "the warehouse guys": a word that starts a one-word team's name is that team.
    const stem = word.replace(/s$/, '');
    const team = stem.length >= 5 ? roster.teams.find((t) => !/\s/.test(t) && t.toLowerCase().startsWith(stem)) : undefined;
    if (team && !byPart.has(word)) {
      if (!out.teams.includes(team)) out.teams.push(team);
      out.spans.push([t.at, end]);
      mask.take(t.at, end);
      continue;
    }
    const exact = byPart.get(word) ?? [];
    const near =
      exact.length > 0
        ? exact
        : word.length >= 4 && word.length <= 40
          ? [...new Set(longParts.filter((p) => Math.abs(p.length - word.length) <= 1 && editDistance(word, p) <= 1).flatMap((p) => byPart.get(p)!))]
          : [];
    if (near.length === 1) {
      add(near[0]!.code);
      out.spans.push([t.at, end]);
      mask.take(t.at, end);
    } else if (near.length > 1 && !out.ambiguous) {
      out.ambiguous = { text: word, options: near.map((e) => ({ code: e.code, name: e.name })) };
      mask.take(t.at, end);
    }
  }
}

const quoted = (parts: string[]): string => parts.map((p) => `“${p}”`).join(', ');

/** Reads a question against the roster and today's local date in the site's zone. */
export function readQuestion(question: string, today: string, tz: string, roster: RosterNames): ReaderOutcome {
  const q = question
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s*[–—]\s*/g, ' to ')
    .replace(/(\p{L}|\d)\s+-\s+(?=\p{L}|\d)/gu, '$1 to ')
    .replace(/[?!.,;:]+(\s|$)/g, ' $1')
    .replace(/\s+/g, ' ')
    .trim();
  const mask = new Masked(q);
  const named: Named = { codes: [], teams: [], ambiguous: null, spans: [] };
  readFullNames(mask, roster, named);
  const when = readPeriod(mask.rest, today, dateOrderOf(tz), mask);
  if (when.kind === 'ask')
    return { ask: `I can't use the date “${when.text}”: ${when.why}. Ask again with the date written out, such as 3 Nov 2026 or 2026-11-03.` };

  // Thresholds and top/bottom N before names, so their numbers are read as numbers.
  let threshold: HoursThreshold | undefined;
  let th0 = '';
  const th =
    /\b(more than|over|above|greater than|longer than|at least|less than|under|below|fewer than|shorter than|at most|>=|<=|>|<) ?(\d+(?:\.\d+)?) ?(?:hours?|hrs?|h)\b/.exec(
      mask.rest,
    );
  const bare = th
    ? null
    : /\b(more than|over|above|greater than|longer than|at least|less than|under|below|fewer than|shorter than|at most) (\d+(?:\.\d+)?)\b(?! ?(?:min|mins|minutes|am|pm|days?|people|times)\b)/.exec(
        mask.rest,
      );
  const thresholdMatch = th ?? (bare && /\b(hours?|hrs?)\b/.test(mask.rest) ? bare : null);
  if (thresholdMatch) {
    const th = thresholdMatch;
    th0 = th[0];
    if (Number(th[2]) > 24 * 31) return { ask: `I can't use “${th[0]}”: that is more hours than a month has.` };
    const op = /more|over|above|greater|longer|^>$/.test(th[1]!)
      ? 'gt'
      : /at least|>=/.test(th[1]!)
        ? 'gte'
        : /at most|<=/.test(th[1]!)
          ? 'lte'
          : 'lt';
    const perDay =
      /\b(a|per|each|any|in one|one|single) day\b|\bdaily\b|\bon a day\b|\b(how many|number of) days\b/.test(mask.rest) ||
      (when.kind === 'period' && when.from === when.to);
    threshold = { op, hours: Number(th[2]), per: perDay ? 'day' : 'period' };
    mask.take(th.index, th.index + th[0].length);
    const per = /\b(in |on )?(a|per|each|any|one|single) day\b|\bdaily\b/.exec(mask.rest);
    if (per && perDay) mask.take(per.index, per.index + per[0].length);
  }
  let n: number | undefined;
  let rank: 'top' | 'bottom' | undefined;
  const topN = /\b(top|bottom|best|worst) (\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(mask.rest);
  if (topN) {
    n = /^\d+$/.test(topN[2]!) ? Number(topN[2]) : NUMBER_WORDS[topN[2]!];
    rank = /top|best/.test(topN[1]!) ? 'top' : 'bottom';
    mask.take(topN.index, topN.index + topN[0].length);
    if (!n || n > MAX_TOP_N) return { ask: `I can rank the top ${MAX_TOP_N} at most; ask for fewer than “${topN[0]}”.` };
  }

  readShortNames(mask, roster, named);
  if (named.ambiguous)
    return {
      ask: `Which one do you mean by “${named.ambiguous.text}”: ${named.ambiguous.options.map((o) => `${o.name} (${o.code})`).join(' or ')}? Ask again with the full name or code.`,
    };

  // Questions that need more than one plan, or a comparison the plan cannot make, are asked back.
  const before = (at: number) => q.slice(0, at);
  for (const [at] of named.spans)
    if (/\b(more|less|fewer|longer|shorter|earlier|later|than|as much as|as many as)\s*$/.test(before(at)))
      return { ask: "I can't compare with one person's figure; ask for both instead (for example, compare Anita and Bala hours last week)." };
  if (named.codes.length > 0 && named.teams.length > 0)
    return { ask: 'I compare people with people, or teams with teams: ask about the people, or about the teams.' };
  if (/'s team\b|\bteam of\b/.test(q) && named.codes.length > 0)
    return { ask: "Name the team itself (for example, hours of Front Office this week), not a person's team." };

  const rest = mask.rest.replace(/\s+/g, ' ');
  const cue = CUES.find((c) => c.re.test(rest));
  // "who did more than 8 hours": the threshold itself names hours.
  const measure = cue?.measure ?? (threshold ? 'hours' : undefined);
  // The words that said what to measure or how to aggregate are read; anything else must be filler.
  const AGG_WORDS =
    /\b(average|avg|mean|typical|usually|compare|comparison|vs|versus|most|highest|longest|biggest|fewest|least|lowest|shortest|smallest|first|earliest|last|latest|who|which|how many|number of|head ?counts?|per (day|week|person|team)|by (day|week|person|team|hours?)|each (day|week|person|team)|daily|weekly|week by week|day by day|split|breakdown|break down|ranking|rank|ranked|top|bottom|more|less)\b/g;
  const read = new Masked(rest);
  for (const c of CUES) for (const m of rest.matchAll(new RegExp(c.re.source, 'g'))) read.take(m.index, m.index + m[0].length);
  for (const m of rest.matchAll(AGG_WORDS)) read.take(m.index, m.index + m[0].length);
  const unknown = unknownPhrases(read.rest);
  if (measure === 'leave') return { ask: `${LEAVE_NOT_RECORDED}${unknown.length ? ` (I also didn't understand ${quoted(unknown)}.)` : ''}` };
  if (unknown.length) {
    const unread = quoted(unknown);
    return {
      ask: `I can't answer that: I didn't understand ${unread}. I answer questions about hours, arrivals and departures, late arrivals, early departures, absences, who came in or is in now, work from home, missing OUTs and overtime, for people or teams of the roster over dates you name.`,
    };
  }
  if (!measure)
    return {
      ask: "I can't answer that: I couldn't tell what to measure. Ask about hours, arrivals, departures, late arrivals, absences, who came in, work from home, missing OUTs or overtime.",
    };
  // Two things to measure ("late or absent", "came in first and left last"): one plan answers one.
  const second = secondMeasure(rest, measure);
  if (second) return { ask: `I answer one thing at a time: ask about ${MEASURE_WORDS[measure]} and ${MEASURE_WORDS[second]} separately.` };
  if (threshold && measure !== 'hours' && measure !== 'overtime' && measure !== 'presence')
    return {
      ask: `I can filter hours by “${th0}”, not ${MEASURE_WORDS[measure]}; ask for the ${MEASURE_WORDS[measure]} and read the minutes in the answer.`,
    };
  if (threshold && /\b(every|each|all) (working )?days?\b|\bon average\b|\baverage\b/.test(rest))
    return {
      ask: `I can find days over or under “${th0}”, or totals, but not “every day” or an average against it; ask for the days, or the totals.`,
    };
  if (/\bwhich (day|date|week)s?\b.*\b(most|fewest|least|highest|lowest|busiest|quietest)\b/.test(rest))
    return { ask: 'I answer about people and teams, not which day or week: ask for the figures per day (for example, hours per day last week).' };

  const has = (re: RegExp) => re.test(rest);
  const presentTense =
    has(/\b(is|are|who's|whos|isn't|aren't|currently|right now|now|at the moment|still)\b/) && !has(/\b(was|were|did|didn't|had)\b/);
  let period: QueryPlan['period'];
  if (when.kind === 'period') period = { kind: 'dates', from: when.from, to: when.to };
  else if (presentTense && (measure === 'presence' || (measure === 'work_mode' && has(/\bnow\b/)))) period = { kind: 'now' };
  else if (presentTense) period = { kind: 'dates', from: today, to: today };
  else return { ask: 'For which dates? Say a day or a range, for example today, yesterday, last week, in October, 3 Nov or 2026-11-03.' };
  if (period.kind === 'now' && measure !== 'presence') period = { kind: 'dates', from: today, to: today };

  const agg = aggregationOf(measure, rest, rank, n, named);
  const groupBy: Grouping =
    has(/\bwhich teams?\b|\b(per|by|each) team\b|\bteam (worked|had|put|with)\b/) && named.teams.length === 0
      ? 'team'
      : has(/\b(per|by|each|every) (person|employee|one|member|individual)\b|\beach of them\b|\beveryone's\b|\bindividual(ly)?\b/) &&
          named.codes.length !== 1
        ? 'person'
        : has(/\b(per|by|each) day\b|\bday by day\b|\bdaily\b/) && !threshold && agg.kind !== 'average'
          ? 'day'
          : has(/\b(per|by|each) week\b|\bweek by week\b|\bweekly\b|\btrend\b/)
            ? 'week'
            : 'none';
  const filter: QueryPlan['filter'] = {
    ...(threshold ? { hours: threshold } : {}),
    ...(measure === 'work_mode' &&
    has(/\b(wfh|remote(ly)?|from home|at home)\b/) &&
    !has(/\b(vs|versus|or|and|split|breakdown)\b.*\b(office|wfo)\b|\b(office|wfo)\b.*\b(vs|versus|or|and)\b/)
      ? { workMode: 'WFH' as const }
      : measure === 'work_mode' && has(/\b(wfo|office|onsite|on site)\b/) && !has(/\b(wfh|home|remote(ly)?)\b/)
        ? { workMode: 'WFO' as const }
        : {}),
  };
  return { plan: planOf(threshold && measure === 'presence' ? 'hours' : measure, named, period, filter, agg, groupBy) };
}

const MEASURE_WORDS: Record<Measure, string> = {
  hours: 'hours',
  overtime: 'overtime',
  presence: 'who came in',
  absence: 'absences',
  late: 'late arrivals',
  early_departure: 'early departures',
  arrival_time: 'arrival times',
  departure_time: 'departure times',
  work_mode: 'work from home',
  missing_out: 'missing OUTs',
  leave: 'leave',
};
/** Measures that ask a question of their own (hours and presence words go along with the others). */
const DISTINCT: readonly Measure[] = ['overtime', 'late', 'early_departure', 'arrival_time', 'departure_time', 'work_mode', 'missing_out', 'absence'];

/** A second thing to measure, once the first one's words are read. */
function secondMeasure(rest: string, first: Measure): Measure | null {
  const left = new Masked(rest);
  for (const c of CUES.filter((x) => x.measure === first))
    for (const m of rest.matchAll(new RegExp(c.re.source, 'g'))) left.take(m.index, m.index + m[0].length);
  const distinct = first === 'overtime' ? [...DISTINCT, 'hours'] : DISTINCT;
  const other = CUES.find((c) => c.measure !== first && distinct.includes(c.measure) && c.re.test(left.rest));
  if (!other) return null;
  // Hours with overtime ("hours of overtime") and a presence word with the rest are one question.
  if (first === 'overtime' && other.measure === 'hours' && /\bput in\b|\b(hours?|hrs?) (of )?over ?time\b|\bover ?time (hours?|hrs?)\b/.test(rest))
    return null;
  // "Late arrivals" are late; "early departures" are early.
  if ((first === 'late' && other.measure === 'arrival_time') || (first === 'early_departure' && other.measure === 'departure_time')) return null;
  return other.measure;
}

function aggregationOf(
  measure: Measure,
  rest: string,
  rank: 'top' | 'bottom' | undefined,
  n: number | undefined,
  named: Named,
): QueryPlan['aggregation'] {
  const has = (re: RegExp) => re.test(rest);
  const subjects = named.codes.length + named.teams.length;
  if (rank) return { kind: rank, n: n ?? 1 };
  if (has(/\b(average|avg|mean|typical|usually|on average)\b/)) return { kind: 'average' };
  if (measure === 'overtime' && named.codes.length === 0 && !has(/\b(total|sum|altogether|in all|how much|how many hours)\b/))
    return { kind: 'list' };
  if (measure === 'arrival_time' || measure === 'departure_time') {
    if (has(/\b(earliest|first)\b/)) return { kind: 'min' };
    if (has(/\b(latest|last)\b/)) return { kind: 'max' };
    return { kind: 'list' };
  }
  if (measure === 'hours' || measure === 'overtime') {
    if (has(/\b(how many|number of) days\b/)) return { kind: 'count' };
    if (subjects >= 2 || has(/\b(compare|comparison|vs|versus|side by side)\b/)) return { kind: 'compare' };
    if (has(/\b(most|highest|longest|biggest)\b/)) return { kind: 'top', n: 1 };
    if (has(/\b(fewest|least|lowest|shortest|smallest)\b/)) return { kind: 'bottom', n: 1 };
    if (measure === 'overtime' && has(/\bwho\b/) && named.codes.length === 0) return { kind: 'list' };
    return { kind: 'sum' };
  }
  if (has(/\b(most|highest|biggest)\b/)) return { kind: 'top', n: 1 };
  if (has(/\b(fewest|least|lowest)\b/)) return { kind: 'bottom', n: 1 };
  if (has(/\bhow many\b|\bnumber of\b|\bhead ?counts?\b|\bhow often\b|\btimes\b|\bcount\b|\battendance\b/)) return { kind: 'count' };
  return { kind: 'list' };
}

function planOf(
  measure: Measure,
  named: Named,
  period: QueryPlan['period'],
  filter: QueryPlan['filter'],
  aggregation: QueryPlan['aggregation'],
  groupBy: Grouping,
): QueryPlan {
  const subject: QueryPlan['subject'] =
    named.codes.length > 0
      ? { kind: 'employees', codes: named.codes }
      : named.teams.length > 0
        ? { kind: 'teams', names: named.teams }
        : { kind: 'everyone' };
  // Overtime "who": those with any; listing means a threshold of more than 0 h past the shift.
  if (measure === 'overtime' && aggregation.kind === 'list' && !filter.hours)
    return { measure, subject, period, filter: { ...filter, hours: { op: 'gt', hours: 0, per: 'day' } }, aggregation, groupBy };
  return { measure, subject, period, filter, aggregation, groupBy };
}

/** Runs of words that are neither read nor filler, as typed. */
function unknownPhrases(rest: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let lastEnd = -1;
  for (const t of tokensOf(rest)) {
    const known = FILLER.has(t.word);
    if (known) {
      if (run.length) out.push(run.join(' '));
      run = [];
      continue;
    }
    if (run.length && rest.slice(lastEnd, t.at).trim() !== '') {
      out.push(run.join(' '));
      run = [];
    }
    run.push(t.word);
    lastEnd = t.at + t.word.length;
  }
  if (run.length) out.push(run.join(' '));
  return out;
}
