/** «کارتابل من»: the active resolutions that are the person's, their groups', or their bodies' to carry out. */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { bodies, meetings, resolutions } from "../../db/schema";
import type { MyActionsFilter } from "../schemas/my-actions";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { addDays, daysBetween, weekOf } from "../utils/jalali";
import { readCache } from "../utils/read-cache.server";
import { isOverdue } from "../utils/resolution-status";
import { cacheKey, type Scope } from "./access.server";
import {
  inFinalMinutesSql,
  isActiveSql,
  list,
  ownedCondition,
  ownerNames,
  resolutionCode,
  resolutionRowsById,
} from "./resolutions.server";
import { resolutionSearchSql } from "./search.server";

/** SQL: the resolution's deadline falls in the window (overdue; this week; the next 30 days; later; standing). */
function dueWindowSql(due: MyActionsFilter["due"], today: string) {
  switch (due) {
    case "overdue":
      return lt(resolutions.dueDate, today);
    case "week":
      return and(gte(resolutions.dueDate, today), lte(resolutions.dueDate, weekOf(today).end));
    case "month":
      return and(gte(resolutions.dueDate, today), lte(resolutions.dueDate, addDays(today, 30)));
    case "later":
      return gt(resolutions.dueDate, addDays(today, 30));
    case "none":
      return isNull(resolutions.dueDate);
    default:
      return undefined;
  }
}

/** SQL for «my actions»: owned by the person, their groups, their bodies, or passed by bodies they lead; active. */
function myActionsCondition(scope: Scope) {
  return and(
    isActiveSql,
    inFinalMinutesSql,
    or(ownedCondition(scope), inArray(resolutions.bodyId, list(scope.ledBodyIds))),
  );
}

/** The light list of a user's active resolutions (for notifications): id, deadline and meeting date. */
export function listMyActionDates(scope: Scope) {
  const condition = myActionsCondition(scope);
  return db
    .select({
      id: resolutions.id,
      dueDate: resolutions.dueDate,
      meetingDate: meetings.date,
      status: resolutions.status,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(condition)
    .all();
}

/**
 * کارتابل من: what is owned by the person, their working groups and their bodies, and — for chairs and
 * secretaries — what their bodies passed; active ones, nearest deadline first (standing ones last), a page at a time,
 * with the counts of overdue and due-this-week items over the whole list.
 */
export function listMyActions(
  scope: Scope,
  today = clock.today(),
  { limit = 50, offset = 0, filter = {} as MyActionsFilter } = {},
) {
  // The search brings the index up to date first (a write), so the answer is cached only after it.
  const found = filter.q ? resolutionSearchSql(filter.q) : undefined;
  const key = cacheKey(scope, "myActions", today, limit, offset, filter);
  return readCache.get(key, () => queryMyActions(scope, today, limit, offset, filter, found));
}

function queryMyActions(
  scope: Scope,
  today: string,
  limit: number,
  offset: number,
  filter: MyActionsFilter,
  found: ReturnType<typeof resolutionSearchSql>,
) {
  const condition = myActionsCondition(scope);
  const filtered = and(
    condition,
    found,
    filter.status ? eq(resolutions.status, filter.status) : undefined,
    filter.bodyId ? eq(resolutions.bodyId, filter.bodyId) : undefined,
    dueWindowSql(filter.due, today),
  );
  const week = weekOf(today);
  // The badges count the whole list; the total (and the pages) what the filter keeps.
  const counts = db
    .select({
      overdue: sql<number>`coalesce(sum(${resolutions.dueDate} < ${today}), 0)`,
      week: sql<number>`coalesce(sum(${resolutions.dueDate} >= ${today} and ${resolutions.dueDate} <= ${week.end}), 0)`,
    })
    .from(resolutions)
    .where(condition)
    .get()!;
  const total = db.select({ n: sql<number>`count(*)` }).from(resolutions).where(filtered).get()!.n;
  const up = filter.dir !== "desc";
  const byDue = [
    sql`${resolutions.dueDate} is null`,
    up ? asc(resolutions.dueDate) : desc(resolutions.dueDate),
    asc(meetings.number),
    asc(resolutions.number),
  ];
  const byCode = [
    asc(bodies.sortOrder),
    up ? asc(meetings.number) : desc(meetings.number),
    up ? asc(resolutions.number) : desc(resolutions.number),
  ];
  const byBody = [up ? asc(bodies.sortOrder) : desc(bodies.sortOrder), ...byDue];
  const order = filter.sort === "code" ? byCode : filter.sort === "body" ? byBody : byDue;
  const ids = db
    .select({ id: resolutions.id })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, resolutions.bodyId))
    .where(filtered)
    .orderBy(...order, asc(resolutions.id))
    .limit(limit)
    .offset(offset)
    .all();
  const rows = resolutionRowsById(ids.map((r) => r.id));
  const names = ownerNames(rows.map((r) => r.id));
  return {
    total,
    overdueCount: counts.overdue,
    weekCount: counts.week,
    rows: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      status: r.status,
      dueDate: r.dueDate,
      bodyName: r.bodyName,
      meetingNumber: r.meetingNumber,
      groupName: r.groupName,
      lastPercent: r.lastPercent,
      owners: names.get(r.id) ?? [],
      code: resolutionCode(r),
      overdue: isOverdue(r, today),
      daysOverdue: r.dueDate && isOverdue(r, today) ? daysBetween(r.dueDate, today) : 0,
      dueThisWeek: r.dueDate !== null && r.dueDate >= today && r.dueDate <= week.end,
    })),
  };
}

/** The bodies that passed something in the person's list, for its body filter. */
export function myActionBodies(scope: Scope) {
  return readCache.get(cacheKey(scope, "myActionBodies"), () =>
    db
      .selectDistinct({ id: bodies.id, name: bodies.name, sortOrder: bodies.sortOrder })
      .from(resolutions)
      .innerJoin(bodies, eq(bodies.id, resolutions.bodyId))
      .where(myActionsCondition(scope))
      .orderBy(asc(bodies.sortOrder))
      .all()
      .map(({ id, name }) => ({ id, name })),
  );
}
