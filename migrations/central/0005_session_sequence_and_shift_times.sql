CREATE TABLE "punch_sequence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at_utc" timestamp with time zone NOT NULL,
	"site_id" uuid NOT NULL,
	"tz" text NOT NULL,
	"local_date" date NOT NULL,
	"work_mode" text NOT NULL,
	"source" text NOT NULL,
	"prev_kind" text,
	"next_id" uuid,
	"next_kind" text,
	"next_at" timestamp with time zone,
	"next_source" text,
	"next_seconds" integer
);
--> statement-breakpoint
ALTER TABLE "punches" DROP CONSTRAINT "punches_source";--> statement-breakpoint
DROP INDEX "punches_at";--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "shift_end" text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "shift_start" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "grace_minutes" integer;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "shift_end" text;--> statement-breakpoint
CREATE INDEX "punch_sequence_employee_at" ON "punch_sequence" USING btree ("employee_id","at_utc","id");--> statement-breakpoint
CREATE INDEX "punch_sequence_at" ON "punch_sequence" USING brin ("at_utc");--> statement-breakpoint
ALTER TABLE "punches" ADD CONSTRAINT "punches_source" CHECK ("punches"."source" IN ('kiosk','import','correction','auto'));--> statement-breakpoint
-- Keeps punch_sequence equal to "live punches with their neighbours" (the window the 0004 views
-- ran over every punch). For each employee touched, it recomputes from the live punch just before
-- the earliest change to the end of that employee's history: for punches arriving in order that
-- is two rows. The window reads the employee's rows already in punch_sequence (by index) plus the
-- new punches, never the whole punches table. Employees are row-locked first (in id order, so two
-- pushes cannot deadlock), and the recompute then reads with a fresh snapshot, so concurrent
-- pushes for one employee see each other's rows.
--   p_emp/p_at/p_id: where each employee's history changed (new punches, or voided ones);
--   p_new: the new punches themselves (empty for voids).
CREATE FUNCTION "public"."refresh_punch_sequence"(p_emp uuid[], p_at timestamptz[], p_id uuid[], p_new public.punches[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM public.employees WHERE id = ANY (p_emp) ORDER BY id FOR NO KEY UPDATE;
  WITH starts AS (
    SELECT DISTINCT ON (emp) emp, at, id FROM unnest(p_emp, p_at, p_id) AS u(emp, at, id) ORDER BY emp, at, id),
  bounds AS (
    SELECT s.emp,
           coalesce(p2.at_utc, '-infinity') AS w_at, coalesce(p2.id, '00000000-0000-0000-0000-000000000000') AS w_id,
           coalesce(p1.at_utc, s.at) AS u_at, coalesce(p1.id, s.id) AS u_id
      FROM starts s
      LEFT JOIN LATERAL (SELECT q.at_utc, q.id FROM public.punch_sequence q
                          WHERE q.employee_id = s.emp AND (q.at_utc, q.id) < (s.at, s.id)
                          ORDER BY q.at_utc DESC, q.id DESC LIMIT 1) p1 ON true
      LEFT JOIN LATERAL (SELECT q.at_utc, q.id FROM public.punch_sequence q
                          WHERE q.employee_id = s.emp AND (q.at_utc, q.id) < (p1.at_utc, p1.id)
                          ORDER BY q.at_utc DESC, q.id DESC LIMIT 1) p2 ON true),
  live AS (
    -- OFFSET 0 keeps this a per-employee index probe, whatever the planner guesses of the sizes.
    SELECT q.id, q.employee_id, q.kind, q.at_utc, q.site_id, q.work_mode, q.source, q.tz, q.local_date, b.u_at, b.u_id
      FROM bounds b
      CROSS JOIN LATERAL (SELECT * FROM public.punch_sequence q
                           WHERE q.employee_id = b.emp AND (q.at_utc, q.id) >= (b.w_at, b.w_id) OFFSET 0) q
    UNION ALL
    -- New punches are all at or after their employee's start, so all of them are (re)written.
    SELECT n.id, n.employee_id, n.kind, n.at_utc, n.site_id, n.work_mode, n.source, NULL, NULL, n.at_utc, n.id
      FROM unnest(p_new) AS n
     WHERE NOT EXISTS (SELECT 1 FROM public.punch_voids v WHERE v.punch_id = n.id)),
  seq AS (
    SELECT l.*, lag(kind) OVER w AS prev_kind, lead(id) OVER w AS next_id, lead(kind) OVER w AS next_kind,
           lead(at_utc) OVER w AS next_at, lead(source) OVER w AS next_source
      FROM live l
    WINDOW w AS (PARTITION BY employee_id ORDER BY at_utc, id))
  INSERT INTO public.punch_sequence AS ps
         (id, employee_id, kind, at_utc, site_id, tz, local_date, work_mode, source, prev_kind, next_id, next_kind, next_at, next_source, next_seconds)
  SELECT s.id, s.employee_id, s.kind, s.at_utc, s.site_id, z.tz, coalesce(s.local_date, (s.at_utc AT TIME ZONE z.tz)::date),
         s.work_mode, s.source, s.prev_kind, s.next_id, s.next_kind, s.next_at, s.next_source,
         floor(extract(epoch FROM s.next_at - s.at_utc))::int
    FROM seq s
    LEFT JOIN public.sites ps_site ON ps_site.id = s.site_id
    LEFT JOIN public.employees e ON e.id = s.employee_id
    LEFT JOIN public.teams t ON t.id = e.team_id
    LEFT JOIN public.sites ts ON ts.id = t.site_id
    CROSS JOIN LATERAL (SELECT coalesce(s.tz, ps_site.tz, ts.tz, 'UTC') AS tz) z
   WHERE (s.at_utc, s.id) >= (s.u_at, s.u_id)
  ON CONFLICT (id) DO UPDATE
     SET prev_kind = EXCLUDED.prev_kind, next_id = EXCLUDED.next_id, next_kind = EXCLUDED.next_kind,
         next_at = EXCLUDED.next_at, next_source = EXCLUDED.next_source, next_seconds = EXCLUDED.next_seconds
   WHERE (ps.prev_kind, ps.next_id, ps.next_kind, ps.next_at, ps.next_source)
         IS DISTINCT FROM (EXCLUDED.prev_kind, EXCLUDED.next_id, EXCLUDED.next_kind, EXCLUDED.next_at, EXCLUDED.next_source);
END $$;
--> statement-breakpoint
CREATE FUNCTION "public"."punch_sequence_after_punches"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.refresh_punch_sequence(array_agg(n.employee_id), array_agg(n.at_utc), array_agg(n.id), array_agg(n::public.punches))
     FROM new_punches n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "punch_sequence_after_punches" AFTER INSERT ON "public"."punches"
  REFERENCING NEW TABLE AS new_punches FOR EACH STATEMENT EXECUTE FUNCTION public.punch_sequence_after_punches();
--> statement-breakpoint
CREATE FUNCTION "public"."punch_sequence_after_voids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.punch_sequence WHERE id IN (SELECT punch_id FROM new_voids);
  PERFORM public.refresh_punch_sequence(array_agg(p.employee_id), array_agg(p.at_utc), array_agg(p.id), '{}')
     FROM new_voids v JOIN public.punches p ON p.id = v.punch_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "punch_sequence_after_voids" AFTER INSERT ON "public"."punch_voids"
  REFERENCING NEW TABLE AS new_voids FOR EACH STATEMENT EXECUTE FUNCTION public.punch_sequence_after_voids();
--> statement-breakpoint
CREATE FUNCTION "public"."punch_sequence_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE public.punch_sequence;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "punch_sequence_after_truncate" AFTER TRUNCATE ON "public"."punches"
  FOR EACH STATEMENT EXECUTE FUNCTION public.punch_sequence_after_truncate();
--> statement-breakpoint
-- Punches already on central before this migration.
SELECT public.refresh_punch_sequence(array_agg(p.employee_id), array_agg(p.at_utc), array_agg(p.id), array_agg(p::public.punches)) FROM public.punches p;
--> statement-breakpoint
DROP VIEW "reporting"."daily_hours", "reporting"."exceptions", "reporting"."work_sessions", "reporting"."punch_sequence", "reporting"."teams";
--> statement-breakpoint
CREATE VIEW "reporting"."punch_sequence" AS
SELECT id, employee_id, kind, at_utc, site_id, work_mode, source, tz, local_date,
       prev_kind, next_kind, next_id, next_at, next_source, next_seconds
  FROM public.punch_sequence;
--> statement-breakpoint
-- A session closed by the auto check-out (an OUT with source 'auto') is marked auto_closed.
CREATE VIEW "reporting"."work_sessions" AS
SELECT employee_id,
       id AS in_id,
       next_id AS out_id,
       at_utc AS in_at,
       next_at AS out_at,
       next_seconds AS elapsed_seconds,
       local_date,
       tz,
       work_mode,
       (next_source = 'auto') AS auto_closed
  FROM public.punch_sequence
 WHERE kind = 'IN' AND next_kind = 'OUT';
--> statement-breakpoint
CREATE VIEW "reporting"."exceptions" AS
SELECT employee_id,
       CASE WHEN kind = 'IN' THEN 'MISSING_OUT' ELSE 'MISSING_IN' END AS kind,
       id AS punch_id,
       at_utc,
       local_date,
       tz
  FROM public.punch_sequence
 WHERE (kind = 'IN' AND next_kind IS DISTINCT FROM 'OUT')
    OR (kind = 'OUT' AND prev_kind IS DISTINCT FROM 'IN');
--> statement-breakpoint
CREATE VIEW "reporting"."daily_hours" AS
SELECT employee_id, local_date,
       sum(least(elapsed_seconds, 16 * 3600))::bigint AS seconds,
       count(*)::int AS sessions,
       count(*) FILTER (WHERE elapsed_seconds > 16 * 3600)::int AS clamped_sessions,
       count(*) FILTER (WHERE auto_closed)::int AS auto_closed_sessions
  FROM "reporting"."work_sessions"
 GROUP BY employee_id, local_date;
--> statement-breakpoint
-- A team's shift times override its site's; the defaults are 09:00-18:00 with 10 minutes' grace.
CREATE VIEW "reporting"."teams" AS
SELECT t.id, t.name, t.site_id, s.name AS site, s.tz,
       coalesce(t.shift_start, s.shift_start) AS shift_start,
       coalesce(t.grace_minutes, s.grace_minutes) AS grace_minutes,
       coalesce(t.shift_end, s.shift_end) AS shift_end
  FROM public.teams t JOIN public.sites s ON s.id = t.site_id;
--> statement-breakpoint
DO $$
BEGIN
  GRANT SELECT ON ALL TABLES IN SCHEMA "reporting" TO "frontdesk_reporting";
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
  RAISE NOTICE 'reporting grants skipped: %', SQLERRM;
END $$;
