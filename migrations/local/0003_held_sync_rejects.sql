ALTER TABLE `sync_rejects` ADD `discarded_at` integer;--> statement-breakpoint
ALTER TABLE `sync_rejects` ADD `discarded_by` text;--> statement-breakpoint
ALTER TABLE `sync_rejects` ADD `discard_reason` text;--> statement-breakpoint
-- Punches refused before this version left the outbox; give each its outbox row back, held by
-- its reject row, so an admin can send it again (a refusal may have been central's fault).
INSERT OR IGNORE INTO `outbox` (`punch_id`) SELECT `punch_id` FROM `sync_rejects`;
