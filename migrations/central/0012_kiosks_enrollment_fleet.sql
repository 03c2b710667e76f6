CREATE TABLE "kiosks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"site_id" uuid NOT NULL,
	"device_id" text,
	"credential_hash" text,
	"pin_key" text NOT NULL,
	"enroll_code_hash" text,
	"enroll_expires_at" timestamp with time zone,
	"enrolled_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"app_version" text,
	"sync_version" text,
	"schema_version" integer,
	"last_heartbeat_at" timestamp with time zone,
	"last_push_at" timestamp with time zone,
	"backlog_count" integer,
	"backlog_oldest_at" timestamp with time zone,
	"rejected_count" integer,
	"last_error" text,
	"clock_offset_ms" integer,
	"heartbeat_nonce" text,
	"clone_suspected_at" timestamp with time zone,
	CONSTRAINT "kiosks_name_unique" UNIQUE("name"),
	CONSTRAINT "kiosks_device_id_unique" UNIQUE("device_id"),
	CONSTRAINT "kiosks_credential_hash_unique" UNIQUE("credential_hash"),
	CONSTRAINT "kiosks_enroll_code_hash_unique" UNIQUE("enroll_code_hash")
);
--> statement-breakpoint
CREATE TABLE "sync_quarantine" (
	"punch_id" uuid PRIMARY KEY NOT NULL,
	"kiosk_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"resolved_by" text,
	CONSTRAINT "sync_quarantine_resolution" CHECK ("sync_quarantine"."resolution" IN ('accepted','rejected'))
);
--> statement-breakpoint
ALTER TABLE "punches" ADD COLUMN "clock_offset_ms" integer;--> statement-breakpoint
ALTER TABLE "kiosks" ADD CONSTRAINT "kiosks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_quarantine" ADD CONSTRAINT "sync_quarantine_kiosk_id_kiosks_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kiosks_site" ON "kiosks" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "sync_quarantine_kiosk" ON "sync_quarantine" USING btree ("kiosk_id");