import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { bodies, memberships, people, workingGroups } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { comparePersian } from "../utils/normalize";
import { readCache } from "../utils/read-cache.server";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { type Actor, recordAudit } from "./audit.server";
import { groupHeadCount, isCurrent, isCurrentMembership } from "./memberships.server";

export { MAX_GROUPS_PER_COMMITTEE, MAX_MEMBERS_PER_GROUP } from "../utils/limits";

/** Every open working group with its current head count, for the organisation chart. */
export function listOpenGroups() {
  const today = clock.today();
  // Read by the organisation chart; kept until the next write.
  return readCache.get(JSON.stringify(["openGroups", today]), () =>
    db
      .select({
        id: workingGroups.id,
        committeeId: workingGroups.committeeId,
        name: workingGroups.name,
        memberCount: groupHeadCount(today),
      })
      .from(workingGroups)
      .where(isNull(workingGroups.closedAt))
      .orderBy(asc(workingGroups.id))
      .all(),
  );
}

/** Working groups of a committee with their current head counts, open ones first. */
export function listWorkingGroupsOf(committeeId: number) {
  return db
    .select({
      id: workingGroups.id,
      name: workingGroups.name,
      closedAt: workingGroups.closedAt,
      memberCount: groupHeadCount(),
    })
    .from(workingGroups)
    .where(eq(workingGroups.committeeId, committeeId))
    .orderBy(sql`${workingGroups.closedAt} is not null`, asc(workingGroups.id))
    .all();
}

/**
 * Creates a working group under a committee. The database refuses a fifth open group (trigger
 * `working_groups_cap_insert`), so the limit holds however many requests race for the last place.
 */
export function createWorkingGroup(actor: Actor, committeeId: number, input: { name: string; duties: string }): number {
  try {
    return writeTransaction((tx) => {
      const committee = tx
        .select({ kind: bodies.kind, active: bodies.active })
        .from(bodies)
        .where(eq(bodies.id, committeeId))
        .get();
      if (committee?.kind !== "committee") throw new RuleViolation("working_group_parent", "name");
      if (!committee.active) throw new RuleViolation("bodyInactive", "name");
      const { id } = tx
        .insert(workingGroups)
        .values({ committeeId, name: input.name, duties: input.duties })
        .returning({ id: workingGroups.id })
        .get();
      recordAudit(
        { ...actor, action: "create", entity: "working_group", entityId: id, after: { committeeId, ...input } },
        tx,
      );
      recordAudit(
        { ...actor, action: "group_created", entity: "body", entityId: committeeId, after: { name: input.name } },
        tx,
      );
      return id;
    });
  } catch (error) {
    throw asRuleViolation(error, "name") ?? error;
  }
}

export function getWorkingGroup(id: number) {
  const group = db.select().from(workingGroups).where(eq(workingGroups.id, id)).get();
  if (!group) return null;
  const committee = db
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(eq(bodies.id, group.committeeId))
    .get()!;
  const today = clock.today();
  const members = db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      letterNumber: memberships.letterNumber,
      letterDate: memberships.letterDate,
      personId: people.id,
      honorific: people.honorific,
      title: people.title,
      firstName: people.firstName,
      lastName: people.lastName,
      organisation: people.organisation,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.workingGroupId, id))
    .all()
    .map((m) => ({ ...m, current: isCurrent(m.endDate, today) }))
    .sort((a, b) => Number(b.current) - Number(a.current) || comparePersian(a.lastName, b.lastName));
  return { group, committee, members, currentCount: members.filter((m) => m.current).length };
}

export function updateWorkingGroup(actor: Actor, id: number, input: { name: string; duties: string }) {
  writeTransaction((tx) => {
    const before = tx.select().from(workingGroups).where(eq(workingGroups.id, id)).get();
    if (!before) throw new NotFoundError();
    tx.update(workingGroups).set(input).where(eq(workingGroups.id, id)).run();
    recordAudit(
      { ...actor, action: "update", entity: "working_group", entityId: id, before, after: { ...before, ...input } },
      tx,
    );
  });
}

/** Closes a group: its place under the committee is freed, its members' seats end today. */
export function closeWorkingGroup(actor: Actor, id: number) {
  writeTransaction((tx) => {
    const before = tx.select().from(workingGroups).where(eq(workingGroups.id, id)).get();
    if (!before) throw new NotFoundError();
    if (before.closedAt) return;
    const closedAt = clock.nowIso();
    tx.update(workingGroups).set({ closedAt }).where(eq(workingGroups.id, id)).run();
    tx.update(memberships)
      .set({ endDate: clock.today() })
      .where(and(eq(memberships.workingGroupId, id), isCurrentMembership()))
      .run();
    recordAudit(
      { ...actor, action: "close", entity: "working_group", entityId: id, before, after: { ...before, closedAt } },
      tx,
    );
    recordAudit(
      { ...actor, action: "group_closed", entity: "body", entityId: before.committeeId, after: { name: before.name } },
      tx,
    );
  });
}
