/**
 * The leadership dashboard's figures. Every read goes through the person's scope: the page is the leadership's and the
 * secretariat's (`canReadDashboard`), and each figure is counted by the same rules as the list it links to — overdue
 * figures are the overdue review's own totals (overdue.server), on-time rates the report's (report-composition).
 */
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, sql } from "drizzle-orm";
import { bodies, meetings, resolutionOwners, resolutions } from "../../db/schema";
import type { ResolutionState } from "../schemas/resolutions-list";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import {
  addDays,
  formatJalali,
  type IsoDate,
  jalaliToIso,
  monthLength,
  quarterOf,
  quarterRange,
  toJalali,
} from "../utils/jalali";
import { readCache } from "../utils/read-cache.server";
import { cacheKey, canReadDashboard, requireAllowed, type Scope } from "./access.server";
import { type OverdueQuery, overdueReview } from "./overdue.server";
import { onTimeRate, previousQuarters } from "./report-composition.server";
import { inFinalMinutesSql, stateSql } from "./resolutions.server";
import { supplyMatrix } from "./supply-reports.server";

/** How many Jalali quarters the trend shows, and months the meetings table. */
export const TREND_QUARTERS = 4;
export const MEETING_MONTHS = 6;

/** Overdue by age, in days past the deadline: under a month (1–29), one to three months (30–90), over three (91+). */
export const OVERDUE_AGES = [
  { key: "under1", minDays: 1, maxDays: 29 },
  { key: "1to3", minDays: 30, maxDays: 90 },
  { key: "over3", minDays: 91, maxDays: null },
] as const;

export function dashboardFigures(scope: Scope, today = clock.today()) {
  requireAllowed(canReadDashboard(scope), scope);
  return readCache.get(cacheKey(scope, "dashboard", today), () => ({
    ...supplyFigures(scope, today),
    ...resolutionFigures(scope, today),
    meetings: meetingFigures(today),
  }));
}

function supplyFigures(scope: Scope, today: IsoDate) {
  const m = supplyMatrix(scope, today);
  return {
    stages: m.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    byStage: m.byStage.map((s) => ({ id: s.id, name: s.name, kind: s.kind, count: s.count })),
    agencies: m.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      counts: m.stages.map((s) => a.sets.filter((d) => d.stageId === s.id).length),
      late: a.sets.filter((d) => d.late).length,
    })),
  };
}

/** The overdue review's query for a filter (its first row only: the dashboard needs the total). */
const overdueQuery = (filter: Partial<OverdueQuery>): OverdueQuery => ({
  sort: "daysOverdue",
  dir: "desc",
  page: 1,
  pageSize: 1,
  ...filter,
});

/** The overdue review's address for the same filter: what a figure links to. */
function overdueHref(filter: { ownerBody?: number; from?: IsoDate; to?: IsoDate; minDays?: number }) {
  const p = new URLSearchParams();
  if (filter.ownerBody) p.set("ownerBody", String(filter.ownerBody));
  if (filter.from) p.set("from", formatJalali(filter.from, "en"));
  if (filter.to) p.set("to", formatJalali(filter.to, "en"));
  if (filter.minDays) p.set("minDays", String(filter.minDays));
  const s = p.toString();
  return s ? `/overdue?${s}` : "/overdue";
}

/** The resolutions list of one owning committee in one state (`/resolutions`, counted by the same `stateSql`). */
const resolutionsHref = (ownerBody: number, state: ResolutionState) =>
  `/resolutions?ownerBody=${ownerBody}&state=${state}`;

/** The meetings list behind a month's figure: the body's final meetings held that Jalali month (to today). */
function meetingsHref(bodyId: number, month: { start: IsoDate; end: IsoDate }, today: IsoDate) {
  const p = new URLSearchParams({
    body: String(bodyId),
    status: "final",
    from: formatJalali(month.start, "en"),
    to: formatJalali(month.end < today ? month.end : today, "en"),
  });
  return `/meetings?${p}`;
}

/**
 * Resolutions by status per committee (the committees that own them: a resolution owned by two committees counts in
 * both), the on-time rate per Jalali quarter over the last four, and the overdue by age.
 */
function resolutionFigures(scope: Scope, today: IsoDate) {
  const committees = db
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.kind, "committee"), eq(bodies.active, true), eq(bodies.outsideHq, false)))
    .orderBy(asc(bodies.sortOrder), asc(bodies.id))
    .all();
  const ids = committees.map((c) => c.id);
  const counts = ids.length
    ? db
        .select({
          bodyId: resolutionOwners.bodyId,
          done: sql<number>`sum(case when ${stateSql("done", today)} then 1 else 0 end)`,
          open: sql<number>`sum(case when ${stateSql("open", today)} then 1 else 0 end)`,
          cancelled: sql<number>`sum(case when ${stateSql("cancelled", today)} then 1 else 0 end)`,
        })
        .from(resolutionOwners)
        .innerJoin(resolutions, eq(resolutions.id, resolutionOwners.resolutionId))
        .where(and(inArray(resolutionOwners.bodyId, ids), inFinalMinutesSql))
        .groupBy(resolutionOwners.bodyId)
        .all()
    : [];

  const { jy, quarter } = quarterOf(today);
  const quarters = previousQuarters(jy, quarter, TREND_QUARTERS).map((q) => ({
    ...q,
    range: quarterRange(q.year, q.quarter),
  }));
  const trendStart = quarters[0].range.start;
  // Deadlines in the trend's quarters that have passed: the rows every on-time rate below is counted on.
  const dueRows = db
    .select({
      id: resolutions.id,
      status: resolutions.status,
      dueDate: resolutions.dueDate,
      doneDate: resolutions.doneDate,
    })
    .from(resolutions)
    .where(
      and(
        isNotNull(resolutions.dueDate),
        gte(resolutions.dueDate, trendStart),
        lt(resolutions.dueDate, today),
        inFinalMinutesSql,
      ),
    )
    .all();
  const ownersOfDue = ids.length
    ? db
        .select({ resolutionId: resolutionOwners.resolutionId, bodyId: resolutionOwners.bodyId })
        .from(resolutionOwners)
        .innerJoin(resolutions, eq(resolutions.id, resolutionOwners.resolutionId))
        .where(
          and(
            inArray(resolutionOwners.bodyId, ids),
            gte(resolutions.dueDate, trendStart),
            lt(resolutions.dueDate, today),
          ),
        )
        .all()
    : [];
  const dueById = new Map(dueRows.map((r) => [r.id, r]));
  const rateIn = (rows: typeof dueRows) =>
    quarters.map((q) => ({
      year: q.year,
      quarter: q.quarter,
      ...onTimeRate(rows, q.range.start, q.range.end, today),
    }));

  const byCommittee = committees.map((c) => {
    const row = counts.find((r) => r.bodyId === c.id);
    const theirs = ownersOfDue.filter((o) => o.bodyId === c.id).flatMap((o) => dueById.get(o.resolutionId) ?? []);
    return {
      id: c.id,
      name: c.name,
      done: row?.done ?? 0,
      open: row?.open ?? 0,
      overdue: overdueReview(scope, overdueQuery({ ownerBodyId: c.id }), today).total,
      cancelled: row?.cancelled ?? 0,
      // Overdue figures lead to the overdue review, the other states to the resolutions list of the same state.
      hrefs: {
        done: resolutionsHref(c.id, "done"),
        open: resolutionsHref(c.id, "open"),
        overdue: overdueHref({ ownerBody: c.id }),
        cancelled: resolutionsHref(c.id, "cancelled"),
      },
      trend: rateIn(theirs),
    };
  });

  const trend = rateIn(dueRows);
  const onTime = onTimeRate(dueRows, trendStart, today, today);
  const overdueByAge = OVERDUE_AGES.map((a) => {
    // Days overdue d = today − deadline: d ≥ minDays is a deadline on or before today − minDays.
    const filter = {
      from: a.maxDays === null ? undefined : addDays(today, -a.maxDays),
      to: addDays(today, -a.minDays),
    };
    const count = overdueReview(scope, overdueQuery({ dueFrom: filter.from, dueTo: filter.to }), today).total;
    return {
      key: a.key,
      count,
      href: a.maxDays === null ? overdueHref({ minDays: a.minDays }) : overdueHref(filter),
    };
  });
  return {
    byCommittee,
    trend,
    onTime,
    overdueByAge,
    overdueTotal: overdueReview(scope, overdueQuery({}), today).total,
  };
}

/** The first day of each of the last `n` Jalali months ending with today's, oldest first, with their last day. */
export function lastMonths(today: IsoDate, n: number) {
  const { jy, jm } = toJalali(today);
  const out: { jy: number; jm: number; start: IsoDate; end: IsoDate }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const index = jy * 12 + (jm - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    out.push({
      jy: y,
      jm: m,
      start: jalaliToIso({ jy: y, jm: m, jd: 1 }),
      end: jalaliToIso({ jy: y, jm: m, jd: monthLength(y, m) }),
    });
  }
  return out;
}

/**
 * Final meetings held per body in each of the last six Jalali months, and the attendance rate over them: those present
 * or represented among the listed members (guests left out), as the quarterly report counts it.
 */
function meetingFigures(today: IsoDate) {
  const months = lastMonths(today, MEETING_MONTHS);
  const held = db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      date: meetings.date,
      bodyName: bodies.name,
      sortOrder: bodies.sortOrder,
      counted: sql<number>`(select count(*) from attendance a where a.meeting_id = "meetings"."id" and a.status <> 'guest')`,
      present: sql<number>`(select count(*) from attendance a where a.meeting_id = "meetings"."id" and a.status in ('present', 'represented'))`,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.status, "final"), gte(meetings.date, months[0].start), lte(meetings.date, today)))
    .orderBy(asc(bodies.sortOrder), asc(bodies.id))
    .all();
  const byBody = new Map<number, { id: number; name: string; rows: typeof held }>();
  for (const m of held) {
    const b = byBody.get(m.bodyId) ?? { id: m.bodyId, name: m.bodyName, rows: [] };
    b.rows.push(m);
    byBody.set(m.bodyId, b);
  }
  const rate = (rows: typeof held) => {
    const counted = rows.reduce((s, r) => s + r.counted, 0);
    return counted ? rows.reduce((s, r) => s + r.present, 0) / counted : null;
  };
  return {
    months: months.map(({ jy, jm }) => ({ jy, jm })),
    bodies: [...byBody.values()].map((b) => ({
      id: b.id,
      name: b.name,
      perMonth: months.map((mo) => b.rows.filter((r) => r.date >= mo.start && r.date <= mo.end).length),
      monthHrefs: months.map((mo) => meetingsHref(b.id, mo, today)),
      href: meetingsHref(b.id, { start: months[0].start, end: today }, today),
      total: b.rows.length,
      attendanceRate: rate(b.rows),
    })),
    attendanceRate: rate(held),
  };
}

export type DashboardFigures = ReturnType<typeof dashboardFigures>;
