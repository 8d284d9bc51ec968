CREATE TABLE `meeting_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`frequency` text NOT NULL,
	`starts_on` text NOT NULL,
	`until` text,
	`start_time` text NOT NULL,
	`end_time` text,
	`place` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_series_until_check" CHECK("meeting_series"."until" is null or "meeting_series"."until" >= "meeting_series"."starts_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_series_active_unique` ON `meeting_series` (`body_id`) WHERE active = 1;--> statement-breakpoint
CREATE TABLE `series_skips` (
	`series_id` integer NOT NULL,
	`slot` text NOT NULL,
	`skipped_by` integer,
	`created_at` text NOT NULL,
	PRIMARY KEY(`series_id`, `slot`),
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`skipped_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `meetings` ADD `series_id` integer REFERENCES meeting_series(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `series_slot` text;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_series_slot_unique` ON `meetings` (`series_id`,`series_slot`);--> statement-breakpoint
CREATE TRIGGER `meetings_series_slot_insert` BEFORE INSERT ON `meetings`
WHEN (NEW.series_id IS NULL) <> (NEW.series_slot IS NULL)
BEGIN SELECT RAISE(ABORT, 'rule:series_slot'); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_series_slot_update` BEFORE UPDATE OF series_id, series_slot ON `meetings`
WHEN (NEW.series_id IS NULL) <> (NEW.series_slot IS NULL)
BEGIN SELECT RAISE(ABORT, 'rule:series_slot'); END;
--> statement-breakpoint
-- A skipped slot is one no meeting of the series fills.
CREATE TRIGGER `series_skips_free_slot` BEFORE INSERT ON `series_skips`
WHEN EXISTS (SELECT 1 FROM meetings WHERE series_id = NEW.series_id AND series_slot = NEW.slot AND status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'rule:series_slot_held'); END;
