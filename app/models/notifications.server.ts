/**
 * In-app notices (the in-app half of the outbox): written by the change that causes them (mail-events.server.ts)
 * or by the scheduler, never on page load; a notice that no longer holds is resolved and leaves the lists.
 */
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { bodies, meetings, notifications, resolutions } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { readCache } from "../utils/read-cache.server";
import { cacheKey, type Scope, visibleResolutionSql } from "./access.server";
import { groupOrdinalSql, resolutionCode } from "./resolutions.server";

// Asked on every signed-in page (the count in the navigation): the statement is built once.
const unreadStatement = db
  .select({ n: count() })
  .from(notifications)
  .where(
    and(
      eq(notifications.userId, sql.placeholder("userId")),
      isNull(notifications.readAt),
      isNull(notifications.resolvedAt),
    ),
  )
  .prepare();

/**
 * How many of the person's notifications are unread (the count in the navigation): only of resolutions they still
 * see, like the list, so a seat that has ended leaves no count behind.
 */
export function unreadCount(scope: Scope): number {
  // Asked on every page: kept until the next write (read-cache.server.ts), like the scope it is read through.
  return readCache.get(cacheKey(scope, "unread"), () => countUnread(scope));
}

function countUnread(scope: Scope): number {
  if (scope.readsAll) return unreadStatement.get({ userId: scope.userId })?.n ?? 0;
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .innerJoin(resolutions, eq(resolutions.id, notifications.resolutionId))
      .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
      .where(
        and(
          eq(notifications.userId, scope.userId),
          isNull(notifications.readAt),
          isNull(notifications.resolvedAt),
          visibleResolutionSql(scope),
        ),
      )
      .get()?.n ?? 0
  );
}

/** The person's own notifications, of resolutions they still see, newest first. */
export function listNotifications(scope: Scope, { unreadOnly = true, limit = 50 } = {}) {
  const mine = eq(notifications.userId, scope.userId);
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      resolutionId: resolutions.id,
      number: resolutions.number,
      subject: resolutions.subject,
      dueDate: resolutions.dueDate,
      meetingNumber: meetings.number,
      bodyId: bodies.id,
      bodyCode: bodies.code,
      groupOrdinal: groupOrdinalSql,
      numbering: bodies.resolutionNumbering,
    })
    .from(notifications)
    .innerJoin(resolutions, eq(resolutions.id, notifications.resolutionId))
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        mine,
        isNull(notifications.resolvedAt),
        unreadOnly ? isNull(notifications.readAt) : undefined,
        visibleResolutionSql(scope),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({ ...n, code: resolutionCode(n) }));
}

/** Marks one notification (or all, when `id` is null) of the user as read; another user's are never touched. */
export function markRead(scope: Scope, id: number | null) {
  db.update(notifications)
    .set({ readAt: clock.nowIso() })
    .where(
      and(
        eq(notifications.userId, scope.userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .run();
}
