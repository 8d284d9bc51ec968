import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import {
  bodies,
  followUps,
  meetings,
  people,
  type RESOLUTION_STATUSES,
  resolutionOwners,
  resolutions,
  users,
  workingGroups,
} from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { ForbiddenError, NotFoundError } from "../utils/errors";
import { addDays, daysBetween, weekOf } from "../utils/jalali";
import { comparePersian, searchKey } from "../utils/normalize";
import { formatPersonName } from "../utils/person-name";
import { readCache } from "../utils/read-cache.server";
import { ACTIVE, isOverdue, nextStatus, type ResolutionStatus } from "../utils/resolution-status";
import { RuleViolation } from "../utils/rules";
import { computeDeadline, timeframeOfRow } from "../utils/timeframe";
import { cacheKey, canManageResolutionsOf, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { getWorkCalendar } from "./calendar.server";

const list = (ids: readonly number[]) => (ids.length ? [...ids] : [-1]);

/**
 * Resolutions owned by the person, by their working groups or by their bodies: a correlated EXISTS, so each candidate
 * resolution costs one look-up on resolution_owners by its index, however many rows the owners table holds.
 */
function ownedCondition(scope: Scope): SQL {
  const ids = (list_: readonly number[]) =>
    sql.join(
      list(list_).map((id) => sql`${id}`),
      sql`, `,
    );
  return sql`exists (select 1 from resolution_owners o where o.resolution_id = "resolutions"."id" and (o.person_id = ${scope.personId ?? -1}
    or o.working_group_id in (${ids(scope.groupIds)}) or o.body_id in (${ids(scope.bodyIds)})))`;
}

/**
 * SQL: the resolution is visible in this scope: owned by the person, their groups or bodies, or passed by a body whose
 * meetings they read (their bodies and their working groups' committees).
 */
export function visibleCondition(scope: Scope): SQL | undefined {
  if (scope.readsAll) return undefined;
  return or(ownedCondition(scope), inArray(meetings.bodyId, list(scope.readableBodyIds)))!;
}

export function resolutionCode(bodyCode: string, bodyId: number, meetingNumber: number, number: number) {
  return `${bodyCode || bodyId}/${meetingNumber}/${number}`;
}

const baseColumns = {
  id: resolutions.id,
  number: resolutions.number,
  subject: resolutions.subject,
  status: resolutions.status,
  dueDate: resolutions.dueDate,
  doneDate: resolutions.doneDate,
  timeframeKind: resolutions.timeframeKind,
  timeframeCount: resolutions.timeframeCount,
  timeframeDate: resolutions.timeframeDate,
  meetingId: meetings.id,
  meetingNumber: meetings.number,
  meetingDate: meetings.date,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodyCode: bodies.code,
  lastPercent: sql<
    number | null
  >`(select f.percent from follow_ups f where f.resolution_id = "resolutions"."id" and f.percent is not null order by f.id desc limit 1)`,
  lastNote: sql<
    string | null
  >`(select f.note from follow_ups f where f.resolution_id = "resolutions"."id" and f.note <> '' order by f.id desc limit 1)`,
  extensions: sql<number>`(select count(*) from follow_ups f where f.resolution_id = "resolutions"."id" and f.kind = 'extension')`,
};

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
    })
    .from(resolutionOwners)
    .leftJoin(bodies, eq(bodies.id, resolutionOwners.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, resolutionOwners.workingGroupId))
    .leftJoin(people, eq(people.id, resolutionOwners.personId))
    .where(inArray(resolutionOwners.resolutionId, ids))
    .all();
  for (const r of rows) {
    const name = r.body ?? r.group ?? (r.person ? formatPersonName(r.person, "fa") : "");
    out.set(r.resolutionId, [...(out.get(r.resolutionId) ?? []), name]);
  }
}

/** SQL for «my actions»: owned by the person, their groups, their bodies, or passed by bodies they lead; active. */
function myActionsCondition(scope: Scope) {
  return and(
    inArray(resolutions.status, ACTIVE),
    eq(meetings.status, "final"),
    or(ownedCondition(scope), inArray(meetings.bodyId, list(scope.ledBodyIds))),
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
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(condition)
    .get()!;
  const rows = db
    .select(baseColumns)
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
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
      lastPercent: r.lastPercent,
      owners: names.get(r.id) ?? [],
      code: resolutionCode(r.bodyCode, r.bodyId, r.meetingNumber, r.number),
      overdue: isOverdue(r, today),
      daysOverdue: r.dueDate && isOverdue(r, today) ? daysBetween(r.dueDate, today) : 0,
      dueThisWeek: r.dueDate !== null && r.dueDate >= today && r.dueDate <= week.end,
    })),
  };
}

/** One resolution with its meeting, owners, deadline rule and timeline; null when missing or not visible. */
export function getResolution(scope: Scope, id: number) {
  const row = db
    .select({ ...baseColumns, cancelReason: resolutions.cancelReason, bodyKind: bodies.kind })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(resolutions.id, id), eq(meetings.status, "final"), visibleCondition(scope)))
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
    code: resolutionCode(row.bodyCode, row.bodyId, row.meetingNumber, row.number),
    owners: ownerNames([id]).get(id) ?? [],
    rule: computed,
    extended: row.dueDate !== computed.due,
    overdue: isOverdue(row, today),
    daysOverdue: row.dueDate && isOverdue(row, today) ? daysBetween(row.dueDate, today) : 0,
    timeline,
    pendingRequest: timeline.find((f) => f.kind === "extension_request" && f.decision === "pending") ?? null,
    canUpdate: canUpdate(scope, id),
    canManage: canManageResolutionsOf(scope, row.bodyId),
  };
}

/** Owners (and those who lead the body that passed it) report progress, mark done and ask for more time. */
function canUpdate(scope: Scope, id: number): boolean {
  if (scope.isStaff) return true;
  return (
    db
      .select({ id: resolutions.id })
      .from(resolutions)
      .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
      .where(and(eq(resolutions.id, id), or(ownedCondition(scope), inArray(meetings.bodyId, list(scope.ledBodyIds)))))
      .get() !== undefined
  );
}

type Change =
  | { intent: "progress"; note: string; percent: number | null }
  | { intent: "done"; date: string; note: string }
  | { intent: "start" }
  | { intent: "request_extension"; date: string; note: string }
  | { intent: "extend"; date: string; note: string }
  | { intent: "decide"; followUpId: number; approve: boolean; note: string }
  | { intent: "cancel"; note: string }
  | { intent: "reopen"; note: string };

const MANAGER_INTENTS = new Set(["extend", "decide", "cancel", "reopen"]);

/** The resolution, if this user may apply this kind of change to it: 404 when it is not theirs to see, else 403. */
export function requireChangeAllowed(scope: Scope, id: number, intent: string) {
  const found = getResolution(scope, id);
  if (!found) throw new NotFoundError("resolution");
  const allowed = MANAGER_INTENTS.has(intent) ? found.canManage : found.canUpdate || found.canManage;
  if (!allowed) throw new ForbiddenError(scope.userId, "resolution change");
  return found;
}

/**
 * Applies one follow-up to a resolution. Owners may add progress, mark done, start and ask for more time; only the
 * body's chair and secretary (or the secretariat) extend, cancel, reopen and decide on requests. Subject, owners and
 * deadline are never taken from a request except through those.
 */
export function applyChange(actor: Actor, scope: Scope, id: number, change: Change) {
  const found = requireChangeAllowed(scope, id, change.intent);
  const to = nextStatus(change.intent, found.status);
  if (!to) throw new RuleViolation("resolutionClosed");

  writeTransaction((tx) => {
    const current = tx.select().from(resolutions).where(eq(resolutions.id, id)).get()!;
    const log = (
      values: Partial<typeof followUps.$inferInsert> & { kind: (typeof followUps.$inferInsert)["kind"] },
    ) => {
      const key = searchKey(values.note ?? "");
      tx.insert(followUps)
        .values({ resolutionId: id, userId: actor.userId, searchKey: key, ...values })
        .run();
      // The resolution's own search key gathers its notes, so the overdue review searches one column.
      if (key) {
        tx.update(resolutions)
          .set({ searchKey: sql`${resolutions.searchKey} || ' ' || ${key}` })
          .where(eq(resolutions.id, id))
          .run();
      }
    };
    const setStatus = (status: ResolutionStatus, extra: Partial<typeof resolutions.$inferInsert> = {}) => {
      tx.update(resolutions)
        .set({ status, updatedAt: clock.nowIso(), ...extra })
        .where(eq(resolutions.id, id))
        .run();
    };
    switch (change.intent) {
      case "progress":
      case "start":
        if (change.intent === "progress") log({ kind: "note", note: change.note, percent: change.percent });
        if (current.status !== to) {
          setStatus(to);
          log({ kind: "status", fromStatus: current.status, toStatus: to });
        }
        break;
      case "done":
        if (change.date < found.meetingDate) throw new RuleViolation("doneBeforeMeeting", "date");
        if (change.date > clock.today()) throw new RuleViolation("doneInFuture", "date");
        setStatus(to, { doneDate: change.date });
        log({ kind: "status", fromStatus: current.status, toStatus: to, note: change.note, percent: 100 });
        break;
      case "request_extension":
        if (found.pendingRequest) throw new RuleViolation("requestPending", "date");
        if (current.dueDate && change.date <= current.dueDate) throw new RuleViolation("extensionNotLater", "date");
        log({ kind: "extension_request", note: change.note, newDueDate: change.date, decision: "pending" });
        break;
      case "extend":
        if (current.dueDate && change.date <= current.dueDate) throw new RuleViolation("extensionNotLater", "date");
        tx.update(resolutions)
          .set({ dueDate: change.date, updatedAt: clock.nowIso() })
          .where(eq(resolutions.id, id))
          .run();
        log({ kind: "extension", note: change.note, newDueDate: change.date });
        tx.update(followUps)
          .set({ decision: "approved" })
          .where(and(eq(followUps.resolutionId, id), eq(followUps.decision, "pending")))
          .run();
        break;
      case "decide": {
        const request = tx
          .select()
          .from(followUps)
          .where(and(eq(followUps.id, change.followUpId), eq(followUps.resolutionId, id)))
          .get();
        if (request?.decision !== "pending") throw new RuleViolation("requestPending");
        tx.update(followUps)
          .set({ decision: change.approve ? "approved" : "rejected" })
          .where(eq(followUps.id, request.id))
          .run();
        if (change.approve && request.newDueDate) {
          tx.update(resolutions)
            .set({ dueDate: request.newDueDate, updatedAt: clock.nowIso() })
            .where(eq(resolutions.id, id))
            .run();
          log({ kind: "extension", note: change.note || request.note, newDueDate: request.newDueDate });
        } else {
          log({ kind: "note", note: change.note });
        }
        break;
      }
      case "cancel":
        setStatus(to, { cancelReason: change.note });
        log({ kind: "status", fromStatus: current.status, toStatus: to, note: change.note });
        break;
      case "reopen":
        setStatus(to, { doneDate: null, cancelReason: null });
        log({ kind: "status", fromStatus: current.status, toStatus: to, note: change.note });
        break;
    }
    const after = tx.select().from(resolutions).where(eq(resolutions.id, id)).get()!;
    recordAudit(
      {
        ...actor,
        action: `resolution_${change.intent}`,
        entity: "resolution",
        entityId: id,
        before: { status: current.status, dueDate: current.dueDate, doneDate: current.doneDate },
        after: { status: after.status, dueDate: after.dueDate, doneDate: after.doneDate },
      },
      tx,
    );
  });
}

// ---------- overdue review ----------

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
  const lead = reviewedBodies(scope);
  const words = (query.q ?? "").split(/\s+/).map(searchKey).filter(Boolean);
  const like = (w: string) => `%${w.replace(/[%_\\]/g, "\\$&")}%`;
  return and(
    eq(meetings.status, "final"),
    query.status ? eq(resolutions.status, query.status) : inArray(resolutions.status, ACTIVE),
    isNotNull(resolutions.dueDate),
    lt(resolutions.dueDate, today),
    lead,
    query.bodyId ? eq(meetings.bodyId, query.bodyId) : undefined,
    query.ownerBodyId
      ? sql`${resolutions.id} in (select resolution_id from resolution_owners where body_id = ${query.ownerBodyId})`
      : undefined,
    query.ownerPersonId
      ? sql`${resolutions.id} in (select resolution_id from resolution_owners where person_id = ${query.ownerPersonId})`
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
  const rows = db
    .select(baseColumns)
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .orderBy(...order, asc(resolutions.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const counts = db
    .select({ bodyId: bodies.id, bodyName: bodies.name, n: sql<number>`count(*)` })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .groupBy(bodies.id)
    .orderBy(asc(bodies.sortOrder))
    .all();
  const names = ownerNames(rows.map((r) => r.id));
  return {
    total: counts.reduce((s, c) => s + c.n, 0),
    counts,
    rows: rows.map((r) => ({
      ...r,
      owners: names.get(r.id) ?? [],
      code: resolutionCode(r.bodyCode, r.bodyId, r.meetingNumber, r.number),
      daysOverdue: r.dueDate ? daysBetween(r.dueDate, today) : 0,
    })),
  };
}

/** Every row of the overdue review under the same filter (for the Excel export), capped. */
export function overdueExport(scope: Scope, query: Omit<OverdueQuery, "page" | "pageSize">, today = clock.today()) {
  return queryOverdue(scope, { ...query, page: 1, pageSize: 50_000 }, today).rows;
}

/** SQL: the bodies whose overdue resolutions this scope reviews (every body for those who read all, else those led). */
function reviewedBodies(scope: Scope): SQL | undefined {
  return scope.readsAll ? undefined : inArray(meetings.bodyId, list(scope.ledBodyIds));
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
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(
      and(
        eq(meetings.status, "final"),
        inArray(resolutions.status, ACTIVE),
        lt(resolutions.dueDate, today),
        reviewedBodies(scope),
      ),
    );
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
