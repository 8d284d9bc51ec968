ALTER TABLE `bodies` ADD `first_resolution_number` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Codes read «شورا/۱۲/۳» per meeting and «شورا/۳۴۵» in a running sequence: switching once resolutions exist would
-- make old codes collide, so the numbering is chosen before the body's first resolution.
CREATE TRIGGER bodies_numbering_fixed BEFORE UPDATE OF resolution_numbering, first_resolution_number ON bodies
WHEN (NEW.resolution_numbering IS NOT OLD.resolution_numbering OR NEW.first_resolution_number IS NOT OLD.first_resolution_number)
  AND EXISTS (SELECT 1 FROM resolutions WHERE body_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'rule:numbering_in_use'); END;
