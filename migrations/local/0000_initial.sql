CREATE TABLE `outbox` (
	`punch_id` text PRIMARY KEY NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	FOREIGN KEY (`punch_id`) REFERENCES `punches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_next_attempt` ON `outbox` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `pin_failures` (
	`employee_id` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `roster_employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `punches` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` text NOT NULL,
	`kind` text NOT NULL,
	`at_utc` integer NOT NULL,
	`site_id` text NOT NULL,
	`device_id` text NOT NULL,
	`work_mode` text DEFAULT 'WFO' NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `roster_employees`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "punches_kind" CHECK("punches"."kind" IN ('IN','OUT')),
	CONSTRAINT "punches_work_mode" CHECK("punches"."work_mode" IN ('WFO','WFH')),
	CONSTRAINT "punches_source" CHECK("punches"."source" IN ('kiosk','import','correction'))
);
--> statement-breakpoint
CREATE INDEX `punches_employee_at` ON `punches` (`employee_id`,`at_utc`);--> statement-breakpoint
CREATE INDEX `punches_at` ON `punches` (`at_utc`);--> statement-breakpoint
CREATE TABLE `roster_employees` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'staff' NOT NULL,
	`team_id` text,
	`is_manager` integer DEFAULT false NOT NULL,
	`badge` text,
	`pin_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `roster_teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_employees_code_unique` ON `roster_employees` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `roster_employees_badge_unique` ON `roster_employees` (`badge`);--> statement-breakpoint
CREATE INDEX `roster_employees_team` ON `roster_employees` (`team_id`);--> statement-breakpoint
CREATE TABLE `roster_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`tz` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `roster_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`site_id` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `roster_sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_teams_name_unique` ON `roster_teams` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
