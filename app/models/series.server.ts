/**
 * Recurring meetings (جلسات دوره‌ای): a body's series, and the one draft it keeps ahead. The draft of the next slot is
 * made when the series is set, when the series' meeting before it is finalised, and when a slot is skipped; like any
 * new meeting it takes the previous minutes' «دستور جلسه آینده» as its agenda, and the editor offers the body's open
 * resolutions for follow-up. A meeting moved to another day still fills its slot, so the series keeps its rhythm.
 */
import { and, asc, eq, gte } from "drizzle-orm";
import { meetingSeries, meetings, seriesSkips } from "../../db/schema";
import type { SeriesInput } from "../schemas/series";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { addDays, formatJalali, type IsoDate } from "../utils/jalali";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { nextSlot, type SeriesRule, upcomingSlots } from "../utils/series";
import { canEditMinutesOf, canReadMeetingsOf, requireAllowed, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { syncInvitation } from "./invitations.server";
import { insertMeeting, removeDraft } from "./meetings.server";

type SeriesRow = typeof meetingSeries.$inferSelect;

const ruleOf = (s: SeriesRow): SeriesRule => ({ frequency: s.frequency, startsOn: s.startsOn, until: s.until });

function activeSeries(database: Tx | typeof db, bodyId: number): SeriesRow | undefined {
  return database
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.bodyId, bodyId), eq(meetingSeries.active, true)))
    .get();
}

/** The body's series as its page shows it: the rule, the draft kept ahead, the next slots and the skipped ones. */
export function getSeries(scope: Scope, bodyId: number) {
  requireAllowed(canReadMeetingsOf(scope, bodyId), scope);
  const series = activeSeries(db, bodyId);
  if (!series) return null;
  const today = clock.today();
  const next = db
    .select({ id: meetings.id, number: meetings.number, date: meetings.date, slot: meetings.seriesSlot })
    .from(meetings)
    .where(and(eq(meetings.seriesId, series.id), eq(meetings.status, "draft")))
    .orderBy(asc(meetings.seriesSlot))
    .get();
  const skipped = db
    .select({ slot: seriesSkips.slot })
    .from(seriesSkips)
    .where(and(eq(seriesSkips.seriesId, series.id), gte(seriesSkips.slot, today)))
    .orderBy(asc(seriesSkips.slot))
    .all()
    .map((r) => r.slot);
  return {
    series,
    next: next ?? null,
    upcoming: upcomingSlots(ruleOf(series), today, 6),
    skipped,
    canEdit: canEditMinutesOf(scope, bodyId),
  };
}

/**
 * Sets the body's series (a new rule replaces the running one from its first slot on) and makes the next draft.
 * A draft the old rule made and nobody has typed in yet is moved to the new rule's slot rather than left behind.
 */
export function saveSeries(actor: Actor, scope: Scope, bodyId: number, input: Omit<SeriesInput, "intent">): number {
  requireAllowed(canEditMinutesOf(scope, bodyId), scope);
  try {
    return writeTransaction((tx) => {
      const old = activeSeries(tx, bodyId);
      if (old) {
        tx.update(meetingSeries)
          .set({ active: false, updatedAt: clock.nowIso() })
          .where(eq(meetingSeries.id, old.id))
          .run();
        dropUntouchedDrafts(tx, old.id);
      }
      const { id } = tx
        .insert(meetingSeries)
        .values({
          bodyId,
          frequency: input.frequency,
          startsOn: input.startsOn,
          until: input.until,
          startTime: input.startTime as string,
          endTime: input.endTime,
          place: input.place,
          createdBy: actor.userId,
        })
        .returning({ id: meetingSeries.id })
        .get();
      recordAudit(
        { ...actor, action: old ? "update" : "create", entity: "body", entityId: bodyId, after: { series: input } },
        tx,
      );
      ensureNextDraft(tx, actor, id);
      return id;
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/** Stops the series: no more drafts are made; the one already made stays (the secretariat may delete it). */
export function stopSeries(actor: Actor, scope: Scope, bodyId: number) {
  requireAllowed(canEditMinutesOf(scope, bodyId), scope);
  writeTransaction((tx) => {
    const series = activeSeries(tx, bodyId);
    if (!series) throw new NotFoundError();
    tx.update(meetingSeries)
      .set({ active: false, updatedAt: clock.nowIso() })
      .where(eq(meetingSeries.id, series.id))
      .run();
    recordAudit({ ...actor, action: "update", entity: "body", entityId: bodyId, after: { series: "stopped" } }, tx);
  });
}

/**
 * The next meeting will not be held: its slot is skipped, its draft deleted if nobody has typed in it (a draft with
 * work in it is kept and refused: the person deletes or moves it), and the draft of the slot after is made.
 */
export function skipNext(actor: Actor, scope: Scope, bodyId: number) {
  requireAllowed(canEditMinutesOf(scope, bodyId), scope);
  try {
    writeTransaction((tx) => {
      const series = activeSeries(tx, bodyId);
      if (!series) throw new NotFoundError();
      const draft = tx
        .select({ id: meetings.id, slot: meetings.seriesSlot, version: meetings.version })
        .from(meetings)
        .where(and(eq(meetings.seriesId, series.id), eq(meetings.status, "draft")))
        .orderBy(asc(meetings.seriesSlot))
        .get();
      if (!draft?.slot) throw new RuleViolation("series_nothing_to_skip");
      if (draft.version > 1) throw new RuleViolation("series_draft_typed");
      tx.insert(seriesSkips).values({ seriesId: series.id, slot: draft.slot, skippedBy: actor.userId }).run();
      removeDraft(tx, draft.id);
      recordAudit(
        { ...actor, action: "delete", entity: "meeting", entityId: draft.id, after: { skipped: draft.slot } },
        tx,
      );
      ensureNextDraft(tx, actor, series.id);
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/** Deletes the drafts of a series nobody has typed in yet (version 1), so a changed rule makes its own. */
function dropUntouchedDrafts(tx: Tx, seriesId: number) {
  const drafts = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), eq(meetings.status, "draft"), eq(meetings.version, 1)))
    .all();
  for (const d of drafts) removeDraft(tx, d.id);
}

/**
 * Makes the draft of the series' next free slot (on or after today, after the last slot held), unless the series
 * already has a draft waiting or has ended. Idempotent: called again it makes nothing. Returns the new draft's id.
 */
export function ensureNextDraft(tx: Tx, actor: Actor, seriesId: number): number | null {
  const series = tx.select().from(meetingSeries).where(eq(meetingSeries.id, seriesId)).get();
  if (!series?.active) return null;
  const waiting = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), eq(meetings.status, "draft")))
    .get();
  if (waiting) return null;
  const filled = tx
    .select({ slot: meetings.seriesSlot })
    .from(meetings)
    .where(eq(meetings.seriesId, seriesId))
    .all()
    .map((r) => r.slot as IsoDate);
  const skipped = tx
    .select({ slot: seriesSkips.slot })
    .from(seriesSkips)
    .where(eq(seriesSkips.seriesId, seriesId))
    .all()
    .map((r) => r.slot);
  const last = [...filled].sort().at(-1);
  const today = clock.today();
  const from = last && last >= today ? addDays(last, 1) : today;
  const slot = nextSlot(ruleOf(series), from, new Set([...filled, ...skipped]));
  if (!slot) return null;
  const id = insertMeeting(
    tx,
    actor,
    { bodyId: series.bodyId, workingGroupId: null },
    {
      prepare: (doc) => ({
        ...doc,
        date: formatJalali(slot, "en"),
        startTime: series.startTime,
        endTime: series.endTime ?? "",
        place: series.place || doc.place,
      }),
    },
  );
  tx.update(meetings).set({ seriesId, seriesSlot: slot }).where(eq(meetings.id, id)).run();
  // The draft is dated and timed: those expected are invited now, in the same transaction.
  syncInvitation(tx, id);
  return id;
}

/** Every running series gets its next draft (the daily job, and after a restart); returns how many were made. */
export function ensureSeriesDrafts(actor: Actor): number {
  const running = db.select({ id: meetingSeries.id }).from(meetingSeries).where(eq(meetingSeries.active, true)).all();
  let made = 0;
  for (const { id } of running) if (writeTransaction((tx) => ensureNextDraft(tx, actor, id))) made++;
  return made;
}
