ALTER TABLE "daily_work" ADD COLUMN "date_text" text GENERATED ALWAYS AS (lpad(extract(year from local_date)::int::text, 4, '0') || '-' || lpad(extract(month from local_date)::int::text, 2, '0') || '-' || lpad(extract(day from local_date)::int::text, 2, '0')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_work" ADD COLUMN "hours" double precision GENERATED ALWAYS AS (floor(seconds / 36.0::float8 + 0.5) / 100) STORED NOT NULL;--> statement-breakpoint
-- Day totals by employee, carrying what the work-hours report shows (INCLUDE): the report walks
-- the employees in code order and reads each one's days in the range from this index alone, so
-- its rows come out in (code, date) order with no sort and no table reads. Drizzle's index
-- builder cannot express INCLUDE, so this index is declared here only.
CREATE INDEX "daily_work_employee_date" ON "public"."daily_work" ("employee_id", "local_date")
  INCLUDE ("date_text", "seconds", "hours", "sessions", "open_sessions", "auto_closed");
--> statement-breakpoint
CREATE OR REPLACE VIEW "reporting"."daily_work" AS
SELECT employee_id, local_date, seconds, sessions, open_sessions, clamped_sessions, auto_closed AS auto_closed_sessions, hours, date_text
  FROM public.daily_work;
