CREATE TABLE `sync_rejects` (
	`punch_id` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`rejected_at` integer NOT NULL,
	FOREIGN KEY (`punch_id`) REFERENCES `punches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `roster_employees` ADD `published` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `roster_sites` ADD `published` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `roster_teams` ADD `published` integer DEFAULT 0 NOT NULL;