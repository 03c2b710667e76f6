CREATE TABLE "kiosk_roster" (
	"kiosk_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	CONSTRAINT "kiosk_roster_kiosk_id_employee_id_pk" PRIMARY KEY("kiosk_id","employee_id")
);
--> statement-breakpoint
ALTER TABLE "kiosks" DROP CONSTRAINT "kiosks_device_id_unique";--> statement-breakpoint
ALTER TABLE "kiosks" ADD COLUMN "heartbeat_prev_nonce" text;--> statement-breakpoint
ALTER TABLE "kiosks" ADD COLUMN "heartbeat_attempt" text;--> statement-breakpoint
ALTER TABLE "kiosk_roster" ADD CONSTRAINT "kiosk_roster_kiosk_id_kiosks_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kiosks_device_live" ON "kiosks" USING btree ("device_id") WHERE revoked_at IS NULL;