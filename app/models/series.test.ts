import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { meetings } from "../../db/schema";
import { atInstant } from "../../tests/pin-clock";
import { STAFF } from "../../tests/scopes";
import { db } from "../utils/db.server";
import { jalaliToIso } from "../utils/jalali";
import { RuleViolation } from "../utils/rules";
import { createBody } from "./bodies.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { getMeeting } from "./meetings.server";
import { addMembership } from "./memberships.server";
import { createPerson } from "./people.server";
import { ensureSeriesDrafts, getSeries, saveSeries, skipNext, stopSeries } from "./series.server";

const actor = { userId: null };
const j = (jy: number, jm: number, jd: number) => jalaliToIso({ jy, jm, jd });
let seq = 0;

function council() {
  const hq = createBody(actor, {
    name: `ستاد دوره‌ای ${++seq}`,
    code: "",
    kind: "headquarters",
    parentId: null,
    isExternal: false,
    active: true,
    duties: "",
  });
  const id = createBody(actor, {
    name: `شورای دوره‌ای ${++seq}`,
    code: "",
    kind: "council",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
  });
  const person = createPerson(actor, {
    honorific: "mr",
    title: null,
    firstName: "",
    lastName: `عضو ${seq}`,
    organisation: "",
    position: "",
    email: "",
    mobile: "",
  });
  addMembership(
    actor,
    { bodyId: id },
    { personId: person, role: "chair", startDate: null, endDate: null, letterNumber: "", letterDate: null },
  );
  return id;
}

const drafts = (bodyId: number) =>
  db
    .select({ id: meetings.id, slot: meetings.seriesSlot, status: meetings.status, date: meetings.date })
    .from(meetings)
    .where(eq(meetings.bodyId, bodyId))
    .all();

/** The draft's minutes filled in and finalised, with «next agenda» items for the meeting after. */
function hold(id: number, nextAgenda: string[]) {
  const found = getMeeting(STAFF, id)!;
  const doc = {
    ...found.doc,
    agenda: found.doc.agenda.length ? found.doc.agenda : [{ key: "a1", title: "گزارش هفتگی", discussion: "" }],
    attendance: found.doc.attendance.map((a) => ({ ...a, status: "present" as const })),
    nextAgenda: nextAgenda.map((title) => ({ title })),
  };
  const saved = saveDraft(actor, id, { doc, version: found.meeting.version, saveId: `s-${id}-${Math.random()}` });
  assert.ok(saved.ok);
  finaliseMeeting(actor, id, { version: saved.version });
}

test("a weekly series keeps one draft ahead: held, the next is made with that meeting's next agenda; moved or skipped, the rhythm holds", () => {
  // Tuesday 1405/09/04 in Tehran; the council meets on Saturdays from 1405/09/08.
  atInstant("2026-11-25T06:00:00Z", () => {
    const body = council();
    saveSeries(actor, STAFF, body, {
      frequency: "weekly",
      startsOn: j(1405, 9, 8),
      until: null,
      startTime: "09:00",
      endTime: "11:00",
      place: "سالن شورا",
    });
    const [first] = drafts(body);
    assert.deepEqual([first.slot, first.date, first.status], [j(1405, 9, 8), j(1405, 9, 8), "draft"]);
    const doc = getMeeting(STAFF, first.id)!.doc;
    assert.deepEqual([doc.startTime, doc.endTime, doc.place], ["09:00", "11:00", "سالن شورا"]);
    // Asked again (the daily job, a restart): nothing more is made.
    assert.equal(ensureSeriesDrafts(actor), 0);
    assert.equal(drafts(body).length, 1);

    // The first meeting is moved to Sunday and held; the next draft is the next Saturday, with its next agenda.
    db.update(meetings)
      .set({ date: j(1405, 9, 9) })
      .where(eq(meetings.id, first.id))
      .run();
    hold(first.id, ["گزارش پایلوت گیلان"]);
    const second = drafts(body).find((d) => d.status === "draft")!;
    assert.equal(second.slot, j(1405, 9, 15));
    assert.deepEqual(
      getMeeting(STAFF, second.id)!.doc.agenda.map((a) => a.title),
      ["گزارش پایلوت گیلان"],
    );

    // Skipped: the draft goes, the slot after is made, and the page lists the skip.
    skipNext(actor, STAFF, body);
    const third = drafts(body).filter((d) => d.status === "draft");
    assert.deepEqual(
      third.map((d) => d.slot),
      [j(1405, 9, 22)],
    );
    assert.deepEqual(getSeries(STAFF, body)?.skipped, [j(1405, 9, 15)]);

    // A draft someone has typed in is not thrown away by a skip.
    const typed = getMeeting(STAFF, third[0].id)!;
    saveDraft(actor, third[0].id, {
      doc: { ...typed.doc, summary: "متن نوشته‌شده" },
      version: typed.meeting.version,
      saveId: "typed-1",
    });
    assert.throws(
      () => skipNext(actor, STAFF, body),
      (e: unknown) => e instanceof RuleViolation && e.code === "series_draft_typed",
    );

    // Stopped: no more drafts.
    stopSeries(actor, STAFF, body);
    assert.equal(getSeries(STAFF, body), null);
  });
});

test("a series that ends makes no draft past its last day, and one body runs one series", () => {
  atInstant("2026-11-25T06:00:00Z", () => {
    const body = council();
    saveSeries(actor, STAFF, body, {
      frequency: "biweekly",
      startsOn: j(1405, 8, 1),
      until: j(1405, 8, 29),
      startTime: "10:00",
      endTime: null,
      place: "",
    });
    assert.equal(drafts(body).length, 0, "its last slot has passed");
    // A new rule replaces the old one, and its untouched draft.
    saveSeries(actor, STAFF, body, {
      frequency: "weekly",
      startsOn: j(1405, 9, 6),
      until: null,
      startTime: "10:00",
      endTime: null,
      place: "",
    });
    saveSeries(actor, STAFF, body, {
      frequency: "weekly",
      startsOn: j(1405, 9, 7),
      until: null,
      startTime: "10:00",
      endTime: null,
      place: "",
    });
    assert.deepEqual(
      drafts(body).map((d) => d.slot),
      [j(1405, 9, 7)],
    );
    // In the database too: a second running series of the body is refused.
    assert.throws(() =>
      db.run(
        `insert into meeting_series (body_id, frequency, starts_on, start_time, created_at) values (${body}, 'weekly', '2026-12-01', '10:00', 'x')`,
      ),
    );
    // And a slot without its series (or the other way round) is refused.
    assert.throws(() => db.run(`update meetings set series_slot = null where body_id = ${body}`), /series_slot/);
  });
});
