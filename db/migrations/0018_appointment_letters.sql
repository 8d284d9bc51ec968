CREATE TABLE `appointment_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`letter_date` text NOT NULL,
	`signer_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`issued_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appointment_letters_seq_check" CHECK("appointment_letters"."seq" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_letters_seq_unique` ON `appointment_letters` (`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_letters_number_unique` ON `appointment_letters` (`number`);--> statement-breakpoint
CREATE INDEX `appointment_letters_membership_idx` ON `appointment_letters` (`membership_id`);