import { and, eq, gt, isNull, or } from "drizzle-orm";
import { memberships } from "../../db/schema";
import { db } from "./db.server";
import { todayIso } from "./jalali";
import type { SessionUser } from "./session.server";

/** Secretariat and admin change the organisation's structure; everyone else reads it. */
export function canManageStructure(user: Pick<SessionUser, "role">): boolean {
  return user.role === "admin" || user.role === "secretariat";
}

/** True when the user's person is a current chair (مسئول) of the body. */
export function isChairOf(user: Pick<SessionUser, "personId">, bodyId: number): boolean {
  if (!user.personId) return false;
  const today = todayIso();
  return (
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.personId, user.personId),
          eq(memberships.bodyId, bodyId),
          eq(memberships.role, "chair"),
          or(isNull(memberships.endDate), gt(memberships.endDate, today)),
        ),
      )
      .get() !== undefined
  );
}

/** Working groups of a committee are created and staffed by its chair, or by the secretariat and admin. */
export function canManageGroupsOf(user: Pick<SessionUser, "role" | "personId">, committeeId: number): boolean {
  return canManageStructure(user) || isChairOf(user, committeeId);
}

/** Throws a 403 unless `allowed`; used by every action after its own check. */
export function requirePermission(allowed: boolean): void {
  if (!allowed) throw new Response("Forbidden", { status: 403 });
}
