/** «کارتابل من»: the active resolutions that are the person's, their groups', or their bodies' to carry out. */
import { and, eq, sql } from "drizzle-orm";
import { bodies, meetings, resolutions } from "../../db/schema";
import type { MyActionsFilter } from "../schemas/my-actions";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { addDays, daysBetween, weekOf } from "../utils/jalali";
import { readCache } from "../utils/read-cache.server";
import { isOverdue } from "../utils/resolution-status";
import { cacheKey, carriedResolutionSql, type Scope } from "./access.server";
import { inFinalMinutesSql, isActiveSql, ownerNames, resolutionCode, resolutionRowsById } from "./resolutions.server";
import { resolutionSearchSql } from "./search.server";

type Candidate = {
  id: number;
  status: string;
  dueDate: string | null;
  bodyId: number;
  bodyName: string;
  bodySort: number;
  meetingNumber: number;
  number: number;
  found: number;
};

/** The resolution's deadline falls in the window (overdue; this week; the next 30 days; later; standing). */
function inDueWindow(due: MyActionsFilter["due"], dueDate: string | null, today: string) {
  switch (due) {
    case "overdue":
      return dueDate !== null && dueDate < today;
    case "week":
      return dueDate !== null && dueDate >= today && dueDate <= weekOf(today).end;
    case "month":
      return dueDate !== null && dueDate >= today && dueDate <= addDays(today, 30);
    case "later":
      return dueDate !== null && dueDate > addDays(today, 30);
    case "none":
      return dueDate === null;
    default:
      return true;
  }
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The list's orders: nearest deadline first (standing ones last), by code, or by body then deadline. */
function orderOf(filter: MyActionsFilter): (a: Candidate, b: Candidate) => number {
  const sign = filter.dir === "desc" ? -1 : 1;
  const byDue = (a: Candidate, b: Candidate) =>
    compare(a.dueDate === null ? 1 : 0, b.dueDate === null ? 1 : 0) ||
    (a.dueDate !== null && b.dueDate !== null ? sign * compare(a.dueDate, b.dueDate) : 0) ||
    compare(a.meetingNumber, b.meetingNumber) ||
    compare(a.number, b.number);
  const byCode = (a: Candidate, b: Candidate) =>
    compare(a.bodySort, b.bodySort) ||
    sign * compare(a.meetingNumber, b.meetingNumber) ||
    sign * compare(a.number, b.number);
  const byBody = (a: Candidate, b: Candidate) => sign * compare(a.bodySort, b.bodySort) || byDue(a, b);
  const order = filter.sort === "code" ? byCode : filter.sort === "body" ? byBody : byDue;
  return (a, b) => order(a, b) || compare(a.id, b.id);
}

/** SQL for «my actions»: owned by the person, their groups, their bodies, or passed by bodies they lead; active. */
function myActionsCondition(scope: Scope) {
  return and(isActiveSql, inFinalMinutesSql, carriedResolutionSql(scope));
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

/**
 * One read of the person's whole list (a few hundred light rows on ten years of data): the badges, the body filter's
 * choices, the filter, the order and the page are taken from it, so the scope's condition is evaluated once.
 */
function queryMyActions(
  scope: Scope,
  today: string,
  limit: number,
  offset: number,
  filter: MyActionsFilter,
  found: ReturnType<typeof resolutionSearchSql>,
) {
  const bodyOf = new Map(
    db
      .select({ id: bodies.id, name: bodies.name, sortOrder: bodies.sortOrder })
      .from(bodies)
      .all()
      .map((b) => [b.id, b]),
  );
  // The bodies are a handful, joined here: in the query they cost more than the rest of it.
  const candidates: Candidate[] = db
    .select({
      id: resolutions.id,
      status: resolutions.status,
      dueDate: resolutions.dueDate,
      bodyId: resolutions.bodyId,
      meetingNumber: meetings.number,
      number: resolutions.number,
      found: found ? sql<number>`(${found})` : sql<number>`1`,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(myActionsCondition(scope))
    .all()
    .flatMap((r) => {
      const body = r.bodyId === null ? undefined : bodyOf.get(r.bodyId);
      return body ? [{ ...r, bodyId: body.id, bodyName: body.name, bodySort: body.sortOrder }] : [];
    });
  const week = weekOf(today);
  const overdueCount = candidates.filter((c) => c.dueDate !== null && c.dueDate < today).length;
  const weekCount = candidates.filter((c) => c.dueDate !== null && c.dueDate >= today && c.dueDate <= week.end).length;
  const bodiesById = new Map(candidates.map((c) => [c.bodyId, c]));
  // The badges and the body filter's choices are over the whole list; the total (and the pages) what the filter keeps.
  const kept = candidates
    .filter(
      (c) =>
        c.found === 1 &&
        (!filter.status || c.status === filter.status) &&
        (!filter.bodyId || c.bodyId === filter.bodyId) &&
        inDueWindow(filter.due, c.dueDate, today),
    )
    .sort(orderOf(filter));
  const ids = kept.slice(offset, offset + limit);
  const rows = resolutionRowsById(ids.map((r) => r.id));
  const names = ownerNames(rows.map((r) => r.id));
  return {
    total: kept.length,
    overdueCount,
    weekCount,
    bodies: [...bodiesById.values()]
      .sort((a, b) => compare(a.bodySort, b.bodySort) || compare(a.bodyId, b.bodyId))
      .map((c) => ({ id: c.bodyId, name: c.bodyName })),
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
