CREATE TABLE `signoff_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `signoff_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signoff_one_signature` ON `signoff_responses` (`round_id`,`person_id`) WHERE kind = 'confirm';--> statement-breakpoint
CREATE INDEX `signoff_responses_round_idx` ON `signoff_responses` (`round_id`);--> statement-breakpoint
CREATE TABLE `signoff_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`edition` integer NOT NULL,
	`snapshot_sha256` text NOT NULL,
	`code` text NOT NULL,
	`rule` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`requested_by` integer,
	`created_at` text NOT NULL,
	`signed_at` text,
	`pdf` blob,
	`pdf_sha256` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "signoff_rounds_signed_check" CHECK(("signoff_rounds"."status" = 'signed') = ("signoff_rounds"."signed_at" is not null) or "signoff_rounds"."status" = 'superseded')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signoff_rounds_edition_unique` ON `signoff_rounds` (`meeting_id`,`edition`);--> statement-breakpoint
CREATE UNIQUE INDEX `signoff_rounds_code_unique` ON `signoff_rounds` (`code`);--> statement-breakpoint
CREATE INDEX `signoff_rounds_pdf_idx` ON `signoff_rounds` (`pdf_sha256`);--> statement-breakpoint
CREATE TABLE `signoff_signers` (
	`round_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`round_id`, `person_id`),
	FOREIGN KEY (`round_id`) REFERENCES `signoff_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `bodies` ADD `signoff_rule` text DEFAULT 'all' NOT NULL;