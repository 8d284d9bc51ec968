-- Final minutes are read-only in the database itself. A correction must go through a new edition:
-- the meeting moves to 'correcting' with edition + 1, its rows are rewritten, and it returns to 'final'.
CREATE TRIGGER meetings_final_locked
BEFORE UPDATE ON meetings
WHEN OLD.status = 'final' AND NEW.edition = OLD.edition
BEGIN
  SELECT RAISE(ABORT, 'rule:minutes_final');
END;
--> statement-breakpoint
CREATE TRIGGER meetings_final_not_deleted
BEFORE DELETE ON meetings
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rule:minutes_final');
END;
--> statement-breakpoint
CREATE TRIGGER agenda_items_final_insert BEFORE INSERT ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER agenda_items_final_update BEFORE UPDATE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER agenda_items_final_delete BEFORE DELETE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER committee_reports_final_insert BEFORE INSERT ON committee_reports
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER committee_reports_final_update BEFORE UPDATE ON committee_reports
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER committee_reports_final_delete BEFORE DELETE ON committee_reports
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER attendance_final_insert BEFORE INSERT ON attendance
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER attendance_final_update BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER attendance_final_delete BEFORE DELETE ON attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER resolutions_final_insert BEFORE INSERT ON resolutions
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
-- What the meeting decided (number, subject, timeframe) is fixed; status and deadline move with the follow-up.
CREATE TRIGGER resolutions_final_wording BEFORE UPDATE OF number, subject, timeframe_kind, timeframe_count, timeframe_date, meeting_id ON resolutions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER resolutions_final_delete BEFORE DELETE ON resolutions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER resolution_owners_final_insert BEFORE INSERT ON resolution_owners
WHEN (SELECT m.status FROM meetings m JOIN resolutions r ON r.meeting_id = m.id WHERE r.id = NEW.resolution_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
--> statement-breakpoint
CREATE TRIGGER resolution_owners_final_delete BEFORE DELETE ON resolution_owners
WHEN (SELECT m.status FROM meetings m JOIN resolutions r ON r.meeting_id = m.id WHERE r.id = OLD.resolution_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'rule:minutes_final'); END;
