CREATE TABLE "daily_work" (
	"local_date" date NOT NULL,
	"employee_id" uuid NOT NULL,
	"seconds" integer NOT NULL,
	"sessions" integer NOT NULL,
	"open_sessions" integer NOT NULL,
	"clamped_sessions" integer NOT NULL,
	"auto_closed" integer NOT NULL,
	CONSTRAINT "daily_work_local_date_employee_id_pk" PRIMARY KEY("local_date","employee_id")
);
--> statement-breakpoint
-- Recomputes daily_work for the given (employee, local date) pairs from punch_sequence: the INs
-- counted on that date, each closed by the OUT right after it (clamped to 16 h) or left open.
-- Callers hold the employee row locks (refresh_punch_sequence and the void trigger take them),
-- so two pushes for one employee cannot interleave here.
CREATE FUNCTION "public"."refresh_daily_work"(p_emp uuid[], p_date date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.daily_work w
   USING (SELECT DISTINCT emp, d FROM unnest(p_emp, p_date) AS u(emp, d)) k
   WHERE w.employee_id = k.emp AND w.local_date = k.d;
  INSERT INTO public.daily_work (local_date, employee_id, seconds, sessions, open_sessions, clamped_sessions, auto_closed)
  SELECT k.d, k.emp,
         coalesce(sum(least(q.next_seconds, 16 * 3600)) FILTER (WHERE q.next_kind = 'OUT'), 0),
         count(*) FILTER (WHERE q.next_kind = 'OUT'),
         count(*) FILTER (WHERE q.next_kind IS DISTINCT FROM 'OUT'),
         count(*) FILTER (WHERE q.next_kind = 'OUT' AND q.next_seconds > 16 * 3600),
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
-- A day's work changes only through its INs: one inserted or deleted, or one whose next punch
-- changed (an update). OUT rows never carry a day's total themselves.
CREATE FUNCTION "public"."daily_work_after_sequence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM public.refresh_daily_work(array_agg(o.employee_id), array_agg(o.local_date)) FROM old_rows o WHERE o.kind = 'IN' HAVING count(*) > 0;
  ELSE
    PERFORM public.refresh_daily_work(array_agg(n.employee_id), array_agg(n.local_date)) FROM new_rows n WHERE n.kind = 'IN' HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "daily_work_after_insert" AFTER INSERT ON "public"."punch_sequence"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.daily_work_after_sequence();
--> statement-breakpoint
CREATE TRIGGER "daily_work_after_update" AFTER UPDATE ON "public"."punch_sequence"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.daily_work_after_sequence();
--> statement-breakpoint
CREATE TRIGGER "daily_work_after_delete" AFTER DELETE ON "public"."punch_sequence"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.daily_work_after_sequence();
--> statement-breakpoint
-- The void trigger now locks the employees before it deletes their sequence rows, as
-- refresh_punch_sequence does, so the day totals recomputed on that delete cannot race a push.
CREATE OR REPLACE FUNCTION "public"."punch_sequence_after_voids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM public.employees e
    WHERE e.id IN (SELECT p.employee_id FROM new_voids v JOIN public.punches p ON p.id = v.punch_id)
    ORDER BY e.id FOR NO KEY UPDATE;
  DELETE FROM public.punch_sequence WHERE id IN (SELECT punch_id FROM new_voids);
  PERFORM public.refresh_punch_sequence(array_agg(p.employee_id), array_agg(p.at_utc), array_agg(p.id), '{}')
     FROM new_voids v JOIN public.punches p ON p.id = v.punch_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."punch_sequence_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE public.punch_sequence, public.daily_work;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Days already on central before this migration.
SELECT public.refresh_daily_work(array_agg(employee_id), array_agg(local_date)) FROM public.punch_sequence WHERE kind = 'IN';
--> statement-breakpoint
CREATE VIEW "reporting"."daily_work" AS
SELECT employee_id, local_date, seconds, sessions, open_sessions, clamped_sessions, auto_closed AS auto_closed_sessions
  FROM public.daily_work;
--> statement-breakpoint
CREATE OR REPLACE VIEW "reporting"."daily_hours" AS
SELECT employee_id, local_date, seconds::bigint AS seconds, sessions, clamped_sessions, auto_closed AS auto_closed_sessions
  FROM public.daily_work
 WHERE sessions > 0;
--> statement-breakpoint
DO $$
BEGIN
  GRANT SELECT ON ALL TABLES IN SCHEMA "reporting" TO "frontdesk_reporting";
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
  RAISE NOTICE 'reporting grants skipped: %', SQLERRM;
END $$;
