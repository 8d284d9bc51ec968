-- One clock: the 7-member cap compared end dates with SQLite's date('now'), which is the UTC day, while the app
-- reads Tehran's day; from 00:00 to 03:30 Tehran time a membership ended "today" still held its seat. The triggers
-- now ask app_today(), which the app registers on every connection it opens (app/utils/db.server.ts) from its one
-- clock (app/utils/clock.server.ts). A connection without it (the sqlite3 shell) cannot add a group member at all,
-- rather than add one on the wrong day's count.
-- A seat is held from the day a membership is written until its end date, so a member who starts tomorrow counts
-- against the cap today, and the cap holds on every day, not only today.
DROP TRIGGER group_members_cap_insert;
--> statement-breakpoint
DROP TRIGGER group_members_cap_update;
--> statement-breakpoint
CREATE TRIGGER group_members_cap_insert
BEFORE INSERT ON memberships
WHEN NEW.working_group_id IS NOT NULL
  AND (NEW.end_date IS NULL OR NEW.end_date > app_today())
  AND (SELECT count(*) FROM memberships
       WHERE working_group_id = NEW.working_group_id
         AND (end_date IS NULL OR end_date > app_today())) >= 7
BEGIN
  SELECT RAISE(ABORT, 'rule:group_member_limit');
END;
--> statement-breakpoint
CREATE TRIGGER group_members_cap_update
BEFORE UPDATE OF end_date, working_group_id ON memberships
WHEN NEW.working_group_id IS NOT NULL
  AND (NEW.end_date IS NULL OR NEW.end_date > app_today())
  AND (SELECT count(*) FROM memberships
       WHERE working_group_id = NEW.working_group_id
         AND (end_date IS NULL OR end_date > app_today()) AND id <> NEW.id) >= 7
BEGIN
  SELECT RAISE(ABORT, 'rule:group_member_limit');
END;
