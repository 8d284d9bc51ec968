import { redirect } from "@remix-run/node";
/**
 * Who may read or change what: the one home of access. A signed-in person's `Scope` is built once per request by
 * `requireScope` and passed first to every model read that depends on who asks, so a query cannot return what the
 * person may not see, whatever a route forgets; every `canX` predicate below reads only the scope.
 *
 * The rules:
 * - admin and secretariat ("staff") read everything and change the organisation, minutes and resolutions;
 * - a seat in the headquarters body (HQ leadership) reads everything, and the issued reports;
 * - everyone else reads the meetings of the bodies they sit in and of the committees their working groups belong to
 *   (a working group's own meetings are its committee's: its members read them as the committee's people do),
 *   and the resolutions those bodies passed or that are owned by them, their groups or their bodies;
 * - a body's chair and secretary lead it: they review its overdue resolutions and extend, cancel or decide on them;
 *   the chair of a committee forms and staffs its working groups and opens and types their minutes, the secretary types
 *   the committee's own minutes.
 */
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { bodies, meetings, memberships, people, type Role, resolutions, workingGroups } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { readCache } from "../utils/read-cache.server";
import { getUser, loginRedirect, type SessionUser } from "../utils/session.server";
import type { Actor } from "./audit.server";
import { isInForce } from "./memberships.server";

export type Scope = {
  userId: number;
  role: Role;
  personId: number | null;
  /** Admin or secretariat. */
  isStaff: boolean;
  /** Staff, or a seat in the headquarters body. */
  readsAll: boolean;
  /** Bodies with a seat of the person in force today (started, not ended; any role). */
  bodyIds: readonly number[];
  /** Working groups with a current seat of the person. */
  groupIds: readonly number[];
  /** Bodies whose meetings and resolutions the person reads: their bodies and their groups' committees. */
  readableBodyIds: readonly number[];
  /** Bodies the person chairs. */
  chairedBodyIds: readonly number[];
  /** Bodies the person is secretary (دبیر) of. */
  secretaryBodyIds: readonly number[];
  /** Bodies the person leads: chairs or is secretary of. */
  ledBodyIds: readonly number[];
  /**
   * The outside organisation the person works for (an agency's representative): its resolutions are theirs to
   * carry out, as a body's are its members'.
   */
  organisationIds: readonly number[];
};

type ScopeUser = Pick<SessionUser, "id" | "role" | "personId">;

const unique = (ids: (number | null)[]) => [...new Set(ids.filter((id): id is number => id !== null))];

/**
 * The scope of a user, from their role and their current seats: two indexed reads (about a millisecond), kept in the
 * read cache until the next write and for the day (seats are in force by date). What a person reads because they own
 * work in it (a meeting outside their bodies) is asked of the database where it matters (`ownsWorkInMeetingSql`),
 * not listed here: on ten years of data a member owns work in 2,860 meetings, and listing them took 25 ms, on every
 * request right after a write.
 */
export function scopeFor(user: ScopeUser): Scope {
  return readCache.get(JSON.stringify(["scope", user.id, user.role, user.personId, clock.today()]), () =>
    buildScope(user),
  );
}

function buildScope(user: ScopeUser): Scope {
  const isStaff = user.role === "admin" || user.role === "secretariat";
  const seats = user.personId
    ? db
        .select({
          bodyId: memberships.bodyId,
          groupId: memberships.workingGroupId,
          role: memberships.role,
          kind: bodies.kind,
          committeeId: workingGroups.committeeId,
        })
        .from(memberships)
        .leftJoin(bodies, eq(bodies.id, memberships.bodyId))
        .leftJoin(workingGroups, eq(workingGroups.id, memberships.workingGroupId))
        .where(and(eq(memberships.personId, user.personId), isInForce()))
        .all()
    : [];
  const bodyIds = unique(seats.map((s) => s.bodyId));
  const chairedBodyIds = unique(seats.filter((s) => s.role === "chair").map((s) => s.bodyId));
  const secretaryBodyIds = unique(seats.filter((s) => s.role === "secretary").map((s) => s.bodyId));
  const organisationIds = user.personId
    ? unique([
        db.select({ id: people.organisationId }).from(people).where(eq(people.id, user.personId)).get()?.id ?? null,
      ])
    : [];
  return Object.freeze({
    userId: user.id,
    role: user.role,
    personId: user.personId,
    isStaff,
    readsAll: isStaff || seats.some((s) => s.kind === "headquarters"),
    bodyIds,
    groupIds: unique(seats.map((s) => s.groupId)),
    readableBodyIds: unique([...bodyIds, ...seats.map((s) => s.committeeId)]),
    chairedBodyIds,
    secretaryBodyIds,
    ledBodyIds: unique([...chairedBodyIds, ...secretaryBodyIds]),
    organisationIds,
  });
}

export type Access = { user: SessionUser; scope: Scope; actor: Actor & { userId: number } };

// The root loader and the page's loader ask for the same request: its user and scope are built once.
const perRequest = new WeakMap<Request, Promise<{ user: SessionUser; scope: Scope } | null>>();

/** Where a person who must set up their second factor first may go (second-factor.server.ts). */
export const SETUP_PATH = "/account/two-factor";
const OPEN_DURING_SETUP = new Set([SETUP_PATH, "/logout", "/language"]);

/** The signed-in user, their scope, and the actor their changes are audited as; null when nobody is signed in. */
export async function getAccess(request: Request, context?: { ip?: string }): Promise<Access | null> {
  let found = perRequest.get(request);
  if (!found) {
    const path = new URL(request.url).pathname;
    found = getUser(request).then((user) =>
      user && (user.step !== "setup" || OPEN_DURING_SETUP.has(path)) ? { user, scope: scopeFor(user) } : null,
    );
    perRequest.set(request, found);
  }
  const signedIn = await found;
  // The actor is made for each caller: only a loader or action given the request's context knows the address.
  return signedIn ? { ...signedIn, actor: { userId: signedIn.user.id, ip: context?.ip ?? "" } } : null;
}

/**
 * Like `getAccess`, but a visitor who is not signed in is sent to the sign-in page (and back afterwards), and a
 * person who must set up their second factor to its page.
 */
export async function requireScope(request: Request, context?: { ip?: string }): Promise<Access> {
  const access = await getAccess(request, context);
  if (access) return access;
  if ((await getUser(request))?.step === "setup") throw redirect(SETUP_PATH);
  return loginRedirect(request);
}

/**
 * The key of a cached read that depends on who asks: always built from the whole scope, so two people with different
 * scopes can never share an answer (read-cache.server.ts).
 */
export function cacheKey(scope: Scope, ...parts: unknown[]): string {
  return JSON.stringify([parts, scope]);
}

/** Goes on only when `allowed`; otherwise a ForbiddenError (403, audited by `route()`). */
export function requireAllowed(allowed: boolean, scope: Scope): void {
  if (!allowed) throw new ForbiddenError(scope.userId);
}

/**
 * For a page of several forms: whether this scope may send the form's intent, checked before the form is parsed,
 * so a refusal (403) never depends on what was typed. An intent not in `rules` is left to the schema (400).
 */
export function requireIntentAllowed(form: FormData, rules: Record<string, boolean>, scope: Scope): void {
  const intent = form.get("intent");
  if (typeof intent === "string" && Object.hasOwn(rules, intent)) requireAllowed(rules[intent], scope);
}

// ---------- what a scope may do ----------

/** Accounts, the work calendar and the audit log belong to the admin. */
export function canAdminister(scope: Scope): boolean {
  return scope.role === "admin";
}

/** Secretariat and admin change the organisation's structure; everyone else reads it. */
export function canManageStructure(scope: Scope): boolean {
  return scope.isStaff;
}

/** Outside organisations are read by everyone signed in and created or changed by the secretariat and admin. */
export function canManageOrganisations(scope: Scope): boolean {
  return scope.isStaff;
}

/** True when the person is a current chair (مسئول) of the body. */
export function isChairOf(scope: Scope, bodyId: number): boolean {
  return scope.chairedBodyIds.includes(bodyId);
}

/** Working groups of a committee are created and staffed by its chair, or by the secretariat and admin. */
export function canManageGroupsOf(scope: Scope, committeeId: number): boolean {
  return scope.isStaff || isChairOf(scope, committeeId);
}

/** The meetings (and minutes) of a body: everyone who reads all, or sits in it or in one of its working groups. */
export function canReadMeetingsOf(scope: Scope, bodyId: number): boolean {
  return scope.readsAll || scope.readableBodyIds.includes(bodyId);
}

/** One meeting's minutes: those who read the body's meetings, and a person the minutes assigned a resolution. */
export function canReadMeeting(scope: Scope, meeting: { id: number; bodyId: number }): boolean {
  return (
    canReadMeetingsOf(scope, meeting.bodyId) ||
    db.get<{ yes: number }>(sql`select ${ownsWorkInMeetingSql(scope, sql`${meeting.id}`)} as yes`)?.yes === 1
  );
}

/**
 * SQL: the minutes of the meeting `meetingId` (a column or a value) assigned the person, or the organisation they work
 * for, a resolution — they read those minutes, whatever body passed them. One indexed look-up per meeting asked.
 */
export function ownsWorkInMeetingSql(scope: Scope, meetingId: SQL): SQL {
  if (scope.personId === null) return sql`0`;
  return sql`exists (select 1 from resolutions owned join resolution_owners o on o.resolution_id = owned.id
    where owned.meeting_id = ${meetingId} and (o.person_id = ${scope.personId}
      or o.organisation_id in (${idsSql(scope.organisationIds)})))`;
}

/** SQL: the meeting (its id and body columns) is one whose minutes this scope reads, as `canReadMeeting` says. */
export function readableMeetingSql(scope: Scope, meeting: { id: SQL; bodyId: SQL }): SQL {
  if (scope.readsAll) return sql`1`;
  return sql`(${meeting.bodyId} in (${idsSql(scope.readableBodyIds)}) or ${ownsWorkInMeetingSql(scope, meeting.id)})`;
}

/** Ids for an SQL `in (…)`; an empty list matches nothing. */
function idsSql(ids: readonly number[]): SQL {
  return sql.join(
    (ids.length ? ids : [-1]).map((id) => sql`${id}`),
    sql`, `,
  );
}

/**
 * SQL: resolutions owned by the person, by their working groups, their bodies or their organisation: a correlated
 * EXISTS, so each candidate resolution costs one look-up on resolution_owners by its index, however many rows the
 * owners table holds. Read with "resolutions" in the query.
 */
export function ownedResolutionSql(scope: Scope): SQL {
  return sql`exists (select 1 from resolution_owners o where o.resolution_id = "resolutions"."id" and (o.person_id = ${scope.personId ?? -1}
    or o.working_group_id in (${idsSql(scope.groupIds)}) or o.body_id in (${idsSql(scope.bodyIds)})
    or o.organisation_id in (${idsSql(scope.organisationIds)})))`;
}

/**
 * SQL: the resolution is visible in this scope: owned by the person, their groups or bodies, or passed by a body whose
 * meetings they read (their bodies and their working groups' committees). Read with "meetings" joined.
 */
export function visibleResolutionSql(scope: Scope): SQL | undefined {
  if (scope.readsAll) return undefined;
  return or(ownedResolutionSql(scope), sql`${meetings.bodyId} in (${idsSql(scope.readableBodyIds)})`)!;
}

/**
 * SQL: the resolutions the person carries forward: owned by them (their groups, bodies, organisation) or passed by a
 * body they lead. «My actions» lists these, the secretariat's too; their owners report progress on them.
 */
export function carriedResolutionSql(scope: Scope): SQL {
  return or(ownedResolutionSql(scope), sql`${resolutions.bodyId} in (${idsSql(scope.ledBodyIds)})`)!;
}

/** Owners, and those who lead the body that passed it, report progress, mark done and ask for more time; staff too. */
export function canUpdateResolution(scope: Scope, resolutionId: number): boolean {
  if (scope.isStaff) return true;
  return (
    db
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(and(eq(resolutions.id, resolutionId), carriedResolutionSql(scope)))
      .get() !== undefined
  );
}

/** SQL: the resolutions whose overdue review is this scope's: every body's for those who read all, else those led. */
export function reviewedResolutionSql(scope: Scope): SQL | undefined {
  return scope.readsAll ? undefined : sql`${resolutions.bodyId} in (${idsSql(scope.ledBodyIds)})`;
}

/** SQL: the resolutions (their body column) this scope extends, cancels and decides on, as `canManageResolutionsOf`. */
export function managedResolutionSql(scope: Scope, bodyId: SQL = sql`${resolutions.bodyId}`): SQL {
  return scope.isStaff ? sql`1` : sql`${bodyId} in (${idsSql(scope.ledBodyIds)})`;
}

/** Minutes are typed by the secretariat (and admin), and by the body's own secretary (دبیر). */
export function canEditMinutesOf(scope: Scope, bodyId: number): boolean {
  return scope.isStaff || scope.secretaryBodyIds.includes(bodyId);
}

/**
 * A working group's own minutes (its meetings are held under its committee) are opened and typed by the secretariat
 * (and admin) and by the committee's chair, who leads its groups.
 */
export function canEditGroupMinutesOf(scope: Scope, group: { committeeId: number }): boolean {
  return scope.isStaff || isChairOf(scope, group.committeeId);
}

/** One meeting's minutes: a body's own by canEditMinutesOf, a working group's by canEditGroupMinutesOf. */
export function canEditMeeting(scope: Scope, meeting: { bodyId: number; workingGroupId: number | null }): boolean {
  return meeting.workingGroupId
    ? canEditGroupMinutesOf(scope, { committeeId: meeting.bodyId })
    : canEditMinutesOf(scope, meeting.bodyId);
}

/** Sending final minutes for sign-off: those who keep the minutes, and the body's chair. */
export function canRequestSignoff(scope: Scope, meeting: { bodyId: number; workingGroupId: number | null }): boolean {
  return canEditMeeting(scope, meeting) || isChairOf(scope, meeting.bodyId);
}

/** Confirming minutes or asking for a change: those the sign-off asks (the people present), each for themselves. */
export function canAnswerSignoff(scope: Scope, askedPersonIds: readonly number[]): boolean {
  return scope.personId !== null && askedPersonIds.includes(scope.personId);
}

/** Checking a PDF against the signed minutes: anyone signed in (the answer names a meeting only to its readers). */
export function canVerifyMinutes(scope: Scope): boolean {
  return Number.isInteger(scope.userId);
}

/** Extending, cancelling and deciding on requests belong to the chair and secretary of the body that passed it. */
export function canManageResolutionsOf(scope: Scope, bodyId: number): boolean {
  return scope.isStaff || scope.ledBodyIds.includes(bodyId);
}

/** A membership's papers (the appointment letter): the secretariat, the member, and those who lead the body. */
export function canReadMembershipPapers(scope: Scope, seat: { personId: number; bodyId: number | null }): boolean {
  const own = scope.personId !== null && seat.personId === scope.personId;
  return scope.isStaff || own || (seat.bodyId !== null && scope.ledBodyIds.includes(seat.bodyId));
}

/** A document is removed by the person who attached it, or by the secretariat (and admin). */
export function canRemoveDocument(scope: Scope, uploadedBy: number | null): boolean {
  return scope.isStaff || (uploadedBy !== null && uploadedBy === scope.userId);
}

/** Reports are composed and issued by the secretariat (and admin). */
export function canComposeReports(scope: Scope): boolean {
  return scope.isStaff;
}

/** Issued reports are read by the secretariat, admin and the HQ's leadership (members of the headquarters body). */
export function canReadReports(scope: Scope): boolean {
  return scope.readsAll;
}

/**
 * The data-supply tracker (agencies' data sets, their stages and deliveries) is read by the people of the HQ's
 * bodies and groups and by everyone who reads all; an account without a seat does not read it.
 */
export function canReadSupply(scope: Scope): boolean {
  return scope.readsAll || scope.bodyIds.length > 0 || scope.groupIds.length > 0;
}

/**
 * The weekly data-supply report is put into the council's next minutes by the secretariat and by bodies' secretaries
 * (the council's draft is checked again with `canEditMinutesOf` when it is written).
 */
export function canPutSupplyIntoMinutes(scope: Scope): boolean {
  return canReadSupply(scope) && (scope.isStaff || scope.secretaryBodyIds.length > 0);
}

/** Data sets and the pipeline's stages are defined by the secretariat (and admin). */
export function canManageSupply(scope: Scope): boolean {
  return scope.isStaff;
}

/**
 * A data set's stage, deliveries and notes are changed by the secretariat (and admin) and by the chair and secretary
 * of the committee that follows it; members, and people of other committees, read only.
 */
export function canChangeDataSet(scope: Scope, dataSet: { committeeId: number }): boolean {
  return scope.isStaff || scope.ledBodyIds.includes(dataSet.committeeId);
}

/** The HQ's leadership: a seat in the headquarters body (they read everything, the reports and the dashboard). */
export function isLeader(scope: Scope): boolean {
  return scope.readsAll && !scope.isStaff;
}

/** The leadership dashboard: the HQ's leadership and the secretariat (and admin). */
export function canReadDashboard(scope: Scope): boolean {
  return scope.readsAll;
}
