CREATE SCHEMA "reporting";
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"reason" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'staff' NOT NULL,
	"team_id" uuid,
	"is_manager" boolean DEFAULT false NOT NULL,
	"badge" text,
	"pin_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "employees_code_unique" UNIQUE("code"),
	CONSTRAINT "employees_badge_unique" UNIQUE("badge")
);
--> statement-breakpoint
CREATE TABLE "punches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at_utc" timestamp with time zone NOT NULL,
	"site_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"work_mode" text DEFAULT 'WFO' NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "punches_kind" CHECK ("punches"."kind" IN ('IN','OUT')),
	CONSTRAINT "punches_work_mode" CHECK ("punches"."work_mode" IN ('WFO','WFH')),
	CONSTRAINT "punches_source" CHECK ("punches"."source" IN ('kiosk','import','correction'))
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tz" text NOT NULL,
	"shift_start" text DEFAULT '09:00' NOT NULL,
	"grace_minutes" integer DEFAULT 10 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sites_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sync_rejects" (
	"punch_id" uuid PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"reason" text NOT NULL,
	"payload" jsonb NOT NULL,
	"rejected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"site_id" uuid NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "punches" ADD CONSTRAINT "punches_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "employees_version" ON "employees" USING btree ("version");--> statement-breakpoint
CREATE INDEX "punches_employee_at" ON "punches" USING btree ("employee_id","at_utc");--> statement-breakpoint
CREATE INDEX "punches_at" ON "punches" USING btree ("at_utc");--> statement-breakpoint
CREATE INDEX "punches_device_at" ON "punches" USING btree ("device_id","at_utc");