DROP INDEX `resolution_owners_resolution_idx`;--> statement-breakpoint
CREATE INDEX `resolution_owners_covering_idx` ON `resolution_owners` (`resolution_id`,`body_id`,`working_group_id`,`person_id`,`organisation_id`);--> statement-breakpoint
DROP INDEX `resolutions_active_due_idx`;--> statement-breakpoint
CREATE INDEX `resolutions_active_idx` ON `resolutions` (`due_date`,`body_id`,`meeting_id`,`number`,`status`) WHERE status in ('open', 'in_progress');