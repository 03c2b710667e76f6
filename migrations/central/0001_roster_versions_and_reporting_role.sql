-- Every insert or update of a roster row takes the next value of one sequence, so kiosks can
-- pull "all changes after version N". Writers serialize on an advisory lock (see roster code),
-- so versions become visible in order.
CREATE SEQUENCE IF NOT EXISTS "roster_version_seq";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_roster_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('roster_version_seq');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sites_version" BEFORE INSERT OR UPDATE ON "sites" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
--> statement-breakpoint
CREATE TRIGGER "teams_version" BEFORE INSERT OR UPDATE ON "teams" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
--> statement-breakpoint
CREATE TRIGGER "employees_version" BEFORE INSERT OR UPDATE ON "employees" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
--> statement-breakpoint
-- Punches are append-only here too: corrections are new rows, never edits.
CREATE OR REPLACE FUNCTION "punches_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'punches are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "punches_no_update" BEFORE UPDATE OR DELETE ON "punches" FOR EACH ROW EXECUTE FUNCTION "punches_append_only"();
--> statement-breakpoint
-- The read-only role for reports and the AI: it may only SELECT from the reporting schema.
-- Roles are cluster-wide; on a managed server without CREATEROLE this step is skipped.
DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'frontdesk_reporting') THEN
      CREATE ROLE "frontdesk_reporting" NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- another database on this server created it at the same moment
  END;
  GRANT USAGE ON SCHEMA "reporting" TO "frontdesk_reporting";
  ALTER DEFAULT PRIVILEGES IN SCHEMA "reporting" GRANT SELECT ON TABLES TO "frontdesk_reporting";
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'frontdesk_reporting role not created: %', SQLERRM;
END $$;
