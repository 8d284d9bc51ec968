-- Data sets are found by the one search (issue 20): their name, items, level, agency, stage and what they wait on.
CREATE VIRTUAL TABLE search_data_sets USING fts5(code, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER search_data_sets_ins AFTER INSERT ON data_sets BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('data_set', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_data_sets_upd AFTER UPDATE ON data_sets BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('data_set', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_data_sets_del AFTER DELETE ON data_sets BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES ('data_set', OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_data_sets_agency_upd AFTER UPDATE OF name ON organisations BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT 'data_set', id FROM data_sets WHERE organisation_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER search_data_sets_stage_upd AFTER UPDATE OF name ON supply_stages BEGIN
  INSERT OR IGNORE INTO search_dirty SELECT 'data_set', id FROM data_sets WHERE stage_id = NEW.id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_dirty SELECT 'data_set', id FROM data_sets;
