/**
 * Invitations to a meeting (دعوت به جلسه), by mail with an .ics, written in the transaction that schedules, moves or
 * deletes the meeting. A meeting is scheduled once its minutes name a date and a start time still ahead; each person
 * expected (the attendance list — the body's or the group's members — and the chair and secretary) gets one
 * invitation. A change of date, time or place is one update to each with the same UID and a higher SEQUENCE that
 * says what changed; a deleted draft (a skipped slot of a series too) is a METHOD:CANCEL. Typing the minutes sends
 * nothing. Mail waits a short settle time (`SETTLE_MS`) before it is sent, and a change within it rewrites the mail
 * not yet sent instead of adding another, so a secretary typing the time and then the place sends one mail, not two.
 */
import { randomUUID } from "node:crypto";
import { and, eq, like, ne } from "drizzle-orm";
import { bodies, meetingInvitations, meetings, outbox, workingGroups } from "../../db/schema";
import { type MinutesDoc, parseDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import type { Tx } from "../utils/db.server";
import { localDigits } from "../utils/digits";
import { invitationIcs, tehranInstant } from "../utils/ics.server";
import { formatJalali, formatJalaliLong, type IsoDate, parseJalaliInput } from "../utils/jalali";
import { serverI18n } from "../utils/locale.server";
import { appUrl, type MailContent } from "../utils/mail-render.server";
import { meetingTitle } from "../utils/meeting-title";
import {
  type Attachment,
  enqueueMail,
  enqueueOrRewriteMail,
  type Recipient,
  recipientsOf,
  withdrawMail,
} from "./mail.server";

/** How long an invitation waits before it is sent; a change meanwhile rewrites it (one mail, the last words). */
export const SETTLE_MS = 2 * 60_000;

/** What an invitation announces and an update compares. */
export type Schedule = { date: IsoDate; startTime: string; endTime: string | null; place: string };

type InvitationRow = typeof meetingInvitations.$inferSelect;
type MeetingForMail = {
  id: number;
  number: number;
  bodyName: string;
  groupName: string | null;
  mode: string;
  doc: MinutesDoc;
};

function meetingFor(tx: Tx, meetingId: number) {
  const row = tx
    .select({
      id: meetings.id,
      number: meetings.number,
      startTime: meetings.startTime,
      endTime: meetings.endTime,
      place: meetings.place,
      mode: meetings.mode,
      status: meetings.status,
      draftJson: meetings.draftJson,
      bodyName: bodies.name,
      groupName: workingGroups.name,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .where(eq(meetings.id, meetingId))
    .get();
  return row ? { ...row, doc: parseDoc(row.draftJson) } : null;
}

/** The people a meeting expects: its attendance list (the body's or group's members), its chair and secretary. */
export function inviteesOf(doc: MinutesDoc): number[] {
  const ids = [
    ...doc.attendance.map((a) => a.personId),
    ...(doc.chairPersonId ? [doc.chairPersonId] : []),
    ...(doc.secretaryPersonId ? [doc.secretaryPersonId] : []),
  ];
  return [...new Set(ids)].sort((a, b) => a - b);
}

const idList = (text: string) => text.split(",").filter(Boolean).map(Number);
const scheduleOf = (row: InvitationRow): Schedule => ({
  date: row.date,
  startTime: row.startTime,
  endTime: row.endTime,
  place: row.place,
});

/** Which of date, time and place differ between what people were told and what holds now. */
export function changesBetween(before: Schedule, after: Schedule): ("date" | "time" | "place")[] {
  const out: ("date" | "time" | "place")[] = [];
  if (before.date !== after.date) out.push("date");
  if (before.startTime !== after.startTime || (before.endTime ?? "") !== (after.endTime ?? "")) out.push("time");
  if (before.place.trim() !== after.place.trim()) out.push("place");
  return out;
}

const requestKey = (meetingId: number, sequence: number, personId: number) =>
  `invitation:${meetingId}:${sequence}:${personId}`;
const cancelKey = (meetingId: number, sequence: number, personId: number) =>
  `invitation_cancel:${meetingId}:${sequence}:${personId}`;

/** Whether the person was written an invitation of this meeting other than the mail of `exceptKey`. */
function wasInvited(tx: Tx, meetingId: number, personId: number, exceptKey = ""): boolean {
  return !!tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.personId, personId),
        like(outbox.dedupeKey, `invitation:${meetingId}:%`),
        ne(outbox.dedupeKey, exceptKey),
      ),
    )
    .get();
}

/** The address mail comes from, as the .ics names its organizer. */
function organizerAddress(): string {
  const from = process.env.MAIL_FROM ?? "";
  return /<([^>]+)>/.exec(from)?.[1]?.trim() || from.trim() || "no-reply@census-hq.local";
}

function timeText(s: Schedule, lang: Recipient["lang"], t: ReturnType<typeof serverI18n>["t"]) {
  return localDigits(
    s.endTime ? t("mail.invitation.timeRange", { start: s.startTime, end: s.endTime }) : s.startTime,
    lang,
  );
}

/** The words of one person's invitation, update or cancellation, and its .ics. */
function compose(
  m: MeetingForMail,
  invitation: { uid: string; sequence: number },
  schedule: Schedule,
  to: Recipient,
  variant: { kind: "request" } | { kind: "update"; before: Schedule } | { kind: "cancel" },
): { content: MailContent; attachment: Attachment } {
  const t = serverI18n(to.lang).t;
  const lang = to.lang;
  const title = meetingTitle(t, m);
  const longDate = formatJalaliLong(schedule.date, lang);
  const when = t("mail.invitation.when", { date: longDate, time: timeText(schedule, lang, t) });
  const place = schedule.place.trim() ? t("mail.invitation.place", { place: schedule.place.trim() }) : "";
  const mode = m.mode !== "in_person" ? t("mail.invitation.mode", { mode: t(`minutes.modes.${m.mode}`) }) : "";
  const agenda = m.doc.agenda.map((a) => a.title.trim()).filter(Boolean);
  const agendaItems = agenda.map((text) => ({ text }));
  const link = `/meetings/${m.id}`;
  const subjectArgs = { meeting: title, date: formatJalali(schedule.date, lang) };
  let content: MailContent;
  if (variant.kind === "cancel") {
    content = {
      subject: t("mail.invitation.cancelledSubject", subjectArgs),
      paragraphs: [
        t("mail.invitation.cancelled", { meeting: title, date: longDate, time: timeText(schedule, lang, t) }),
      ],
      after: [t("mail.invitation.cancelAttached")],
    };
  } else {
    // An update says first what changed since people were last told, then the meeting as it now stands.
    const changes =
      variant.kind === "update"
        ? changesBetween(variant.before, schedule).map((c) =>
            c === "date"
              ? t("mail.invitation.changedDate", { from: formatJalaliLong(variant.before.date, lang), to: longDate })
              : c === "time"
                ? t("mail.invitation.changedTime", {
                    from: timeText(variant.before, lang, t),
                    to: timeText(schedule, lang, t),
                  })
                : t("mail.invitation.changedPlace", {
                    from: variant.before.place.trim() || t("mail.invitation.noPlace"),
                    to: schedule.place.trim() || t("mail.invitation.noPlace"),
                  }),
          )
        : [];
    content = {
      subject: t(variant.kind === "update" ? "mail.invitation.updatedSubject" : "mail.invitation.subject", subjectArgs),
      paragraphs: [
        t(variant.kind === "update" ? "mail.invitation.updated" : "mail.invitation.intro", { meeting: title }),
        ...changes,
        when,
        place,
        mode,
        agenda.length ? "" : t("mail.invitation.noAgenda"),
      ].filter(Boolean),
      sections: agenda.length ? [{ title: t("mail.invitation.agenda"), items: agendaItems }] : [],
      after: [t("mail.invitation.attached")],
      link,
    };
  }
  const ics = invitationIcs({
    uid: invitation.uid,
    sequence: invitation.sequence,
    title,
    description: [...agenda.map((a, i) => `${localDigits(i + 1, lang)}. ${a}`), appUrl(link)].join("\n"),
    location: schedule.place.trim(),
    date: schedule.date,
    startTime: schedule.startTime,
    endTime: schedule.endTime,
    url: appUrl(link),
    cancelled: variant.kind === "cancel",
    organizer: { name: t("mail.invitation.organizer"), email: organizerAddress() },
    attendees: [{ name: to.name, email: to.email }],
  });
  return {
    content,
    attachment: {
      filename: "invite.ics",
      contentType: `text/calendar; charset=utf-8; method=${variant.kind === "cancel" ? "CANCEL" : "REQUEST"}`,
      content: ics,
    },
  };
}

/**
 * Brings the meeting's invitation up to date, in the caller's transaction: the first one once the meeting has a
 * date and a start time ahead, an update to everyone when its date, time or place changed, an invitation to a
 * person added to the attendance and a cancellation to one removed. Nothing for a meeting already begun, nor when
 * nothing of this changed (typing the minutes); safe to call again (each mail is keyed by meeting, SEQUENCE and
 * person, and the state is kept in meeting_invitations).
 */
export function syncInvitation(tx: Tx, meetingId: number): void {
  const m = meetingFor(tx, meetingId);
  if (!m) return;
  const date = parseJalaliInput(m.doc.date);
  if (!date.ok || !m.startTime) return;
  const schedule: Schedule = { date: date.iso, startTime: m.startTime, endTime: m.endTime, place: m.place.trim() };
  if (tehranInstant(schedule.date, schedule.startTime) <= clock.nowMs()) return;
  const invitees = inviteesOf(m.doc);
  const state = tx.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).get();
  const now = clock.nowIso();
  const settleUntil = clock.nowIso(SETTLE_MS);
  if (state?.cancelledAt) return;

  if (!state) {
    const invitation = { uid: `${randomUUID()}@census-hq`, sequence: 0 };
    tx.insert(meetingInvitations)
      .values({
        meetingId,
        ...invitation,
        ...schedule,
        invitees: invitees.join(","),
        announcedJson: JSON.stringify(schedule),
        settleUntil,
      })
      .run();
    for (const to of recipientsOf(tx, invitees)) {
      const { content, attachment } = compose(m, invitation, schedule, to, { kind: "request" });
      enqueueMail(tx, to, "invitation", content, {
        dedupeKey: requestKey(meetingId, 0, to.personId),
        attachments: [attachment],
        notBefore: settleUntil,
      });
    }
    return;
  }

  const changed = changesBetween(scheduleOf(state), schedule).length > 0;
  const before = new Set(idList(state.invitees));
  const added = invitees.filter((p) => !before.has(p));
  const removed = [...before].filter((p) => !invitees.includes(p));
  if (!changed && added.length === 0 && removed.length === 0) return;
  // Within the settle time the mail written last is still unsent: it is rewritten under the same SEQUENCE.
  const open = now < state.settleUntil;
  const invitation = { uid: state.uid, sequence: open ? state.sequence : state.sequence + 1 };
  const announced: Schedule = open ? (JSON.parse(state.announcedJson) as Schedule) : scheduleOf(state);
  for (const to of recipientsOf(tx, changed ? invitees : added)) {
    const key = requestKey(meetingId, invitation.sequence, to.personId);
    const told = wasInvited(tx, meetingId, to.personId, key);
    if (told && changesBetween(announced, schedule).length === 0) {
      // Changed back before the update went: nothing new to tell them.
      withdrawMail(tx, key);
      continue;
    }
    const { content, attachment } = compose(
      m,
      invitation,
      schedule,
      to,
      told ? { kind: "update", before: announced } : { kind: "request" },
    );
    enqueueOrRewriteMail(tx, to, "invitation", content, {
      dedupeKey: key,
      attachments: [attachment],
      notBefore: settleUntil,
    });
  }
  for (const to of recipientsOf(tx, removed)) {
    const key = requestKey(meetingId, invitation.sequence, to.personId);
    withdrawMail(tx, key);
    if (!wasInvited(tx, meetingId, to.personId, key)) continue;
    const { content, attachment } = compose(m, invitation, scheduleOf(state), to, { kind: "cancel" });
    enqueueMail(tx, to, "invitation", content, {
      dedupeKey: cancelKey(meetingId, invitation.sequence, to.personId),
      attachments: [attachment],
    });
  }
  tx.update(meetingInvitations)
    .set({
      sequence: invitation.sequence,
      ...schedule,
      invitees: invitees.join(","),
      announcedJson: JSON.stringify(announced),
      settleUntil,
      updatedAt: now,
    })
    .where(eq(meetingInvitations.meetingId, meetingId))
    .run();
}

/**
 * The meeting will not be held (its draft is deleted, a series' slot skipped): everyone who was invited gets a
 * METHOD:CANCEL with the next SEQUENCE; an invitation still unsent is taken back. Call before the row goes. Nothing
 * for a meeting never invited or already begun.
 */
export function cancelInvitation(tx: Tx, meetingId: number): void {
  const state = tx.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).get();
  if (!state || state.cancelledAt) return;
  const m = meetingFor(tx, meetingId);
  if (!m || m.status === "final") return;
  const now = clock.nowIso();
  if (tehranInstant(state.date, state.startTime) > clock.nowMs()) {
    const invitation = { uid: state.uid, sequence: state.sequence + 1 };
    for (const to of recipientsOf(tx, idList(state.invitees))) {
      const pending = requestKey(meetingId, state.sequence, to.personId);
      if (now < state.settleUntil) withdrawMail(tx, pending);
      if (!wasInvited(tx, meetingId, to.personId)) continue;
      const { content, attachment } = compose(m, invitation, scheduleOf(state), to, { kind: "cancel" });
      enqueueMail(tx, to, "invitation", content, {
        dedupeKey: cancelKey(meetingId, invitation.sequence, to.personId),
        attachments: [attachment],
      });
    }
    tx.update(meetingInvitations)
      .set({ sequence: invitation.sequence, cancelledAt: now, updatedAt: now })
      .where(eq(meetingInvitations.meetingId, meetingId))
      .run();
  } else {
    tx.update(meetingInvitations)
      .set({ cancelledAt: now, updatedAt: now })
      .where(eq(meetingInvitations.meetingId, meetingId))
      .run();
  }
}

/** The invitation state of a meeting (tests and the admin's reading). */
export function invitationOf(tx: Pick<Tx, "select">, meetingId: number) {
  return tx.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).get() ?? null;
}
