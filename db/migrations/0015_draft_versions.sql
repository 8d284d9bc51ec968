CREATE TABLE `draft_versions` (
	`meeting_id` integer NOT NULL,
	`version` integer NOT NULL,
	`doc_json` text NOT NULL,
	`saved_by` integer,
	`saved_at` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `version`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
