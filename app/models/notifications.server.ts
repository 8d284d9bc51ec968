import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { bodies, meetings, notifications, resolutions } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { addDays } from "../utils/jalali";
import type { Scope } from "./access.server";
import { listMyActionDates } from "./my-actions.server";
import { groupOrdinalSql, resolutionCode, visibleCondition } from "./resolutions.server";

const lastRefresh = new Map<number, number>();
const REFRESH_MS = 60_000;

/**
 * Announces, once each, what is new for the user: resolutions assigned in the last 30 days, deadlines within three
 * days, and items that became overdue. Run on the home page, and at most once a minute from other pages.
 */
export function refreshNotifications(scope: Scope, { force = false } = {}) {
  const now = clock.nowMs();
  if (!force && now - (lastRefresh.get(scope.userId) ?? 0) < REFRESH_MS) return;
  lastRefresh.set(scope.userId, now);
  const today = clock.today();
  const recent = addDays(today, -30);
  const soon = addDays(today, 3);
  const wanted: { kind: "assigned" | "due_soon" | "overdue"; resolutionId: number }[] = [];
  for (const r of listMyActionDates(scope)) {
    if (r.meetingDate >= recent) wanted.push({ kind: "assigned", resolutionId: r.id });
    if (r.dueDate && r.dueDate < today) wanted.push({ kind: "overdue", resolutionId: r.id });
    else if (r.dueDate && r.dueDate <= soon) wanted.push({ kind: "due_soon", resolutionId: r.id });
  }
  // Inserted in slices: SQLite binds a limited number of values per statement.
  for (let i = 0; i < wanted.length; i += 200) {
    db.insert(notifications)
      .values(wanted.slice(i, i + 200).map((w) => ({ userId: scope.userId, ...w })))
      .onConflictDoNothing()
      .run();
  }
}

// Asked on every signed-in page (the count in the navigation): the statement is built once.
const unreadStatement = db
  .select({ n: count() })
  .from(notifications)
  .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
  .prepare();

/**
 * How many of the person's notifications are unread (the count in the navigation): only of resolutions they still
 * see, like the list, so a seat that has ended leaves no count behind.
 */
export function unreadCount(scope: Scope): number {
  if (scope.readsAll) return unreadStatement.get({ userId: scope.userId })?.n ?? 0;
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .innerJoin(resolutions, eq(resolutions.id, notifications.resolutionId))
      .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
      .where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt), visibleCondition(scope)))
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
    .where(and(mine, unreadOnly ? isNull(notifications.readAt) : undefined, visibleCondition(scope)))
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
