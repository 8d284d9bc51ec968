import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lt, lte, ne, or, sql } from "drizzle-orm";
import {
  bodies,
  meetingEditions,
  meetings,
  memberships,
  organisations,
  people,
  resolutions,
  users,
  workingGroups,
} from "../../db/schema";
import type { MeetingsFilter } from "../schemas/meetings-list";
import { type MinutesDoc, minutesDocSchema, parseDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { ForbiddenError, NotFoundError } from "../utils/errors";
import { parseJalaliInput, parseTime } from "../utils/jalali";
import { comparePersian } from "../utils/normalize";
import { formatPersonName } from "../utils/person-name";
import { quorumState } from "../utils/quorum";
import { readCache } from "../utils/read-cache.server";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { computeDeadline, timeframeOrStanding } from "../utils/timeframe";
import { canReadMeeting, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { getWorkCalendar } from "./calendar.server";
import { removeDocumentsOfDraft } from "./documents.server";
import { cancelInvitation, syncInvitation } from "./invitations.server";
import { isCurrentMembership } from "./memberships.server";
import { isActiveSql } from "./resolutions.server";
import { meetingSearchSql } from "./search.server";

/** Names the minutes refer to by id, frozen into each finalised edition so history reads as it was. */
export type MinutesNames = {
  bodies: Record<string, string>;
  groups: Record<string, string>;
  people: Record<string, string>;
  /** Outside organisations (absent from editions kept before they existed). */
  organisations?: Record<string, string>;
};

export type MinutesSnapshot = {
  doc: MinutesDoc;
  bodyName: string;
  /** The working group whose own meeting this is (absent: the body's own, or minutes kept before groups met). */
  groupName?: string | null;
  number: number;
  dateIso: string | null;
  names: MinutesNames;
  deadlines: { due: string | null; nominal: string | null; moved: boolean }[];
  /** Whether the attendance made the body's quorum (absent: no rule, or minutes kept before quorum rules). */
  quorum?: { needed: number; present: number; members: number; met: boolean; reason: string } | null;
  /** The earlier resolutions this meeting's follow-up section updated, as they read then. */
  followed?: { resolutionId: number; number: number; meetingNumber: number; subject: string }[];
};

const personName = (p: Parameters<typeof formatPersonName>[0]) => formatPersonName(p, "fa");

/** Every name a minutes document may point to. */
export function loadNames(): MinutesNames {
  const toRecord = (rows: { id: number; name: string }[]) =>
    Object.fromEntries(rows.map((r) => [String(r.id), r.name]));
  return {
    bodies: toRecord(db.select({ id: bodies.id, name: bodies.name }).from(bodies).all()),
    groups: toRecord(db.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).all()),
    people: toRecord(
      db
        .select()
        .from(people)
        .all()
        .map((p) => ({ id: p.id, name: personName(p) })),
    ),
    organisations: toRecord(db.select({ id: organisations.id, name: organisations.name }).from(organisations).all()),
  };
}

/** Whose meeting: a body's own, or one of a committee's working groups (body = the committee). */
export type MeetingOwner = { bodyId: number; workingGroupId: number | null };

/**
 * SQL: the meeting belongs to the same owner — the body's own meetings when `workingGroupId` is null, else the
 * group's. Numbers, the previous meeting, guests and follow-ups each run within one owner.
 */
export function sameOwner(owner: MeetingOwner) {
  return and(
    eq(meetings.bodyId, owner.bodyId),
    sql`coalesce(${meetings.workingGroupId}, 0) = ${owner.workingGroupId ?? 0}`,
  );
}

/** Current members of a body (or of a working group), chair first, for the attendance list of a new meeting. */
function attendanceListOf(tx: Tx | typeof db, owner: MeetingOwner) {
  const rows = tx
    .select({ personId: people.id, role: memberships.role, p: people })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        owner.workingGroupId
          ? eq(memberships.workingGroupId, owner.workingGroupId)
          : eq(memberships.bodyId, owner.bodyId),
        isCurrentMembership(),
      ),
    )
    .all();
  const order = { chair: 0, secretary: 1, member: 2 } as const;
  const seen = new Set<number>();
  return rows
    .sort((a, b) => order[a.role] - order[b.role] || comparePersian(a.p.lastName, b.p.lastName))
    .filter((r) => !seen.has(r.personId) && seen.add(r.personId))
    .map((r) => ({ personId: r.personId, role: r.role, name: personName(r.p) }));
}

/**
 * Opens a new meeting of a body with the next number, pre-filled for the secretary: the previous meeting's "next
 * agenda", date and time, the body's members for attendance, and its chair and secretary. With `workingGroupId`, a
 * meeting of that working group of the committee: numbered from 1 among the group's own meetings, its attendance
 * from the group's members (the database refuses a group of another committee).
 */
export function createMeeting(actor: Actor, bodyId: number, options: { workingGroupId?: number | null } = {}): number {
  const owner: MeetingOwner = { bodyId, workingGroupId: options.workingGroupId ?? null };
  try {
    return writeTransaction((tx) => {
      const id = insertMeeting(tx, actor, owner);
      // Pre-filled with the previous meeting's «next meeting» date and time, it may be scheduled already.
      syncInvitation(tx, id);
      return id;
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/**
 * Inserts the meeting in the caller's transaction. `number` gives it the number an imported file says (the unique
 * index refuses one taken); `prepare` turns the pre-filled draft into the one to keep (an imported file's).
 */
export function insertMeeting(
  tx: Tx,
  actor: Actor,
  owner: MeetingOwner,
  options: { number?: number; prepare?: (doc: MinutesDoc) => MinutesDoc } = {},
): number {
  const { bodyId, workingGroupId } = owner;
  const body = tx.select().from(bodies).where(eq(bodies.id, bodyId)).get();
  if (!body) throw new NotFoundError();
  if (!body.active) throw new RuleViolation("bodyInactive");
  if (workingGroupId) {
    const group = tx.select().from(workingGroups).where(eq(workingGroups.id, workingGroupId)).get();
    if (!group) throw new NotFoundError();
    if (group.closedAt) throw new RuleViolation("group_closed");
  }
  const previous = tx.select().from(meetings).where(sameOwner(owner)).orderBy(desc(meetings.number)).limit(1).get();
  // An archive continues where its paper minutes stopped: the first meeting kept here takes the body's number
  // (a working group's meetings are kept here from its first).
  const number = options.number ?? Math.max((previous?.number ?? 0) + 1, workingGroupId ? 1 : body.firstMeetingNumber);
  const prevDoc = previous ? parseDoc(previous.draftJson) : null;
  const members = attendanceListOf(tx, owner);
  const prefilled: MinutesDoc = minutesDocSchema.parse({
    date: prevDoc?.nextDate ?? "",
    startTime: prevDoc?.nextTime ?? "",
    chairPersonId: members.find((m) => m.role === "chair")?.personId ?? null,
    secretaryPersonId: members.find((m) => m.role === "secretary")?.personId ?? null,
    agenda: (prevDoc?.nextAgenda ?? [])
      .filter((a) => a.title.trim())
      .map((a) => ({ key: randomUUID(), title: a.title, discussion: "" })),
    attendance: members.map((m) => ({
      personId: m.personId,
      name: m.name,
      status: "unmarked",
      substitute: "",
      time: "",
    })),
  });
  const doc = options.prepare ? options.prepare(prefilled) : prefilled;
  const date = parseJalaliInput(doc.date);
  const { id } = tx
    .insert(meetings)
    .values({
      bodyId,
      workingGroupId,
      number,
      date: date.ok ? date.iso : clock.today(),
      startTime: parseTime(doc.startTime),
      endTime: doc.endTime || null,
      place: doc.place,
      mode: doc.mode,
      chairPersonId: doc.chairPersonId,
      secretaryPersonId: doc.secretaryPersonId,
      draftJson: JSON.stringify(doc),
      createdBy: actor.userId,
    })
    .returning({ id: meetings.id })
    .get();
  recordAudit(
    {
      ...actor,
      action: "create",
      entity: "meeting",
      entityId: id,
      after: { bodyId, workingGroupId: workingGroupId ?? undefined, number },
    },
    tx,
  );
  return id;
}

/** A meeting with its body, draft and editions; null when missing, a ForbiddenError when not the scope's to read. */
export function getMeeting(scope: Scope, id: number) {
  return readable(scope, loadMeeting(id));
}

function readable<T extends { meeting: { id: number; bodyId: number } } | null>(scope: Scope, found: T): T {
  if (found && !canReadMeeting(scope, found.meeting)) throw new ForbiddenError(scope.userId, "meeting");
  return found;
}

function loadMeeting(id: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) return null;
  const body = db.select().from(bodies).where(eq(bodies.id, meeting.bodyId)).get()!;
  const group = meeting.workingGroupId
    ? (db.select().from(workingGroups).where(eq(workingGroups.id, meeting.workingGroupId)).get() ?? null)
    : null;
  const editor = meeting.updatedBy
    ? db
        .select({ username: users.username, lastName: people.lastName })
        .from(users)
        .leftJoin(people, eq(people.id, users.personId))
        .where(eq(users.id, meeting.updatedBy))
        .get()
    : null;
  const editions = db
    .select({ edition: meetingEditions.edition, reason: meetingEditions.reason, createdAt: meetingEditions.createdAt })
    .from(meetingEditions)
    .where(eq(meetingEditions.meetingId, id))
    .orderBy(asc(meetingEditions.edition))
    .all();
  return {
    meeting,
    body,
    group,
    doc: parseDoc(meeting.draftJson),
    editions,
    editorName: editor?.lastName ?? editor?.username ?? null,
  };
}

/** One frozen edition of a meeting's minutes; null when missing. */
export function getEdition(scope: Scope, meetingId: number, edition: number): MinutesSnapshot | null {
  if (!getMeeting(scope, meetingId)) return null;
  return loadEdition(meetingId, edition);
}

function loadEdition(meetingId: number, edition: number): MinutesSnapshot | null {
  const row = db
    .select()
    .from(meetingEditions)
    .where(and(eq(meetingEditions.meetingId, meetingId), eq(meetingEditions.edition, edition)))
    .get();
  return row ? (JSON.parse(row.snapshotJson) as MinutesSnapshot) : null;
}

/**
 * The guests of the previous meeting of the same body (or working group), offered again in new minutes (the same
 * people often come back), with their organisations.
 */
export function previousGuestsOf(
  owner: MeetingOwner,
  beforeNumber: number,
): { name: string; time: string; organisationId?: number | null }[] {
  const previous = db
    .select({ draftJson: meetings.draftJson })
    .from(meetings)
    .where(and(sameOwner(owner), lt(meetings.number, beforeNumber)))
    .orderBy(desc(meetings.number))
    .limit(1)
    .get();
  return previous
    ? parseDoc(previous.draftJson).guests.map((g) => ({
        name: g.name,
        time: "",
        ...(g.organisationId ? { organisationId: g.organisationId } : {}),
      }))
    : [];
}

/**
 * Open resolutions of a body's (or a working group's) earlier meetings with their latest state: the follow-up section
 * of new minutes (and, in a correction, those this meeting's follow-up section already closed).
 */
export function listOpenResolutionsOf(owner: MeetingOwner, beforeNumber: number, alsoIds: number[] = []) {
  return db
    .select({
      id: resolutions.id,
      number: resolutions.number,
      subject: resolutions.subject,
      status: resolutions.status,
      dueDate: resolutions.dueDate,
      timeframeKind: resolutions.timeframeKind,
      meetingNumber: meetings.number,
      lastNote: sql<
        string | null
      >`(select f.note from follow_ups f where f.resolution_id = "resolutions"."id" order by f.id desc limit 1)`,
      lastPercent: sql<
        number | null
      >`(select f.percent from follow_ups f where f.resolution_id = "resolutions"."id" and f.percent is not null order by f.id desc limit 1)`,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(
      and(
        sameOwner(owner),
        lt(meetings.number, beforeNumber),
        eq(meetings.status, "final"),
        alsoIds.length > 0 ? or(isActiveSql, inArray(resolutions.id, alsoIds)) : isActiveSql,
      ),
    )
    .orderBy(asc(meetings.number), asc(resolutions.number))
    .all();
}

/**
 * Minutes finalised before rows carried their resolution (2026-12-02) have none in their draft; there, a row's
 * position is its resolution's number, so the correction's rows find their resolutions by it once, here.
 */
function withResolutionIds(tx: Pick<typeof db, "select">, meetingId: number, doc: MinutesDoc): MinutesDoc {
  if (doc.resolutions.every((r) => r.id)) return doc;
  const rows = tx
    .select({ id: resolutions.id, number: resolutions.number })
    .from(resolutions)
    .where(eq(resolutions.meetingId, meetingId))
    .all();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return {
    ...doc,
    resolutions: doc.resolutions.map((r, i) => (r.id ? r : { ...r, ...byNumber.get(i + 1) })),
  };
}

/** Opens final minutes for a correction: the next edition is drafted from the current one; earlier ones stay. */
export function startCorrection(actor: Actor, id: number) {
  writeTransaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!m) throw new NotFoundError();
    if (m.status !== "final") return;
    tx.update(meetings)
      .set({
        status: "correcting",
        draftJson: JSON.stringify(withResolutionIds(tx, id, parseDoc(m.draftJson))),
        edition: m.edition + 1,
        version: m.version + 1,
        updatedBy: actor.userId,
        updatedAt: clock.nowIso(),
      })
      .where(eq(meetings.id, id))
      .run();
    recordAudit(
      { ...actor, action: "correction_started", entity: "meeting", entityId: id, after: { edition: m.edition + 1 } },
      tx,
    );
  });
}

/** Abandons a correction: the meeting returns to its last final edition, unchanged. */
export function cancelCorrection(actor: Actor, id: number) {
  writeTransaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (m?.status !== "correcting") return;
    const last = tx
      .select()
      .from(meetingEditions)
      .where(and(eq(meetingEditions.meetingId, id), ne(meetingEditions.edition, m.edition)))
      .orderBy(desc(meetingEditions.edition))
      .get()!;
    const snapshot = JSON.parse(last.snapshotJson) as MinutesSnapshot;
    tx.update(meetings)
      .set({
        status: "final",
        edition: last.edition,
        draftJson: JSON.stringify(snapshot.doc),
        version: m.version + 1,
        updatedBy: actor.userId,
        updatedAt: clock.nowIso(),
      })
      .where(eq(meetings.id, id))
      .run();
    recordAudit({ ...actor, action: "correction_cancelled", entity: "meeting", entityId: id }, tx);
  });
}

/** Deletes a draft and its documents in the caller's transaction, cancelling its invitation (a final meeting's row is left alone). */
export function removeDraft(tx: Tx, id: number) {
  cancelInvitation(tx, id);
  removeDocumentsOfDraft(tx, id);
  tx.delete(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.status, "draft")))
    .run();
}

/** Deletes a draft that was opened by mistake; final minutes cannot be deleted (database trigger). */
export function deleteDraft(actor: Actor, id: number) {
  try {
    writeTransaction((tx) => {
      removeDraft(tx, id);
      recordAudit({ ...actor, action: "delete", entity: "meeting", entityId: id }, tx);
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

export type MeetingListRow = {
  id: number;
  bodyId: number;
  bodyName: string;
  workingGroupId: number | null;
  groupName: string | null;
  number: number;
  date: string;
  status: "draft" | "final" | "correcting";
  edition: number;
  resolutionCount: number;
};

/** Meetings of the given bodies (all when `bodyIds` is null), newest first. */
export const MEETINGS_PAGE = 50;

/**
 * One page of the meetings the reader may see, newest first, with how many there are in all; `filterBodyId` keeps a
 * body's meetings (its working groups' included), `filterGroupId` one working group's own.
 */
export function listMeetings(
  scope: Scope,
  filter: MeetingsFilter = {},
  page = 1,
): { rows: MeetingListRow[]; total: number } {
  const bodyIds = scope.readsAll ? null : [...scope.readableBodyIds];
  // Kept until the next write (see read-cache.server.ts); the reader's bodies are part of the key.
  return readCache.get(JSON.stringify(["meetings", bodyIds, filter, page]), () => queryMeetings(bodyIds, filter, page));
}

/** Working groups that held meetings the reader may see, for the list's filter. */
export function listMeetingGroups(scope: Scope): { id: number; name: string; committeeName: string }[] {
  const bodyIds = scope.readsAll ? null : [...scope.readableBodyIds];
  return db
    .selectDistinct({ id: workingGroups.id, name: workingGroups.name, committeeName: bodies.name })
    .from(workingGroups)
    .innerJoin(meetings, eq(meetings.workingGroupId, workingGroups.id))
    .innerJoin(bodies, eq(bodies.id, workingGroups.committeeId))
    .where(bodyIds ? inArray(meetings.bodyId, bodyIds.length ? bodyIds : [-1]) : undefined)
    .orderBy(asc(workingGroups.id))
    .all();
}

function queryMeetings(
  bodyIds: number[] | null,
  filter: MeetingsFilter,
  page: number,
): { rows: MeetingListRow[]; total: number } {
  const conditions = [
    bodyIds ? inArray(meetings.bodyId, bodyIds.length ? bodyIds : [-1]) : undefined,
    filter.bodyId ? eq(meetings.bodyId, filter.bodyId) : undefined,
    filter.groupId ? eq(meetings.workingGroupId, filter.groupId) : undefined,
    filter.status ? eq(meetings.status, filter.status) : undefined,
    filter.from ? gte(meetings.date, filter.from) : undefined,
    filter.to ? lte(meetings.date, filter.to) : undefined,
    filter.q ? meetingSearchSql(filter.q) : undefined,
  ].filter(Boolean);
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(meetings).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      bodyName: bodies.name,
      workingGroupId: meetings.workingGroupId,
      groupName: workingGroups.name,
      number: meetings.number,
      date: meetings.date,
      status: meetings.status,
      edition: meetings.edition,
      resolutionCount: sql<number>`(select count(*) from resolutions r where r.meeting_id = "meetings"."id")`,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .where(where)
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(MEETINGS_PAGE)
    .offset((page - 1) * MEETINGS_PAGE)
    .all();
  return { rows, total };
}

/** What the minutes page shows: the current final edition, or the draft being typed with its deadlines previewed. */
export function getMinutesView(scope: Scope, id: number) {
  // Read on every view of a minutes page; kept until the next write (see read-cache.server.ts). The answer is the
  // same for everyone who may read it, so the scope is checked on the way out, not kept in the key.
  return readable(
    scope,
    readCache.get(JSON.stringify(["minutesView", id]), () => queryMinutesView(id)),
  );
}

function queryMinutesView(id: number) {
  const found = loadMeeting(id);
  if (!found) return null;
  const { meeting, body } = found;
  if (meeting.status !== "draft") {
    const shown = meeting.status === "correcting" ? found.editions.at(-1)?.edition : meeting.edition;
    const snapshot = shown ? loadEdition(id, shown) : null;
    if (snapshot) return { ...found, view: snapshot, shownEdition: shown ?? null };
  }
  const calendar = getWorkCalendar();
  const date = parseJalaliInput(found.doc.date);
  const deadlines = found.doc.resolutions.map((r) =>
    date.ok ? computeDeadline(date.iso, timeframeOrStanding(r), calendar) : { due: null, nominal: null, moved: false },
  );
  const quorum = quorumState({ kind: body.quorumKind, count: body.quorumCount }, found.doc.attendance);
  const view: MinutesSnapshot = {
    doc: found.doc,
    bodyName: body.name,
    groupName: found.group?.name ?? null,
    number: meeting.number,
    dateIso: date.ok ? date.iso : null,
    names: loadNames(),
    deadlines,
    quorum: quorum ? { ...quorum, reason: found.doc.quorumReason } : null,
  };
  return { ...found, view, shownEdition: null };
}
