CREATE TABLE `meeting_editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`edition` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`snapshot_json` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_editions_unique` ON `meeting_editions` (`meeting_id`,`edition`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `draft_json` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `last_save_id` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `resolution_owners` ADD `label` text DEFAULT '' NOT NULL;