import { and, count, eq, isNull } from "drizzle-orm";
import { bodies, memberships, people, users, workingGroups } from "../../db/schema";
import { db } from "../utils/db.server";

/** The bodies and working groups a person currently sits in, with their role. */
export function getPersonMemberships(personId: number) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      bodyId: memberships.bodyId,
      bodyName: bodies.name,
      bodyKind: bodies.kind,
      groupId: workingGroups.id,
      groupName: workingGroups.name,
    })
    .from(memberships)
    .leftJoin(bodies, eq(bodies.id, memberships.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, memberships.workingGroupId))
    .where(and(eq(memberships.personId, personId), isNull(memberships.endDate)))
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
