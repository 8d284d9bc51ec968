CREATE TABLE `draft_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` integer,
	`base_version` integer NOT NULL,
	`against_version` integer NOT NULL,
	`doc_json` text NOT NULL,
	`fields_json` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_conflicts_meeting_idx` ON `draft_conflicts` (`meeting_id`,`resolved_at`);