// The reports as SQL over the reporting views. Parameters, always the same order:
//   $1 from (local date)  $2 to (local date)  $3 team name|null  $4 employee code|null
//   $5 zone override|null  $6 max hours  $7 now (instant, for present-now)
//   $8 reach: team ids|null (null: every team)  $9 reach: site ids
// The reach is the caller's (shared/domain/access.ts): a manager of one team reads only it.
// A session's local date is taken in the zone of its site unless a zone is given.
import type { ReportName } from '../../../shared/contract/reports.js';
import { DEFAULT_MAX_HOURS } from '../../../shared/domain/work-hours.js';
import { shiftRuleInForce } from './shift-rule-sql.js';

/** The employees in the caller's reach ($8, $9): by team, or by the team's site. */
const IN_REACH = `($8::uuid[] IS NULL OR e.team_id = ANY($8::uuid[]) OR e.site_id = ANY($9::uuid[]))`;

const EMP = `emp AS (
  SELECT e.id, e.code, e.name, e.team, e.team_id, e.working_days FROM reporting.employees e
   WHERE ($3::text IS NULL OR e.team = $3) AND ($4::text IS NULL OR e.code = $4) AND ${IN_REACH})`;

/**
 * Instants that can fall on a local date in the range in any zone (zones are within ±14 h of
 * UTC): lets every report read only the range from the at_utc indexes, whatever the zone.
 */
const inRange = (column: string): string =>
  `${column} >= ($1::date - 1)::timestamp AT TIME ZONE 'UTC' AND ${column} < ($2::date + 2)::timestamp AT TIME ZONE 'UTC'`;

/** The local date of an instant: the stored one (the site's zone) unless a zone is given. */
const localDate = (at: string, stored: string): string =>
  `(CASE WHEN $5::text IS NULL THEN ${stored} ELSE (${at} AT TIME ZONE $5::text)::date END)`;

const SESSIONS = `sess AS (
  SELECT w.employee_id, ${localDate('w.in_at', 'w.local_date')} AS d, w.auto_closed,
         w.elapsed_seconds, least(w.elapsed_seconds, ($6::numeric * 3600)::int) AS secs
    FROM reporting.work_sessions w
   WHERE ${inRange('w.in_at')} AND w.employee_id IN (SELECT id FROM emp))`;

/** The first IN of each employee and local date, with the shift rule in force on that date. */
const RULE = shiftRuleInForce({ teamId: 'e.team_id', siteId: 'p.site_id', date: 'p.d' });
const FIRST_INS = `firsts AS (
  SELECT DISTINCT ON (p.employee_id, p.d) p.employee_id, p.d, p.at_utc, p.zone, p.work_mode, e.working_days,
         ${RULE.shiftStart} AS shift_start,
         ${RULE.graceMinutes} AS grace_minutes,
         ${RULE.shiftEnd} AS shift_end
    FROM (SELECT r.id, r.employee_id, r.at_utc, r.site_id, r.work_mode, coalesce($5::text, r.tz) AS zone, ${localDate('r.at_utc', 'r.local_date')} AS d
            FROM reporting.punch_sequence r
           WHERE r.kind = 'IN' AND ${inRange('r.at_utc')} AND r.employee_id IN (SELECT id FROM emp)) p
    JOIN emp e ON e.id = p.employee_id
    LEFT JOIN public.teams t ON t.id = e.team_id
    LEFT JOIN public.sites s ON s.id = p.site_id
    ${RULE.joins}
   WHERE p.d BETWEEN $1::date AND $2::date
   ORDER BY p.employee_id, p.d, p.at_utc, p.id),
late AS (
  -- Late only on a working day of the employee's site (isExpectedOn's weekdays): a Saturday IN
  -- has no shift to be late for.
  SELECT f.*, (f.at_utc AT TIME ZONE f.zone) > (f.d + f.shift_start::time + make_interval(mins => f.grace_minutes))
              AND position(',' || extract(isodow FROM f.d)::int || ',' IN ',' || replace(coalesce(nullif(f.working_days, ''), '1,2,3,4,5'), ' ', '') || ',') > 0
              AS is_late,
         floor(extract(epoch FROM (f.at_utc AT TIME ZONE f.zone) - (f.d + f.shift_start::time)) / 60)::int AS minutes_after_start
    FROM firsts f)`;

/** Declares every parameter (PostgreSQL wants each one used), whatever the report needs. */
const PARAMS = `params AS (
  SELECT $1::date AS from_date, $2::date AS to_date, $3::text AS team, $4::text AS employee,
         $5::text AS zone, $6::numeric AS max_hours, $7::timestamptz AS now_at, $8::uuid[] AS reach_teams, $9::uuid[] AS reach_sites)`;

const withParams = (sql: string): string => sql.replace(/^WITH /, `WITH ${PARAMS}, `);

const REPORTS: Record<ReportName, string> = {
  // One pass over the INs of the range: an IN followed by an OUT is a session, any other IN is
  // an open session ("missing OUT"), as in reporting.work_sessions and reporting.exceptions.
  workhours: `WITH ${EMP},
ins AS (
  SELECT r.employee_id, ${localDate('r.at_utc', 'r.local_date')} AS d, r.next_source,
         CASE WHEN r.next_kind = 'OUT' THEN least(r.next_seconds, ($6::numeric * 3600)::int) END AS secs
    FROM reporting.punch_sequence r
   WHERE r.kind = 'IN' AND ${inRange('r.at_utc')}),
agg AS (
  SELECT employee_id, d, sum(secs)::bigint AS seconds, count(secs)::int AS sessions,
         count(*) FILTER (WHERE secs IS NULL)::int AS open_sessions,
         count(*) FILTER (WHERE secs IS NOT NULL AND next_source = 'auto')::int AS auto_closed
    FROM ins WHERE d BETWEEN $1::date AND $2::date GROUP BY 1, 2)
SELECT e.code AS employee_code, e.name, e.team, a.d::text AS date,
       coalesce(a.seconds, 0)::int AS seconds, round(coalesce(a.seconds, 0) / 3600.0, 2)::float8 AS hours,
       a.sessions, a.open_sessions, a.auto_closed AS auto_closed_sessions
  FROM agg a JOIN emp e ON e.id = a.employee_id
 ORDER BY e.code COLLATE "C", a.d`,

  daily: `WITH ${EMP}
SELECT e.code AS employee_code, e.name, e.team, p.d::text AS date, count(*)::int AS ins
  FROM (SELECT employee_id, ${localDate('at_utc', 'local_date')} AS d
          FROM reporting.punch_sequence WHERE kind = 'IN' AND ${inRange('at_utc')}) p
  JOIN emp e ON e.id = p.employee_id
 WHERE p.d BETWEEN $1::date AND $2::date
 GROUP BY e.code, e.name, e.team, p.d
 ORDER BY p.d, e.code`,

  // Each person's days: the first IN (its work mode, the shift in force) and the last OUT.
  days: `WITH ${EMP}, ${FIRST_INS},
outs AS (
  SELECT DISTINCT ON (p.employee_id, p.d) p.employee_id, p.d, p.at_utc, p.zone
    FROM (SELECT r.id, r.employee_id, r.at_utc, coalesce($5::text, r.tz) AS zone, ${localDate('r.at_utc', 'r.local_date')} AS d
            FROM reporting.punch_sequence r
           WHERE r.kind = 'OUT' AND ${inRange('r.at_utc')} AND r.employee_id IN (SELECT id FROM emp)) p
   WHERE p.d BETWEEN $1::date AND $2::date
   ORDER BY p.employee_id, p.d, p.at_utc DESC, p.id DESC)
SELECT e.code AS employee_code, e.name, e.team, f.d::text AS date,
       to_char(f.at_utc AT TIME ZONE f.zone, 'HH24:MI') AS first_in,
       to_char(o.at_utc AT TIME ZONE o.zone, 'HH24:MI') AS last_out, f.work_mode, f.shift_start, f.shift_end
  FROM firsts f JOIN emp e ON e.id = f.employee_id
  LEFT JOIN outs o ON o.employee_id = f.employee_id AND o.d = f.d
 ORDER BY f.d, e.code`,

  late: `WITH ${EMP}, ${FIRST_INS}
SELECT e.code AS employee_code, e.name, e.team, l.d::text AS date,
       to_char(l.at_utc AT TIME ZONE l.zone, 'HH24:MI') AS first_in, l.shift_start, l.grace_minutes, l.minutes_after_start AS minutes_late
  FROM late l JOIN emp e ON e.id = l.employee_id
 WHERE l.is_late
 ORDER BY l.d, e.code`,

  exceptions: `WITH ${EMP}, ${SESSIONS}
SELECT * FROM (
  SELECT e.code AS employee_code, e.name, e.team,
         -- The last punch, an IN younger than the max hours, is in progress (openSessionState).
         CASE WHEN x.kind = 'MISSING_OUT' AND q.next_id IS NULL AND x.at_utc > $7::timestamptz - $6::numeric * interval '1 hour'
              THEN 'IN_PROGRESS' ELSE x.kind END AS kind,
         ${localDate('x.at_utc', 'x.local_date')}::text AS date,
         to_char(x.at_utc AT TIME ZONE coalesce($5::text, x.tz), 'HH24:MI') AS time, NULL::int AS elapsed_seconds
    FROM reporting.exceptions x JOIN emp e ON e.id = x.employee_id
    JOIN reporting.punch_sequence q ON q.id = x.punch_id
   WHERE ${inRange('x.at_utc')}
  UNION ALL
  SELECT e.code, e.name, e.team, CASE WHEN s.elapsed_seconds > $6::numeric * 3600 THEN 'CLAMPED' ELSE 'AUTO_CLOSED' END,
         s.d::text, NULL, s.elapsed_seconds::int
    FROM sess s JOIN emp e ON e.id = s.employee_id
   WHERE s.elapsed_seconds > $6::numeric * 3600 OR s.auto_closed) x
 WHERE x.date::date BETWEEN $1::date AND $2::date
 ORDER BY date, employee_code, kind`,

  'present-now': `WITH ${EMP},
last AS (
  SELECT DISTINCT ON (employee_id) employee_id, kind, at_utc, work_mode, tz
    FROM reporting.punch_sequence
   WHERE at_utc <= $7::timestamptz AND at_utc > $7::timestamptz - make_interval(hours => $6::int)
     AND employee_id IN (SELECT id FROM emp)
   ORDER BY employee_id, at_utc DESC, id DESC)
SELECT e.code AS employee_code, e.name, e.team, to_char(l.at_utc AT TIME ZONE coalesce($5::text, l.tz), 'YYYY-MM-DD HH24:MI') AS since,
       l.work_mode, floor(extract(epoch FROM $7::timestamptz - l.at_utc))::int AS seconds_in
  FROM last l JOIN emp e ON e.id = l.employee_id
 WHERE l.kind = 'IN' AND l.at_utc <= $7::timestamptz AND l.at_utc > $7::timestamptz - make_interval(hours => $6::int)
 ORDER BY e.team NULLS LAST, e.code`,

  trends: `WITH ${EMP}, ${SESSIONS}, ${FIRST_INS},
week_hours AS (
  SELECT employee_id, date_trunc('week', d)::date AS week, sum(secs)::bigint AS seconds
    FROM sess WHERE d BETWEEN $1::date AND $2::date GROUP BY 1, 2),
week_days AS (
  SELECT employee_id, date_trunc('week', d)::date AS week, count(*)::int AS days_present,
         count(*) FILTER (WHERE is_late)::int AS late_days,
         count(*) FILTER (WHERE work_mode = 'WFH')::int AS wfh_days,
         count(*) FILTER (WHERE work_mode = 'WFO')::int AS wfo_days,
         avg(extract(epoch FROM (at_utc AT TIME ZONE zone)::time))::float8 AS avg_first_in_s
    FROM late GROUP BY 1, 2),
per_employee AS (
  SELECT e.team, e.code AS employee_code, e.name, k.week,
         coalesce(d.days_present, 0) AS days_present, coalesce(w.seconds, 0) AS seconds,
         d.avg_first_in_s, coalesce(d.late_days, 0) AS late_days, coalesce(d.wfh_days, 0) AS wfh_days, coalesce(d.wfo_days, 0) AS wfo_days
    FROM (SELECT employee_id, week FROM week_hours UNION SELECT employee_id, week FROM week_days) k
    JOIN emp e ON e.id = k.employee_id
    LEFT JOIN week_hours w ON w.employee_id = k.employee_id AND w.week = k.week
    LEFT JOIN week_days d ON d.employee_id = k.employee_id AND d.week = k.week)
SELECT coalesce(team, '(no team)') AS team, employee_code, name, week::text AS week, days_present,
       round(seconds / 3600.0, 2)::float8 AS hours,
       CASE WHEN avg_first_in_s IS NULL THEN NULL ELSE to_char(make_interval(secs => avg_first_in_s), 'HH24:MI') END AS avg_first_in,
       late_days, wfh_days, wfo_days
  FROM per_employee
UNION ALL
SELECT coalesce(team, '(no team)'), NULL, NULL, week::text, sum(days_present)::int, round(sum(seconds) / 3600.0, 2)::float8,
       CASE WHEN avg(avg_first_in_s) IS NULL THEN NULL ELSE to_char(make_interval(secs => avg(avg_first_in_s)), 'HH24:MI') END,
       sum(late_days)::int, sum(wfh_days)::int, sum(wfo_days)::int
  FROM per_employee GROUP BY team, week
 ORDER BY 4, 1, 2 NULLS FIRST`,
};

export const REPORT_SQL = Object.fromEntries(
  Object.entries(REPORTS).map(([name, sql]) => [name, withParams(sql)]),
) as Record<ReportName, string>;

/**
 * Work hours read from the day totals kept as punches arrive: the same rows as the workhours
 * report, for the site zones and the default clamp.
 *
 * The employees come in code order and each one's days are read, in date order, from the
 * daily_work_employee_date index alone (migration 0007). PostgreSQL does not flatten a LATERAL
 * subquery that has its own ORDER BY, so this is a nested loop over the sorted employees and the
 * rows leave in (code, date) order with no sort. Sorting the joined rows instead costs more than
 * everything else in this query (14,000 rows for 2,000 employees over a week).
 */
const WORKHOURS_FROM_DAYS = withParams(`WITH emp AS (
  SELECT e.id, e.code, e.name, e.team FROM reporting.employees e
   WHERE ($3::text IS NULL OR e.team = $3) AND ($4::text IS NULL OR e.code = $4) AND ${IN_REACH}
   ORDER BY e.code COLLATE "C")
SELECT e.code AS employee_code, e.name, e.team, w.date_text AS date, w.seconds, w.hours,
       w.sessions, w.open_sessions, w.auto_closed_sessions
  FROM emp e
 CROSS JOIN LATERAL (
  SELECT d.local_date, d.date_text, d.seconds, d.hours, d.sessions, d.open_sessions, d.auto_closed_sessions
    FROM reporting.daily_work d
   WHERE d.employee_id = e.id AND d.local_date BETWEEN $1::date AND $2::date
   ORDER BY d.local_date) w`);

/**
 * The same rows as WORKHOURS_FROM_DAYS, each as the REST API's JSON object text (one column):
 * the employee's fields written here, the day's from the tail kept with each day total
 * (daily_work.rest_tail, migration 0014), read from the daily_work_employee_date_rest index
 * alone. to_json escapes a name as JSON.stringify does, so the text is the same byte for byte.
 */
const WORKHOURS_JSON_FROM_DAYS = withParams(`WITH emp AS (
  SELECT e.id, '{"employee_id":' || to_json(e.code)::text || ',"name":' || to_json(e.name)::text
         || ',"team":' || coalesce(to_json(e.team)::text, 'null') AS head
    FROM reporting.employees e
   WHERE ($3::text IS NULL OR e.team = $3) AND ($4::text IS NULL OR e.code = $4) AND ${IN_REACH}
   ORDER BY e.code COLLATE "C")
SELECT e.head || w.rest_tail AS json
  FROM emp e
 CROSS JOIN LATERAL (
  SELECT d.local_date, d.rest_tail
    FROM reporting.daily_work d
   WHERE d.employee_id = e.id AND d.local_date BETWEEN $1::date AND $2::date
   ORDER BY d.local_date) w`);

/**
 * The SQL for a report. Work hours come from the day totals (kept at the site zones and the
 * default clamp) unless the request asks for another zone or clamp.
 */
export function reportSql(name: ReportName, options: { tz: string | null; maxHours: number }): string {
  if (name === 'workhours' && options.tz === null && options.maxHours === DEFAULT_MAX_HOURS) return WORKHOURS_FROM_DAYS;
  return REPORT_SQL[name];
}

/**
 * SQL whose rows are the report's REST JSON objects as text (column `json`, in order), when the
 * report has one: work hours read from the day totals. Null: key the report's SQL instead.
 */
export function reportJsonSql(name: ReportName, options: { tz: string | null; maxHours: number }): string | null {
  return reportSql(name, options) === WORKHOURS_FROM_DAYS ? WORKHOURS_JSON_FROM_DAYS : null;
}

/**
 * `sql` with its columns renamed and ordered as `fields` says ([key, column] pairs), so that each
 * row PostgreSQL sends is already the object an answer writes (no copy per row in Node).
 */
export function keyedSql(sql: string, fields: readonly [string, string][]): string {
  const list = fields.map(([key, column]) => {
    if (!/^[a-z_]+$/.test(key) || !/^[a-z_]+$/.test(column)) throw new Error(`not a column name: ${key} ${column}`);
    return key === column ? `r.${column}` : `r.${column} AS ${key}`;
  });
  return `SELECT ${list.join(', ')} FROM (${sql}) r`;
}

export const REPORT_COLUMNS: Record<ReportName, string[]> = {
  workhours: ['employee_code', 'name', 'team', 'date', 'seconds', 'hours', 'sessions', 'open_sessions', 'auto_closed_sessions'],
  daily: ['employee_code', 'name', 'team', 'date', 'ins'],
  days: ['employee_code', 'name', 'team', 'date', 'first_in', 'last_out', 'work_mode', 'shift_start', 'shift_end'],
  late: ['employee_code', 'name', 'team', 'date', 'first_in', 'shift_start', 'grace_minutes', 'minutes_late'],
  exceptions: ['employee_code', 'name', 'team', 'kind', 'date', 'time', 'elapsed_seconds'],
  'present-now': ['employee_code', 'name', 'team', 'since', 'work_mode', 'seconds_in'],
  trends: ['team', 'employee_code', 'name', 'week', 'days_present', 'hours', 'avg_first_in', 'late_days', 'wfh_days', 'wfo_days'],
};
