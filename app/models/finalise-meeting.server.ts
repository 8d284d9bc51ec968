/**
 * Finalising minutes (نهایی کردن صورتجلسه): the saved draft becomes the meeting's record, in named steps inside one
 * write transaction — check it is ready, write the header, agenda, reports and attendance, write the resolutions
 * with their deadlines, keep the edition, lock the meeting. A correction (a meeting being corrected) needs a reason
 * and becomes the next edition.
 */
import { and, eq, inArray, max, sql } from "drizzle-orm";
import {
  agendaItems,
  attendance,
  bodies,
  committeeReports,
  draftVersions,
  meetingEditions,
  meetings,
  resolutionOwners,
  resolutions,
  workingGroups,
} from "../../db/schema";
import { finalisationErrors, type MinutesDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { writeTransaction } from "../utils/db.server";
import { toAsciiDigits } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { parseJalaliInput, parseTime, type WorkCalendar } from "../utils/jalali";
import { searchKey } from "../utils/normalize";
import { namesOfKind } from "../utils/owner-match";
import { type QuorumState, quorumState } from "../utils/quorum";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { computeDeadline, timeframeColumns, timeframeOrStanding } from "../utils/timeframe";
import { readVote } from "../utils/vote";
import { type Actor, recordAudit } from "./audit.server";
import { getWorkCalendar } from "./calendar.server";
import { hasOpenConflicts } from "./drafts.server";
import { applyChangeIn, type Change } from "./follow-ups.server";
import { loadNames, type MinutesNames, type MinutesSnapshot, parseDoc } from "./meetings.server";

type Tx = Parameters<Parameters<typeof writeTransaction>[0]>[0];
type Meeting = typeof meetings.$inferSelect;
type Body = typeof bodies.$inferSelect;
type Deadline = MinutesSnapshot["deadlines"][number];

/** The minutes are not ready: every problem by field path (`resolutions.3.subject`), as i18n keys. */
export class FinalisationError extends Error {
  constructor(public errors: Record<string, string>) {
    super("minutes not ready");
  }
}

export function finaliseMeeting(actor: Actor, id: number, input: { version: number; reason?: string }) {
  const calendar = getWorkCalendar();
  const names = loadNames();
  try {
    return writeTransaction((tx) => {
      const { meeting, body, doc, reason, quorum } = checkReady(tx, id, input, names);
      const dateIso = writeHeader(tx, meeting, doc, quorum);
      const agenda = writeAgenda(tx, meeting, doc);
      writeReports(tx, meeting, doc, agenda);
      writeAttendance(tx, meeting, doc);
      const deadlines = writeResolutions(tx, meeting, body, doc, { dateIso, calendar, reason });
      const followed = writeFollowUps(tx, actor, meeting, doc, dateIso);
      const frozen = withCanonicalOwners(doc, names);
      const edition = keepEdition(tx, actor, meeting, {
        doc: frozen,
        dateIso,
        names,
        deadlines,
        reason,
        quorum: quorum ? { ...quorum, reason: quorum.met ? "" : doc.quorumReason.trim() } : null,
        followed,
      });
      lock(tx, actor, meeting, frozen);
      // Nobody types on a final draft: its versions are no longer anyone's base.
      tx.delete(draftVersions).where(eq(draftVersions.meetingId, id)).run();
      recordAudit(
        {
          ...actor,
          action: meeting.status === "correcting" ? "correct" : "finalise",
          entity: "meeting",
          entityId: id,
          after: { edition, reason: reason || undefined, resolutions: doc.resolutions.length },
        },
        tx,
      );
      return { edition };
    });
  } catch (error) {
    if (error instanceof FinalisationError) throw error;
    throw asRuleViolation(error) ?? error;
  }
}

/**
 * The draft, if it is the version the secretary saw, complete, names only people, bodies and groups that exist,
 * (for a correction) has a reason, and says why the meeting stands if its attendance did not make the quorum.
 */
function checkReady(tx: Tx, id: number, input: { version: number; reason?: string }, names: MinutesNames) {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) throw new NotFoundError();
  if (meeting.status === "final") throw new RuleViolation("minutes_final");
  if (meeting.version !== input.version) throw new RuleViolation("minutes_stale");
  if (hasOpenConflicts(id, tx)) throw new RuleViolation("draft_conflicts_open");
  const reason = (input.reason ?? "").trim();
  if (meeting.status === "correcting" && !reason) throw new FinalisationError({ reason: "minutes.errors.reason" });
  const doc = parseDoc(meeting.draftJson);
  const body = tx.select().from(bodies).where(eq(bodies.id, meeting.bodyId)).get()!;
  const quorum = quorumState({ kind: body.quorumKind, count: body.quorumCount }, doc.attendance);
  const errors = { ...missingRecords(doc, names), ...finalisationErrors(doc) };
  if (quorum && !quorum.met && !doc.quorumReason.trim()) errors.quorumReason = "minutes.errors.quorumReason";
  if (Object.keys(errors).length > 0) throw new FinalisationError(errors);
  return { meeting, body, doc, reason, quorum };
}

/** Ids in the draft that name no record (a crafted save, or one removed since): refused by field, as for typos. */
function missingRecords(doc: MinutesDoc, names: MinutesNames): Record<string, string> {
  const errors: Record<string, string> = {};
  const person = (id: number | null) => id === null || String(id) in names.people;
  if (!person(doc.chairPersonId)) errors.chairPersonId = "validation.choose";
  if (!person(doc.secretaryPersonId)) errors.secretaryPersonId = "validation.choose";
  doc.reports.forEach((r, i) => {
    if (r.bodyId && !(String(r.bodyId) in names.bodies)) errors[`reports.${i}.bodyId`] = "validation.choose";
  });
  doc.resolutions.forEach((r, i) => {
    const known = (o: (typeof r.owners)[number]) => String(o.id) in namesOfKind(names, o.kind);
    if (r.owners.some((o) => o.kind !== "unmatched" && o.id && !known(o)))
      errors[`resolutions.${i}.owners`] = "minutes.errors.unmatchedOwner";
  });
  doc.attendance.forEach((a, i) => {
    if (!person(a.personId)) errors[`attendance.${i}.name`] = "validation.choose";
  });
  doc.guests.forEach((g, i) => {
    if (g.organisationId && !(String(g.organisationId) in (names.organisations ?? {})))
      errors[`guests.${i}.organisationId`] = "validation.choose";
  });
  return errors;
}

/** Date, times, place, chair, secretary, text and next meeting onto the meeting's row; returns the ISO date. */
function writeHeader(tx: Tx, meeting: Meeting, doc: MinutesDoc, quorum: QuorumState): string {
  const dateIso = (parseJalaliInput(doc.date) as { iso: string }).iso;
  // Times as typed («۱۴.۳۰», «۱۴») are kept as HH:MM, in the rows and in the frozen minutes.
  doc.startTime = parseTime(doc.startTime) ?? "";
  doc.endTime = parseTime(doc.endTime) ?? "";
  doc.nextTime = parseTime(doc.nextTime) ?? "";
  const next = doc.nextDate ? parseJalaliInput(doc.nextDate) : null;
  tx.update(meetings)
    .set({
      date: dateIso,
      startTime: doc.startTime || null,
      endTime: doc.endTime || null,
      place: doc.place,
      mode: doc.mode,
      chairPersonId: doc.chairPersonId,
      secretaryPersonId: doc.secretaryPersonId,
      openingRemarks: doc.openingRemarks,
      summary: doc.summary,
      nextDate: next?.ok ? next.iso : null,
      nextTime: doc.nextTime || null,
      quorumMet: quorum ? quorum.met : null,
      quorumReason: quorum && !quorum.met ? doc.quorumReason.trim() : "",
    })
    .where(eq(meetings.id, meeting.id))
    .run();
  return dateIso;
}

/**
 * This meeting's agenda (each row keeps the item it was, by id, through corrections; removed ones go once the
 * reports no longer point at them) and the next meeting's agenda, rewritten. Returns the items' ids by draft key.
 */
function writeAgenda(tx: Tx, meeting: Meeting, doc: MinutesDoc) {
  const existing = tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.forNextMeeting, false)))
    .all()
    .map((a) => a.id);
  const ids = keepRows(
    existing,
    doc.agenda,
    (a, i) => ({ position: i + 1, title: a.title, discussion: a.discussion }),
    (id, values) => tx.update(agendaItems).set(values).where(eq(agendaItems.id, id)).run(),
    (values) =>
      tx
        .insert(agendaItems)
        .values({ meetingId: meeting.id, ...values })
        .returning({ id: agendaItems.id })
        .get().id,
  );
  tx.delete(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.forNextMeeting, true)))
    .run();
  doc.nextAgenda.forEach((a, i) => {
    if (a.title.trim())
      tx.insert(agendaItems)
        .values({ meetingId: meeting.id, forNextMeeting: true, position: i + 1, title: a.title })
        .run();
  });
  const byKey = new Map(doc.agenda.map((a) => [a.key, a.id as number]));
  const removed = existing.filter((id) => !ids.has(id));
  return { byKey, removed };
}

/** Committee progress reports, each under its agenda item, keeping their ids like the agenda; then removed items go. */
function writeReports(tx: Tx, meeting: Meeting, doc: MinutesDoc, agenda: ReturnType<typeof writeAgenda>) {
  const existing = tx
    .select({ id: committeeReports.id })
    .from(committeeReports)
    .where(eq(committeeReports.meetingId, meeting.id))
    .all()
    .map((r) => r.id);
  const ids = keepRows(
    existing,
    doc.reports,
    (r, i) => ({
      agendaItemId: agenda.byKey.get(r.agendaKey) ?? null,
      bodyId: r.bodyId!,
      position: i + 1,
      text: r.text,
    }),
    (id, values) => tx.update(committeeReports).set(values).where(eq(committeeReports.id, id)).run(),
    (values) =>
      tx
        .insert(committeeReports)
        .values({ meetingId: meeting.id, ...values })
        .returning({ id: committeeReports.id })
        .get().id,
  );
  const gone = existing.filter((id) => !ids.has(id));
  if (gone.length > 0) tx.delete(committeeReports).where(inArray(committeeReports.id, gone)).run();
  if (agenda.removed.length > 0) tx.delete(agendaItems).where(inArray(agendaItems.id, agenda.removed)).run();
}

/**
 * Writes a draft's rows onto the rows they were (by the `id` each carries, if it is one of `existing` and not taken
 * twice) or onto new ones, and puts each row's id on the draft row. Returns the ids kept or made.
 */
function keepRows<Row extends { id?: number | null }, Values>(
  existing: number[],
  rows: Row[],
  values: (row: Row, index: number) => Values,
  update: (id: number, values: Values) => void,
  insert: (values: Values) => number,
): Set<number> {
  const known = new Set(existing);
  const kept = new Set<number>();
  rows.forEach((row, i) => {
    const v = values(row, i);
    if (row.id && known.has(row.id) && !kept.has(row.id)) update(row.id, v);
    else row.id = insert(v);
    kept.add(row.id as number);
  });
  return kept;
}

/** Members' attendance in the draft's order, then the guests. */
function writeAttendance(tx: Tx, meeting: Meeting, doc: MinutesDoc) {
  tx.delete(attendance).where(eq(attendance.meetingId, meeting.id)).run();
  doc.attendance.forEach((a, i) => {
    tx.insert(attendance)
      .values({
        meetingId: meeting.id,
        personId: a.personId,
        name: a.name,
        // finalisationErrors refused the minutes while a member was unmarked.
        status: a.status === "unmarked" ? "absent" : a.status,
        substituteName: a.substitute,
        timeAttended: a.time,
        position: i + 1,
      })
      .run();
  });
  doc.guests.forEach((g, i) => {
    tx.insert(attendance)
      .values({
        meetingId: meeting.id,
        name: g.name,
        status: "guest",
        timeAttended: g.time,
        organisationId: g.organisationId ?? null,
        position: 1000 + i,
      })
      .run();
  });
}

/**
 * The resolutions with their owners and deadlines (on the work calendar). Those an earlier edition wrote keep their
 * ids (and so their follow-ups); those the correction removed are cancelled with its reason.
 */
function writeResolutions(
  tx: Tx,
  meeting: Meeting,
  body: Body,
  doc: MinutesDoc,
  { dateIso, calendar, reason }: { dateIso: string; calendar: WorkCalendar; reason: string },
): Deadline[] {
  // Rows are matched by the resolution they carry (`id`), never by position: a resolution keeps its id, number,
  // follow-ups and owners through every correction; a new row takes the next number never used in this meeting; one
  // the correction removed is cancelled with its reason (its page and history stay).
  const existing = tx.select().from(resolutions).where(eq(resolutions.meetingId, meeting.id)).all();
  const byId = new Map(existing.map((e) => [e.id, e]));
  const kept = new Set<number>();
  let next = nextNumber(tx, meeting, body, existing);
  const deadlines = doc.resolutions.map((r) => {
    const old = r.id ? byId.get(r.id) : undefined;
    const number = old && !kept.has(old.id) ? old.number : next++;
    const timeframe = timeframeOrStanding(r);
    const deadline = computeDeadline(dateIso, timeframe, calendar);
    const { vote } = readVote(r.vote);
    const values = {
      subject: r.subject.trim(),
      ...timeframeColumns(timeframe),
      voteKind: vote?.kind ?? null,
      votesFor: vote?.for ?? null,
      votesAgainst: vote?.against ?? null,
      votesAbstain: vote?.abstain ?? null,
      dueDate: deadline.due,
      searchKey: searchKey(r.subject),
      updatedAt: clock.nowIso(),
    };
    // A corrected subject keeps the notes already gathered in the search key.
    const notesKey = sql<string>`coalesce((select ' ' || group_concat(f.search_key, ' ') from follow_ups f where f.resolution_id = "resolutions"."id" and f.search_key <> ''), '')`;
    let resolutionId: number;
    if (old && !kept.has(old.id)) {
      tx.update(resolutions)
        .set({ ...values, searchKey: sql`${values.searchKey} || ${notesKey}` })
        .where(eq(resolutions.id, old.id))
        .run();
      resolutionId = old.id;
    } else {
      resolutionId = tx
        .insert(resolutions)
        .values({ meetingId: meeting.id, number, ...values })
        .returning({ id: resolutions.id })
        .get().id;
    }
    kept.add(resolutionId);
    // The frozen draft carries each row's resolution, so the next correction finds it again.
    r.id = resolutionId;
    r.number = number;
    writeOwners(tx, resolutionId, r.owners);
    return deadline;
  });
  for (const old of existing.filter((e) => !kept.has(e.id) && e.status !== "cancelled")) {
    tx.update(resolutions).set({ status: "cancelled", cancelReason: reason }).where(eq(resolutions.id, old.id)).run();
  }
  return deadlines;
}

/**
 * The number a new resolution takes: per meeting, the next never used in it; in a running sequence, the next after
 * every number the body (or the working group) has used, starting at its first number.
 */
function nextNumber(tx: Tx, meeting: Meeting, body: Body, existing: { number: number }[]): number {
  const inMeeting = existing.reduce((n, e) => Math.max(n, e.number), 0) + 1;
  if (body.resolutionNumbering !== "running") return inMeeting;
  const used = tx
    .select({ n: max(resolutions.number) })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(
      and(
        eq(meetings.bodyId, meeting.bodyId),
        sql`coalesce(${meetings.workingGroupId}, 0) = ${meeting.workingGroupId ?? 0}`,
      ),
    )
    .get()?.n;
  return Math.max(body.firstResolutionNumber, (used ?? 0) + 1, inMeeting);
}

/**
 * The meeting's follow-up section: each update it decided about an earlier open resolution (status, progress, a note,
 * a new deadline) becomes that resolution's follow-ups, marked as recorded in this meeting. A correction applies only
 * the updates it changed; what an earlier edition applied stays in the resolutions' history.
 */
function writeFollowUps(tx: Tx, actor: Actor, meeting: Meeting, doc: MinutesDoc, dateIso: string) {
  const before = new Map(previousEdition(tx, meeting)?.doc.followUps.map((f) => [f.resolutionId, f]) ?? []);
  const followed: NonNullable<MinutesSnapshot["followed"]> = [];
  doc.followUps.forEach((f, i) => {
    const note = f.note.trim();
    const percent = f.percent.trim() ? Number(toAsciiDigits(f.percent)) : null;
    const newDue = f.newDueDate ? (parseJalaliInput(f.newDueDate) as { iso: string }).iso : null;
    if (!f.status && !note && percent === null && !newDue) return;
    const target = tx
      .select({
        id: resolutions.id,
        number: resolutions.number,
        subject: resolutions.subject,
        meetingNumber: meetings.number,
        meetingDate: meetings.date,
        bodyId: meetings.bodyId,
        workingGroupId: meetings.workingGroupId,
      })
      .from(resolutions)
      .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
      .where(eq(resolutions.id, f.resolutionId))
      .get();
    // Only the body's (or the working group's) own resolutions of earlier meetings are followed up here (a crafted
    // save names no others).
    if (
      !target ||
      target.bodyId !== meeting.bodyId ||
      target.workingGroupId !== meeting.workingGroupId ||
      target.meetingNumber >= meeting.number
    )
      throw new FinalisationError({ [`followUps.${i}.status`]: "minutes.errors.followUpClosed" });
    followed.push({
      resolutionId: target.id,
      number: target.number,
      meetingNumber: target.meetingNumber,
      subject: target.subject,
    });
    const same = before.get(f.resolutionId);
    if (same && JSON.stringify(same) === JSON.stringify(f)) return;
    const changes: Change[] = [];
    // Done or cancelled carries the note itself; otherwise a note or a percent is progress.
    const closing = f.status === "done" || f.status === "cancelled";
    if (!closing && (note || percent !== null)) changes.push({ intent: "progress", note, percent });
    if (newDue) changes.push({ intent: "extend", date: newDue, note: "" });
    if (f.status === "in_progress") changes.push({ intent: "start" });
    if (f.status === "done") changes.push({ intent: "done", date: dateIso, note });
    if (f.status === "cancelled") changes.push({ intent: "cancel", note });
    for (const change of changes) {
      try {
        applyChangeIn(
          tx,
          actor,
          target.id,
          change,
          { meetingDate: target.meetingDate, pendingRequest: null },
          meeting.id,
        );
      } catch (error) {
        const rule = asRuleViolation(error);
        if (!rule) throw error;
        const field = change.intent === "extend" ? "newDueDate" : change.intent === "progress" ? "note" : "status";
        const key = rule.code === "extensionNotLater" ? "minutes.errors.followUpDue" : "minutes.errors.followUpClosed";
        throw new FinalisationError({ [`followUps.${i}.${field}`]: key });
      }
    }
  });
  return followed;
}

/** The edition before this correction (null for first minutes). */
function previousEdition(tx: Tx, meeting: Meeting): MinutesSnapshot | null {
  if (meeting.status !== "correcting") return null;
  const row = tx
    .select({ json: meetingEditions.snapshotJson })
    .from(meetingEditions)
    .where(and(eq(meetingEditions.meetingId, meeting.id), eq(meetingEditions.edition, meeting.edition - 1)))
    .get();
  return row ? (JSON.parse(row.json) as MinutesSnapshot) : null;
}

/** A resolution's owners as the draft names them, each once. */
function writeOwners(tx: Tx, resolutionId: number, owners: MinutesDoc["resolutions"][number]["owners"]) {
  tx.delete(resolutionOwners).where(eq(resolutionOwners.resolutionId, resolutionId)).run();
  const seen = new Set<string>();
  for (const o of owners) {
    const key = `${o.kind}:${o.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tx.insert(resolutionOwners)
      .values({
        resolutionId,
        bodyId: o.kind === "body" ? o.id : null,
        workingGroupId: o.kind === "group" ? o.id : null,
        personId: o.kind === "person" ? o.id : null,
        organisationId: o.kind === "organisation" ? o.id : null,
        label: o.label,
      })
      .run();
  }
}

/** The draft with each owner's label set to the owner's name today, as the edition keeps it. */
function withCanonicalOwners(doc: MinutesDoc, names: MinutesNames): MinutesDoc {
  const canonical = (o: MinutesDoc["resolutions"][number]["owners"][number]) =>
    namesOfKind(names, o.kind)[String(o.id)] ?? o.label;
  return {
    ...doc,
    resolutions: doc.resolutions.map((r) => ({ ...r, owners: r.owners.map((o) => ({ ...o, label: canonical(o) })) })),
  };
}

/** The edition as it reads on this day, names included, so history reads as it was; returns its number. */
function keepEdition(
  tx: Tx,
  actor: Actor,
  meeting: Meeting,
  e: Pick<MinutesSnapshot, "doc" | "dateIso" | "names" | "deadlines" | "quorum" | "followed"> & {
    dateIso: string;
    reason: string;
  },
): number {
  const edition = meeting.status === "correcting" ? meeting.edition : 1;
  const bodyName = tx.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, meeting.bodyId)).get()!.name;
  const groupName = meeting.workingGroupId
    ? (tx
        .select({ name: workingGroups.name })
        .from(workingGroups)
        .where(eq(workingGroups.id, meeting.workingGroupId))
        .get()?.name ?? null)
    : null;
  const snapshot: MinutesSnapshot = {
    doc: e.doc,
    bodyName,
    groupName,
    number: meeting.number,
    dateIso: e.dateIso,
    names: e.names,
    deadlines: e.deadlines,
    quorum: e.quorum,
    followed: e.followed,
  };
  tx.insert(meetingEditions)
    .values({
      meetingId: meeting.id,
      edition,
      reason: e.reason,
      snapshotJson: JSON.stringify(snapshot),
      createdBy: actor.userId,
    })
    .run();
  return edition;
}

/** The meeting becomes final (the database then refuses changes to its minutes). */
function lock(tx: Tx, actor: Actor, meeting: Meeting, frozen: MinutesDoc) {
  const finalizedAt = clock.nowIso();
  tx.update(meetings)
    .set({
      status: "final",
      finalizedAt,
      draftJson: JSON.stringify(frozen),
      version: meeting.version + 1,
      updatedBy: actor.userId,
      updatedAt: finalizedAt,
    })
    .where(eq(meetings.id, meeting.id))
    .run();
}
