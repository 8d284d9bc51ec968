import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import {
  agendaItems,
  committeeReports,
  followUps,
  holidays,
  meetings,
  resolutionOwners,
  resolutions,
} from "../../db/schema";
import { NOBODY, STAFF } from "../../tests/scopes";
import type { MinutesDoc } from "../schemas/minutes";
import { FinalisationError } from "../schemas/minutes";
import { bodySchema } from "../schemas/organisation";
import { db } from "../utils/db.server";
import { jalaliToIso } from "../utils/jalali";
import { RuleViolation } from "../utils/rules";
import { createBody } from "./bodies.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import {
  cancelCorrection,
  createMeeting,
  getEdition,
  getMeeting,
  listMeetings,
  listOpenResolutionsOf,
  MEETINGS_PAGE,
  previousGuestsOf,
  startCorrection,
} from "./meetings.server";
import { addMembership } from "./memberships.server";
import { createPerson } from "./people.server";

const actor = { userId: null };
let seq = 0;

function makeBody() {
  const hq = createBody(actor, {
    name: `ستاد ${++seq}`,
    code: "",
    kind: "headquarters",
    parentId: null,
    isExternal: false,
    active: true,
    duties: "",
  });
  const council = createBody(actor, {
    name: `شورا ${++seq}`,
    code: "",
    kind: "council",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
  });
  const people = ["حسین‌زاده", "عباسی", "سیفی"].map((lastName, i) => {
    const id = createPerson(actor, {
      honorific: "mr",
      title: null,
      firstName: "",
      lastName: `${lastName}${seq}`,
      organisation: "",
      position: "",
      email: "",
      mobile: "",
    });
    addMembership(
      actor,
      { bodyId: council },
      {
        personId: id,
        role: (["chair", "secretary", "member"] as const)[i],
        startDate: null,
        endDate: null,
        letterNumber: "",
        letterDate: null,
      },
    );
    return id;
  });
  return { council, people };
}

const saveId = () => `save-${Math.random().toString(36).slice(2)}`;

function save(id: number, doc: MinutesDoc) {
  const version = getMeeting(STAFF, id)!.meeting.version;
  const result = saveDraft(actor, id, { doc, version, saveId: saveId() });
  assert.ok(result.ok);
  return result.version;
}

function completeDoc(base: MinutesDoc, bodyId: number): MinutesDoc {
  return {
    ...base,
    date: "۱۴۰۳/۱۲/۲۵",
    agenda: [{ key: "a1", title: "گزارش کمیته‌ها", discussion: "" }],
    reports: [{ key: "r1", agendaKey: "a1", bodyId, text: "گزارش شد." }],
    attendance: base.attendance.map((a) => ({ ...a, status: "present" as const })),
    resolutions: [
      {
        key: "x1",
        subject: "تهیه گزارش سه ماهه",
        owners: [{ kind: "body", id: bodyId, label: "شورا" }],
        timeframeKind: "weeks",
        timeframeCount: "1",
        timeframeDate: "",
        timeframeText: "",
      },
      {
        key: "x2",
        subject: "جلسات هفتگی",
        owners: [{ kind: "body", id: bodyId, label: "شورا" }],
        timeframeKind: "standing",
        timeframeCount: "",
        timeframeDate: "",
        timeframeText: "",
      },
    ],
    nextAgenda: [{ title: "گزارش پایلوت گیلان" }],
    nextDate: "1404/01/16",
  };
}

describe("meeting numbers and pre-fill", () => {
  test("numbers run per body; the next meeting takes the previous one's next agenda, date and members", () => {
    const { council, people } = makeBody();
    const other = makeBody();
    const first = createMeeting(actor, council);
    assert.equal(getMeeting(STAFF, first)!.meeting.number, 1);
    assert.equal(getMeeting(STAFF, createMeeting(actor, other.council))!.meeting.number, 1);
    const doc = getMeeting(STAFF, first)!.doc;
    assert.deepEqual(
      doc.attendance.map((a) => a.personId),
      people,
    );
    assert.equal(doc.chairPersonId, people[0]);
    assert.equal(doc.secretaryPersonId, people[1]);
    save(first, completeDoc(doc, council));
    finaliseMeeting(actor, first, { version: getMeeting(STAFF, first)!.meeting.version });

    const second = createMeeting(actor, council);
    const next = getMeeting(STAFF, second)!;
    assert.equal(next.meeting.number, 2);
    assert.deepEqual(
      next.doc.agenda.map((a) => a.title),
      ["گزارش پایلوت گیلان"],
    );
    assert.equal(next.doc.date, "1404/01/16");
    const open = listOpenResolutionsOf({ bodyId: council, workingGroupId: null }, 2);
    assert.deepEqual(
      open.map((r) => r.subject),
      ["تهیه گزارش سه ماهه", "جلسات هفتگی"],
    );
  });

  test("the meetings list comes a page at a time, newest first, with the count of all", () => {
    const { council } = makeBody();
    db.insert(meetings)
      .values(
        Array.from({ length: 57 }, (_, i) => ({
          bodyId: council,
          number: i + 1,
          date: new Date(Date.UTC(2024, 0, 1 + i * 7)).toISOString().slice(0, 10),
        })),
      )
      .run();
    const first = listMeetings(STAFF, { bodyId: council }, 1);
    const second = listMeetings(STAFF, { bodyId: council }, 2);
    assert.equal(first.total, 57);
    assert.equal(first.rows.length, MEETINGS_PAGE);
    assert.deepEqual(
      [first.rows[0].number, first.rows.at(-1)!.number, second.rows.map((r) => r.number)],
      [57, 8, [7, 6, 5, 4, 3, 2, 1]],
    );
    // A reader who may see no body sees no meeting.
    assert.equal(listMeetings(NOBODY, { bodyId: council }).total, 0);
  });

  test("the meetings list narrows by words of the minutes (any spelling), status and dates held, within the reader's bodies", () => {
    const a = makeBody().council;
    const b = makeBody().council;
    const [m1, m2, m3] = db
      .insert(meetings)
      .values([
        { bodyId: a, number: 1, date: "2026-03-25", status: "final", summary: "بررسی پايگاه اطلاعات مكاني" },
        { bodyId: a, number: 2, date: "2026-05-10", status: "draft", summary: "زمان‌بندی سرشماری" },
        { bodyId: b, number: 1, date: "2026-04-01", status: "final", summary: "پایگاه اطلاعات مکانی کشور" },
      ])
      .returning({ id: meetings.id })
      .all()
      .map((r) => r.id);
    const ids = (filter: Parameters<typeof listMeetings>[1]) =>
      listMeetings(STAFF, filter)
        .rows.map((r) => r.id)
        .filter((id) => [m1, m2, m3].includes(id))
        .sort((x, y) => x - y);
    // Arabic «ي» and «ك» typed or stored find the Persian spelling, and «پایگاه‌اطلاعات» with a ZWNJ the words apart.
    assert.deepEqual(ids({ q: "پایگاه اطلاعات مکانی" }), [m1, m3]);
    assert.deepEqual(ids({ q: "پايگاه‌اطلاعات", bodyId: a }), [m1]);
    assert.deepEqual(ids({ q: "زمانبندی" }), [m2]);
    assert.deepEqual(ids({ status: "draft", bodyId: a }), [m2]);
    assert.deepEqual(ids({ from: "2026-03-26", to: "2026-04-30" }), [m3]);
    assert.deepEqual(ids({ from: "2026-03-25", to: "2026-03-25" }), [m1]);
    // A reader of body A alone never finds B's meeting, whatever they search.
    const readerOfA = { ...NOBODY, readableBodyIds: [a], bodyIds: [a] };
    assert.deepEqual(
      listMeetings(readerOfA, { q: "پایگاه اطلاعات" }).rows.map((r) => r.id),
      [m1],
    );
  });

  test("a body whose earlier minutes are on paper numbers its first meeting here from where they stopped", () => {
    const { council } = makeBody();
    const input = bodySchema.parse({
      name: `کمیته بایگانی‌دار ${++seq}`,
      kind: "committee",
      parentId: String(council),
      firstMeetingNumber: "۱۸",
    });
    assert.equal(input.firstMeetingNumber, 18);
    assert.equal(bodySchema.safeParse({ name: "x", kind: "committee", firstMeetingNumber: "۱٫۵" }).success, false);
    const body = createBody(actor, input);
    const first = createMeeting(actor, body);
    const second = createMeeting(actor, body);
    assert.deepEqual([getMeeting(STAFF, first)!.meeting.number, getMeeting(STAFF, second)!.meeting.number], [18, 19]);
  });

  test("the database holds one number per meeting per body", () => {
    const { council } = makeBody();
    createMeeting(actor, council);
    assert.throws(() => db.insert(meetings).values({ bodyId: council, number: 1, date: "2025-01-01" }).run(), /UNIQUE/);
  });
});

describe("finalising", () => {
  test("incomplete minutes are refused with every problem named, and nothing is locked", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    const doc = getMeeting(STAFF, id)!.doc;
    save(id, {
      ...doc,
      date: "۱۴۰۴/۱۲/۳۰",
      resolutions: [
        {
          key: "x",
          subject: "",
          owners: [{ kind: "unmatched", id: null, label: "پژوهشکده" }],
          timeframeKind: "",
          timeframeCount: "",
          timeframeDate: "",
          timeframeText: "بزودی",
        },
      ],
    });
    assert.throws(
      () => finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version }),
      (e: unknown) =>
        e instanceof FinalisationError &&
        e.errors.date === "date.errors.invalid" &&
        e.errors.agenda === "minutes.errors.noAgenda" &&
        e.errors["resolutions.0.subject"] === "validation.required" &&
        e.errors["resolutions.0.owners"] === "minutes.errors.unmatchedOwner" &&
        e.errors["resolutions.0.timeframeKind"] === "minutes.errors.timeframe",
    );
    assert.equal(getMeeting(STAFF, id)!.meeting.status, "draft");
  });

  test("a draft naming a person, body or group that does not exist, or 1.5 weeks, is refused by field, not a crash", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    const base = completeDoc(getMeeting(STAFF, id)!.doc, council);
    save(id, {
      ...base,
      chairPersonId: 999_999,
      reports: [{ ...base.reports[0], bodyId: 999_998 }],
      resolutions: [
        { ...base.resolutions[0], owners: [{ kind: "person", id: 999_997, label: "ناشناس" }] },
        { ...base.resolutions[0], key: "x3", owners: [{ kind: "group", id: 999_996, label: "کارگروه" }] },
        { ...base.resolutions[0], key: "x4", timeframeCount: "1.5" },
      ],
    });
    assert.throws(
      () => finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version }),
      (e: unknown) =>
        e instanceof FinalisationError &&
        e.errors.chairPersonId === "validation.choose" &&
        e.errors["reports.0.bodyId"] === "validation.choose" &&
        e.errors["resolutions.0.owners"] === "minutes.errors.unmatchedOwner" &&
        e.errors["resolutions.1.owners"] === "minutes.errors.unmatchedOwner" &&
        e.errors["resolutions.2.timeframeCount"] === "minutes.errors.count",
    );
    assert.equal(getMeeting(STAFF, id)!.meeting.status, "draft");
  });

  test("deadlines start at finalising, moved off Nowruz and the weekend; final minutes are locked in the database", () => {
    for (const d of [1, 2, 3, 4])
      db.insert(holidays)
        .values({ date: jalaliToIso({ jy: 1404, jm: 1, jd: d }), title: "نوروز" })
        .onConflictDoNothing()
        .run();
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    save(id, completeDoc(getMeeting(STAFF, id)!.doc, council));
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version });
    const rows = db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all();
    // 1403/12/25 + one week = 1404/01/02 (Nowruz) → Tuesday 1404/01/05 with Thursday and Friday off.
    assert.equal(rows[0].dueDate, jalaliToIso({ jy: 1404, jm: 1, jd: 5 }));
    assert.equal(rows[1].dueDate, null);
    assert.equal(
      db.select().from(resolutionOwners).where(eq(resolutionOwners.resolutionId, rows[0].id)).all().length,
      1,
    );
    assert.throws(
      () => db.update(meetings).set({ summary: "دستکاری" }).where(eq(meetings.id, id)).run(),
      /minutes_final/,
    );
    assert.throws(
      () => db.update(resolutions).set({ subject: "دستکاری" }).where(eq(resolutions.id, rows[0].id)).run(),
      /minutes_final/,
    );
    assert.throws(
      () =>
        saveDraft(actor, id, {
          doc: getMeeting(STAFF, id)!.doc,
          version: getMeeting(STAFF, id)!.meeting.version,
          saveId: saveId(),
        }),
      (e: unknown) => e instanceof RuleViolation && e.code === "minutes_final",
    );
    // Follow-up may still move a resolution's status.
    db.update(resolutions).set({ status: "in_progress" }).where(eq(resolutions.id, rows[0].id)).run();
  });

  test("a correction is a new edition with a reason; the first edition stays readable", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    save(id, completeDoc(getMeeting(STAFF, id)!.doc, council));
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version });
    const [firstId] = db
      .select()
      .from(resolutions)
      .where(eq(resolutions.meetingId, id))
      .all()
      .map((r) => r.id);

    startCorrection(actor, id);
    const draft = getMeeting(STAFF, id)!;
    assert.equal(draft.meeting.status, "correcting");
    save(id, { ...draft.doc, resolutions: [{ ...draft.doc.resolutions[0], subject: "تهیه گزارش سه ماهه با روکش" }] });
    assert.throws(
      () => finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version }),
      (e: unknown) => e instanceof FinalisationError && e.errors.reason === "minutes.errors.reason",
    );
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version, reason: "اصلاح موضوع مصوبه ۱" });

    const after = getMeeting(STAFF, id)!;
    assert.equal(after.meeting.status, "final");
    assert.deepEqual(
      after.editions.map((e) => [e.edition, e.reason]),
      [
        [1, ""],
        [2, "اصلاح موضوع مصوبه ۱"],
      ],
    );
    assert.equal(getEdition(STAFF, id, 1)!.doc.resolutions[0].subject, "تهیه گزارش سه ماهه");
    assert.equal(getEdition(STAFF, id, 2)!.doc.resolutions[0].subject, "تهیه گزارش سه ماهه با روکش");
    const rows = db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all();
    assert.equal(rows[0].id, firstId, "a corrected resolution keeps its identity (and follow-ups)");
    assert.equal(rows[1].status, "cancelled");
  });

  test("through corrections that delete, insert and reorder rows, each resolution keeps its id, number and follow-ups", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    const base = completeDoc(getMeeting(STAFF, id)!.doc, council);
    const row = (key: string, subject: string) => ({ ...base.resolutions[0], key, subject });
    save(id, {
      ...base,
      resolutions: [row("a", "ترتیب نشست با پنج استان"), row("b", "کمیته زیرساخت"), row("c", "گزارش پایلوت")],
    });
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version });
    const first = db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all();
    const agendaAndReports = () => [
      db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, id), eq(agendaItems.forNextMeeting, false)))
        .all(),
      db.select({ id: committeeReports.id }).from(committeeReports).where(eq(committeeReports.meetingId, id)).all(),
    ];
    const rowsBefore = agendaAndReports();
    const bySubject = (rows: typeof first, subject: string) => rows.find((r) => r.subject === subject)!;
    const fiveProvinces = bySubject(first, "ترتیب نشست با پنج استان");
    const pilot = bySubject(first, "گزارش پایلوت");
    db.insert(followUps).values({ resolutionId: pilot.id, kind: "note", percent: 40, note: "۴۰ درصد انجام شد" }).run();

    // Delete the first row, put a new one first, and move the pilot above the infrastructure committee.
    startCorrection(actor, id);
    const draft = getMeeting(STAFF, id)!.doc;
    const [a, b, c] = draft.resolutions;
    assert.deepEqual([a.number, b.number, c.number], [1, 2, 3]);
    save(id, { ...draft, resolutions: [row("n", "مصوبه تازه"), c, b] });
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version, reason: "حذف مصوبه تکراری" });

    const after = db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all();
    assert.equal(after.length, 4, "one resolution was added, none duplicated");
    assert.deepEqual(agendaAndReports(), rowsBefore, "the agenda item and the committee report are the same rows");
    const kept = bySubject(after, "گزارش پایلوت");
    assert.deepEqual([kept.id, kept.number], [pilot.id, 3]);
    assert.deepEqual(
      db.select({ note: followUps.note }).from(followUps).where(eq(followUps.resolutionId, pilot.id)).all(),
      [{ note: "۴۰ درصد انجام شد" }],
    );
    assert.equal(bySubject(after, "کمیته زیرساخت").number, 2);
    assert.equal(bySubject(after, "مصوبه تازه").number, 4, "a new row takes a number never used in the meeting");
    const removed = bySubject(after, "ترتیب نشست با پنج استان");
    assert.deepEqual(
      [removed.id, removed.status, removed.cancelReason],
      [fiveProvinces.id, "cancelled", "حذف مصوبه تکراری"],
    );

    // Minutes finalised before rows carried their resolution find them by position once, when a correction opens.
    const legacy = getMeeting(STAFF, id)!.doc;
    const stripped = { ...legacy, resolutions: legacy.resolutions.map(({ id: _, number: __, ...r }) => r) };
    // Final minutes are read-only in the database: the trigger steps aside for this one write.
    const triggers = db.$client
      .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'meetings'")
      .all() as { name: string; sql: string }[];
    for (const t of triggers) db.$client.exec(`drop trigger ${t.name}`);
    db.update(meetings)
      .set({ draftJson: JSON.stringify(stripped) })
      .where(eq(meetings.id, id))
      .run();
    for (const t of triggers) db.$client.exec(t.sql);
    startCorrection(actor, id);
    assert.deepEqual(
      getMeeting(STAFF, id)!.doc.resolutions.map((r) => r.number),
      [1, 2, 3],
      "by position, as such minutes were numbered",
    );
  });

  test("new minutes start with attendance unmarked, and finalising asks for every member's status", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    const doc = getMeeting(STAFF, id)!.doc;
    assert.ok(doc.attendance.length > 0 && doc.attendance.every((a) => a.status === "unmarked"));
    save(id, { ...completeDoc(doc, council), attendance: doc.attendance });
    assert.throws(
      () => finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version }),
      (e: unknown) => e instanceof FinalisationError && e.errors["attendance.0.status"] === "minutes.errors.unmarked",
    );
  });

  test("the previous meeting's guests are offered again to the next minutes of the body", () => {
    const { council } = makeBody();
    const first = createMeeting(actor, council);
    save(first, {
      ...completeDoc(getMeeting(STAFF, first)!.doc, council),
      guests: [{ name: "آقای دکتر اصغری", time: "۱" }],
    });
    finaliseMeeting(actor, first, { version: getMeeting(STAFF, first)!.meeting.version });
    const second = createMeeting(actor, council);
    assert.deepEqual(
      previousGuestsOf({ bodyId: council, workingGroupId: null }, getMeeting(STAFF, second)!.meeting.number),
      [{ name: "آقای دکتر اصغری", time: "" }],
    );
    assert.deepEqual(
      previousGuestsOf({ bodyId: council, workingGroupId: null }, 1),
      [],
      "the first meeting has none before it",
    );
  });

  test("times typed in Persian digits, on the hour or with a dot, are accepted and kept as HH:MM", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    save(id, {
      ...completeDoc(getMeeting(STAFF, id)!.doc, council),
      startTime: "۱۰:۰۰",
      endTime: "۱۴.۳۰",
      nextTime: "۱۴",
    });
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version });
    const m = getMeeting(STAFF, id)!;
    assert.deepEqual([m.meeting.startTime, m.meeting.endTime, m.meeting.nextTime], ["10:00", "14:30", "14:00"]);
    assert.deepEqual([m.doc.startTime, m.doc.endTime], ["10:00", "14:30"]);
  });

  test("an abandoned correction leaves the final minutes as they were", () => {
    const { council } = makeBody();
    const id = createMeeting(actor, council);
    save(id, completeDoc(getMeeting(STAFF, id)!.doc, council));
    finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version });
    startCorrection(actor, id);
    save(id, { ...getMeeting(STAFF, id)!.doc, summary: "تغییری که رها شد" });
    cancelCorrection(actor, id);
    const m = getMeeting(STAFF, id)!;
    assert.deepEqual([m.meeting.status, m.meeting.edition, m.doc.summary], ["final", 1, ""]);
  });
});
