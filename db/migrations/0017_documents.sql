CREATE TABLE `document_contents` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`follow_up_id` integer,
	`file_name` text NOT NULL,
	`file_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer,
	`created_at` text NOT NULL,
	`removed_at` text,
	`removed_by` integer,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_size_check" CHECK("documents"."size" > 0)
);
--> statement-breakpoint
CREATE INDEX `documents_entity_idx` ON `documents` (`entity`,`entity_id`);
--> statement-breakpoint
CREATE TRIGGER documents_kind_check BEFORE INSERT ON documents
WHEN NEW.entity NOT IN ('meeting','agenda_item','committee_report','resolution','membership','report')
  OR NEW.file_type NOT IN ('pdf','docx','xlsx','doc','xls','png','jpeg')
BEGIN SELECT RAISE(ABORT, 'rule:document_kind'); END;
--> statement-breakpoint
CREATE TRIGGER documents_frozen_insert BEFORE INSERT ON documents
WHEN (
  (NEW.entity = 'meeting' AND (SELECT status FROM meetings WHERE id = NEW.entity_id) = 'final')
  OR (NEW.entity = 'agenda_item' AND (SELECT m.status FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.entity_id) = 'final')
  OR (NEW.entity = 'committee_report' AND (SELECT m.status FROM committee_reports r JOIN meetings m ON m.id = r.meeting_id WHERE r.id = NEW.entity_id) = 'final')
  OR (NEW.entity = 'report' AND (SELECT status FROM reports WHERE id = NEW.entity_id) = 'issued')
)
BEGIN SELECT RAISE(ABORT, 'rule:document_frozen'); END;
--> statement-breakpoint
CREATE TRIGGER documents_frozen_remove BEFORE UPDATE OF removed_at ON documents
WHEN (
  (OLD.entity = 'meeting' AND (SELECT status FROM meetings WHERE id = OLD.entity_id) = 'final')
  OR (OLD.entity = 'agenda_item' AND (SELECT m.status FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = OLD.entity_id) = 'final')
  OR (OLD.entity = 'committee_report' AND (SELECT m.status FROM committee_reports r JOIN meetings m ON m.id = r.meeting_id WHERE r.id = OLD.entity_id) = 'final')
  OR (OLD.entity = 'report' AND (SELECT status FROM reports WHERE id = OLD.entity_id) = 'issued')
)
BEGIN SELECT RAISE(ABORT, 'rule:document_frozen'); END;
--> statement-breakpoint
CREATE TRIGGER documents_frozen_bytes BEFORE DELETE ON document_contents
WHEN (SELECT removed_at FROM documents WHERE id = OLD.document_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'rule:document_frozen'); END;
