/**
 * Appointment letters (احکام): the secretariat issues a membership's letter from the template, one membership or every
 * current one of a body or working group without a letter in one batch. Each letter takes the next number of the
 * Jalali year («۱۴۰۵/ح/۱۲»), is printed to a PDF in the official layout, and is kept as a document of the membership
 * with the number and date written on the membership, all in one transaction.
 *
 * Printing takes seconds and cannot sit inside a write transaction, so the numbers are planned first (the next ones
 * of the year), the letters printed with them, and the transaction then checks that nobody took those numbers or
 * issued those letters meanwhile; if someone did, the plan is made again and printed again. The numbers stay without
 * gaps, and the unique index on (year, seq) holds whatever happens.
 */
import { and, desc, eq, inArray, max } from "drizzle-orm";
import { appointmentLetters, bodies, memberships, people, workingGroups } from "../../db/schema";
import type { AppointmentLetterData } from "../components/appointment-letter";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { toJalali } from "../utils/jalali";
import { formatPersonName } from "../utils/person-name";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { canManageStructure, canReadMembershipPapers, requireAllowed, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { cleanFileName, insertDocuments } from "./documents.server";
import { isCurrent, isCurrentMembership, type MembershipTarget } from "./memberships.server";

/** The office's letter number: the Jalali year, «ح» (حکم) and the letter's place in the year. */
export function letterNumber(year: number, seq: number): string {
  return `${year}/ح/${seq}`;
}

/** Prints one letter to PDF bytes (Chromium in the app; tests pass their own). */
export type LetterPrinter = (letter: AppointmentLetterData) => Promise<Uint8Array>;

const personColumns = {
  id: people.id,
  honorific: people.honorific,
  title: people.title,
  firstName: people.firstName,
  lastName: people.lastName,
  position: people.position,
};

type Seat = {
  id: number;
  personId: number;
  bodyId: number | null;
  workingGroupId: number | null;
  role: "chair" | "secretary" | "member";
  startDate: string | null;
  endDate: string | null;
  letterNumber: string;
};

function seatsOf(tx: Tx | typeof db, target: MembershipTarget, ids?: number[]): Seat[] {
  const where =
    "bodyId" in target ? eq(memberships.bodyId, target.bodyId) : eq(memberships.workingGroupId, target.workingGroupId);
  return tx
    .select({
      id: memberships.id,
      personId: memberships.personId,
      bodyId: memberships.bodyId,
      workingGroupId: memberships.workingGroupId,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      letterNumber: memberships.letterNumber,
    })
    .from(memberships)
    .where(and(where, ids ? inArray(memberships.id, ids) : isCurrentMembership()))
    .orderBy(memberships.id)
    .all();
}

/** The current chair of a body, if it has one. */
function chairOf(bodyId: number | null): number | null {
  if (!bodyId) return null;
  return (
    db
      .select({ id: memberships.personId })
      .from(memberships)
      .where(and(eq(memberships.bodyId, bodyId), eq(memberships.role, "chair"), isCurrentMembership()))
      .orderBy(memberships.id)
      .get()?.id ?? null
  );
}

/**
 * Who signs by default: the head of the body above the one appointed to (a committee's members by the council's
 * head, the council's and the secretariat's by the HQ's head, a working group's by its committee's head), else the
 * HQ's secretary, else its head.
 */
export function defaultSignerId(target: MembershipTarget): number | null {
  const above =
    "bodyId" in target
      ? (() => {
          const body = db.select().from(bodies).where(eq(bodies.id, target.bodyId)).get();
          return body?.kind === "headquarters" ? body.id : (body?.parentId ?? null);
        })()
      : (db
          .select({ id: workingGroups.committeeId })
          .from(workingGroups)
          .where(eq(workingGroups.id, target.workingGroupId))
          .get()?.id ?? null);
  const hq = db.select({ id: bodies.id }).from(bodies).where(eq(bodies.kind, "headquarters")).orderBy(bodies.id).get();
  const hqSecretary = hq
    ? (db
        .select({ id: memberships.personId })
        .from(memberships)
        .where(and(eq(memberships.bodyId, hq.id), eq(memberships.role, "secretary"), isCurrentMembership()))
        .get()?.id ?? null)
    : null;
  return chairOf(above) ?? hqSecretary ?? chairOf(hq?.id ?? null);
}

/** The template's data of one membership's letter with the given number, date and signer. */
export function letterData(
  seat: Seat,
  signer: { id: number; position: string } & Parameters<typeof formatPersonName>[0],
  number: string,
  date: string,
): AppointmentLetterData {
  const person = db.select().from(people).where(eq(people.id, seat.personId)).get();
  if (!person) throw new NotFoundError();
  let appointedTo: AppointmentLetterData["appointedTo"];
  if (seat.bodyId) {
    const body = db.select().from(bodies).where(eq(bodies.id, seat.bodyId)).get()!;
    appointedTo = { kind: body.kind, name: body.name, committee: null, duties: body.duties };
  } else {
    const group = db.select().from(workingGroups).where(eq(workingGroups.id, seat.workingGroupId!)).get()!;
    const committee = db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, group.committeeId)).get();
    appointedTo = { kind: "working_group", name: group.name, committee: committee?.name ?? null, duties: group.duties };
  }
  return {
    number,
    date,
    recipient: {
      honorific: person.honorific,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      position: person.position,
      organisation: person.organisation,
    },
    role: seat.role,
    appointedTo,
    startDate: seat.startDate,
    endDate: seat.endDate,
    signer: { name: formatPersonName(signer, "fa"), position: signer.position },
  };
}

export type IssueInput = {
  /** One membership, or (absent) every current membership of the target without a letter. */
  membershipId?: number;
  signerId: number;
  /** Required to issue again a membership that has a letter. */
  reason?: string;
};

const ATTEMPTS = 3;

/**
 * Issues appointment letters (see the file's note); returns the new letters' numbers by membership. A membership that
 * has a letter is issued again only with a reason; a batch leaves those with letters alone.
 */
export async function issueLetters(
  actor: Actor,
  scope: Scope,
  target: MembershipTarget,
  input: IssueInput,
  print: LetterPrinter,
): Promise<{ membershipId: number; number: string }[]> {
  requireAllowed(canManageStructure(scope), scope);
  const reason = input.reason?.trim() ?? "";
  const signer = db.select(personColumns).from(people).where(eq(people.id, input.signerId)).get();
  if (!signer) throw new RuleViolation("unknownSigner", "signerId");
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const plan = planLetters(target, input.membershipId, reason);
    if (plan.seats.length === 0) return [];
    const numbers = plan.seats.map((_, i) => letterNumber(plan.year, plan.firstSeq + i));
    const files: { name: string; bytes: Uint8Array }[] = [];
    // One after another: the print queue is shared with everyone's PDFs, and a batch should not take all of it.
    for (const [i, seat] of plan.seats.entries()) {
      const data = letterData(seat, signer, numbers[i], plan.date);
      const who = formatPersonName(data.recipient, "fa", { withHonorific: false });
      files.push({
        name: cleanFileName(`حکم ${who} ${numbers[i].replaceAll("/", "-")}.pdf`),
        bytes: await print(data),
      });
    }
    try {
      const done = writeTransaction((tx) => {
        if (nextSeq(tx, plan.year) !== plan.firstSeq) return null;
        const now = seatsOf(
          tx,
          target,
          plan.seats.map((s) => s.id),
        );
        const unchanged = plan.seats.every((s) => now.find((n) => n.id === s.id)?.letterNumber === s.letterNumber);
        if (!unchanged) return null;
        return plan.seats.map((seat, i) => {
          const number = numbers[i];
          const [documentId] = insertDocuments(tx, actor, { entity: "membership", entityId: seat.id }, [
            { ...files[i], type: "pdf" },
          ]);
          tx.insert(appointmentLetters)
            .values({
              membershipId: seat.id,
              year: plan.year,
              seq: plan.firstSeq + i,
              number,
              letterDate: plan.date,
              signerId: signer.id,
              documentId,
              reason: seat.letterNumber ? reason : "",
              issuedBy: actor.userId,
            })
            .run();
          tx.update(memberships)
            .set({ letterNumber: number, letterDate: plan.date })
            .where(eq(memberships.id, seat.id))
            .run();
          recordAudit(
            {
              ...actor,
              action: seat.letterNumber ? "letter_reissued" : "letter_issued",
              entity: "membership",
              entityId: seat.id,
              before: seat.letterNumber ? { letterNumber: seat.letterNumber } : undefined,
              after: { letterNumber: number, letterDate: plan.date, signerId: signer.id, documentId, reason },
            },
            tx,
          );
          recordAudit(
            {
              ...actor,
              action: "letter_issued",
              entity: seat.bodyId ? "body" : "working_group",
              entityId: seat.bodyId ?? seat.workingGroupId,
              after: { membershipId: seat.id, letterNumber: number },
            },
            tx,
          );
          return { membershipId: seat.id, number };
        });
      });
      if (done) return done;
    } catch (error) {
      throw asRuleViolation(error) ?? error;
    }
  }
  throw new RuleViolation("lettersBusy", "form");
}

function nextSeq(tx: Tx | typeof db, year: number): number {
  const row = tx
    .select({ n: max(appointmentLetters.seq) })
    .from(appointmentLetters)
    .where(eq(appointmentLetters.year, year))
    .get();
  return (row?.n ?? 0) + 1;
}

function planLetters(target: MembershipTarget, membershipId: number | undefined, reason: string) {
  const date = clock.today();
  const year = toJalali(date).jy;
  let seats: Seat[];
  if (membershipId !== undefined) {
    const [seat] = seatsOf(db, target, [membershipId]);
    if (!seat) throw new NotFoundError();
    if (!isCurrent(seat.endDate, date)) throw new RuleViolation("letterEnded", "form");
    if (seat.letterNumber && !reason) throw new RuleViolation("letterIssued", "reason");
    seats = [seat];
  } else {
    seats = seatsOf(db, target).filter((s) => !s.letterNumber);
  }
  return { date, year, seats, firstSeq: nextSeq(db, year) };
}

export type IssuedLetter = {
  id: number;
  membershipId: number;
  number: string;
  letterDate: string;
  documentId: number;
  reason: string;
};

/** The letters issued for these memberships that the person may read, newest first. */
export function lettersOf(scope: Scope, membershipIds: number[]): IssuedLetter[] {
  if (membershipIds.length === 0) return [];
  const rows = db
    .select({
      id: appointmentLetters.id,
      membershipId: appointmentLetters.membershipId,
      number: appointmentLetters.number,
      letterDate: appointmentLetters.letterDate,
      documentId: appointmentLetters.documentId,
      reason: appointmentLetters.reason,
      personId: memberships.personId,
      bodyId: memberships.bodyId,
      workingGroupId: memberships.workingGroupId,
    })
    .from(appointmentLetters)
    .innerJoin(memberships, eq(memberships.id, appointmentLetters.membershipId))
    .where(inArray(appointmentLetters.membershipId, membershipIds))
    .orderBy(desc(appointmentLetters.id))
    .all();
  return rows
    .filter((r) => canReadMembershipPapers(scope, r))
    .map(({ personId: _p, bodyId: _b, workingGroupId: _g, ...r }) => r);
}

/** The latest letter of each membership the person may read, by membership id. */
export function latestLetters(scope: Scope, membershipIds: number[]): Record<number, IssuedLetter> {
  const out: Record<number, IssuedLetter> = {};
  for (const letter of lettersOf(scope, membershipIds)) out[letter.membershipId] ??= letter;
  return out;
}
