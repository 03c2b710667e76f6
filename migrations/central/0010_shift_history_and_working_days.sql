CREATE TABLE "shift_history" (
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"shift_start" text,
	"grace_minutes" integer,
	"shift_end" text,
	CONSTRAINT "shift_history_scope_scope_id_effective_from_pk" PRIMARY KEY("scope","scope_id","effective_from")
);
--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "employed_from" date DEFAULT CURRENT_DATE NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "employed_until" date;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "working_days" text DEFAULT '1,2,3,4,5' NOT NULL;--> statement-breakpoint
-- Employees already here: employed from their first punch (else from today); a leaver until today.
UPDATE "employees" e
   SET "employed_from" = least(e."employed_from", coalesce((SELECT min(q.local_date) FROM "punch_sequence" q WHERE q.employee_id = e.id), e."employed_from")),
       "employed_until" = CASE WHEN e."active" THEN NULL ELSE CURRENT_DATE END;
--> statement-breakpoint
-- The rules in force so far, as the first entry of each history.
INSERT INTO "shift_history" ("scope", "scope_id", "effective_from", "shift_start", "grace_minutes", "shift_end")
SELECT 'site', id, DATE '1900-01-01', shift_start, grace_minutes, shift_end FROM "sites"
UNION ALL
SELECT 'team', id, DATE '1900-01-01', shift_start, grace_minutes, shift_end FROM "teams";
--> statement-breakpoint
CREATE OR REPLACE VIEW "reporting"."employees" AS
SELECT e.id, e.code, e.name, e.role, e.is_manager, e.active, e.team_id, t.name AS team,
       e.employed_from, e.employed_until, s.working_days
  FROM public.employees e LEFT JOIN public.teams t ON t.id = e.team_id LEFT JOIN public.sites s ON s.id = t.site_id;
--> statement-breakpoint
DO $$
BEGIN
  GRANT SELECT ON ALL TABLES IN SCHEMA "reporting" TO "frontdesk_reporting";
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
  RAISE NOTICE 'reporting grants skipped: %', SQLERRM;
END $$;
