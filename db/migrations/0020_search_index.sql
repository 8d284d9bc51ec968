-- One search (app/models/search.server.ts). The indexes hold normalised search keys (Persian letters unified, marks,
-- ZWNJ and spaces dropped, ASCII digits) under the trigram tokenizer, so any part of a word is found. The keys are
-- made in JavaScript (app/utils/normalize.ts, the one home of normalisation); the triggers below only note, in the
-- same transaction as each write, which rows changed, so any connection (scripts, tests) may write without the app's
-- SQL functions, and the next search brings those rows' keys up to date first.
CREATE TABLE `search_dirty` (
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	PRIMARY KEY (`kind`, `ref_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_meetings USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_resolutions USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_follow_ups USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_people USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_organisations USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_documents USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER search_meetings_ins AFTER INSERT ON meetings BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('meeting', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_meetings_upd AFTER UPDATE ON meetings BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('meeting', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_meetings_del AFTER DELETE ON meetings BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('meeting', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_ins AFTER INSERT ON agenda_items BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('meeting', NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_upd AFTER UPDATE ON agenda_items BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('meeting', NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_del AFTER DELETE ON agenda_items BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('meeting', OLD.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_resolutions_ins AFTER INSERT ON resolutions BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('resolution', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_resolutions_upd AFTER UPDATE ON resolutions BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('resolution', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_resolutions_del AFTER DELETE ON resolutions BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('resolution', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_owners_ins AFTER INSERT ON resolution_owners BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('resolution', NEW.resolution_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_owners_upd AFTER UPDATE ON resolution_owners BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('resolution', NEW.resolution_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_owners_del AFTER DELETE ON resolution_owners BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('resolution', OLD.resolution_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_follow_ups_ins AFTER INSERT ON follow_ups BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('follow_up', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_follow_ups_upd AFTER UPDATE ON follow_ups BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('follow_up', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_follow_ups_del AFTER DELETE ON follow_ups BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('follow_up', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_people_ins AFTER INSERT ON people BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('person', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_people_upd AFTER UPDATE ON people BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('person', NEW.id);
  INSERT OR IGNORE INTO search_dirty SELECT 'resolution', resolution_id FROM resolution_owners WHERE person_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER search_people_del AFTER DELETE ON people BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('person', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_organisations_ins AFTER INSERT ON organisations BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('organisation', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_organisations_upd AFTER UPDATE ON organisations BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('organisation', NEW.id);
  INSERT OR IGNORE INTO search_dirty SELECT 'resolution', resolution_id FROM resolution_owners WHERE organisation_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER search_organisations_del AFTER DELETE ON organisations BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('organisation', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_bodies_upd AFTER UPDATE OF name, code, resolution_numbering ON bodies BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT 'meeting', id FROM meetings WHERE body_id = NEW.id;
  INSERT OR IGNORE INTO search_dirty SELECT 'resolution', id FROM resolutions WHERE body_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER search_groups_upd AFTER UPDATE OF name ON working_groups BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT 'meeting', id FROM meetings WHERE working_group_id = NEW.id;
  INSERT OR IGNORE INTO search_dirty SELECT 'resolution', resolution_id FROM resolution_owners WHERE working_group_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_ins AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('document', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_upd AFTER UPDATE ON documents BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('document', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_del AFTER DELETE ON documents BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('document', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_document_contents_ins AFTER INSERT ON document_contents BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('document', NEW.document_id);
END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'meeting', id FROM meetings;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'resolution', id FROM resolutions;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'follow_up', id FROM follow_ups;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'person', id FROM people;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'organisation', id FROM organisations;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'document', id FROM documents;
