CREATE TABLE "punch_voids" (
	"punch_id" uuid PRIMARY KEY NOT NULL,
	"voided_by" text NOT NULL,
	"reason" text NOT NULL,
	"voided_at" timestamp with time zone DEFAULT now() NOT NULL
);
