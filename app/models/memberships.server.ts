import { and, eq, gt, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { memberships, people } from "../../db/schema";
import type { MembershipInput } from "../schemas/organisation";
import * as clock from "../utils/clock.server";
import { writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { formatPersonName } from "../utils/person-name";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { type Actor, recordAudit } from "./audit.server";

// A membership holds its seat from the day it is recorded until its end date: the end date is the last day it
// no longer counts ("ended today" frees the seat today), and a start date is the appointment letter's date, shown
// but not waited for, so a member who starts tomorrow already counts against the cap of seven (which then holds
// on every day). The triggers of db/migrations/0008 say the same in SQL; "today" is always Tehran's (clock.server).

/** True when a membership with this end date is current on `today`. */
export function isCurrent(endDate: string | null, today = clock.today()): boolean {
  return !endDate || endDate > today;
}

/** SQL condition: the membership is current (no end date, or one after today). */
export function isCurrentMembership(today = clock.today()): SQL {
  return or(isNull(memberships.endDate), gt(memberships.endDate, today))!;
}

/**
 * SQL condition: the membership grants its powers today — it has started (no start date, or one on or before today)
 * and has not ended. A seat appointed from a later date holds its place in the caps but gives no power yet.
 */
export function isInForce(today = clock.today()): SQL {
  return and(or(isNull(memberships.startDate), lte(memberships.startDate, today)), isCurrentMembership(today))!;
}

/** SQL: the current head count of the working group in the row (correlated on the table name, which drizzle drops). */
export function groupHeadCount(today = clock.today()) {
  return sql<number>`(select count(*) from memberships m where m.working_group_id = "working_groups"."id"
    and (m.end_date is null or m.end_date > ${today}))`;
}

export type MembershipTarget = { bodyId: number } | { workingGroupId: number };

/** Seats a person in a body or working group; the database refuses an eighth member of a group. */
export function addMembership(actor: Actor, target: MembershipTarget, input: MembershipInput): number {
  try {
    return writeTransaction((tx) => {
      const person = tx.select().from(people).where(eq(people.id, input.personId)).get();
      if (!person) throw new RuleViolation("unknownPerson", "personId");
      const where =
        "bodyId" in target
          ? and(eq(memberships.bodyId, target.bodyId), eq(memberships.role, input.role))
          : eq(memberships.workingGroupId, target.workingGroupId);
      const seated = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(where, eq(memberships.personId, input.personId), isCurrentMembership()))
        .get();
      if (seated) throw new RuleViolation("alreadyMember", "personId");
      const row = {
        personId: input.personId,
        bodyId: "bodyId" in target ? target.bodyId : null,
        workingGroupId: "workingGroupId" in target ? target.workingGroupId : null,
        role: input.role,
        startDate: input.startDate,
        endDate: input.endDate,
        letterNumber: input.letterNumber,
        letterDate: input.letterDate,
      };
      const { id } = tx.insert(memberships).values(row).returning({ id: memberships.id }).get();
      recordAudit({ ...actor, action: "create", entity: "membership", entityId: id, after: row }, tx);
      auditParent(tx, actor, row, "member_added", { person: formatPersonName(person, "fa"), role: input.role });
      return id;
    });
  } catch (error) {
    throw asRuleViolation(error, "personId") ?? error;
  }
}

/** Ends a membership today (frees the seat); past memberships stay in the record. */
export function endMembership(actor: Actor, membershipId: number, target: MembershipTarget) {
  writeTransaction((tx) => {
    const before = tx.select().from(memberships).where(eq(memberships.id, membershipId)).get();
    const belongs =
      before &&
      ("bodyId" in target ? before.bodyId === target.bodyId : before.workingGroupId === target.workingGroupId);
    if (!before || !belongs) throw new NotFoundError();
    const today = clock.today();
    if (!isCurrent(before.endDate, today)) return;
    tx.update(memberships).set({ endDate: today }).where(eq(memberships.id, membershipId)).run();
    recordAudit(
      {
        ...actor,
        action: "update",
        entity: "membership",
        entityId: membershipId,
        before,
        after: { ...before, endDate: today },
      },
      tx,
    );
    const person = tx.select().from(people).where(eq(people.id, before.personId)).get();
    auditParent(tx, actor, before, "member_removed", {
      person: person ? formatPersonName(person, "fa") : before.personId,
      role: before.role,
    });
  });
}

/** Also records membership changes on the body's or group's own trail, where people look for them. */
function auditParent(
  tx: Parameters<typeof recordAudit>[1],
  actor: Actor,
  row: { bodyId: number | null; workingGroupId: number | null },
  action: string,
  detail: unknown,
) {
  const entity = row.bodyId ? "body" : "working_group";
  recordAudit({ ...actor, action, entity, entityId: row.bodyId ?? row.workingGroupId, after: detail }, tx);
}
