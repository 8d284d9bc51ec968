import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { demoPdf } from "../../db/demo-documents";
import { bodies as bodiesTable, people as peopleTable, resolutions, users } from "../../db/schema";
import { finalMeeting, makeBody, makeGroup, makePerson, seat } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import { ReportBody, TextBlocks } from "../components/report-view";
import { db, writeTransaction } from "../utils/db.server";
import { createI18n } from "../utils/i18n";
import { jalaliToIso } from "../utils/jalali";
import { formatPersonName } from "../utils/person-name";
import { RuleViolation } from "../utils/rules";
import { scopeFor } from "./access.server";
import { createBody } from "./bodies.server";
import { checkFiles, insertDocuments } from "./documents.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { applyChange } from "./follow-ups.server";
import { createMeeting, getMeeting } from "./meetings.server";
import { addMembership } from "./memberships.server";
import { createPerson } from "./people.server";
import { composeReport, figuresOf, onTimeRate } from "./report-composition.server";
import { DEFAULT_NUMBER_PATTERN, numberPatternError, setNumberPattern } from "./report-numbers.server";
import {
  createReportDraft,
  getReport,
  issueReport,
  signerOf,
  upcomingNumber,
  updateReportDraft,
} from "./reports.server";

const theHq = () =>
  db.select({ id: bodiesTable.id }).from(bodiesTable).where(eq(bodiesTable.kind, "headquarters")).get()?.id ??
  makeBody("headquarters");
const getPerson = (id: number) => db.select().from(peopleTable).where(eq(peopleTable.id, id)).get()!;

const actor = { userId: null };
const iso = (jy: number, jm: number, jd: number) => jalaliToIso({ jy, jm, jd });
let seq = 0;

describe("figures", () => {
  test("done, on time, overdue and extended, as of a day", () => {
    const asOf = "2026-03-20";
    const f = figuresOf(
      [
        { status: "done", doneDate: "2026-01-10", dueDate: "2026-01-15", extended: 0 },
        { status: "done", doneDate: "2026-02-10", dueDate: "2026-01-15", extended: 1 },
        { status: "done", doneDate: "2026-04-01", dueDate: "2026-01-15", extended: 0 },
        { status: "open", doneDate: null, dueDate: "2026-03-01", extended: 0 },
        { status: "in_progress", doneDate: null, dueDate: "2026-04-01", extended: 0 },
        { status: "open", doneDate: null, dueDate: null, extended: 0 },
        { status: "cancelled", doneDate: null, dueDate: "2026-01-01", extended: 0 },
      ],
      asOf,
    );
    assert.deepEqual(f, {
      passed: 7,
      carried: 0,
      done: 2,
      doneOnTime: 1,
      open: 2,
      overdue: 2,
      cancelled: 1,
      extended: 1,
    });
    assert.deepEqual(
      onTimeRate(
        [
          { status: "done", doneDate: "2026-01-10", dueDate: "2026-01-15" },
          { status: "done", doneDate: "2026-02-10", dueDate: "2026-01-15" },
          { status: "open", doneDate: null, dueDate: "2026-02-01" },
          { status: "open", doneDate: null, dueDate: "2026-05-01" },
        ],
        "2026-01-01",
        "2026-03-20",
      ),
      { due: 3, onTime: 1, rate: 1 / 3 },
    );
  });
});

describe("composing a quarter from a known data set", () => {
  test("meetings inside the quarter's boundaries, attendance, per-committee counts, annex and immutability", () => {
    const hq = createBody(actor, {
      name: `ستاد ${++seq}`,
      code: "",
      kind: "headquarters",
      parentId: null,
      isExternal: false,
      active: true,
      duties: "",
    });
    const committee = createBody(actor, {
      name: `کمیته نمونه ${++seq}`,
      code: "نمونه",
      kind: "committee",
      parentId: hq,
      isExternal: false,
      active: true,
      duties: "",
    });
    const people = [1, 2, 3, 4].map((i) =>
      createPerson(actor, {
        honorific: "mr",
        title: null,
        firstName: "",
        lastName: `عضو${i}-${seq}`,
        organisation: "",
        position: "",
        email: "",
        mobile: "",
      }),
    );
    for (const [i, personId] of people.entries()) {
      addMembership(
        actor,
        { bodyId: committee },
        {
          personId,
          role: i === 0 ? "chair" : "member",
          startDate: null,
          endDate: null,
          letterNumber: "",
          letterDate: null,
        },
      );
    }
    const userId = db
      .insert(users)
      .values({ username: `chair${seq}`, passwordHash: "x", role: "chair", personId: people[0] })
      .returning({ id: users.id })
      .get().id;

    const meet = (date: string, absent: number, items: { days?: number }[]) => {
      const id = createMeeting(actor, committee);
      const m = getMeeting(STAFF, id)!;
      const saved = saveDraft(actor, id, {
        version: m.meeting.version,
        saveId: `r${++seq}`,
        doc: {
          ...m.doc,
          date,
          agenda: [{ key: "a", title: "دستور", discussion: "" }],
          reports: [{ key: "k", agendaKey: "a", bodyId: committee, text: `گزارش ${date}` }],
          attendance: m.doc.attendance.map((a, i) => ({ ...a, status: i < absent ? "absent" : "present" })),
          resolutions: items.map((it, i) => ({
            key: `x${i}`,
            subject: `مصوبه ${date} ${i}`,
            owners: [{ kind: "body", id: committee, label: "" }],
            timeframeKind: it.days ? "days" : "standing",
            timeframeCount: String(it.days ?? ""),
            timeframeDate: "",
            timeframeText: "",
          })),
        },
      });
      assert.ok(saved.ok);
      finaliseMeeting(actor, id, { version: saved.version });
      return db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all();
    };
    // Q4 1404 runs 1404/10/01 – 1404/12/29 (1404 is not a leap year).
    meet("1404/09/30", 0, [{ days: 2 }]); // the day before the quarter: not counted as held
    const inQuarter = meet("1404/10/05", 1, [{ days: 3 }, { days: 10 }, {}]);
    meet("1404/12/29", 2, [{ days: 3 }]); // the quarter's last day: counted
    meet("1405/01/01", 0, [{ days: 3 }]); // the next quarter

    const chair = scopeFor({ id: userId, role: "chair", personId: people[0] });
    applyChange(actor, chair, inQuarter[0].id, { intent: "done", date: iso(1404, 10, 7), note: "" }); // on time
    applyChange(actor, chair, inQuarter[1].id, { intent: "extend", date: iso(1404, 11, 20), note: "تمدید" });
    applyChange(actor, chair, inQuarter[1].id, { intent: "done", date: iso(1404, 11, 25), note: "" }); // late even after extension

    const report = composeReport({ kind: "quarterly", year: 1404, period: 4 }, "2026-11-21");
    assert.deepEqual(report.range, { start: iso(1404, 10, 1), end: iso(1404, 12, 29), days: 89 });
    assert.equal(report.asOf, iso(1404, 12, 29));
    const section = report.sections.find((c) => c.bodyId === committee)!;
    assert.equal(section.meetings.length, 2);
    // Four members at each meeting, one and then two absent: 5 of 8 present.
    assert.equal(section.attendanceRate, 5 / 8);
    // The resolution of 1404/09/30 is carried (still open when the quarter began), and overdue by its end.
    assert.deepEqual(section.figures, {
      passed: 4,
      carried: 1,
      done: 2,
      doneOnTime: 1,
      open: 2,
      overdue: 1,
      cancelled: 0,
      extended: 1,
    });
    assert.deepEqual(
      section.activities.map((a) => a.text),
      [`گزارش 1404/10/05`, `گزارش 1404/12/29`],
    );
    // The resolution of 1404/09/30 (due 1404/10/02) is still open at the quarter's end: in the annex.
    assert.ok(report.overdue.some((r) => r.subject.startsWith("مصوبه 1404/09/30")));
    assert.ok(!report.overdue.some((r) => r.subject.startsWith("مصوبه 1405/01/01")));
    const q4 = report.trend.at(-1)!;
    assert.deepEqual([q4.year, q4.quarter], [1404, 4]);

    const t = createI18n("fa").t;
    const id = createReportDraft({ userId }, { kind: "quarterly", year: 1404, period: 4 }, t);
    updateReportDraft({ userId }, id, { coverText: "متن روکش", notes: { [committee]: "یادداشت" } });
    const number = upcomingNumber(id)!;
    assert.equal(number, "۱۴۰۴/س۴/۱");
    // Printed from one text, saved with another before the issue lands: nothing is issued.
    const printed = {
      number,
      coverText: "متن روکش",
      notesJson: JSON.stringify({ [committee]: "یادداشت" }),
      signerPersonId: getReport(STAFF, id)!.signerPersonId,
    };
    updateReportDraft({ userId }, id, { coverText: "متن روکش، بازنگری‌شده", notes: { [committee]: "یادداشت" } });
    assert.throws(
      () => issueReport({ userId }, id, printed, Buffer.from("%PDF-1.4 test"), 1),
      (e: unknown) => e instanceof RuleViolation && e.code === "report_changed",
    );
    assert.equal(getReport(STAFF, id)?.status, "draft");
    updateReportDraft({ userId }, id, { coverText: "متن روکش", notes: { [committee]: "یادداشت" } });
    const issued = issueReport({ userId }, id, printed, Buffer.from("%PDF-1.4 test"), 1);
    assert.match(issued.sha256, /^[0-9a-f]{64}$/);
    assert.throws(
      () => updateReportDraft({ userId }, id, { coverText: "تغییر", notes: {} }),
      (e: unknown) => e instanceof RuleViolation && e.code === "report_issued",
    );
    assert.throws(
      () => db.$client.prepare("update reports set cover_text = 'x' where id = ?").run(id),
      /report_issued/,
    );
    assert.throws(() => db.$client.prepare("delete from reports where id = ?").run(id), /report_issued/);
    // A correction is a new report naming the one it replaces, with the next number.
    const correction = createReportDraft({ userId }, { kind: "quarterly", year: 1404, period: 4 }, t, id);
    assert.equal(upcomingNumber(correction), "۱۴۰۴/س۴/۲");
  });
});

describe("complete and consistent reports", () => {
  const secretariatOf = (parentId: number) =>
    createBody(actor, {
      name: `دبیرخانه ${++seq}`,
      code: `دب${seq}`,
      kind: "secretariat",
      parentId,
      isExternal: false,
      active: true,
      duties: "",
    });

  test("a known quarter: every resolution in exactly one section, whoever owns it; the chart's figures are the table's", () => {
    // Summer 1398 (1398/04/01 – 1398/06/31): no other test writes there.
    const p = { kind: "quarterly" as const, year: 1398, period: 2 };
    const hq = theHq();
    const council = makeBody("council", hq);
    const committee = makeBody("committee", hq);
    const secretariat = secretariatOf(hq);
    const person = makePerson("مالک");
    const from = iso(1398, 4, 10);
    // Before the quarter: one still open (owned by the secretariat), one done before it began.
    const before = finalMeeting(
      council,
      0,
      [
        { subject: "باز از پیش", owners: [{ kind: "body", id: secretariat }], days: 5 },
        { subject: "انجام‌شده پیش", owners: [{ kind: "body", id: committee }], days: 5 },
      ],
      iso(1398, 3, 20),
    );
    const scope = scopeFor({ id: 0, role: "secretariat", personId: null });
    applyChange(actor, scope, before.resolutions[1].id, { intent: "done", date: iso(1398, 3, 25), note: "" });
    const inQuarter = finalMeeting(
      council,
      0,
      [
        { subject: "با دبیرخانه", owners: [{ kind: "body", id: secretariat }] },
        { subject: "با یک نفر", owners: [{ kind: "person", id: person }], days: 5 },
        { subject: "با کمیته", owners: [{ kind: "body", id: committee }], days: 60 },
        {
          subject: "با نفر و کمیته",
          owners: [
            { kind: "person", id: person },
            { kind: "body", id: committee },
          ],
        },
        { subject: "با شورا", owners: [{ kind: "body", id: council }], days: 5 },
      ],
      from,
    );
    applyChange(actor, scope, inQuarter.resolutions[2].id, { intent: "done", date: iso(1398, 5, 1), note: "" });
    // The committee's own meeting, with its report (paragraphs and a list) and a document attached while a draft.
    const draftId = createMeeting(actor, committee);
    const draft = getMeeting(STAFF, draftId)!;
    const saved = saveDraft(actor, draftId, {
      version: draft.meeting.version,
      saveId: `k${++seq}`,
      doc: {
        ...draft.doc,
        date: "1398/05/01",
        agenda: [{ key: "a", title: "دستور", discussion: "" }],
        reports: [
          { key: "k", agendaKey: "a", bodyId: committee, text: "بند نخست گزارش.\n\n- مورد یک\n- مورد دو\nبند پایانی." },
        ],
        attendance: draft.doc.attendance.map((x) => ({ ...x, status: "present" as const })),
        resolutions: [
          {
            key: "x",
            subject: "مصوبه خود کمیته",
            owners: [{ kind: "body", id: committee, label: "" }],
            timeframeKind: "standing",
            timeframeCount: "",
            timeframeDate: "",
            timeframeText: "",
          },
        ],
      },
    });
    assert.ok(saved.ok);
    const pdf = (name: string) => checkFiles([{ name, bytes: demoPdf("report document") }]);
    writeTransaction((tx) =>
      insertDocuments(tx, actor, { entity: "meeting", entityId: draftId }, pdf("گزارش جلسه کمیته.pdf")),
    );
    finaliseMeeting(actor, draftId, { version: saved.version });

    // Evidence on resolutions: the council's own, and the secretariat's carried one.
    writeTransaction((tx) => {
      insertDocuments(
        tx,
        actor,
        { entity: "resolution", entityId: inQuarter.resolutions[4].id },
        pdf("گزارش جلسه شورا.pdf"),
      );
      insertDocuments(
        tx,
        actor,
        { entity: "resolution", entityId: before.resolutions[0].id },
        pdf("مستند دبیرخانه.pdf"),
      );
    });

    const report = composeReport(p, "2026-11-21");
    const section = (id: number) => report.sections.find((s) => s.bodyId === id)!;
    assert.deepEqual(
      section(council).documents.map((d) => d.fileName),
      ["گزارش جلسه شورا.pdf"],
    );
    assert.deepEqual(
      section(secretariat).documents.map((d) => d.fileName),
      ["مستند دبیرخانه.pdf"],
    );
    assert.deepEqual(
      section(committee).documents.map((d) => d.fileName),
      ["گزارش جلسه کمیته.pdf"],
    );
    // The committee's report keeps its paragraphs and its list.
    const shaped = renderToStaticMarkup(createElement(TextBlocks, { text: section(committee).activities[0].text }));
    assert.equal(
      shaped,
      '<div class="report__activity"><p><span>بند نخست گزارش.</span></p><ul><li>مورد یک</li><li>مورد دو</li></ul><p><span>بند پایانی.</span></p></div>',
    );
    const subjects = (id: number) => [
      ...section(id).passed.map((r) => r.subject),
      ...section(id).carried.map((r) => `(${r.subject})`),
    ];
    assert.deepEqual(subjects(secretariat), ["با دبیرخانه", "(باز از پیش)"]);
    assert.deepEqual(subjects(council), ["با یک نفر", "با شورا"]);
    assert.deepEqual(subjects(committee), ["با کمیته", "با نفر و کمیته", "مصوبه خود کمیته"]);
    assert.deepEqual(section(council).passed[0].owners, [formatPersonName(getPerson(person), "fa")]);
    // Exactly once: no resolution in two sections, none left out.
    const ids = report.sections.flatMap((s) => [...s.passed, ...s.carried].map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length);
    const mine = [...before.resolutions.slice(0, 1), ...inQuarter.resolutions].map((r) => r.id);
    for (const id of mine) assert.ok(ids.includes(id), `resolution ${id} is in a section`);
    assert.ok(!ids.includes(before.resolutions[1].id), "done before the quarter: not in it");
    assert.equal(section(secretariat).figures.carried, 1);
    assert.equal(section(secretariat).figures.overdue, 1);
    assert.equal(section(committee).figures.done, 1);

    // The rendered table and chart say the same numbers: each section's row against its bar's label.
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: createI18n("en") },
        createElement(ReportBody, {
          data: report,
          title: "t",
          periodName: "p",
          coverText: "",
          notes: {},
          replacesNumber: null,
          signer: null,
          reportDocuments: [],
        }),
      ),
    );
    for (const s of report.sections) {
      const f = s.figures;
      assert.equal(f.passed + f.carried, f.done + f.open + f.overdue + f.cancelled, s.name);
      const row = new RegExp(
        `<th scope="row">${s.name}</th><td>${s.meetings.length}</td><td>[^<]*</td><td>${f.passed}</td><td>${f.carried}</td><td>${f.done}</td><td>${f.doneOnTime}</td><td>${f.open}</td><td>${f.overdue}</td>`,
      );
      assert.match(html, row, `table row of ${s.name}`);
      const bar = new RegExp(
        `>${s.name}</text>(?:<rect[^>]*></rect>)*<text[^>]*>${f.done + f.open + f.overdue}</text>`,
      );
      assert.match(html, bar, `bar of ${s.name}`);
    }
    // The documents annex names each section's documents under the section.
    assert.match(html, /Annex: list of documents/);
    assert.match(
      html,
      new RegExp(`${section(council).name}</th></tr><tr><td>1</td><td dir="auto">گزارش جلسه شورا.pdf</td><td>PDF</td>`),
    );
    // The on-time chart has the trend table's numbers: the council's 5-day resolutions fell due in the quarter.
    const q = report.trend.at(-1)!;
    assert.ok(q.due >= 3);
    assert.match(html, new RegExp(`<th scope="row">Q2 1398</th><td>${q.due}</td><td>${q.onTime}</td>`));
  });

  test("a generated year: the sections add up to the database's count, quarter by quarter", () => {
    const year = 1396;
    const hq = theHq();
    const council = makeBody("council", hq);
    const committees = [makeBody("committee", hq), makeBody("committee", hq)];
    const group = makeGroup(committees[1]);
    const secretariat = secretariatOf(hq);
    const person = makePerson("مالک سال");
    const owners = [
      [{ kind: "body" as const, id: council }],
      [{ kind: "body" as const, id: secretariat }],
      [{ kind: "person" as const, id: person }],
      [{ kind: "group" as const, id: group }],
      [
        { kind: "body" as const, id: committees[0] },
        { kind: "body" as const, id: committees[1] },
      ],
    ];
    const scope = scopeFor({ id: 0, role: "secretariat", personId: null });
    let k = 0;
    for (let month = 1; month <= 12; month++) {
      for (const body of [council, committees[0], committees[1]]) {
        const m = finalMeeting(
          body,
          0,
          [0, 1, 2].map((i) => ({
            subject: `سال ${month}-${i}`,
            owners: owners[(k + i) % owners.length],
            days: 20 + i * 40,
          })),
          iso(year, month, 5 + (k % 20)),
        );
        k++;
        if (k % 3 === 0)
          applyChange(actor, scope, m.resolutions[0].id, { intent: "done", date: iso(year, month, 27), note: "" });
        if (k % 4 === 0) applyChange(actor, scope, m.resolutions[1].id, { intent: "cancel", note: "لغو" });
      }
    }
    for (let quarter = 1; quarter <= 4; quarter++) {
      const report = composeReport({ kind: "quarterly", year, period: quarter }, "2026-11-21");
      const { start, end } = report.range;
      const count = (where: string, ...args: string[]) =>
        (
          db.$client
            .prepare(
              `select count(*) n from resolutions r join meetings m on m.id = r.meeting_id join bodies b on b.id = m.body_id
               where m.status = 'final' and b.outside_hq = 0 and ${where}`,
            )
            .get(...args) as { n: number }
        ).n;
      const passed = count("m.date between ? and ?", start, end);
      const carried = count(
        "m.date < ? and (r.status in ('open', 'in_progress') or (r.status = 'done' and r.done_date >= ?))",
        start,
        start,
      );
      const sum = (f: (s: (typeof report.sections)[number]) => number) =>
        report.sections.reduce((acc, s) => acc + f(s), 0);
      assert.ok(passed > 0);
      assert.equal(
        sum((s) => s.passed.length),
        passed,
        `Q${quarter} passed`,
      );
      assert.equal(
        sum((s) => s.figures.passed),
        passed,
      );
      assert.equal(report.totals.passed, passed);
      assert.equal(
        sum((s) => s.carried.length),
        carried,
        `Q${quarter} carried`,
      );
      assert.equal(report.totals.carried, carried);
      const ids = report.sections.flatMap((s) => [...s.passed, ...s.carried].map((r) => r.id));
      assert.equal(new Set(ids).size, passed + carried);
      assert.equal(
        report.meetingsHeld,
        sum((s) => s.meetings.length),
      );
    }
  });

  test("numbers follow the secretariat's pattern in Persian digits; issued numbers stay; the signer is the HQ's secretary", () => {
    assert.equal(numberPatternError("{year}-{period}"), "reports.patternInvalid");
    assert.equal(numberPatternError("{year}/{period}/{seq}/{x}"), "reports.patternInvalid");
    assert.equal(numberPatternError("{year}-{period}-{seq}"), null);
    const hq = theHq();
    const secretary = makePerson("دبیر");
    seat(secretary, { bodyId: hq }, "secretary");
    const p = { kind: "half_year" as const, year: 1397, period: 1 };
    const t = createI18n("fa").t;
    const id = createReportDraft(actor, p, t);
    const draft = getReport(STAFF, id)!;
    assert.equal(draft.signerPersonId, secretary);
    assert.match(draft.coverText, /هیئت محترم وزیران/);
    assert.equal(upcomingNumber(id), "۱۳۹۷/ش۱/۱");
    assert.ok(!/[A-Za-z]/.test(upcomingNumber(id)!));
    const other = makePerson("امضاکننده");
    updateReportDraft(actor, id, { coverText: draft.coverText, notes: {}, signerPersonId: other });
    assert.throws(
      () => updateReportDraft(actor, id, { coverText: draft.coverText, notes: {}, signerPersonId: 999_999 }),
      (e: unknown) => e instanceof RuleViolation && e.code === "report_signer_unknown",
    );
    const number = upcomingNumber(id)!;
    issueReport(
      actor,
      id,
      { number, coverText: draft.coverText, notesJson: "{}", signerPersonId: other },
      Buffer.from("%PDF"),
      1,
    );
    assert.equal(setNumberPattern(actor, STAFF, "{seq}").ok, false);
    assert.deepEqual(setNumberPattern(actor, STAFF, "{year}-{period}-{seq}"), { ok: true });
    const correction = createReportDraft(actor, p, t, id);
    assert.equal(upcomingNumber(correction), "۱۳۹۷-ش۱-۲");
    assert.equal(getReport(STAFF, id)!.number, "۱۳۹۷/ش۱/۱");
    assert.equal(signerOf(other)?.name, formatPersonName(getPerson(other), "fa"));
    setNumberPattern(actor, STAFF, DEFAULT_NUMBER_PATTERN);
  });
});
