CREATE TABLE `data_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`data_set_id` integer NOT NULL,
	`change_id` integer NOT NULL,
	`delivered_on` text NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`record_count` integer,
	`findings` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`data_set_id`) REFERENCES `data_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`change_id`) REFERENCES `data_set_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "data_deliveries_count_check" CHECK("data_deliveries"."record_count" is null or "data_deliveries"."record_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_deliveries_change_unique` ON `data_deliveries` (`change_id`);--> statement-breakpoint
CREATE INDEX `data_deliveries_set_idx` ON `data_deliveries` (`data_set_id`,`delivered_on`);--> statement-breakpoint
CREATE TABLE `data_set_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`data_set_id` integer NOT NULL,
	`date` text NOT NULL,
	`from_stage_id` integer,
	`to_stage_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`blocked_on` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`data_set_id`) REFERENCES `data_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_stage_id`) REFERENCES `supply_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_stage_id`) REFERENCES `supply_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_set_changes_set_idx` ON `data_set_changes` (`data_set_id`,`date`);--> statement-breakpoint
CREATE INDEX `data_set_changes_date_idx` ON `data_set_changes` (`date`);--> statement-breakpoint
CREATE TABLE `data_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`items` text DEFAULT '' NOT NULL,
	`frequency` text NOT NULL,
	`resolution_id` integer,
	`committee_id` integer NOT NULL,
	`schedule_date` text,
	`due_date` text,
	`stage_id` integer NOT NULL,
	`blocked_on` text DEFAULT '' NOT NULL,
	`search_key` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `supply_stages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "data_sets_level_check" CHECK("data_sets"."level" in ('PIN','LIN','BIN'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_sets_agency_name_unique` ON `data_sets` (`organisation_id`,`name`);--> statement-breakpoint
CREATE INDEX `data_sets_resolution_idx` ON `data_sets` (`resolution_id`);--> statement-breakpoint
CREATE INDEX `data_sets_committee_idx` ON `data_sets` (`committee_id`);--> statement-breakpoint
CREATE INDEX `data_sets_stage_idx` ON `data_sets` (`stage_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `supply_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	CONSTRAINT "supply_stages_kind_check" CHECK("supply_stages"."kind" in ('pending','delivered','accepted','problem'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supply_stages_code_unique` ON `supply_stages` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `supply_stages_position_unique` ON `supply_stages` (`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `supply_stages_one_problem` ON `supply_stages` (`kind`) WHERE `kind` = 'problem';
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_kind_check;
--> statement-breakpoint
CREATE TRIGGER documents_kind_check BEFORE INSERT ON documents
WHEN NEW.entity NOT IN ('meeting','agenda_item','committee_report','resolution','membership','report','data_set_change')
  OR NEW.file_type NOT IN ('pdf','docx','xlsx','doc','xls','png','jpeg')
BEGIN SELECT RAISE(ABORT, 'rule:document_kind'); END;
--> statement-breakpoint
CREATE TRIGGER data_sets_first_stage BEFORE INSERT ON data_sets
WHEN NEW.stage_id IS NOT (
  SELECT id FROM supply_stages WHERE kind <> 'problem' ORDER BY position LIMIT 1
)
BEGIN SELECT RAISE(ABORT, 'rule:supply_first_stage'); END;
--> statement-breakpoint
CREATE TRIGGER data_sets_stage_move BEFORE UPDATE OF stage_id ON data_sets
WHEN NEW.stage_id <> OLD.stage_id AND NOT (
  -- one step forward
  (
    (SELECT kind FROM supply_stages WHERE id = OLD.stage_id) <> 'problem'
    AND NEW.stage_id IS (
      SELECT id FROM supply_stages
      WHERE kind <> 'problem' AND position > (SELECT position FROM supply_stages WHERE id = OLD.stage_id)
      ORDER BY position LIMIT 1
    )
  )
  -- «problems found», from any step but the last
  OR (
    (SELECT kind FROM supply_stages WHERE id = NEW.stage_id) = 'problem'
    AND (SELECT position FROM supply_stages WHERE id = OLD.stage_id)
      < (SELECT max(position) FROM supply_stages WHERE kind <> 'problem')
  )
  -- back from «problems found» to a step before the last
  OR (
    (SELECT kind FROM supply_stages WHERE id = OLD.stage_id) = 'problem'
    AND (SELECT kind FROM supply_stages WHERE id = NEW.stage_id) <> 'problem'
    AND (SELECT position FROM supply_stages WHERE id = NEW.stage_id)
      < (SELECT max(position) FROM supply_stages WHERE kind <> 'problem')
  )
)
BEGIN SELECT RAISE(ABORT, 'rule:supply_stage_move'); END;
--> statement-breakpoint
INSERT INTO supply_stages (code, name, kind, position) VALUES
  ('requested', 'درخواست شده', 'pending', 10),
  ('negotiation', 'در حال مذاکره', 'pending', 20),
  ('agreement', 'امضای تفاهم‌نامه / تعهد عدم افشا', 'pending', 30),
  ('delivered', 'تحویل شده', 'delivered', 40),
  ('quality_checked', 'کنترل کیفیت شده', 'delivered', 50),
  ('accepted', 'پذیرفته شده', 'accepted', 60),
  ('problems', 'مشکلات یافت شد', 'problem', 70);
