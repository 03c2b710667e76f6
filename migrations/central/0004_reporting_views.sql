-- The work-hours rules (DESIGN.md) as SQL, the twin of shared/domain/work-hours.ts; a property
-- test checks that both agree. These views are the only relations the reporting role may read.
--   * an employee's punches are ordered by instant, ties by id; voided punches are skipped;
--   * an IN pairs with the immediately following punch when that is an OUT;
--   * an IN followed by an IN or by nothing is "missing OUT"; an OUT without an IN before it
--     is "missing IN";
--   * elapsed seconds are real (instants), clamped by the reader to max_hours;
--   * a session counts on the local date of its IN, in the zone of the site where it was made.
CREATE VIEW "reporting"."punches" AS
SELECT p.id, p.employee_id, p.kind, p.at_utc, p.site_id, p.device_id, p.work_mode, p.source,
       p.created_at, p.received_at,
       (v.punch_id IS NOT NULL) AS voided,
       COALESCE(s.tz, ts.tz, 'UTC') AS tz
  FROM public.punches p
  LEFT JOIN public.punch_voids v ON v.punch_id = p.id
  LEFT JOIN public.sites s ON s.id = p.site_id
  LEFT JOIN public.employees e ON e.id = p.employee_id
  LEFT JOIN public.teams t ON t.id = e.team_id
  LEFT JOIN public.sites ts ON ts.id = t.site_id;
--> statement-breakpoint
CREATE VIEW "reporting"."punch_sequence" AS
SELECT id, employee_id, kind, at_utc, work_mode, source, tz,
       lag(kind) OVER w AS prev_kind,
       lead(kind) OVER w AS next_kind,
       lead(id) OVER w AS next_id,
       lead(at_utc) OVER w AS next_at
  FROM "reporting"."punches"
 WHERE NOT voided
WINDOW w AS (PARTITION BY employee_id ORDER BY at_utc, id);
--> statement-breakpoint
CREATE VIEW "reporting"."work_sessions" AS
SELECT employee_id,
       id AS in_id,
       next_id AS out_id,
       at_utc AS in_at,
       next_at AS out_at,
       floor(extract(epoch FROM next_at - at_utc))::bigint AS elapsed_seconds,
       (at_utc AT TIME ZONE tz)::date AS local_date,
       tz,
       work_mode
  FROM "reporting"."punch_sequence"
 WHERE kind = 'IN' AND next_kind = 'OUT';
--> statement-breakpoint
CREATE VIEW "reporting"."exceptions" AS
SELECT employee_id,
       CASE WHEN kind = 'IN' THEN 'MISSING_OUT' ELSE 'MISSING_IN' END AS kind,
       id AS punch_id,
       at_utc,
       (at_utc AT TIME ZONE tz)::date AS local_date,
       tz
  FROM "reporting"."punch_sequence"
 WHERE (kind = 'IN' AND next_kind IS DISTINCT FROM 'OUT')
    OR (kind = 'OUT' AND prev_kind IS DISTINCT FROM 'IN');
--> statement-breakpoint
CREATE VIEW "reporting"."daily_hours" AS
SELECT employee_id, local_date,
       sum(least(elapsed_seconds, 16 * 3600))::bigint AS seconds,
       count(*)::int AS sessions,
       count(*) FILTER (WHERE elapsed_seconds > 16 * 3600)::int AS clamped_sessions
  FROM "reporting"."work_sessions"
 GROUP BY employee_id, local_date;
--> statement-breakpoint
CREATE VIEW "reporting"."employees" AS
SELECT e.id, e.code, e.name, e.role, e.is_manager, e.active, e.team_id, t.name AS team
  FROM public.employees e LEFT JOIN public.teams t ON t.id = e.team_id;
--> statement-breakpoint
CREATE VIEW "reporting"."teams" AS
SELECT t.id, t.name, t.site_id, s.name AS site, s.tz, s.shift_start, s.grace_minutes
  FROM public.teams t JOIN public.sites s ON s.id = t.site_id;
--> statement-breakpoint
DO $$
BEGIN
  GRANT SELECT ON ALL TABLES IN SCHEMA "reporting" TO "frontdesk_reporting";
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
  RAISE NOTICE 'reporting grants skipped: %', SQLERRM;
END $$;
