ALTER TABLE `documents` ADD `part` text;--> statement-breakpoint
CREATE TRIGGER documents_part_check BEFORE INSERT ON documents
WHEN NEW.part IS NOT NULL AND (NEW.entity <> 'meeting' OR (NEW.part NOT LIKE 'agenda:_%' AND NEW.part NOT LIKE 'report:_%'))
BEGIN SELECT RAISE(ABORT, 'rule:document_kind'); END;
