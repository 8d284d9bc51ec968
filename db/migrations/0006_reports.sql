ALTER TABLE `reports` ADD `pdf_blob` blob;--> statement-breakpoint
ALTER TABLE `reports` ADD `pages` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `created_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `reports` ADD `updated_at` text;