import { and, eq } from "drizzle-orm";
import { memberships, workingGroups } from "../../db/schema";
import { isCurrentMembership } from "../models/memberships.server";
import { db } from "./db.server";
import { denyAccess, type SessionUser } from "./session.server";

/** Secretariat and admin change the organisation's structure; everyone else reads it. */
export function canManageStructure(user: Pick<SessionUser, "role">): boolean {
  return user.role === "admin" || user.role === "secretariat";
}

/** True when the person currently holds a seat with this role in the body. */
function holdsSeat(personId: number | null, bodyId: number, role: "chair" | "secretary"): boolean {
  if (!personId) return false;
  return (
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.personId, personId),
          eq(memberships.bodyId, bodyId),
          eq(memberships.role, role),
          isCurrentMembership(),
        ),
      )
      .get() !== undefined
  );
}

/** True when the user's person is a current chair (مسئول) of the body. */
export function isChairOf(user: Pick<SessionUser, "personId">, bodyId: number): boolean {
  return holdsSeat(user.personId, bodyId, "chair");
}

/** Working groups of a committee are created and staffed by its chair, or by the secretariat and admin. */
export function canManageGroupsOf(user: Pick<SessionUser, "role" | "personId">, committeeId: number): boolean {
  return canManageStructure(user) || isChairOf(user, committeeId);
}

/** Throws a 403 unless `allowed` (and writes the refusal to the audit log); used by every loader and action. */
export function requirePermission(allowed: boolean, user: Pick<SessionUser, "id">, request: Request): void {
  if (!allowed) denyAccess(user, request);
}

/** Bodies a person currently belongs to, including the committees of their working groups. */
export function bodyIdsOf(user: Pick<SessionUser, "personId">): number[] {
  if (!user.personId) return [];
  const rows = db
    .select({ bodyId: memberships.bodyId, committeeId: workingGroups.committeeId })
    .from(memberships)
    .leftJoin(workingGroups, eq(workingGroups.id, memberships.workingGroupId))
    .where(and(eq(memberships.personId, user.personId), isCurrentMembership()))
    .all();
  return [...new Set(rows.map((r) => r.bodyId ?? r.committeeId).filter((id): id is number => id !== null))];
}

/** Bodies whose meetings the user may read: every body for admin and secretariat (null), else their own. */
export function readableBodyIds(user: Pick<SessionUser, "role" | "personId">): number[] | null {
  return canManageStructure(user) ? null : bodyIdsOf(user);
}

export function canReadMeetingsOf(user: Pick<SessionUser, "role" | "personId">, bodyId: number): boolean {
  const ids = readableBodyIds(user);
  return ids === null || ids.includes(bodyId);
}

/** Minutes are typed by the secretariat (and admin), and by the body's own secretary (دبیر). */
export function canEditMinutesOf(user: Pick<SessionUser, "role" | "personId">, bodyId: number): boolean {
  return canManageStructure(user) || holdsSeat(user.personId, bodyId, "secretary");
}
