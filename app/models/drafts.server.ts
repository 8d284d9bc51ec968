/**
 * Saving minutes drafts that several secretaries type into at once. Each save carries the version it started
 * from; a save on an older version is merged three-way (app/utils/draft-merge.ts) against that version, and what
 * both changed is kept as a conflict of the person who saved second, on the server, until they pick or combine.
 */
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { draftConflicts, draftVersions, meetings, people, users } from "../../db/schema";
import { type MinutesDoc, parseDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { type DraftConflict, mergeDrafts, type OpenConflict } from "../utils/draft-merge";
import { NotFoundError } from "../utils/errors";
import { parseJalaliInput, parseTime } from "../utils/jalali";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import type { Actor } from "./audit.server";
import { syncInvitation } from "./invitations.server";

/** Versions older than a session's longest life are no longer the base of anyone's typing. */
const KEEP_VERSIONS_MS = 12 * 60 * 60_000;

export type SaveResult = {
  ok: true;
  version: number;
  savedAt: string;
  /** The draft as saved, when it is not what was sent (another person's changes were merged in). */
  doc?: MinutesDoc;
  /** The person's conflicts on this draft not yet resolved, this save's and earlier ones. */
  conflicts: OpenConflict[];
};

function nameOf(tx: Pick<Tx, "select">, userId: number | null): string | null {
  if (!userId) return null;
  const row = tx
    .select({ lastName: people.lastName, firstName: people.firstName, username: users.username })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  return row.lastName ? `${row.firstName ?? ""} ${row.lastName}`.trim() : row.username;
}

/** The conflicts `userId` has not resolved on the draft of meeting `meetingId`, oldest first. */
export function openConflicts(meetingId: number, userId: number | null, tx: Pick<Tx, "select"> = db): OpenConflict[] {
  if (userId === null) return [];
  return tx
    .select({ id: draftConflicts.id, fieldsJson: draftConflicts.fieldsJson, createdAt: draftConflicts.createdAt })
    .from(draftConflicts)
    .where(
      and(
        eq(draftConflicts.meetingId, meetingId),
        eq(draftConflicts.userId, userId),
        isNull(draftConflicts.resolvedAt),
      ),
    )
    .orderBy(draftConflicts.id)
    .all()
    .map((row) => {
      const stored = JSON.parse(row.fieldsJson) as DraftConflict & { by: string | null };
      return { ...stored, id: row.id, at: row.createdAt };
    });
}

/** True while anyone has a conflict on the draft: it is not final until each is resolved. */
export function hasOpenConflicts(meetingId: number, tx: Pick<Tx, "select"> = db): boolean {
  return !!tx
    .select({ id: draftConflicts.id })
    .from(draftConflicts)
    .where(and(eq(draftConflicts.meetingId, meetingId), isNull(draftConflicts.resolvedAt)))
    .limit(1)
    .get();
}

/**
 * Saves the draft. On the version it started from, as sent; on an older one, merged with what was saved since.
 * `resolved` lists the person's conflicts this save settles (the field now holds what they picked). A repeated
 * submit of the same save (same `saveId`) saves nothing twice and answers with the draft as it stands.
 */
export function saveDraft(
  actor: Actor,
  id: number,
  input: { doc: MinutesDoc; version: number; saveId: string; resolved?: number[] },
): SaveResult {
  try {
    return writeTransaction((tx) => {
      const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
      if (!m) throw new NotFoundError();
      if (m.status === "final") throw new RuleViolation("minutes_final");
      const savedAt = clock.nowIso();
      if (input.resolved?.length && actor.userId !== null) {
        tx.update(draftConflicts)
          .set({ resolvedAt: savedAt })
          .where(
            and(
              eq(draftConflicts.meetingId, id),
              eq(draftConflicts.userId, actor.userId),
              inArray(draftConflicts.id, input.resolved),
            ),
          )
          .run();
      }
      if (m.lastSaveId === input.saveId) {
        const current = parseDoc(m.draftJson);
        const differs = JSON.stringify(current) !== JSON.stringify(input.doc);
        return {
          ok: true as const,
          version: m.version,
          savedAt: m.updatedAt ?? "",
          doc: differs ? current : undefined,
          conflicts: openConflicts(id, actor.userId, tx),
        };
      }
      // The version being saved over stays the base of anyone else still typing on it.
      tx.insert(draftVersions)
        .values({ meetingId: id, version: m.version, docJson: m.draftJson, savedBy: m.updatedBy, savedAt })
        .onConflictDoNothing()
        .run();
      let doc = input.doc;
      if (m.version !== input.version) {
        const base = tx
          .select({ docJson: draftVersions.docJson })
          .from(draftVersions)
          .where(and(eq(draftVersions.meetingId, id), eq(draftVersions.version, input.version)))
          .get();
        const merged = mergeDrafts(base ? parseDoc(base.docJson) : null, input.doc, parseDoc(m.draftJson));
        doc = merged.doc;
        const by = nameOf(tx, m.updatedBy);
        for (const conflict of merged.conflicts) {
          tx.insert(draftConflicts)
            .values({
              meetingId: id,
              userId: actor.userId,
              baseVersion: input.version,
              againstVersion: m.version,
              docJson: JSON.stringify(input.doc),
              fieldsJson: JSON.stringify({ ...conflict, by }),
            })
            .run();
        }
      }
      const version = m.version + 1;
      const date = parseJalaliInput(doc.date);
      const docJson = JSON.stringify(doc);
      tx.update(meetings)
        .set({
          draftJson: docJson,
          version,
          lastSaveId: input.saveId,
          updatedBy: actor.userId,
          updatedAt: savedAt,
          date: date.ok ? date.iso : m.date,
          startTime: parseTime(doc.startTime),
          endTime: doc.endTime || null,
          place: doc.place,
          mode: doc.mode,
        })
        .where(eq(meetings.id, id))
        .run();
      tx.insert(draftVersions).values({ meetingId: id, version, docJson, savedBy: actor.userId, savedAt }).run();
      // A new date, time, place or attendee is told to those expected; typing the minutes tells nobody.
      syncInvitation(tx, id);
      tx.delete(draftVersions)
        .where(
          and(
            eq(draftVersions.meetingId, id),
            lt(draftVersions.version, version),
            lt(draftVersions.savedAt, clock.nowIso(-KEEP_VERSIONS_MS)),
          ),
        )
        .run();
      return {
        ok: true as const,
        version,
        savedAt,
        doc: doc === input.doc ? undefined : doc,
        conflicts: openConflicts(id, actor.userId, tx),
      };
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}
