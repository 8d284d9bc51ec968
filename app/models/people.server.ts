import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { bodies, memberships, organisations, people, users, workingGroups } from "../../db/schema";
import type { PersonInput } from "../schemas/organisation";
import { slicePage } from "../schemas/paging";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { comparePersian, searchKey } from "../utils/normalize";
import { personSearchKey } from "../utils/person-name";
import { RuleViolation } from "../utils/rules";
import { canAdminister, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { isCurrentMembership } from "./memberships.server";

/** The bodies and working groups a person currently sits in, with their role. */
export function getPersonMemberships(personId: number, { currentOnly = true } = {}) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      letterNumber: memberships.letterNumber,
      letterDate: memberships.letterDate,
      bodyId: memberships.bodyId,
      bodyName: bodies.name,
      bodyKind: bodies.kind,
      groupId: workingGroups.id,
      groupName: workingGroups.name,
    })
    .from(memberships)
    .leftJoin(bodies, eq(bodies.id, memberships.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, memberships.workingGroupId))
    .where(
      currentOnly ? and(eq(memberships.personId, personId), isCurrentMembership()) : eq(memberships.personId, personId),
    )
    .all();
}

/** Headline counts for the home page. */
export function getDirectoryFigures() {
  const one = (q: { get(): { n: number } | undefined }) => q.get()?.n ?? 0;
  return {
    bodies: one(db.select({ n: count() }).from(bodies).where(eq(bodies.active, true))),
    people: one(db.select({ n: count() }).from(people).where(eq(people.active, true))),
    groups: one(db.select({ n: count() }).from(workingGroups).where(isNull(workingGroups.closedAt))),
    users: one(db.select({ n: count() }).from(users)),
  };
}

/**
 * The directory: every person, searched on Persian-aware keys (كميته finds کمیته) and sorted the Persian way
 * by last name, then first name — never by honorific.
 */
/** People on one page of the directory. */
export const PEOPLE_PAGE = 50;

/**
 * One page of the directory (sorted and searched as `listPeople`), the total found and the number of pages; a page
 * past the end gives the last page.
 */
export function listPeoplePage({ q = "", page = 1 }: { q?: string; page?: number } = {}) {
  return slicePage(listPeople({ q }), page, PEOPLE_PAGE);
}

export function listPeople({ q = "" }: { q?: string } = {}) {
  const words = q.split(/\s+/).map(searchKey).filter(Boolean);
  const seats = db
    .select({
      personId: memberships.personId,
      role: memberships.role,
      bodyName: bodies.name,
      groupName: workingGroups.name,
    })
    .from(memberships)
    .leftJoin(bodies, eq(bodies.id, memberships.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, memberships.workingGroupId))
    .where(isCurrentMembership(clock.today()))
    .all();
  return db
    .select()
    .from(people)
    .all()
    .map(({ searchKey: _stored, ...p }) => {
      // Made afresh, so a key stored before the honorific and title were part of it still finds the person.
      const key = personSearchKey(p);
      const mine = seats
        .filter((s) => s.personId === p.id)
        .map((s) => ({ role: s.role, name: (s.groupName ?? s.bodyName) as string }));
      // A person is found by name, organisation, position or the bodies they sit in.
      const haystack = `${key} ${mine.map((s) => searchKey(s.name)).join(" ")}`;
      return { ...p, seats: mine, matches: words.every((w) => haystack.includes(w)) };
    })
    .filter((p) => p.matches)
    .sort((a, b) => comparePersian(a.lastName, b.lastName) || comparePersian(a.firstName, b.firstName))
    .map(({ matches: _m, ...p }) => p);
}

/** A person of the directory (readable by everyone signed in); their account's username and role only for the admin. */
export function getPerson(scope: Scope, id: number) {
  const person = db.select().from(people).where(eq(people.id, id)).get();
  if (!person) return null;
  const account = !canAdminister(scope)
    ? undefined
    : db.select({ username: users.username, role: users.role }).from(users).where(eq(users.personId, id)).get();
  const organisation = person.organisationId
    ? (db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, person.organisationId))
        .get() ?? null)
    : null;
  return {
    person,
    organisation,
    account: account ?? null,
    memberships: getPersonMemberships(id, { currentOnly: false }),
  };
}

/** Every person, for choosing a member or an owner, sorted the Persian way. */
export function listPersonOptions() {
  return db
    .select({
      id: people.id,
      honorific: people.honorific,
      title: people.title,
      firstName: people.firstName,
      lastName: people.lastName,
    })
    .from(people)
    .where(eq(people.active, true))
    .all()
    .sort((a, b) => comparePersian(a.lastName, b.lastName) || comparePersian(a.firstName, b.firstName));
}

/** A person's organisation must be one on record (a crafted form names none). */
function checkOrganisation(tx: Pick<typeof db, "select">, input: PersonInput) {
  if (!input.organisationId) return;
  const found = tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId))
    .get();
  if (!found) throw new RuleViolation("organisationMissing", "organisationId");
}

export function createPerson(actor: Actor, input: PersonInput): number {
  return writeTransaction((tx) => {
    checkOrganisation(tx, input);
    const { id } = tx
      .insert(people)
      .values({ ...input, searchKey: personSearchKey(input) })
      .returning({ id: people.id })
      .get();
    recordAudit({ ...actor, action: "create", entity: "person", entityId: id, after: input }, tx);
    return id;
  });
}

export function updatePerson(actor: Actor, id: number, input: PersonInput) {
  writeTransaction((tx) => {
    const before = tx.select().from(people).where(eq(people.id, id)).get();
    if (!before) throw new NotFoundError();
    checkOrganisation(tx, input);
    tx.update(people)
      .set({ ...input, searchKey: personSearchKey(input), updatedAt: clock.nowIso() })
      .where(eq(people.id, id))
      .run();
    const { createdAt: _c, updatedAt: _u, searchKey: _k, ...snapshot } = before;
    recordAudit(
      {
        ...actor,
        action: "update",
        entity: "person",
        entityId: id,
        before: snapshot,
        after: { ...snapshot, ...input },
      },
      tx,
    );
  });
}

/** Each person's position (سمت), for signature blocks; empty when none is recorded. */
export function positionsOf(ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: people.id, position: people.position })
      .from(people)
      .where(inArray(people.id, ids))
      .all()
      .map((p) => [p.id, p.position]),
  );
}
