CREATE TABLE `meeting_invitations` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text,
	`place` text DEFAULT '' NOT NULL,
	`invitees` text DEFAULT '' NOT NULL,
	`announced_json` text DEFAULT '{}' NOT NULL,
	`settle_until` text NOT NULL,
	`cancelled_at` text,
	`created_at` text NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_invitations_uid_unique` ON `meeting_invitations` (`uid`);