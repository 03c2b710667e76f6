-- The clamp the kept day totals (daily_work) and the daily_hours view count with, in one place:
-- shared/domain/work-hours.ts's DEFAULT_MAX_HOURS is its twin, and a test checks they agree.
-- A report asked for another clamp is computed from punch_sequence with that clamp instead.
CREATE FUNCTION "public"."kept_clamp_seconds"() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 16 * 3600 $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."refresh_daily_work"(p_emp uuid[], p_date date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.daily_work w
   USING (SELECT DISTINCT emp, d FROM unnest(p_emp, p_date) AS u(emp, d)) k
   WHERE w.employee_id = k.emp AND w.local_date = k.d;
  INSERT INTO public.daily_work (local_date, employee_id, seconds, sessions, open_sessions, clamped_sessions, auto_closed)
  SELECT k.d, k.emp,
         coalesce(sum(least(q.next_seconds, public.kept_clamp_seconds())) FILTER (WHERE q.next_kind = 'OUT'), 0),
         count(*) FILTER (WHERE q.next_kind = 'OUT'),
         count(*) FILTER (WHERE q.next_kind IS DISTINCT FROM 'OUT'),
         count(*) FILTER (WHERE q.next_kind = 'OUT' AND q.next_seconds > public.kept_clamp_seconds()),
         count(*) FILTER (WHERE q.next_kind = 'OUT' AND q.next_source = 'auto')
    FROM (SELECT DISTINCT emp, d FROM unnest(p_emp, p_date) AS u(emp, d)) k
    -- Any zone is within 14 h of UTC, so the date's INs lie in this at_utc window (by index).
    CROSS JOIN LATERAL (SELECT q.next_kind, q.next_seconds, q.next_source FROM public.punch_sequence q
                         WHERE q.employee_id = k.emp AND q.kind = 'IN' AND q.local_date = k.d
                           AND q.at_utc >= (k.d - 1)::timestamp AT TIME ZONE 'UTC'
                           AND q.at_utc < (k.d + 2)::timestamp AT TIME ZONE 'UTC' OFFSET 0) q
   GROUP BY k.d, k.emp;
END $$;
--> statement-breakpoint
CREATE OR REPLACE VIEW "reporting"."daily_hours" AS
SELECT employee_id, local_date,
       sum(least(elapsed_seconds, public.kept_clamp_seconds()))::bigint AS seconds,
       count(*)::int AS sessions,
       count(*) FILTER (WHERE elapsed_seconds > public.kept_clamp_seconds())::int AS clamped_sessions,
       count(*) FILTER (WHERE auto_closed)::int AS auto_closed_sessions
  FROM "reporting"."work_sessions"
 GROUP BY employee_id, local_date;
--> statement-breakpoint
DO $$
BEGIN
  GRANT EXECUTE ON FUNCTION public.kept_clamp_seconds() TO "frontdesk_reporting";
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
  RAISE NOTICE 'reporting grants skipped: %', SQLERRM;
END $$;
