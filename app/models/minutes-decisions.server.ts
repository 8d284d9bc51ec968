/**
 * Finalising, the decisions: resolutions numbered with their deadlines and owners, and the follow-ups of earlier
 * resolutions reported in the meeting.
 */
import { and, eq, max, sql } from "drizzle-orm";
import { type bodies, meetingEditions, meetings, resolutionOwners, resolutions } from "../../db/schema";
import { FinalisationError, type MinutesDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import type { Tx } from "../utils/db.server";
import { toAsciiDigits } from "../utils/digits";
import { parseJalaliInput, type WorkCalendar } from "../utils/jalali";
import { searchKey } from "../utils/normalize";
import { asRuleViolation } from "../utils/rules";
import { computeDeadline, timeframeColumns, timeframeOrStanding } from "../utils/timeframe";
import { readVote } from "../utils/vote";
import type { Actor } from "./audit.server";
import { applyChangeIn, type Change } from "./follow-ups.server";
import type { MinutesSnapshot } from "./meetings.server";

type Meeting = typeof meetings.$inferSelect;
type Body = typeof bodies.$inferSelect;
type Deadline = MinutesSnapshot["deadlines"][number];

/**
 * The resolutions with their owners and deadlines (on the work calendar). Those an earlier edition wrote keep their
 * ids (and so their follow-ups); those the correction removed are cancelled with its reason.
 */
export function writeResolutions(
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
export function writeFollowUps(tx: Tx, actor: Actor, meeting: Meeting, doc: MinutesDoc, dateIso: string) {
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
