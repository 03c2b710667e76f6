ALTER TABLE "daily_work" ADD COLUMN "rest_tail" text GENERATED ALWAYS AS (',"date":"' || lpad(extract(year from local_date)::int::text, 4, '0') || '-' || lpad(extract(month from local_date)::int::text, 2, '0') || '-' || lpad(extract(day from local_date)::int::text, 2, '0') || '","seconds":' || seconds::text || ',"hours":' || (floor(seconds / 36.0::float8 + 0.5) / 100)::text || ',"sessions":' || sessions::text || ',"open_sessions":' || open_sessions::text || ',"auto_closed_sessions":' || auto_closed::text || '}') STORED NOT NULL;--> statement-breakpoint
-- The API's read of a week: the employees in code order, each one's days in date order with
-- their JSON tail, from this index alone (as daily_work_employee_date serves the columns).
-- Declared here only: Drizzle's index builder cannot express INCLUDE.
CREATE INDEX "daily_work_employee_date_rest" ON "public"."daily_work" ("employee_id", "local_date") INCLUDE ("rest_tail");
--> statement-breakpoint
CREATE OR REPLACE VIEW "reporting"."daily_work" AS
SELECT employee_id, local_date, seconds, sessions, open_sessions, clamped_sessions, auto_closed AS auto_closed_sessions, hours, date_text, rest_tail
  FROM public.daily_work;
