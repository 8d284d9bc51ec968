-- The organisation's hard rules, held by the database itself (resolution ۵ of the reference minutes):
-- at most 4 open working groups per committee and at most 7 current members per working group.
-- A membership is current while end_date is empty or later than today; a group is open while closed_at is empty.
CREATE TRIGGER working_groups_parent_is_committee
BEFORE INSERT ON working_groups
WHEN (SELECT kind FROM bodies WHERE id = NEW.committee_id) IS NOT 'committee'
BEGIN
  SELECT RAISE(ABORT, 'rule:working_group_parent');
END;
--> statement-breakpoint
CREATE TRIGGER working_groups_cap_insert
BEFORE INSERT ON working_groups
WHEN NEW.closed_at IS NULL
  AND (SELECT count(*) FROM working_groups WHERE committee_id = NEW.committee_id AND closed_at IS NULL) >= 4
BEGIN
  SELECT RAISE(ABORT, 'rule:working_group_limit');
END;
--> statement-breakpoint
CREATE TRIGGER working_groups_cap_reopen
BEFORE UPDATE OF closed_at, committee_id ON working_groups
WHEN NEW.closed_at IS NULL
  AND (SELECT count(*) FROM working_groups
       WHERE committee_id = NEW.committee_id AND closed_at IS NULL AND id <> NEW.id) >= 4
BEGIN
  SELECT RAISE(ABORT, 'rule:working_group_limit');
END;
--> statement-breakpoint
CREATE TRIGGER group_members_closed_group
BEFORE INSERT ON memberships
WHEN NEW.working_group_id IS NOT NULL
  AND (SELECT closed_at FROM working_groups WHERE id = NEW.working_group_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'rule:group_closed');
END;
--> statement-breakpoint
CREATE TRIGGER group_members_cap_insert
BEFORE INSERT ON memberships
WHEN NEW.working_group_id IS NOT NULL
  AND (NEW.end_date IS NULL OR NEW.end_date > date('now'))
  AND (SELECT count(*) FROM memberships
       WHERE working_group_id = NEW.working_group_id
         AND (end_date IS NULL OR end_date > date('now'))) >= 7
BEGIN
  SELECT RAISE(ABORT, 'rule:group_member_limit');
END;
--> statement-breakpoint
CREATE TRIGGER group_members_cap_update
BEFORE UPDATE OF end_date, working_group_id ON memberships
WHEN NEW.working_group_id IS NOT NULL
  AND (NEW.end_date IS NULL OR NEW.end_date > date('now'))
  AND (SELECT count(*) FROM memberships
       WHERE working_group_id = NEW.working_group_id
         AND (end_date IS NULL OR end_date > date('now')) AND id <> NEW.id) >= 7
BEGIN
  SELECT RAISE(ABORT, 'rule:group_member_limit');
END;
--> statement-breakpoint
CREATE UNIQUE INDEX memberships_open_group_seat ON memberships (person_id, working_group_id)
  WHERE working_group_id IS NOT NULL AND end_date IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX memberships_open_body_seat ON memberships (person_id, body_id, role)
  WHERE body_id IS NOT NULL AND end_date IS NULL;
