DROP INDEX `resolution_owners_body_idx`;--> statement-breakpoint
CREATE INDEX `resolution_owners_body_idx` ON `resolution_owners` (`body_id`,`resolution_id`);--> statement-breakpoint
DROP INDEX `resolutions_due_idx`;--> statement-breakpoint
CREATE INDEX `resolutions_state_idx` ON `resolutions` (`id`,`status`,`due_date`,`done_date`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `resolutions_due_idx` ON `resolutions` (`due_date`,`status`,`done_date`,`meeting_id`);--> statement-breakpoint
-- Statistics for the new indexes at once, so the planner takes the narrow ones for the dashboard's counts.
ANALYZE `resolutions`;--> statement-breakpoint
ANALYZE `resolution_owners`;