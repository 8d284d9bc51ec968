import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { documents, meetings } from "../../db/schema";
import { STAFF } from "../../tests/scopes";
import { minutesDocSchema, parseDoc } from "../schemas/minutes";
import { db } from "../utils/db.server";
import { searchKey } from "../utils/normalize";
import type { OwnerCandidate } from "../utils/owner-match";
import { createBody } from "./bodies.server";
import {
  applyProposal,
  type Block,
  blocksOfHtml,
  createImportedDrafts,
  ImportRefused,
  importErrors,
  proposeDraft,
  proposedNumbers,
  readDocx,
  readImportFiles,
  sameDayMeeting,
} from "./meeting-import.server";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const BODY_NAMES = [
  "ستاد ملی سرشماری ثبتی مبنا",
  "شورای هماهنگی و تلفیق",
  "کمیته طراحی و روش‌شناسی",
  "کمیته تامین داده",
  "کمیته زیرساخت و تبادل داده",
  "کمیته فناوری اطلاعات",
  "کمیته سازماندهی، آموزش و پشتیبانی",
  "دبیرخانه ستاد",
];
const bodies: OwnerCandidate[] = BODY_NAMES.map((name, i) => ({
  kind: "body",
  id: i + 1,
  name,
  bodyKind: name.startsWith("کمیته") ? "committee" : "council",
}));
const people: OwnerCandidate[] = ["حسین زاده", "محزون", "سیفی", "غلامی", "شاگری", "شباک", "عباسی"].map((n, i) => ({
  kind: "person",
  id: 100 + i,
  name: `آقای ${n}`,
  aliases: [n],
}));
const candidates = { bodies, people, owners: [...bodies, ...people] };

async function propose(name: string) {
  const blocks = await readDocx(fixture(name));
  return { blocks, p: proposeDraft(blocks, candidates) };
}

describe("reading a Word file of past minutes", () => {
  test("the reference minutes: header, agenda, reports, 14 resolutions with owners and timeframes", async () => {
    const { p } = await propose("council-02.docx");
    assert.equal(p.bodyId, 2, "the council, not the HQ also named in its title");
    assert.equal(p.number, 2);
    assert.equal(p.date?.value, "1400/01/30");
    assert.deepEqual([p.startTime, p.endTime], ["10:00", "12:30"]);
    assert.equal(p.place, "سالن جلسات مرکز آمار ایران");
    assert.equal(p.agenda.length, 4);
    assert.match(p.agenda[1].title, /گزارش اقدامات انجام شده توسط کمیته ها/);
    assert.match(p.agenda[2].discussion, /آقای محزون توضیحاتی/, "«دستور دوم» is the third listed item's discussion");
    assert.match(p.summary, /تلاوت آیاتی/);
    assert.deepEqual(
      p.reports.map((r) => r.bodyId),
      [3, 4, 5, 6, 7],
      "each committee report by its committee, headed by a heading or a bold line",
    );
    assert.ok(p.reports.every((r) => r.agendaKey === p.agenda[1].key && r.text));
    assert.equal(p.resolutions.length, 14);
    assert.deepEqual(
      p.resolutions.map((r) => r.number),
      [...Array(14).keys()].map((i) => i + 1),
    );
    const first = p.resolutions[0];
    assert.match(first.subject, /^تهیه و ارائه گزارش سه ماهه/);
    assert.deepEqual([first.timeframeKind, first.timeframeCount], ["weeks", "2"]);
    assert.ok(
      first.owners.some((o) => o.kind === "body" && o.id === 8),
      "دبیرخانه",
    );
    assert.equal(p.resolutions[1].timeframeKind, "standing", "«-» is standing");
    assert.deepEqual(
      p.resolutions[1].owners.map((o) => o.id),
      [4, 5],
    );
    assert.equal(p.resolutions[6].owners.find((o) => o.kind === "unmatched")?.label, "معاونت اقتصادی");
    assert.equal(p.flags["resolutions.6.owners"], "import.flags.owner", "an owner nothing matches is flagged");
    assert.equal(p.nextAgenda.length, 4);
    assert.equal(p.nextDate?.value, "1400/02/06");
    assert.equal(p.nextTime, "10:00");
  });

  test("the attendance grid: members with substitutes and times, other attendees as guests", async () => {
    const { p } = await propose("council-02.docx");
    assert.equal(p.attendance.length, 14);
    const shabak = p.attendance.find((a) => a.name === "آقای دکتر شباک");
    assert.deepEqual(shabak, { name: "آقای دکتر شباک", substitute: "آقای نوری", time: "-", personId: 105 });
    assert.equal(p.attendance.find((a) => a.name === "آقای محزون")?.personId, 101);
    assert.equal(p.flags["attendance.1"], "import.flags.person", "a name nobody in the directory has is flagged");
    assert.deepEqual(
      p.guests.map((g) => g.name),
      ["آقای دکتر اصغری", "آقای کرامتی", "خانم قادری", "خانم شاگری", "خانم ملاطایفه"],
    );
    assert.equal(p.guests[0].time, "۱");
  });

  test("a two-digit year is asked, never guessed, and the draft waits for the answer", async () => {
    const { p } = await propose("design-12-two-digit-year.docx");
    assert.equal(p.date?.value, "");
    assert.deepEqual(p.date?.choices, ["1303/05/12", "1403/05/12"]);
    assert.equal(p.flags.date, "import.flags.twoDigitYear");
    assert.deepEqual(p.nextDate?.choices, ["1303/05/26", "1403/05/26"]);
    const read = [
      { name: "x.docx", proposal: p, file: { name: "x.docx", type: "docx" as const, bytes: new Uint8Array() } },
    ];
    const unanswered = importErrors(read, [{ bodyId: 3, number: 12, date: "", nextDate: "" }]);
    assert.equal(unanswered["0.date"], "import.errors.chooseYear");
    assert.deepEqual(importErrors(read, [{ bodyId: 3, number: 12, date: "1403/05/12", nextDate: "1403/05/26" }]), {});
  });

  test("bold lines for sections, a hand-numbered agenda, tables in another column order", async () => {
    const { p } = await propose("design-12-two-digit-year.docx");
    assert.equal(p.bodyId, 3);
    assert.equal(p.number, 12);
    assert.equal(p.startTime, "09:30");
    assert.equal(p.place, "اتاق ۳۱۲ ساختمان مرکزی");
    assert.deepEqual(
      p.agenda.map((a) => a.title),
      ["بررسی پیش‌نویس طرح آزمایش سرشماری", "تعیین نمایندگان کارگروه‌ها", "سایر موارد"],
    );
    // ردیف | شرح مصوبه | مهلت اجرا | مسئول پیگیری
    assert.equal(p.resolutions.length, 3);
    assert.deepEqual(
      p.resolutions.map((r) => [r.number, r.timeframeKind]),
      [
        [1, "weeks"],
        [2, "date"],
        [3, "standing"],
      ],
    );
    assert.equal(p.resolutions[1].timeframeDate, "1403/06/01");
    assert.equal(p.resolutions[0].owners[0].id, 8);
    assert.deepEqual(
      p.resolutions[2].owners.map((o) => o.id),
      [3],
    );
    // ردیف | نام و نام خانوادگی | سمت | جانشین | ساعت ورود | ساعت خروج
    assert.equal(p.attendance.length, 4);
    assert.deepEqual(p.attendance[1], {
      name: "آقای سیفی",
      substitute: "آقای احمدی",
      time: "۹:۴۰ تا ۱۱:۰۰",
      personId: 102,
    });
    assert.ok(p.other.includes("آقای محزون — سمت: رئیس کمیته"), "a column with no field is kept as text");
    assert.deepEqual(
      p.guests.map((g) => g.name),
      ["آقای دکتر اصغری (پژوهشکده آمار)"],
    );

    const { p: p3 } = await propose("council-03.docx");
    // موضوع | متولی | بازه زمانی
    assert.deepEqual(
      p3.resolutions.map((r) => [r.owners[0].id ?? r.owners[0].label, r.timeframeKind, r.timeframeCount]),
      [
        [5, "weeks", "1"],
        ["پژوهشکده آمار", "weeks", "2"],
      ],
    );
  });

  test("headers read as words: «شماره مصوبه» is the number, «زمان حضور» a time, «سازمان» no deadline", () => {
    const html =
      "<p><strong>مصوبات:</strong></p><table><tr><td>شماره مصوبه</td><td>مصوبه</td><td>مسئول</td><td>زمان اجرا</td></tr>" +
      "<tr><td>۱</td><td>تهیه فهرست دستگاه‌ها</td><td>آقای سیفی</td><td>دو هفته</td></tr></table>" +
      "<p><strong>حاضرین:</strong></p><table><tr><td>نام</td><td>سازمان</td><td>زمان حضور</td></tr>" +
      "<tr><td>آقای شباک</td><td>ثبت احوال</td><td>۹:۰۰ تا ۱۰:۰۰</td></tr></table>";
    const p = proposeDraft(blocksOfHtml(html), candidates);
    assert.deepEqual(
      p.resolutions.map((r) => [r.number, r.subject, r.owners[0]?.id, r.timeframeKind, r.timeframeCount]),
      [[1, "تهیه فهرست دستگاه‌ها", 102, "weeks", "2"]],
    );
    assert.deepEqual(
      p.attendance.map((a) => [a.name, a.time, a.personId]),
      [["آقای شباک", "۹:۰۰ تا ۱۰:۰۰", 105]],
    );
    assert.ok(p.other.includes("آقای شباک — سازمان: ثبت احوال"), "the organisation column is kept as text");
  });

  test("nothing of the file is lost: every paragraph and every cell is somewhere in the draft", async () => {
    const names = new Map([...bodies, ...people].map((c) => [`${c.kind}:${c.id}`, c.name]));
    for (const file of ["council-02.docx", "design-12-two-digit-year.docx", "council-03.docx"]) {
      const { blocks, p } = await propose(file);
      const base = minutesDocSchema.parse({});
      const doc = applyProposal(base, p, {
        bodyId: 1,
        number: 1,
        date: p.date?.value || p.date?.choices[1] || "",
        nextDate: "",
      });
      // The draft as text, with every id read back as its name (a matched owner, a report's committee).
      const ids = [
        ...doc.resolutions.flatMap((r) => r.owners.map((o) => names.get(`${o.kind}:${o.id}`) ?? "")),
        ...doc.reports.map((r) => names.get(`body:${r.bodyId}`) ?? ""),
        ...p.attendance.map((a) => a.name),
      ];
      const haystack = searchKey(JSON.stringify(doc) + ids.join(" ") + (p.bodyText ?? ""));
      const header = new Set(p.original.slice(0, 6));
      const missing: string[] = [];
      const check = (text: string) => {
        // Dates and times are read into fields (checked above); the words around them must be kept.
        const pieces = text
          .replace(/^\s*[0-9۰-۹]{1,3}\s*[)\-.–:]\s*/, "")
          .replace(/^گزارش\s*(اقدامات\s*)?/, "")
          // «دستور دوم:» is the item's place in the agenda.
          .replace(/^دستور\s+\S+\s*:/, "")
          .replace(/^(تاریخ|زمان) جلسه (بعد|آینده)\s*:/, "")
          .split(
            /[0-9۰-۹]{1,4}\s*\/\s*[0-9۰-۹]{1,2}\s*\/\s*[0-9۰-۹]{1,4}|ساعت\s*[:：]?\s*[0-9۰-۹:]+(?:\s*تا\s*[0-9۰-۹:]+)?|[:：—|/]|دوشنبه/,
          );
        for (const piece of pieces) {
          const k = searchKey(piece);
          if (k.length > 3 && !/^[0-9]+$/.test(k) && !haystack.includes(k)) missing.push(text);
        }
      };
      for (const b of blocks as Block[]) {
        if (b.kind === "para") {
          // Section labels are structure; header lines are checked field by field above.
          if (
            /^(دستور جلسه|خلاصه مذاکرات|مصوبات|حاضرین|مدعوین|جلسه بعد|زمان جلسه آینده|دستور جلسه آینده)\s*:?$/.test(
              b.text.trim(),
            )
          )
            continue;
          if (header.has(b.text) && /شماره|تاریخ|محل|مکان/.test(b.text)) continue;
          check(b.text);
        } else {
          // A table's header row and the grid's row labels are structure.
          for (const row of b.rows.slice(1))
            for (const cell of row) if (!/^(اعضاء|نماینده|زمان|سایر حاضرین)$/.test(cell)) check(cell);
        }
      }
      assert.deepEqual(missing, [], `${file}: text not in the draft`);
      if (p.other.length) assert.match(doc.summary, /متن دیگر:/);
    }
  });
});

describe("creating drafts from files", () => {
  const actor = { userId: null };
  const hq = createBody(actor, {
    name: "ستاد ملی سرشماری ثبتی مبنا",
    code: "",
    kind: "headquarters",
    parentId: null,
    isExternal: false,
    active: true,
    duties: "",
  });
  const bodyId = createBody(actor, {
    name: "شورای هماهنگی و تلفیق",
    code: "",
    kind: "council",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
  });

  test("several files become drafts in date order with their own numbers, each file kept as a document", async () => {
    const read = await readImportFiles([
      { name: "council-03.docx", bytes: fixture("council-03.docx") },
      { name: "council-02.docx", bytes: fixture("council-02.docx") },
    ]);
    assert.deepEqual(
      read.map((r) => r.proposal.bodyId),
      [bodyId, bodyId],
    );
    const answers = read.map((r) => ({
      bodyId,
      number: r.proposal.number,
      date: r.proposal.date?.value ?? "",
      nextDate: "",
    }));
    // Chosen later-first, each keeps its own number (the later file does not push the earlier aside).
    assert.deepEqual(proposedNumbers(read), [
      { number: 3, numberTaken: null },
      { number: 2, numberTaken: null },
    ]);
    const ids = createImportedDrafts(actor, STAFF, read, answers);
    // Once the body has them, both are said to be taken and offered the next free numbers.
    assert.deepEqual(proposedNumbers(read), [
      { number: 4, numberTaken: 3 },
      { number: 5, numberTaken: 2 },
    ]);
    const rows = ids.map((id) => db.select().from(meetings).where(eq(meetings.id, id)).get());
    assert.deepEqual(
      rows.map((m) => [m?.number, m?.date, m?.status]),
      [
        [2, "2021-04-19", "draft"],
        [3, "2021-04-26", "draft"],
      ],
      "the earlier meeting first",
    );
    const doc = parseDoc(rows[0]?.draftJson ?? "");
    assert.equal(doc.resolutions.length, 14);
    assert.equal(doc.agenda.length, 4);
    assert.equal(doc.place, "سالن جلسات مرکز آمار ایران");
    const kept = db
      .select()
      .from(documents)
      .where(and(eq(documents.entity, "meeting"), eq(documents.entityId, ids[0])))
      .all();
    assert.deepEqual(
      kept.map((d) => [d.fileName, d.fileType]),
      [["council-02.docx", "docx"]],
    );

    // The same numbers again: refused beside the file, nothing created.
    const before = db.select().from(meetings).all().length;
    assert.throws(
      () => createImportedDrafts(actor, STAFF, read, answers),
      (e: unknown) => e instanceof ImportRefused && e.errors["0.number"] === "import.errors.numberTaken",
    );
    assert.equal(db.select().from(meetings).all().length, before);

    // Free numbers but the same days: most likely the same minutes again, so asked; created only when confirmed.
    const later = answers.map((a, i) => ({ ...a, number: 10 + i }));
    assert.throws(
      () => createImportedDrafts(actor, STAFF, read, later),
      (e: unknown) =>
        e instanceof ImportRefused &&
        e.errors["0.sameDay"] === "import.errors.sameDay" &&
        e.errors["1.sameDay"] === "import.errors.sameDay",
    );
    assert.equal(db.select().from(meetings).all().length, before);
    assert.equal(sameDayMeeting(bodyId, "2021-04-19")?.number, 2);
    const again = createImportedDrafts(
      actor,
      STAFF,
      read,
      later.map((a) => ({ ...a, allowSameDay: true })),
    );
    assert.equal(again.length, 2);
  });

  test("a file that is not Word is refused from its bytes", async () => {
    await assert.rejects(
      () => readImportFiles([{ name: "fake.docx", bytes: new TextEncoder().encode("not a zip") }]),
      /type/,
    );
  });
});
