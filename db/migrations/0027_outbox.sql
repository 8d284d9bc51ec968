CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`person_id` integer,
	`to_address` text NOT NULL,
	`lang` text DEFAULT 'fa' NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`attachments` text DEFAULT '[]' NOT NULL,
	`dedupe_key` text,
	`message_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_status_check" CHECK("outbox"."status" in ('queued','sending','sent','failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_unique` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `scheduler_runs` (
	`job` text NOT NULL,
	`day` text NOT NULL,
	`ran_at` text NOT NULL,
	PRIMARY KEY(`job`, `day`)
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `resolved_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text DEFAULT 'fa' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `mail_off` text DEFAULT '' NOT NULL;