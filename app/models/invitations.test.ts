import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { people } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { atInstant } from "../../tests/pin-clock";
import { STAFF } from "../../tests/scopes";
import { db } from "../utils/db.server";
import { jalaliToIso } from "../utils/jalali";
import { saveDraft } from "./drafts.server";
import { invitationOf } from "./invitations.server";
import { setMailPreferences } from "./mail.server";
import { createMeeting, deleteDraft, getMeeting } from "./meetings.server";
import { saveSeries, skipNext } from "./series.server";
import { requestSignoff } from "./signoff.server";

// Sunday 1405/09/15, 10:00 in Tehran.
const NOW = "2026-12-06T06:30:00Z";
process.env.TEST_CLOCK = NOW;
/** After the settle time: what was written has been sent, a change is a new mail. */
const LATER = "2026-12-06T07:00:00Z";
const MEETING_DAY = jalaliToIso({ jy: 1405, jm: 9, jd: 18 });

type Row = {
  id: number;
  personId: number;
  subject: string;
  text: string;
  html: string;
  attachments: string;
  dedupeKey: string;
};
const mailOf = (personId: number, kind = "invitation") =>
  db.all<Row>(
    sql`select id, person_id as personId, subject, text, html, attachments, dedupe_key as dedupeKey from outbox
      where person_id = ${personId} and kind = ${kind} order by id`,
  );
const meetingMail = (meetingId: number) =>
  db.all<Row>(
    sql`select id, person_id as personId, subject, text, html, attachments, dedupe_key as dedupeKey from outbox
      where dedupe_key like ${`invitation%:${meetingId}:%`} order by id`,
  );

/** The attached .ics of an outbox row. */
function icsOf(row: Row): { filename: string; contentType: string; content: string } {
  const [a] = JSON.parse(row.attachments) as { filename: string; contentType: string; content: string }[];
  assert.ok(a, "an attachment");
  return a;
}

/** One property of the .ics, its lines unfolded (RFC 5545). */
function prop(ics: string, name: string): string | undefined {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":") + 1);
}

/** `20261211T053000Z` → epoch milliseconds. */
function utc(stamp: string | undefined): number {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(stamp ?? "");
  assert.ok(m, `not a UTC stamp: ${stamp}`);
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function withEmail(lastName: string) {
  const id = makePerson(lastName);
  db.update(people)
    .set({ email: `p${id}@example.org` })
    .where(eq(people.id, id))
    .run();
  return id;
}

let saves = 0;
/** Saves the draft with changes to its document, as the editor's autosave does; `saveId` to repeat a save. */
function save(id: number, change: Record<string, unknown>, saveId = `inv-${++saves}`) {
  const found = getMeeting(STAFF, id)!;
  return saveDraft(actor, id, { doc: { ...found.doc, ...change }, version: found.meeting.version, saveId });
}

describe("invitations to a meeting", () => {
  let committee = 0;
  let chair = 0;
  let member = 0;
  let quiet = 0;
  let noAddress = 0;
  before(() => {
    const hq = makeBody("headquarters");
    committee = makeBody("committee", hq);
    chair = withEmail("رئیس");
    member = withEmail("عضو");
    quiet = withEmail("بی‌دعوت");
    noAddress = makePerson("بی‌نشانی");
    seat(chair, { bodyId: committee }, "chair");
    seat(member, { bodyId: committee });
    seat(quiet, { bodyId: committee });
    seat(noAddress, { bodyId: committee });
    setMailPreferences(actor, signedIn(quiet), ["invitation"]);
  });

  test("scheduling writes one invitation per person expected, with the Jalali date, the agenda and an .ics at the right UTC instant", () => {
    const id = createMeeting(actor, committee);
    assert.equal(meetingMail(id).length, 0, "no date and time yet: nobody is invited");
    const doc = {
      date: "۱۴۰۵/۰۹/۱۸",
      startTime: "۰۹:۰۰",
      endTime: "11:00",
      place: "تالار شهید بهشتی",
      agenda: [{ key: "a", title: "گزارش دریافت ریزداده‌ها", discussion: "" }],
    };
    const saveId = "double-submit";
    assert.ok(save(id, doc, saveId).ok);
    // The same save again (a double submit): answered, nothing written twice.
    assert.ok(save(id, doc, saveId).ok);
    const rows = meetingMail(id);
    assert.deepEqual(
      rows.map((r) => r.personId).sort(),
      [chair, member].sort(),
      "one each; not the one who turned it off, not one without an address",
    );

    const [mail] = mailOf(member).filter((r) => r.dedupeKey.startsWith(`invitation:${id}:`));
    assert.ok(mail);
    assert.match(mail.subject, /^دعوت به جلسه ۱ کمیته/);
    assert.match(mail.text, /چهارشنبه ۱۸ آذر ۱۴۰۵/);
    assert.match(mail.text, /ساعت ۰۹:۰۰ تا ۱۱:۰۰/);
    assert.match(mail.text, /محل: تالار شهید بهشتی/);
    assert.match(mail.text, /## دستور جلسه\n\n- گزارش دریافت ریزداده‌ها/);
    assert.match(mail.text, new RegExp(`/meetings/${id}`));
    assert.match(mail.html, /dir="rtl"/);
    const ics = icsOf(mail);
    assert.equal(ics.filename, "invite.ics");
    assert.match(ics.contentType, /^text\/calendar;.*method=REQUEST/);
    assert.equal(prop(ics.content, "METHOD"), "REQUEST");
    // 09:00 in Tehran (UTC+03:30) is 05:30 UTC.
    assert.equal(utc(prop(ics.content, "DTSTART")), Date.parse(`${MEETING_DAY}T05:30:00Z`));
    assert.equal(utc(prop(ics.content, "DTEND")), Date.parse(`${MEETING_DAY}T07:30:00Z`));
    assert.equal(prop(ics.content, "SEQUENCE"), "0");
    assert.equal(prop(ics.content, "LOCATION"), "تالار شهید بهشتی");
    assert.match(prop(ics.content, "ATTENDEE") ?? "", new RegExp(`mailto:p${member}@example.org`, "i"));
    assert.match(prop(ics.content, "ORGANIZER") ?? "", /mailto:no-reply@/i);
    assert.equal(invitationOf(db, id)?.sequence, 0);
  });

  test("a change within the settle time rewrites the unsent mail; after it, an update with the same UID and a higher SEQUENCE says what changed; typing minutes sends nothing", () => {
    const id = createMeeting(actor, committee);
    save(id, { date: "1405/09/18", startTime: "09:00", place: "تالار" });
    const first = icsOf(meetingMail(id).find((r) => r.personId === member)!);
    const uid = prop(first.content, "UID");
    assert.ok(uid);
    // The secretary types the place a moment later: still one mail each, with the last words.
    save(id, { place: "تالار اصلی" });
    let rows = meetingMail(id);
    assert.equal(rows.length, 2);
    assert.equal(prop(icsOf(rows[0]!).content, "LOCATION"), "تالار اصلی");
    assert.equal(prop(icsOf(rows[0]!).content, "SEQUENCE"), "0");

    atInstant(LATER, () => {
      save(id, { summary: "خلاصه مذاکرات در حال نوشتن" });
      assert.equal(meetingMail(id).length, 2, "a minutes-only edit writes nothing");
      save(id, { startTime: "10:00" });
    });
    rows = meetingMail(id);
    assert.equal(rows.length, 4, "one update each");
    const update = rows.filter((r) => r.personId === member).at(-1)!;
    assert.match(update.subject, /^جلسه تغییر کرد: جلسه ۲ کمیته/);
    assert.match(update.text, /ساعت: از «۰۹:۰۰» به «۱۰:۰۰»/);
    assert.doesNotMatch(update.text, /تاریخ: از/, "only what changed is listed");
    const ics = icsOf(update).content;
    assert.equal(prop(ics, "UID"), uid);
    assert.equal(prop(ics, "SEQUENCE"), "1");
    assert.equal(prop(ics, "METHOD"), "REQUEST");
    assert.equal(utc(prop(ics, "DTSTART")), Date.parse(`${MEETING_DAY}T06:30:00Z`));
    assert.equal(invitationOf(db, id)?.sequence, 1);
  });

  test("a person added to the attendance is invited, one removed gets a cancellation; a deleted draft cancels for everyone", () => {
    const id = createMeeting(actor, committee);
    save(id, { date: "1405/09/21", startTime: "08:30", place: "" });
    const extra = withEmail("مهمان عضو");
    atInstant(LATER, () => {
      const doc = getMeeting(STAFF, id)!.doc;
      save(id, {
        attendance: [
          ...doc.attendance.filter((a) => a.personId !== member),
          { personId: extra, name: "", status: "unmarked", substitute: "", time: "" },
        ],
      });
    });
    const added = meetingMail(id).filter((r) => r.personId === extra);
    assert.equal(added.length, 1);
    assert.equal(prop(icsOf(added[0]!).content, "METHOD"), "REQUEST");
    const removed = meetingMail(id).filter((r) => r.personId === member);
    assert.equal(removed.length, 2);
    assert.equal(prop(icsOf(removed[1]!).content, "METHOD"), "CANCEL");
    assert.equal(meetingMail(id).filter((r) => r.personId === chair).length, 1, "the others are not mailed again");

    const seq = invitationOf(db, id)!.sequence;
    atInstant("2026-12-06T08:00:00Z", () => deleteDraft(actor, id));
    const cancels = meetingMail(id).filter(
      (r) => r.dedupeKey.startsWith("invitation_cancel:") && r.personId !== member,
    );
    assert.deepEqual(cancels.map((r) => r.personId).sort(), [chair, extra].sort());
    for (const c of cancels) {
      const ics = icsOf(c);
      assert.match(ics.contentType, /method=CANCEL/);
      assert.equal(prop(ics.content, "METHOD"), "CANCEL");
      assert.equal(prop(ics.content, "STATUS"), "CANCELLED");
      assert.equal(prop(ics.content, "SEQUENCE"), String(seq + 1));
      assert.match(c.subject, /^لغو جلسه/);
    }
    assert.ok(invitationOf(db, id)?.cancelledAt);
  });

  test("a draft deleted within the settle time takes its unsent invitations back and mails nothing", () => {
    const id = createMeeting(actor, committee);
    save(id, { date: "1405/09/22", startTime: "09:00" });
    assert.equal(meetingMail(id).length, 2);
    deleteDraft(actor, id);
    assert.equal(meetingMail(id).length, 0);
  });

  test("minutes of a meeting already held, dated and timed, invite nobody", () => {
    const id = createMeeting(actor, committee);
    save(id, { date: "1405/09/10", startTime: "09:00", place: "تالار" });
    assert.equal(meetingMail(id).length, 0);
    assert.equal(invitationOf(db, id), null);
  });

  test("a series' next draft is invited in its own transaction; a skipped slot is cancelled and the next invited", () => {
    const council = makeBody("council", makeBody("headquarters"));
    const head = withEmail("رئیس شورا");
    seat(head, { bodyId: council }, "chair");
    saveSeries(actor, STAFF, council, {
      frequency: "weekly",
      startsOn: jalaliToIso({ jy: 1405, jm: 9, jd: 17 }),
      until: null,
      startTime: "09:00",
      endTime: null,
      place: "تالار شورا",
    });
    const first = mailOf(head);
    assert.equal(first.length, 1);
    assert.equal(
      utc(prop(icsOf(first[0]!).content, "DTSTART")),
      Date.parse(`${jalaliToIso({ jy: 1405, jm: 9, jd: 17 })}T05:30:00Z`),
    );
    atInstant(LATER, () => skipNext(actor, STAFF, council));
    const after = mailOf(head);
    assert.equal(after.length, 3);
    assert.equal(prop(icsOf(after[1]!).content, "METHOD"), "CANCEL");
    assert.equal(prop(icsOf(after[2]!).content, "METHOD"), "REQUEST");
    assert.equal(
      utc(prop(icsOf(after[2]!).content, "DTSTART")),
      Date.parse(`${jalaliToIso({ jy: 1405, jm: 9, jd: 24 })}T05:30:00Z`),
    );
    assert.notEqual(prop(icsOf(after[1]!).content, "UID"), prop(icsOf(after[2]!).content, "UID"));
  });
});

describe("sign-off requests by mail", () => {
  test("each person asked but the one who sent them gets one mail with the sign-off link and the minutes", () => {
    const hq = makeBody("headquarters");
    const committee = makeBody("committee", hq);
    const secretary = withEmail("دبیر");
    const a = withEmail("حاضر");
    const b = withEmail("حاضر");
    seat(secretary, { bodyId: committee }, "secretary");
    seat(a, { bodyId: committee });
    seat(b, { bodyId: committee });
    const { meetingId } = finalMeeting(committee, 3, [{ subject: "مصوبه", owners: [{ kind: "body", id: committee }] }]);
    const sender = signedIn(secretary, "secretariat");
    requestSignoff({ userId: sender.userId }, sender, meetingId);
    const rows = [a, b, secretary].flatMap((p) => mailOf(p, "signoff"));
    assert.deepEqual(rows.map((r) => r.personId).sort(), [a, b].sort());
    for (const r of rows) {
      assert.match(r.subject, /در انتظار تأیید شما/);
      assert.match(r.text, new RegExp(`/meetings/${meetingId}/signoff`));
      assert.match(r.text, /«تأیید صورتجلسه»/);
      assert.deepEqual(JSON.parse(r.attachments), [{ minutesPdf: meetingId }]);
    }
    assert.equal(mailOf(a, "invitation").length, 0, "minutes of a meeting held: no invitation");
  });
});
