/**
 * Sign-off of final minutes (تأیید صورتجلسه) by those present.
 *
 * A round is for one edition. Its `snapshotSha256` is the SHA-256 of the edition's snapshot as kept in
 * meeting_editions (the canonical text of what is signed, fixed at finalising). The signed PDF is printed once, after
 * the last signature that completes the body's rule, and kept with the SHA-256 of its bytes: Chromium writes a new
 * creation date and document id into every print, so a PDF printed again would never match; the kept one is served
 * byte for byte from then on, and the verification page compares an uploaded file's SHA-256 with the kept hashes.
 * The database holds the rules (0023): one signature per person per round, answers only from those asked, only on
 * an open round of the meeting's current final edition, a newer edition supersedes the rounds before it.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { SignoffRule } from "../../db/enums";
import {
  bodies,
  meetingEditions,
  meetings,
  people,
  signoffResponses,
  signoffRounds,
  signoffSigners,
} from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { canAnswerSignoff, canReadMeeting, canRequestSignoff, requireAllowed, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { announceSignedMinutes, announceSignoffRequest } from "./mail-events.server";
import type { MinutesSnapshot } from "./meetings.server";

export type SignoffEvent =
  | { kind: "signoff_requested"; meetingId: number; personIds: number[]; afterCorrection: boolean }
  | { kind: "signoff_change_requested"; meetingId: number; personId: number; comment: string }
  | { kind: "signoff_signed"; meetingId: number; personIds: number[] };

/**
 * Where a sign-off event reaches people: kept in the audit log, in the same transaction as the change, so the
 * outbox (in-app and e-mail) can be fed from here. The person's home lists their pending sign-offs from the rounds.
 */
export function notify(tx: Tx, actor: Actor, event: SignoffEvent) {
  recordAudit({ ...actor, action: event.kind, entity: "meeting", entityId: event.meetingId, after: event }, tx);
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

function meetingRow(database: Tx | typeof db, id: number) {
  return database
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      workingGroupId: meetings.workingGroupId,
      status: meetings.status,
      edition: meetings.edition,
      rule: bodies.signoffRule,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, id))
    .get();
}

/** Those present (not represented, not absent) in the edition, with their positions: who is asked to sign. */
function signersOf(tx: Tx, snapshot: MinutesSnapshot) {
  const present = snapshot.doc.attendance.filter((a) => a.status === "present");
  const ids = [...new Set(present.map((a) => a.personId))];
  const positions = new Map(
    ids.length
      ? tx
          .select({ id: people.id, position: people.position })
          .from(people)
          .where(inArray(people.id, ids))
          .all()
          .map((p) => [p.id, p.position])
      : [],
  );
  return ids.map((personId) => ({
    personId,
    name: snapshot.names.people[String(personId)] ?? present.find((a) => a.personId === personId)?.name ?? "",
    position: positions.get(personId) ?? "",
  }));
}

/** Opens a round for the meeting's current edition (in the caller's transaction); null when one exists already. */
function openRound(tx: Tx, actor: Actor, meetingId: number, afterCorrection: boolean): number | null {
  const m = meetingRow(tx, meetingId);
  if (!m) throw new NotFoundError();
  if (m.status !== "final") throw new RuleViolation("signoff_not_final");
  const exists = tx
    .select({ id: signoffRounds.id })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.meetingId, meetingId), eq(signoffRounds.edition, m.edition)))
    .get();
  if (exists) return null;
  const edition = tx
    .select({ json: meetingEditions.snapshotJson })
    .from(meetingEditions)
    .where(and(eq(meetingEditions.meetingId, meetingId), eq(meetingEditions.edition, m.edition)))
    .get();
  if (!edition) throw new NotFoundError();
  const signers = signersOf(tx, JSON.parse(edition.json) as MinutesSnapshot);
  if (signers.length === 0) throw new RuleViolation("signoff_nobody_present");
  const roundId = tx
    .insert(signoffRounds)
    .values({
      meetingId,
      edition: m.edition,
      snapshotSha256: sha256(edition.json),
      code: randomBytes(12).toString("base64url"),
      rule: m.rule,
      requestedBy: actor.userId,
    })
    .returning({ id: signoffRounds.id })
    .get().id;
  tx.insert(signoffSigners)
    .values(signers.map((s) => ({ roundId, ...s })))
    .run();
  notify(tx, actor, {
    kind: "signoff_requested",
    meetingId,
    personIds: signers.map((s) => s.personId),
    afterCorrection,
  });
  announceSignoffRequest(
    tx,
    meetingId,
    roundId,
    signers.map((s) => s.personId),
    { requesterUserId: actor.userId, afterCorrection },
  );
  return roundId;
}

/** Sends the meeting's final minutes (its current edition) for sign-off to those present. */
export function requestSignoff(actor: Actor, scope: Scope, meetingId: number): number {
  const m = meetingRow(db, meetingId);
  if (!m) throw new NotFoundError();
  requireAllowed(canRequestSignoff(scope, m), scope);
  try {
    return writeTransaction((tx) => {
      const id = openRound(tx, actor, meetingId, false);
      if (id === null) throw new RuleViolation("signoff_already");
      return id;
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/**
 * Called as minutes are finalised, in the same transaction: a correction of minutes that were sent for sign-off
 * (signed or not) starts a new sign-off of the new edition, which says so.
 */
export function restartSignoffIfCorrected(tx: Tx, actor: Actor, meetingId: number) {
  const earlier = tx
    .select({ id: signoffRounds.id })
    .from(signoffRounds)
    .where(eq(signoffRounds.meetingId, meetingId))
    .get();
  if (earlier) openRound(tx, actor, meetingId, true);
}

/** Enough signatures under the rule: all of those asked, or more than half of them. */
export function isComplete(rule: SignoffRule, signed: number, asked: number) {
  return rule === "all" ? signed >= asked : signed * 2 > asked;
}

export type SignoffAnswer = { intent: "confirm" } | { intent: "change"; comment: string };

/**
 * The signed-in person answers the current round of the meeting: confirms (signs) or asks for a change with a
 * comment. The signature that completes the body's rule signs the minutes.
 */
export function answerSignoff(actor: Actor, scope: Scope, meetingId: number, answer: SignoffAnswer) {
  if (answer.intent === "change" && !answer.comment.trim()) throw new RuleViolation("signoff_comment", "comment");
  const personId = scope.personId;
  try {
    return writeTransaction((tx) => {
      const round = currentRound(tx, meetingId);
      if (round?.status !== "open") throw new RuleViolation("signoff_closed");
      const asked = tx.select().from(signoffSigners).where(eq(signoffSigners.roundId, round.id)).all();
      requireAllowed(
        canAnswerSignoff(
          scope,
          asked.map((s) => s.personId),
        ),
        scope,
      );
      tx.insert(signoffResponses)
        .values({
          roundId: round.id,
          personId: personId!,
          userId: actor.userId,
          kind: answer.intent,
          comment: answer.intent === "change" ? answer.comment.trim() : "",
        })
        .run();
      if (answer.intent === "change") {
        notify(tx, actor, {
          kind: "signoff_change_requested",
          meetingId,
          personId: personId!,
          comment: answer.comment.trim(),
        });
        return { signed: false };
      }
      const signed = confirmedIds(tx, round.id).length;
      if (!isComplete(round.rule, signed, asked.length)) return { signed: false };
      tx.update(signoffRounds)
        .set({ status: "signed", signedAt: clock.nowIso() })
        .where(eq(signoffRounds.id, round.id))
        .run();
      notify(tx, actor, { kind: "signoff_signed", meetingId, personIds: asked.map((s) => s.personId) });
      announceSignedMinutes(
        tx,
        meetingId,
        round.id,
        asked.map((s) => s.personId),
      );
      return { signed: true };
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

function confirmedIds(database: Tx | typeof db, roundId: number) {
  return database
    .select({ personId: signoffResponses.personId })
    .from(signoffResponses)
    .where(and(eq(signoffResponses.roundId, roundId), eq(signoffResponses.kind, "confirm")))
    .all()
    .map((r) => r.personId);
}

const roundColumns = {
  id: signoffRounds.id,
  meetingId: signoffRounds.meetingId,
  edition: signoffRounds.edition,
  status: signoffRounds.status,
  rule: signoffRounds.rule,
  code: signoffRounds.code,
  snapshotSha256: signoffRounds.snapshotSha256,
  requestedAt: signoffRounds.requestedAt,
  signedAt: signoffRounds.signedAt,
  pdfSha256: signoffRounds.pdfSha256,
};

/** The latest round of the meeting (of its newest edition). */
function currentRound(database: Tx | typeof db, meetingId: number) {
  return database
    .select(roundColumns)
    .from(signoffRounds)
    .where(eq(signoffRounds.meetingId, meetingId))
    .orderBy(desc(signoffRounds.edition))
    .get();
}

/** The round of one edition, if it was sent for sign-off. */
export function roundOfEdition(meetingId: number, edition: number) {
  return db
    .select(roundColumns)
    .from(signoffRounds)
    .where(and(eq(signoffRounds.meetingId, meetingId), eq(signoffRounds.edition, edition)))
    .get();
}

/** Each signer of a round with their signature time and their change requests, in the order of the minutes. */
export function signersOfRound(roundId: number) {
  const asked = db.select().from(signoffSigners).where(eq(signoffSigners.roundId, roundId)).all();
  const answers = db
    .select()
    .from(signoffResponses)
    .where(eq(signoffResponses.roundId, roundId))
    .orderBy(asc(signoffResponses.id))
    .all();
  return asked.map((s) => {
    const mine = answers.filter((a) => a.personId === s.personId);
    return {
      personId: s.personId,
      name: s.name,
      position: s.position,
      signedAt: mine.find((a) => a.kind === "confirm")?.createdAt ?? null,
      changes: mine.filter((a) => a.kind === "change").map((a) => ({ comment: a.comment, at: a.createdAt })),
    };
  });
}

export type SignoffView = {
  round: (NonNullable<ReturnType<typeof currentRound>> & { signed: number; asked: number }) | null;
  signers: ReturnType<typeof signersOfRound>;
  canRequest: boolean;
  canAnswer: boolean;
  afterCorrection: { edition: number; wasSigned: boolean } | null;
};

/** What the meeting page shows of the sign-off: the current round, who signed, and what the reader may do. */
export function getSignoff(
  scope: Scope,
  meeting: { id: number; bodyId: number; workingGroupId: number | null },
): SignoffView {
  requireAllowed(canReadMeeting(scope, meeting), scope);
  const round = currentRound(db, meeting.id);
  const canRequest = canRequestSignoff(scope, meeting);
  if (!round) return { round: null, signers: [], canRequest, canAnswer: false, afterCorrection: null };
  const signers = signersOfRound(round.id);
  const me = signers.find((s) => s.personId === scope.personId);
  const earlier = db
    .select({ edition: signoffRounds.edition, status: signoffRounds.status, signedAt: signoffRounds.signedAt })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.meetingId, meeting.id), sql`${signoffRounds.edition} < ${round.edition}`))
    .orderBy(desc(signoffRounds.edition))
    .get();
  return {
    round: { ...round, signed: signers.filter((s) => s.signedAt).length, asked: signers.length },
    signers,
    canRequest,
    canAnswer: round.status === "open" && Boolean(me) && !me?.signedAt,
    // A new sign-off after a correction says which edition it replaces.
    afterCorrection: earlier ? { edition: earlier.edition, wasSigned: earlier.signedAt !== null } : null,
  };
}

/** The open rounds the person is asked to sign and has not signed yet (their home page). */
export function pendingSignoffs(scope: Scope) {
  if (scope.personId === null) return [];
  return db
    .select({
      meetingId: meetings.id,
      number: meetings.number,
      date: meetings.date,
      bodyName: bodies.name,
      edition: signoffRounds.edition,
      requestedAt: signoffRounds.requestedAt,
    })
    .from(signoffSigners)
    .innerJoin(signoffRounds, eq(signoffRounds.id, signoffSigners.roundId))
    .innerJoin(meetings, eq(meetings.id, signoffRounds.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(
      signoffResponses,
      and(
        eq(signoffResponses.roundId, signoffRounds.id),
        eq(signoffResponses.personId, signoffSigners.personId),
        eq(signoffResponses.kind, "confirm"),
      ),
    )
    .where(
      and(eq(signoffSigners.personId, scope.personId), eq(signoffRounds.status, "open"), isNull(signoffResponses.id)),
    )
    .orderBy(asc(signoffRounds.requestedAt))
    .all();
}

/** The signed PDF of a round, when it was printed already. */
export function keptSignedPdf(roundId: number): Buffer | null {
  return (
    db.select({ pdf: signoffRounds.pdf }).from(signoffRounds).where(eq(signoffRounds.id, roundId)).get()?.pdf ?? null
  );
}

/**
 * Keeps the first print of a signed round as the signed PDF, with its hash; a print made meanwhile by another
 * request loses (the database keeps the first), and the kept bytes are returned either way.
 */
export function keepSignedPdf(roundId: number, pdf: Buffer): Buffer {
  writeTransaction((tx) =>
    tx
      .update(signoffRounds)
      .set({ pdf, pdfSha256: sha256(pdf) })
      .where(and(eq(signoffRounds.id, roundId), eq(signoffRounds.status, "signed"), isNull(signoffRounds.pdfSha256)))
      .run(),
  );
  return keptSignedPdf(roundId) ?? pdf;
}

export type Verification =
  | { status: "signed" | "superseded"; meetingId: number; edition: number; signedAt: string; canRead: boolean }
  | { status: "unknown" };

/**
 * Whether the uploaded file is a signed PDF kept here (compared on its SHA-256): «signed» for the signed one of a
 * current edition, «superseded» when a correction replaced that edition since; «unknown» for any other file.
 */
export function verifyPdf(scope: Scope, bytes: Uint8Array): Verification & { sha256: string } {
  const hash = sha256(bytes);
  const found = db
    .select({
      meetingId: signoffRounds.meetingId,
      edition: signoffRounds.edition,
      status: signoffRounds.status,
      signedAt: signoffRounds.signedAt,
      bodyId: meetings.bodyId,
    })
    .from(signoffRounds)
    .innerJoin(meetings, eq(meetings.id, signoffRounds.meetingId))
    .where(eq(signoffRounds.pdfSha256, hash))
    .get();
  if (!found?.signedAt) return { status: "unknown", sha256: hash };
  return {
    status: found.status === "superseded" ? "superseded" : "signed",
    meetingId: found.meetingId,
    edition: found.edition,
    signedAt: found.signedAt,
    canRead: canReadMeeting(scope, { id: found.meetingId, bodyId: found.bodyId }),
    sha256: hash,
  };
}

/** The round a verification link (the PDF's QR code) names: its meeting's title parts and signers, or null. */
export function roundByCode(scope: Scope, code: string) {
  const round = db
    .select({
      ...roundColumns,
      number: meetings.number,
      bodyId: meetings.bodyId,
      bodyName: bodies.name,
      date: meetings.date,
    })
    .from(signoffRounds)
    .innerJoin(meetings, eq(meetings.id, signoffRounds.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(signoffRounds.code, code))
    .get();
  if (!round?.signedAt) return null;
  return {
    ...round,
    canRead: canReadMeeting(scope, { id: round.meetingId, bodyId: round.bodyId }),
    signers: signersOfRound(round.id).map(({ name, position, signedAt }) => ({ name, position, signedAt })),
  };
}
