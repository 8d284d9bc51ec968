/** «کارتابل من»: the active resolutions that are the person's, their groups', or their bodies' to carry out. */
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { meetings, resolutions } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { daysBetween, weekOf } from "../utils/jalali";
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
export function listMyActions(scope: Scope, today = clock.today(), { limit = 50, offset = 0 } = {}) {
  const key = cacheKey(scope, "myActions", today, limit, offset);
  return readCache.get(key, () => queryMyActions(scope, today, limit, offset));
}

function queryMyActions(scope: Scope, today: string, limit: number, offset: number) {
  const condition = myActionsCondition(scope);
  const week = weekOf(today);
  const counts = db
    .select({
      total: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(${resolutions.dueDate} < ${today}), 0)`,
      week: sql<number>`coalesce(sum(${resolutions.dueDate} >= ${today} and ${resolutions.dueDate} <= ${week.end}), 0)`,
    })
    .from(resolutions)
    .where(condition)
    .get()!;
  const ids = db
    .select({ id: resolutions.id })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(condition)
    .orderBy(
      sql`${resolutions.dueDate} is null`,
      asc(resolutions.dueDate),
      asc(meetings.number),
      asc(resolutions.number),
    )
    .limit(limit)
    .offset(offset)
    .all();
  const rows = resolutionRowsById(ids.map((r) => r.id));
  const names = ownerNames(rows.map((r) => r.id));
  return {
    total: counts.total,
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
