CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scope" text NOT NULL,
	"user_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_tokens_scope" CHECK ("api_tokens"."scope" IN ('read','write','admin'))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"client_address" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"site_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "users_role" CHECK ("users"."role" IN ('admin','manager','payroll','viewer'))
);
--> statement-breakpoint
ALTER TABLE "punches" DROP CONSTRAINT "punches_source";--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower" ON "users" USING btree (lower("username"));--> statement-breakpoint
ALTER TABLE "punches" ADD CONSTRAINT "punches_source" CHECK ("punches"."source" IN ('kiosk','import','correction','auto','api'));--> statement-breakpoint
-- Reports for an account scoped to some sites read the employee's site (the team's).
CREATE OR REPLACE VIEW "reporting"."employees" AS
SELECT e.id, e.code, e.name, e.role, e.is_manager, e.active, e.team_id, t.name AS team,
       e.employed_from, e.employed_until, s.working_days, t.site_id
  FROM public.employees e LEFT JOIN public.teams t ON t.id = e.team_id LEFT JOIN public.sites s ON s.id = t.site_id;
--> statement-breakpoint
-- An owner that is not a superuser (CREATEROLE at most, as managed hosts give) created the
-- reporting role but may not SET ROLE to it: on PostgreSQL 16 and later the creator holds only
-- ADMIN on the role it made (no SET, no INHERIT), on 15 it is no member at all. Make it one that
-- may SET ROLE (a superuser needs nothing).
DO $$
DECLARE
  pg16 boolean := current_setting('server_version_num')::int >= 160000;
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'frontdesk_reporting')
     AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    IF pg16 THEN
      IF NOT pg_has_role(current_user, 'frontdesk_reporting', 'SET') THEN
        EXECUTE format('GRANT "frontdesk_reporting" TO %I WITH SET TRUE, INHERIT FALSE', current_user);
      END IF;
    ELSIF NOT pg_has_role(current_user, 'frontdesk_reporting', 'MEMBER') THEN
      EXECUTE format('GRANT "frontdesk_reporting" TO %I', current_user);
    END IF;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'could not join frontdesk_reporting: %', SQLERRM;
END $$;
