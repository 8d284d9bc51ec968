/**
 * Finalising minutes (نهایی کردن صورتجلسه): the saved draft becomes the meeting's record, in named steps inside one
 * write transaction — check it is ready, write the header, agenda, reports and attendance, write the resolutions
 * with their deadlines, keep the edition, lock the meeting. A correction (a meeting being corrected) needs a reason
 * and becomes the next edition.
 */
import { eq } from "drizzle-orm";
import { bodies, draftVersions, meetingEditions, meetings, workingGroups } from "../../db/schema";
import { FinalisationError, finalisationErrors, type MinutesDoc, parseDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { type Tx, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { parseJalaliInput, parseTime } from "../utils/jalali";
import { namesOfKind } from "../utils/owner-match";
import { type QuorumState, quorumState } from "../utils/quorum";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { type Actor, recordAudit } from "./audit.server";
import { getWorkCalendar } from "./calendar.server";
import { hasOpenConflicts } from "./drafts.server";
import { announceAssignments } from "./mail-events.server";
import { loadNames, type MinutesNames, type MinutesSnapshot } from "./meetings.server";
import { writeFollowUps, writeResolutions } from "./minutes-decisions.server";
import { writeAgenda, writeAttendance, writeReports } from "./minutes-rows.server";
import { ensureNextDraft } from "./series.server";
import { restartSignoffIfCorrected } from "./signoff.server";

type Meeting = typeof meetings.$inferSelect;

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
      restartSignoffIfCorrected(tx, actor, id);
      // A meeting of a series held: the next one's draft is made ahead, with these minutes' next agenda.
      if (meeting.seriesId) ensureNextDraft(tx, actor, meeting.seriesId);
      announceAssignments(tx, id);
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
