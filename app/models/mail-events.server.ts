/**
 * What is worth a message, each written in the transaction of the change (`tx`): resolutions assigned at finalising,
 * an extension request to the body's chair and secretary, the decision to the owner who asked, and the notices that
 * no longer hold once a resolution is extended or done. Scheduled mail (reminders, digests) is in scheduler.server.ts.
 */
import { and, eq, sql } from "drizzle-orm";
import { NOTIFICATION_KINDS } from "../../db/enums";
import { bodies, followUps, meetings, users, workingGroups } from "../../db/schema";
import * as clock from "../utils/clock.server";
import type { Tx } from "../utils/db.server";
import { localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { serverI18n } from "../utils/locale.server";
import { meetingTitle } from "../utils/meeting-title";
import {
  enqueueMail,
  leadersOf,
  notifyInApp,
  ownerPeopleOf,
  recipientsOf,
  resolutionsForMail,
  resolveNotices,
} from "./mail.server";

function meetingOf(tx: Tx, meetingId: number) {
  return tx
    .select({
      id: meetings.id,
      number: meetings.number,
      date: meetings.date,
      bodyName: bodies.name,
      groupName: workingGroups.name,
      edition: meetings.edition,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .where(eq(meetings.id, meetingId))
    .get();
}

/**
 * Finalised minutes: one mail per person listing the resolutions of this meeting that are theirs (the minutes PDF
 * attached when the print path can make it), and an in-app notice per resolution. A correction tells only the
 * people it newly assigns (the key is the meeting and the person).
 */
export function announceAssignments(tx: Tx, meetingId: number) {
  const meeting = meetingOf(tx, meetingId);
  if (!meeting) return;
  const rows = tx.all<{ id: number }>(
    sql`select id from resolutions where meeting_id = ${meetingId} and status in ('open', 'in_progress')`,
  );
  const owners = ownerPeopleOf(
    tx,
    rows.map((r) => r.id),
  );
  const byPerson = new Map<number, number[]>();
  for (const [resolutionId, personIds] of owners)
    for (const p of personIds) byPerson.set(p, [...(byPerson.get(p) ?? []), resolutionId]);
  const details = new Map(
    resolutionsForMail(
      tx,
      rows.map((r) => r.id),
    ).map((r) => [r.id, r]),
  );
  // A body's chair gets the one mail listing the meeting's work, but no notice per resolution (the weekly digest).
  const noticed = ownerPeopleOf(
    tx,
    rows.map((r) => r.id),
    { bodyChairs: false },
  );
  for (const to of recipientsOf(tx, byPerson.keys())) {
    const mine = (byPerson.get(to.personId) ?? []).map((id) => details.get(id)!).filter(Boolean);
    for (const r of mine) if (noticed.get(r.id)?.includes(to.personId)) notifyInApp(tx, to.userId, "assigned", r.id);
    const t = serverI18n(to.lang).t;
    const title = meetingTitle(t, meeting);
    enqueueMail(
      tx,
      to,
      "assigned",
      {
        subject: t("mail.assigned.subject", { meeting: title }),
        paragraphs: [
          t("mail.assigned.intro", { meeting: title, date: formatJalali(meeting.date, to.lang) }),
          t("mail.assigned.attached"),
        ],
        items: mine.map((r) => ({
          text: `${localDigits(r.code, to.lang)}: ${r.subject} — ${
            r.dueDate ? t("mail.due", { date: formatJalali(r.dueDate, to.lang) }) : t("mail.noDue")
          }`,
          href: `/resolutions/${r.id}`,
        })),
        link: `/meetings/${meetingId}`,
      },
      { dedupeKey: `assigned:${meetingId}:${to.personId}`, attachments: [{ minutesPdf: meetingId }] },
    );
  }
}

function personOfUser(tx: Tx, userId: number | null): number | null {
  if (!userId) return null;
  return tx.select({ personId: users.personId }).from(users).where(eq(users.id, userId)).get()?.personId ?? null;
}

/** An owner asked for more time: the body's chair and secretary hear of it, in the app and by mail. */
export function announceExtensionRequest(
  tx: Tx,
  resolutionId: number,
  requesterUserId: number | null,
  date: string,
  note: string,
) {
  const [r] = resolutionsForMail(tx, [resolutionId]);
  if (!r) return;
  const requester = personOfUser(tx, requesterUserId);
  const requesterName = requester ? (recipientsOf(tx, [requester])[0]?.name ?? "") : "";
  const followUpId =
    tx
      .select({ id: followUps.id })
      .from(followUps)
      .where(and(eq(followUps.resolutionId, resolutionId), eq(followUps.decision, "pending")))
      .get()?.id ?? 0;
  for (const to of recipientsOf(
    tx,
    leadersOf(tx, r.bodyId).filter((p) => p !== requester),
  )) {
    notifyInApp(tx, to.userId, "extension_request", resolutionId);
    const t = serverI18n(to.lang).t;
    const code = localDigits(r.code, to.lang);
    enqueueMail(
      tx,
      to,
      "extension",
      {
        subject: t("mail.extensionRequest.subject", { code }),
        paragraphs: [
          t("mail.extensionRequest.intro", {
            name: requesterName,
            code,
            subject: r.subject,
            date: formatJalali(date, to.lang),
            note,
          }),
        ],
        link: `/resolutions/${resolutionId}`,
      },
      { dedupeKey: `extension_request:${followUpId}:${to.personId}` },
    );
  }
}

/** The chair decided on a request: the owner who asked hears the answer; the request's notices are resolved. */
export function announceDecision(
  tx: Tx,
  resolutionId: number,
  request: { id: number; userId: number | null; newDueDate: string | null },
  approved: boolean,
  note: string,
) {
  resolveNotices(tx, resolutionId, ["extension_request"]);
  const [r] = resolutionsForMail(tx, [resolutionId]);
  const requester = personOfUser(tx, request.userId);
  if (!r) return;
  const people = new Set([
    ...(requester ? [requester] : []),
    ...(ownerPeopleOf(tx, [resolutionId]).get(resolutionId) ?? []),
  ]);
  for (const to of recipientsOf(tx, people)) {
    // The owner who asked gets the answer; other owners only when it changes their deadline.
    if (to.personId !== requester && !approved) continue;
    notifyInApp(tx, to.userId, approved ? "extension_approved" : "extension_rejected", resolutionId);
    const t = serverI18n(to.lang).t;
    const code = localDigits(r.code, to.lang);
    const date = formatJalali(request.newDueDate, to.lang);
    enqueueMail(
      tx,
      to,
      "extension",
      {
        subject: t(approved ? "mail.decision.approvedSubject" : "mail.decision.rejectedSubject", { code }),
        paragraphs: [
          t(approved ? "mail.decision.approved" : "mail.decision.rejected", {
            code,
            subject: r.subject,
            date,
            due: formatJalali(r.dueDate, to.lang),
          }),
          note ? t("mail.decision.note", { note }) : "",
        ].filter(Boolean),
        link: `/resolutions/${resolutionId}`,
      },
      { dedupeKey: `extension_decision:${request.id}:${to.personId}` },
    );
  }
}

/** Notices that no longer hold after a change: overdue and due soon once the deadline moved on, all once closed. */
export function resolveStaleNotices(tx: Tx, resolutionId: number) {
  const row = tx.all<{ status: string; dueDate: string | null }>(
    sql`select status, due_date as dueDate from resolutions where id = ${resolutionId}`,
  )[0];
  if (!row) return;
  if (row.status === "done" || row.status === "cancelled") {
    resolveNotices(tx, resolutionId, [...NOTIFICATION_KINDS]);
  } else if (!row.dueDate || row.dueDate >= clock.today()) {
    resolveNotices(tx, resolutionId, ["overdue", "due_soon"]);
  }
}

/**
 * The minutes are signed: every attendee asked to sign gets them, with the signed PDF attached (printed once, when the
 * first of these mails is sent, and kept: the copy verifies by its hash). Once per round and person.
 */
export function announceSignedMinutes(tx: Tx, meetingId: number, roundId: number, personIds: number[]) {
  const meeting = meetingOf(tx, meetingId);
  if (!meeting) return;
  for (const to of recipientsOf(tx, personIds)) {
    const t = serverI18n(to.lang).t;
    const title = meetingTitle(t, meeting);
    enqueueMail(
      tx,
      to,
      "minutes",
      {
        subject: t("mail.minutes.subject", { meeting: title }),
        paragraphs: [t("mail.minutes.intro", { meeting: title, date: formatJalali(meeting.date, to.lang) })],
        link: `/meetings/${meetingId}`,
      },
      { dedupeKey: `minutes:${roundId}:${to.personId}`, attachments: [{ minutesPdf: meetingId }] },
    );
  }
}

/**
 * Minutes sent for sign-off: each person asked (but the one who sent them) gets a mail with the minutes and a link
 * to the sign-off on the meeting's page (after signing in, if they are not). Once per round and person.
 */
export function announceSignoffRequest(
  tx: Tx,
  meetingId: number,
  roundId: number,
  personIds: number[],
  { requesterUserId, afterCorrection }: { requesterUserId: number | null; afterCorrection: boolean },
) {
  const meeting = meetingOf(tx, meetingId);
  if (!meeting) return;
  const requester = personOfUser(tx, requesterUserId);
  for (const to of recipientsOf(
    tx,
    personIds.filter((p) => p !== requester),
  )) {
    const t = serverI18n(to.lang).t;
    const title = meetingTitle(t, meeting);
    enqueueMail(
      tx,
      to,
      "signoff",
      {
        subject: t("mail.signoff.subject", { meeting: title }),
        paragraphs: [
          t("mail.signoff.intro", { meeting: title, date: formatJalali(meeting.date, to.lang) }),
          afterCorrection ? t("mail.signoff.corrected", { edition: meeting.edition }) : "",
        ].filter(Boolean),
        after: [t("mail.signoff.attached")],
        link: `/meetings/${meetingId}/signoff`,
        linkLabel: t("mail.signoff.open"),
      },
      { dedupeKey: `signoff_request:${roundId}:${to.personId}`, attachments: [{ minutesPdf: meetingId }] },
    );
  }
}
