import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { bodies, meetings, notifications, resolutions } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { addDays } from "../utils/jalali";
import type { SessionUser } from "../utils/session.server";
import { listMyActionDates, resolutionCode } from "./resolutions.server";

type User = Pick<SessionUser, "id" | "role" | "personId">;
const lastRefresh = new Map<number, number>();
const REFRESH_MS = 60_000;

/**
 * Announces, once each, what is new for the user: resolutions assigned in the last 30 days, deadlines within three
 * days, and items that became overdue. Run on the home page, and at most once a minute from other pages.
 */
export function refreshNotifications(user: User, { force = false } = {}) {
  const now = clock.nowMs();
  if (!force && now - (lastRefresh.get(user.id) ?? 0) < REFRESH_MS) return;
  lastRefresh.set(user.id, now);
  const today = clock.today();
  const recent = addDays(today, -30);
  const soon = addDays(today, 3);
  const wanted: { kind: "assigned" | "due_soon" | "overdue"; resolutionId: number }[] = [];
  for (const r of listMyActionDates(user)) {
    if (r.meetingDate >= recent) wanted.push({ kind: "assigned", resolutionId: r.id });
    if (r.dueDate && r.dueDate < today) wanted.push({ kind: "overdue", resolutionId: r.id });
    else if (r.dueDate && r.dueDate <= soon) wanted.push({ kind: "due_soon", resolutionId: r.id });
  }
  // Inserted in slices: SQLite binds a limited number of values per statement.
  for (let i = 0; i < wanted.length; i += 200) {
    db.insert(notifications)
      .values(wanted.slice(i, i + 200).map((w) => ({ userId: user.id, ...w })))
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

export function unreadCount(userId: number): number {
  return unreadStatement.get({ userId })?.n ?? 0;
}

export function listNotifications(userId: number, { unreadOnly = true, limit = 50 } = {}) {
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
    })
    .from(notifications)
    .innerJoin(resolutions, eq(resolutions.id, notifications.resolutionId))
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      unreadOnly
        ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
        : eq(notifications.userId, userId),
    )
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({ ...n, code: resolutionCode(n.bodyCode, n.bodyId, n.meetingNumber, n.number) }));
}

/** Marks one notification (or all, when `id` is null) of the user as read; another user's are never touched. */
export function markRead(userId: number, id: number | null) {
  db.update(notifications)
    .set({ readAt: clock.nowIso() })
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined),
    )
    .run();
}
