-- Punches are append-only: a correction is a new punch, never an edit.
CREATE TRIGGER `punches_no_update` BEFORE UPDATE ON `punches`
BEGIN SELECT RAISE(ABORT, 'punches are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `punches_no_delete` BEFORE DELETE ON `punches`
BEGIN SELECT RAISE(ABORT, 'punches are append-only'); END;
