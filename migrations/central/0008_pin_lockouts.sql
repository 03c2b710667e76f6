CREATE TABLE "pin_lockouts" (
	"employee_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "pin_lockouts_employee_id_purpose_pk" PRIMARY KEY("employee_id","purpose")
);
