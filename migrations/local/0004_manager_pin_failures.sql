CREATE TABLE `manager_pin_failures` (
	`employee_id` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `roster_employees`(`id`) ON UPDATE no action ON DELETE no action
);
