CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`for_next_meeting` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`discussion` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`path` text NOT NULL,
	`uploaded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_entity_idx` ON `attachments` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer,
	`name` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`substitute_name` text DEFAULT '' NOT NULL,
	`time_attended` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before_json` text,
	`after_json` text,
	`ip` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`is_external` integer DEFAULT false NOT NULL,
	`duties` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`parent_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bodies_kind_check" CHECK("bodies"."kind" in ('headquarters','council','committee','secretariat'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bodies_name_unique` ON `bodies` (`name`);--> statement-breakpoint
CREATE INDEX `bodies_parent_idx` ON `bodies` (`parent_id`);--> statement-breakpoint
CREATE TABLE `committee_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`body_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `committee_reports_meeting_idx` ON `committee_reports` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `committee_reports_body_idx` ON `committee_reports` (`body_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resolution_id` integer NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`percent` integer,
	`from_status` text,
	`to_status` text,
	`new_due_date` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_resolution_idx` ON `follow_ups` (`resolution_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`number` integer NOT NULL,
	`date` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`place` text DEFAULT '' NOT NULL,
	`mode` text DEFAULT 'in_person' NOT NULL,
	`chair_person_id` integer,
	`secretary_person_id` integer,
	`opening_remarks` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`next_date` text,
	`next_time` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`edition` integer DEFAULT 1 NOT NULL,
	`finalized_at` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`secretary_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_body_number_unique` ON `meetings` (`body_id`,`number`);--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`body_id` integer,
	`working_group_id` integer,
	`role` text DEFAULT 'member' NOT NULL,
	`start_date` text,
	`end_date` text,
	`letter_number` text DEFAULT '' NOT NULL,
	`letter_date` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_target_check" CHECK(("memberships"."body_id" is null) <> ("memberships"."working_group_id" is null))
);
--> statement-breakpoint
CREATE INDEX `memberships_person_idx` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE INDEX `memberships_body_idx` ON `memberships` (`body_id`);--> statement-breakpoint
CREATE INDEX `memberships_group_idx` ON `memberships` (`working_group_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`honorific` text NOT NULL,
	`title` text,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`mobile` text DEFAULT '' NOT NULL,
	`search_key` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE INDEX `people_last_name_idx` ON `people` (`last_name`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`period` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`number` text,
	`issued_at` text,
	`issued_by` integer,
	`cover_text` text DEFAULT '' NOT NULL,
	`notes_json` text DEFAULT '{}' NOT NULL,
	`pdf_path` text,
	`sha256` text,
	`replaces_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaces_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_number_unique` ON `reports` (`number`);--> statement-breakpoint
CREATE TABLE `resolution_owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resolution_id` integer NOT NULL,
	`body_id` integer,
	`working_group_id` integer,
	`person_id` integer,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "resolution_owners_one_target" CHECK(("resolution_owners"."body_id" is not null) + ("resolution_owners"."working_group_id" is not null) + ("resolution_owners"."person_id" is not null) = 1)
);
--> statement-breakpoint
CREATE INDEX `resolution_owners_resolution_idx` ON `resolution_owners` (`resolution_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_body_idx` ON `resolution_owners` (`body_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_group_idx` ON `resolution_owners` (`working_group_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_person_idx` ON `resolution_owners` (`person_id`);--> statement-breakpoint
CREATE TABLE `resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`number` integer NOT NULL,
	`subject` text NOT NULL,
	`timeframe_kind` text NOT NULL,
	`timeframe_count` integer,
	`timeframe_date` text,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`done_date` text,
	`cancel_reason` text,
	`search_key` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resolutions_meeting_number_unique` ON `resolutions` (`meeting_id`,`number`);--> statement-breakpoint
CREATE INDEX `resolutions_status_due_idx` ON `resolutions` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`ip` text DEFAULT '' NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled_at` text,
	`last_login_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin','secretariat','chair','member'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_person_unique` ON `users` (`person_id`);--> statement-breakpoint
CREATE TABLE `working_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`committee_id` integer NOT NULL,
	`name` text NOT NULL,
	`duties` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `working_groups_committee_idx` ON `working_groups` (`committee_id`);