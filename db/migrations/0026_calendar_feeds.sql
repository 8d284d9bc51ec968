CREATE TABLE `calendar_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_read_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_key_unique` ON `calendar_feeds` (`key_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_live_unique` ON `calendar_feeds` (`user_id`) WHERE revoked_at is null;