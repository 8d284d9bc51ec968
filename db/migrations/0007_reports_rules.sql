-- An issued report never changes and is never deleted; a correction is a new report naming the one it replaces.
CREATE TRIGGER reports_issued_locked
BEFORE UPDATE ON reports
WHEN OLD.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'rule:report_issued');
END;
--> statement-breakpoint
CREATE TRIGGER reports_issued_not_deleted
BEFORE DELETE ON reports
WHEN OLD.status = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'rule:report_issued');
END;
