import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import {
  bodies,
  followUps,
  meetings,
  organisations,
  people,
  resolutionOwners,
  resolutions,
  users,
  workingGroups,
} from "../../db/schema";
import type { ResolutionState, ResolutionsFilter } from "../schemas/resolutions-list";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { daysBetween, type IsoDate } from "../utils/jalali";
import { formatPersonName } from "../utils/person-name";
import { ACTIVE, isOverdue } from "../utils/resolution-status";
import { computeDeadline, timeframeOfRow } from "../utils/timeframe";
import { canManageResolutionsOf, canUpdateResolution, type Scope, visibleResolutionSql } from "./access.server";
import { getWorkCalendar } from "./calendar.server";

/**
 * SQL: the resolution is active (open or in progress). Written out rather than bound, so SQLite sees that the partial
 * index of active deadlines (resolutions_active_idx) applies and walks only those, in deadline order.
 */
export const isActiveSql = sql.raw(`"resolutions"."status" in (${ACTIVE.map((s) => `'${s}'`).join(", ")})`);

/** SQL: the resolution's minutes are final (not a draft, not being corrected), from the small index of the others. */
export const inFinalMinutesSql = sql.raw(
  `"resolutions"."meeting_id" not in (select "id" from "meetings" where status <> 'final')`,
);

/**
 * SQL: the place of the meeting's working group among its committee's groups (1 for its first group, …; groups are
 * closed, never deleted, so the place stays), or null for a body's own meeting. Read with "meetings" in the query.
 */
export const groupOrdinalSql = sql<number | null>`(select nullif(count(*), 0) from working_groups g
  join working_groups w on w.committee_id = g.committee_id where w.id = "meetings"."working_group_id" and g.id <= w.id)`;

/**
 * A resolution's code: «شورا/۱۲/۳» (body, meeting, number in the meeting), or «شورا/۳۴۵» for a body that numbers its
 * resolutions in one running sequence. A working group's meeting puts «ک» and the group's place in its committee
 * after the committee: «طراحی/ک۱/۳/۲» (group 1's meeting 3, resolution 2), «طراحی/ک۱/۴۵» in a running sequence.
 */
export function resolutionCode(r: {
  bodyCode: string;
  bodyId: number;
  groupOrdinal: number | null;
  meetingNumber: number;
  number: number;
  numbering: string;
}) {
  const owner = `${r.bodyCode || r.bodyId}${r.groupOrdinal ? `/ک${r.groupOrdinal}` : ""}`;
  return r.numbering === "running" ? `${owner}/${r.number}` : `${owner}/${r.meetingNumber}/${r.number}`;
}

export const baseColumns = {
  id: resolutions.id,
  number: resolutions.number,
  subject: resolutions.subject,
  status: resolutions.status,
  dueDate: resolutions.dueDate,
  doneDate: resolutions.doneDate,
  timeframeKind: resolutions.timeframeKind,
  timeframeCount: resolutions.timeframeCount,
  timeframeDate: resolutions.timeframeDate,
  voteKind: resolutions.voteKind,
  votesFor: resolutions.votesFor,
  votesAgainst: resolutions.votesAgainst,
  votesAbstain: resolutions.votesAbstain,
  meetingId: meetings.id,
  meetingNumber: meetings.number,
  meetingDate: meetings.date,
  workingGroupId: meetings.workingGroupId,
  groupOrdinal: groupOrdinalSql,
  groupName: sql<string | null>`(select w.name from working_groups w where w.id = "meetings"."working_group_id")`,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodyCode: bodies.code,
  numbering: bodies.resolutionNumbering,
  lastPercent: sql<
    number | null
  >`(select f.percent from follow_ups f where f.resolution_id = "resolutions"."id" and f.percent is not null order by f.id desc limit 1)`,
  lastNote: sql<
    string | null
  >`(select f.note from follow_ups f where f.resolution_id = "resolutions"."id" and f.note <> '' order by f.id desc limit 1)`,
  extensions: sql<number>`(select count(*) from follow_ups f where f.resolution_id = "resolutions"."id" and f.kind = 'extension')`,
};

/**
 * The list columns (baseColumns) of resolutions by id, in the order given. A list page picks its ids first (sorted,
 * filtered, limited), then reads these for those rows only: SQLite would otherwise work out the last note, percent
 * and extensions of every matching row before sorting them.
 */
export function resolutionRowsById(ids: number[]) {
  const byId = new Map<number, ResolutionRow>();
  // SQLite takes a limited number of bound values per statement: ask in slices.
  for (let i = 0; i < ids.length; i += 500)
    for (const row of rowsWhere(inArray(resolutions.id, ids.slice(i, i + 500)))) byId.set(row.id, row);
  return ids.flatMap((id) => byId.get(id) ?? []);
}
const rowsWhere = (where: SQL) =>
  db
    .select(baseColumns)
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .all();
type ResolutionRow = ReturnType<typeof rowsWhere>[number];

/** The codes of one meeting's resolutions by id, for its minutes page (read only after the meeting's own check). */
export function resolutionCodesOf(meetingId: number): Record<string, string> {
  return Object.fromEntries(
    rowsWhere(eq(resolutions.meetingId, meetingId)).map((r) => [String(r.id), resolutionCode(r)]),
  );
}

/** Owner names of many resolutions at once. */
export function ownerNames(ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  // SQLite takes a limited number of bound values per statement: ask in slices.
  for (let i = 0; i < ids.length; i += 500) collectOwnerNames(ids.slice(i, i + 500), out);
  return out;
}

function collectOwnerNames(ids: number[], out: Map<number, string[]>) {
  if (ids.length === 0) return;
  const rows = db
    .select({
      resolutionId: resolutionOwners.resolutionId,
      body: bodies.name,
      group: workingGroups.name,
      person: people,
      organisation: organisations.name,
    })
    .from(resolutionOwners)
    .leftJoin(bodies, eq(bodies.id, resolutionOwners.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, resolutionOwners.workingGroupId))
    .leftJoin(people, eq(people.id, resolutionOwners.personId))
    .leftJoin(organisations, eq(organisations.id, resolutionOwners.organisationId))
    .where(inArray(resolutionOwners.resolutionId, ids))
    .all();
  for (const r of rows) {
    const name = r.body ?? r.group ?? r.organisation ?? (r.person ? formatPersonName(r.person, "fa") : "");
    out.set(r.resolutionId, [...(out.get(r.resolutionId) ?? []), name]);
  }
}

/** One resolution with its meeting, owners, deadline rule and timeline; null when missing or not visible. */
export function getResolution(scope: Scope, id: number) {
  const row = db
    .select({ ...baseColumns, cancelReason: resolutions.cancelReason, bodyKind: bodies.kind })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(resolutions.id, id), eq(meetings.status, "final"), visibleResolutionSql(scope)))
    .get();
  if (!row) return null;
  const timeline = db
    .select({
      id: followUps.id,
      kind: followUps.kind,
      note: followUps.note,
      percent: followUps.percent,
      fromStatus: followUps.fromStatus,
      toStatus: followUps.toStatus,
      newDueDate: followUps.newDueDate,
      decision: followUps.decision,
      createdAt: followUps.createdAt,
      username: users.username,
      person: people,
    })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.userId))
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(followUps.resolutionId, id))
    .orderBy(desc(followUps.id))
    .all()
    .map(({ person, username, ...f }) => ({ ...f, by: person ? formatPersonName(person, "fa") : (username ?? "") }));
  const calendar = getWorkCalendar();
  const computed = computeDeadline(row.meetingDate, timeframeOfRow(row), calendar);
  const today = clock.today();
  return {
    ...row,
    code: resolutionCode(row),
    owners: ownerNames([id]).get(id) ?? [],
    rule: computed,
    extended: row.dueDate !== computed.due,
    overdue: isOverdue(row, today),
    daysOverdue: row.dueDate && isOverdue(row, today) ? daysBetween(row.dueDate, today) : 0,
    timeline,
    pendingRequest: timeline.find((f) => f.kind === "extension_request" && f.decision === "pending") ?? null,
    canUpdate: canUpdateResolution(scope, id),
    canManage: canManageResolutionsOf(scope, row.bodyId),
  };
}

/**
 * SQL: the resolution is in this state on `today` — done, cancelled, or active and either still in time (or standing:
 * no deadline) or past its deadline, as `isOverdue` says. The dashboard counts with it and the resolutions list
 * filters with it, so a figure and the list behind it cannot disagree.
 */
export function stateSql(state: ResolutionState, today: IsoDate): SQL {
  switch (state) {
    case "done":
      return sql`${resolutions.status} = 'done'`;
    case "cancelled":
      return sql`${resolutions.status} = 'cancelled'`;
    case "overdue":
      return and(isActiveSql, isNotNull(resolutions.dueDate), lt(resolutions.dueDate, today)) as SQL;
    case "open":
      return and(isActiveSql, or(isNull(resolutions.dueDate), gte(resolutions.dueDate, today))) as SQL;
  }
}

/** Resolutions a page of the resolutions list. */
export const RESOLUTIONS_PAGE = 25;

/**
 * The resolutions list (`/resolutions`): those of final minutes visible in the scope, narrowed to an owning body and a
 * state; newest meeting first, paged in the database (the page's ids first, then their rows), with the count of all.
 */
export function listResolutions(scope: Scope, filter: ResolutionsFilter, page: number, today = clock.today()) {
  const where = and(
    inFinalMinutesSql,
    visibleResolutionSql(scope),
    filter.ownerBodyId
      ? sql`${resolutions.id} in (select resolution_id from resolution_owners where body_id = ${filter.ownerBodyId})`
      : undefined,
    filter.state ? stateSql(filter.state, today) : undefined,
  );
  const total =
    db
      .select({ n: count() })
      .from(resolutions)
      .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
      .where(where)
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / RESOLUTIONS_PAGE));
  const shown = Math.min(Math.max(1, page), pages);
  const ids = db
    .select({ id: resolutions.id })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(where)
    .orderBy(desc(meetings.date), desc(meetings.id), asc(resolutions.number))
    .limit(RESOLUTIONS_PAGE)
    .offset((shown - 1) * RESOLUTIONS_PAGE)
    .all()
    .map((r) => r.id);
  const names = ownerNames(ids);
  const rows = resolutionRowsById(ids).map((r) => ({
    id: r.id,
    code: resolutionCode(r),
    bodyName: r.bodyName,
    subject: r.subject,
    owners: names.get(r.id) ?? [],
    status: r.status,
    dueDate: r.dueDate,
    overdue: isOverdue(r, today),
  }));
  return { rows, total, page: shown, pages };
}
