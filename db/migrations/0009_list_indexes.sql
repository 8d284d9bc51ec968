-- Each resolution carries the body whose meeting passed it, so the lists filter and count by body from an index.
ALTER TABLE `resolutions` ADD `body_id` integer REFERENCES bodies(id);--> statement-breakpoint
UPDATE `resolutions` SET `body_id` = (SELECT `body_id` FROM `meetings` WHERE `meetings`.`id` = `resolutions`.`meeting_id`);--> statement-breakpoint
CREATE TRIGGER resolutions_body_from_meeting AFTER INSERT ON resolutions
BEGIN UPDATE resolutions SET body_id = (SELECT body_id FROM meetings WHERE id = NEW.meeting_id) WHERE id = NEW.id; END;--> statement-breakpoint
CREATE TRIGGER resolutions_body_fixed BEFORE UPDATE OF body_id, meeting_id ON resolutions
WHEN NEW.body_id IS NOT (SELECT body_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'rule:resolution_body'); END;--> statement-breakpoint
-- The lists read the active resolutions from this index alone until they know which rows to show (the literal
-- status list in the queries lets SQLite use it); the status/due index it replaces is no longer needed.
DROP INDEX `resolutions_status_due_idx`;--> statement-breakpoint
CREATE INDEX `resolutions_active_due_idx` ON `resolutions` (`due_date`,`body_id`,`meeting_id`) WHERE status in ('open', 'in_progress');--> statement-breakpoint
-- Covering: "is this resolution owned by one of these" is answered from the index.
DROP INDEX `resolution_owners_resolution_idx`;--> statement-breakpoint
CREATE INDEX `resolution_owners_resolution_idx` ON `resolution_owners` (`resolution_id`,`body_id`,`working_group_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `meetings_unfinal_idx` ON `meetings` (`id`) WHERE status <> 'final';
