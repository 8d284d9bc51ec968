CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`aliases` text DEFAULT '' NOT NULL,
	`search_key` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text,
	CONSTRAINT "organisations_kind_check" CHECK("organisations"."kind" in ('agency','province','municipality','institute','other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`name`);--> statement-breakpoint
-- resolution_owners is rebuilt to add the organisation to its one-target check; nothing references it.
CREATE TABLE `__new_resolution_owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resolution_id` integer NOT NULL,
	`body_id` integer,
	`working_group_id` integer,
	`person_id` integer,
	`organisation_id` integer,
	`label` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "resolution_owners_one_target" CHECK(("__new_resolution_owners"."body_id" is not null) + ("__new_resolution_owners"."working_group_id" is not null) + ("__new_resolution_owners"."person_id" is not null) + ("__new_resolution_owners"."organisation_id" is not null) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_resolution_owners`("id", "resolution_id", "body_id", "working_group_id", "person_id", "organisation_id", "label") SELECT "id", "resolution_id", "body_id", "working_group_id", "person_id", NULL, "label" FROM `resolution_owners`;--> statement-breakpoint
DROP TABLE `resolution_owners`;--> statement-breakpoint
ALTER TABLE `__new_resolution_owners` RENAME TO `resolution_owners`;--> statement-breakpoint
CREATE INDEX `resolution_owners_resolution_idx` ON `resolution_owners` (`resolution_id`,`body_id`,`working_group_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_organisation_idx` ON `resolution_owners` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_body_idx` ON `resolution_owners` (`body_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_group_idx` ON `resolution_owners` (`working_group_id`);--> statement-breakpoint
CREATE INDEX `resolution_owners_person_idx` ON `resolution_owners` (`person_id`);--> statement-breakpoint
DROP INDEX `meetings_body_number_unique`;--> statement-breakpoint
ALTER TABLE `meetings` ADD `working_group_id` integer REFERENCES working_groups(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `quorum_met` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `quorum_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `meetings_group_idx` ON `meetings` (`working_group_id`);--> statement-breakpoint
-- One number per body, or per working group for a group's own meetings (drizzle-kit writes this expression wrongly).
CREATE UNIQUE INDEX `meetings_body_number_unique` ON `meetings` (`body_id`, coalesce(`working_group_id`, 0), `number`);--> statement-breakpoint
ALTER TABLE `attendance` ADD `organisation_id` integer REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `bodies` ADD `resolution_numbering` text DEFAULT 'per_meeting' NOT NULL;--> statement-breakpoint
ALTER TABLE `bodies` ADD `quorum_kind` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `bodies` ADD `quorum_count` integer;--> statement-breakpoint
ALTER TABLE `bodies` ADD `outside_hq` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `meeting_id` integer REFERENCES meetings(id);--> statement-breakpoint
CREATE INDEX `follow_ups_meeting_idx` ON `follow_ups` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `holidays` ADD `kind` text DEFAULT 'solar' NOT NULL;--> statement-breakpoint
ALTER TABLE `holidays` ADD `estimated` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `holidays` ADD `source` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `organisation_id` integer REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `resolutions` ADD `vote_kind` text;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `votes_for` integer;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `votes_against` integer;--> statement-breakpoint
ALTER TABLE `resolutions` ADD `votes_abstain` integer;--> statement-breakpoint
-- The rebuild dropped the final-minutes triggers of resolution_owners (0003): the same rules again.
CREATE TRIGGER resolution_owners_final_insert BEFORE INSERT ON resolution_owners
WHEN (SELECT m.status FROM meetings m JOIN resolutions r ON r.meeting_id = m.id WHERE r.id = NEW.resolution_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER resolution_owners_final_delete BEFORE DELETE ON resolution_owners
WHEN (SELECT m.status FROM meetings m JOIN resolutions r ON r.meeting_id = m.id WHERE r.id = OLD.resolution_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
-- The vote is part of what the meeting decided: fixed once the minutes are final.
CREATE TRIGGER resolutions_final_vote BEFORE UPDATE OF vote_kind, votes_for, votes_against, votes_abstain ON resolutions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER resolutions_vote_counts BEFORE INSERT ON resolutions
WHEN coalesce(NEW.votes_for, 0) < 0 OR coalesce(NEW.votes_against, 0) < 0 OR coalesce(NEW.votes_abstain, 0) < 0
  OR NEW.vote_kind NOT IN ('unanimous', 'majority', 'none')
BEGIN SELECT RAISE(ABORT, 'rule:vote_counts'); END;
--> statement-breakpoint
-- A body that numbers its resolutions in one running sequence has each number once (per working group for a group).
CREATE TRIGGER resolutions_running_number BEFORE INSERT ON resolutions
WHEN (SELECT b.resolution_numbering FROM bodies b JOIN meetings m ON m.body_id = b.id WHERE m.id = NEW.meeting_id) = 'running'
  AND EXISTS (
    SELECT 1 FROM resolutions r JOIN meetings m2 ON m2.id = r.meeting_id, meetings m
    WHERE m.id = NEW.meeting_id AND m2.body_id = m.body_id
      AND coalesce(m2.working_group_id, 0) = coalesce(m.working_group_id, 0) AND r.number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'rule:resolution_number_taken'); END;
--> statement-breakpoint
CREATE TRIGGER resolutions_running_number_update BEFORE UPDATE OF number ON resolutions
WHEN (SELECT b.resolution_numbering FROM bodies b JOIN meetings m ON m.body_id = b.id WHERE m.id = NEW.meeting_id) = 'running'
  AND EXISTS (
    SELECT 1 FROM resolutions r JOIN meetings m2 ON m2.id = r.meeting_id, meetings m
    WHERE m.id = NEW.meeting_id AND m2.body_id = m.body_id AND r.id <> NEW.id
      AND coalesce(m2.working_group_id, 0) = coalesce(m.working_group_id, 0) AND r.number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'rule:resolution_number_taken'); END;
--> statement-breakpoint
-- A working group's meeting belongs to the group's own committee.
CREATE TRIGGER meetings_group_of_body BEFORE INSERT ON meetings
WHEN NEW.working_group_id IS NOT NULL
  AND (SELECT committee_id FROM working_groups WHERE id = NEW.working_group_id) IS NOT NEW.body_id
BEGIN SELECT RAISE(ABORT, 'rule:meeting_group_body'); END;
--> statement-breakpoint
CREATE TRIGGER bodies_quorum_rule BEFORE UPDATE OF quorum_kind, quorum_count, resolution_numbering ON bodies
WHEN NEW.quorum_kind NOT IN ('none', 'majority', 'count')
  OR (NEW.quorum_kind = 'count' AND coalesce(NEW.quorum_count, 0) < 1)
  OR NEW.resolution_numbering NOT IN ('per_meeting', 'running')
BEGIN SELECT RAISE(ABORT, 'rule:quorum_rule'); END;
--> statement-breakpoint
CREATE TRIGGER bodies_quorum_rule_insert BEFORE INSERT ON bodies
WHEN NEW.quorum_kind NOT IN ('none', 'majority', 'count')
  OR (NEW.quorum_kind = 'count' AND coalesce(NEW.quorum_count, 0) < 1)
  OR NEW.resolution_numbering NOT IN ('per_meeting', 'running')
BEGIN SELECT RAISE(ABORT, 'rule:quorum_rule'); END;
