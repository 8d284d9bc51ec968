-- Sign-off of minutes: a round is for the meeting's current, final edition only.
CREATE TRIGGER signoff_rounds_current_edition BEFORE INSERT ON signoff_rounds
WHEN (SELECT status <> 'final' OR edition <> NEW.edition FROM meetings WHERE id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'rule:signoff_not_current'); END;
--> statement-breakpoint
-- An answer (a signature or a change request) only from someone asked, on an open round of the current final edition:
-- never on a superseded edition, nor while a correction is being typed.
CREATE TRIGGER signoff_responses_open BEFORE INSERT ON signoff_responses
WHEN (SELECT r.status <> 'open' OR m.status <> 'final' OR m.edition <> r.edition
        FROM signoff_rounds r JOIN meetings m ON m.id = r.meeting_id WHERE r.id = NEW.round_id)
BEGIN SELECT RAISE(ABORT, 'rule:signoff_closed'); END;
--> statement-breakpoint
CREATE TRIGGER signoff_responses_signer BEFORE INSERT ON signoff_responses
WHEN NOT EXISTS (SELECT 1 FROM signoff_signers WHERE round_id = NEW.round_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'rule:signoff_not_signer'); END;
--> statement-breakpoint
-- Answers are a record: never changed or removed (a round goes only with its meeting).
CREATE TRIGGER signoff_responses_kept BEFORE UPDATE ON signoff_responses
BEGIN SELECT RAISE(ABORT, 'rule:signoff_kept'); END;
--> statement-breakpoint
-- A signed round keeps its edition, hash, signing time and, once printed, its PDF; it may only be superseded.
CREATE TRIGGER signoff_rounds_signed_kept BEFORE UPDATE ON signoff_rounds
WHEN OLD.status <> 'open' AND (NEW.edition <> OLD.edition OR NEW.snapshot_sha256 <> OLD.snapshot_sha256
  OR NEW.code <> OLD.code OR NEW.signed_at IS NOT OLD.signed_at
  OR (OLD.pdf_sha256 IS NOT NULL AND (NEW.pdf_sha256 IS NOT OLD.pdf_sha256 OR NEW.pdf IS NOT OLD.pdf))
  OR (OLD.status = 'superseded' AND NEW.status <> 'superseded'))
BEGIN SELECT RAISE(ABORT, 'rule:signoff_kept'); END;
--> statement-breakpoint
-- A new edition (a correction finalised) supersedes the rounds of the earlier ones; a correction abandoned does not.
CREATE TRIGGER signoff_superseded_by_edition AFTER UPDATE OF status ON meetings
WHEN NEW.status = 'final' AND OLD.status = 'correcting'
BEGIN
  UPDATE signoff_rounds SET status = 'superseded' WHERE meeting_id = NEW.id AND edition < NEW.edition AND status <> 'superseded';
END;
