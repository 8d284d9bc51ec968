/** The overdue review (مصوبات معوق): filtered, sorted, paged and exported in the database, within the scope. */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, sql } from "drizzle-orm";
import { bodies, meetings, people, resolutionOwners, resolutions } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { addDays, daysBetween } from "../utils/jalali";
import { comparePersian, searchKey } from "../utils/normalize";
import { formatPersonName } from "../utils/person-name";
import { readCache } from "../utils/read-cache.server";
import { cacheKey, reviewedResolutionSql, type Scope } from "./access.server";

import { inFinalMinutesSql, isActiveSql, ownerNames, resolutionCode, resolutionRowsById } from "./resolutions.server";

export const OVERDUE_SORTS = ["daysOverdue", "dueDate", "body", "code"] as const;
export type OverdueQuery = {
  bodyId?: number;
  ownerBodyId?: number;
  ownerPersonId?: number;
  status?: "open" | "in_progress";
  dueFrom?: string;
  dueTo?: string;
  minDays?: number;
  q?: string;
  sort: (typeof OVERDUE_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

function overdueConditions(scope: Scope, query: OverdueQuery, today: string) {
  // Chairs review the bodies they lead; leadership and secretariat everything.
  const lead = reviewedResolutionSql(scope);
  const words = (query.q ?? "").split(/\s+/).map(searchKey).filter(Boolean);
  const like = (w: string) => `%${w.replace(/[%_\\]/g, "\\$&")}%`;
  // Everything here is read from the index of active deadlines (with body and meeting) until the page's rows are known.
  return and(
    isActiveSql,
    query.status ? eq(resolutions.status, query.status) : undefined,
    inFinalMinutesSql,
    isNotNull(resolutions.dueDate),
    lt(resolutions.dueDate, today),
    lead,
    query.bodyId ? eq(resolutions.bodyId, query.bodyId) : undefined,
    // Correlated, so the walk stays on the index of active deadlines with one covering look-up per row (0.7 ms on
    // ten years of data) instead of starting from every resolution the owner ever had (35 ms).
    query.ownerBodyId
      ? sql`exists (select 1 from resolution_owners o where o.resolution_id = ${resolutions.id} and o.body_id = ${query.ownerBodyId})`
      : undefined,
    query.ownerPersonId
      ? sql`exists (select 1 from resolution_owners o where o.resolution_id = ${resolutions.id} and o.person_id = ${query.ownerPersonId})`
      : undefined,
    query.dueFrom ? gte(resolutions.dueDate, query.dueFrom) : undefined,
    query.dueTo ? lte(resolutions.dueDate, query.dueTo) : undefined,
    query.minDays ? lte(resolutions.dueDate, addDays(today, -query.minDays)) : undefined,
    // Persian-aware search over subjects and follow-up notes: the resolution's search key holds both.
    ...words.map((w) => sql`${resolutions.searchKey} like ${like(w)} escape '\\'`),
  );
}

/** The overdue review: filtered, sorted and paged in the database; summary counts per body over the whole filter. */
export function overdueReview(scope: Scope, query: OverdueQuery, today = clock.today()) {
  const key = cacheKey(scope, "overdue", query, today);
  return readCache.get(key, () => {
    const review = queryOverdue(scope, query, today);
    // Only what the review shows travels to the page (and into its hydration data).
    const rows = review.rows.map(({ id, code, bodyName, subject, owners, dueDate, daysOverdue, lastNote }) => ({
      id,
      code,
      bodyName,
      subject,
      owners,
      dueDate,
      daysOverdue,
      lastNote,
    }));
    return { ...review, rows };
  });
}

function queryOverdue(scope: Scope, query: OverdueQuery, today: string) {
  const where = overdueConditions(scope, query, today);
  const order = {
    daysOverdue: [query.dir === "asc" ? desc(resolutions.dueDate) : asc(resolutions.dueDate)],
    dueDate: [query.dir === "asc" ? asc(resolutions.dueDate) : desc(resolutions.dueDate)],
    body: [query.dir === "asc" ? asc(bodies.sortOrder) : desc(bodies.sortOrder), asc(resolutions.dueDate)],
    code: [query.dir === "asc" ? asc(meetings.number) : desc(meetings.number), asc(resolutions.number)],
  }[query.sort];
  // The page's ids first; the meeting and body are joined only when the order needs them.
  let ids = db.select({ id: resolutions.id }).from(resolutions).$dynamic();
  if (query.sort === "body") ids = ids.innerJoin(bodies, eq(bodies.id, resolutions.bodyId));
  if (query.sort === "code") ids = ids.innerJoin(meetings, eq(meetings.id, resolutions.meetingId));
  const page = ids
    .where(where)
    .orderBy(...order, asc(resolutions.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const rows = resolutionRowsById(page.map((r) => r.id));
  const perBody = db
    .select({ bodyId: resolutions.bodyId, n: sql<number>`count(*)` })
    .from(resolutions)
    .where(where)
    .groupBy(resolutions.bodyId)
    .all();
  const counts = db
    .select({ bodyId: bodies.id, bodyName: bodies.name })
    .from(bodies)
    .orderBy(asc(bodies.sortOrder))
    .all()
    .flatMap((b) => {
      const n = perBody.find((c) => c.bodyId === b.bodyId)?.n;
      return n ? [{ ...b, n }] : [];
    });
  const names = ownerNames(rows.map((r) => r.id));
  return {
    total: counts.reduce((s, c) => s + c.n, 0),
    counts,
    rows: rows.map((r) => ({
      ...r,
      owners: names.get(r.id) ?? [],
      code: resolutionCode(r),
      daysOverdue: r.dueDate ? daysBetween(r.dueDate, today) : 0,
    })),
  };
}

/** Every row of the overdue review under the same filter (for the Excel export), capped. */
export function overdueExport(scope: Scope, query: Omit<OverdueQuery, "page" | "pageSize">, today = clock.today()) {
  return queryOverdue(scope, { ...query, page: 1, pageSize: 50_000 }, today).rows;
}

/** Bodies, and the people who own something overdue in this scope's review, for the review's owner filters. */
export function ownerFilterOptions(scope: Scope, today = clock.today()) {
  return readCache.get(cacheKey(scope, "ownerFilterOptions", today), () => queryOwnerFilterOptions(scope, today));
}

function queryOwnerFilterOptions(scope: Scope, today: string) {
  const bodyRows = db.select({ id: bodies.id, name: bodies.name }).from(bodies).orderBy(asc(bodies.sortOrder)).all();
  const overdueInScope = db
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(and(isActiveSql, inFinalMinutesSql, lt(resolutions.dueDate, today), reviewedResolutionSql(scope)));
  const personRows = db
    .select()
    .from(people)
    .where(
      inArray(
        people.id,
        db
          .select({ id: resolutionOwners.personId })
          .from(resolutionOwners)
          .where(inArray(resolutionOwners.resolutionId, overdueInScope)),
      ),
    )
    .all()
    .sort((a, b) => comparePersian(a.lastName, b.lastName))
    .map((p) => ({ id: p.id, name: formatPersonName(p, "fa") }));
  return { bodies: bodyRows, people: personRows };
}
