import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { matchOwner, type OwnerCandidate, splitOwners } from "./owner-match";
import { parseTsv, readResolutions, toResolutionDrafts } from "./paste";
import { parseTimeframeText } from "./timeframe";
import { readVote, readVoteLine } from "./vote";

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), "utf8");
const reference = fixture("reference-resolutions.tsv");

const candidates: OwnerCandidate[] = [
  { kind: "body", id: 1, name: "ستاد ملی سرشماری ثبتی مبنا", bodyKind: "headquarters" },
  { kind: "body", id: 2, name: "شورای هماهنگی و تلفیق", bodyKind: "council" },
  { kind: "body", id: 3, name: "کمیته طراحی و روش‌شناسی", bodyKind: "committee" },
  { kind: "body", id: 4, name: "کمیته تامین داده", bodyKind: "committee" },
  { kind: "body", id: 5, name: "کمیته زیرساخت و تبادل داده", bodyKind: "committee" },
  { kind: "body", id: 6, name: "کمیته فناوری اطلاعات", bodyKind: "committee" },
  { kind: "body", id: 7, name: "کمیته سازماندهی، آموزش و پشتیبانی", bodyKind: "committee" },
  { kind: "body", id: 8, name: "دبیرخانه ستاد", bodyKind: "secretariat" },
  { kind: "person", id: 10, name: "آقای عباسی", aliases: ["عباسی"] },
];
const ALL_COMMITTEES = [3, 4, 5, 6, 7];

const owners = (cell: string) =>
  splitOwners(cell).map((label) => {
    const m = matchOwner(label, candidates);
    return m.status === "matched" ? m.owners.map((o) => o.id) : `?${label}`;
  });

describe("pasting the reference minutes' resolutions table", () => {
  const { roles, rows } = readResolutions(reference);

  test("the header row sets the columns: timeframe, owner, subject", () => {
    assert.deepEqual(roles, ["timeframe", "owners", "subject"]);
  });

  test("14 rows, numbered 1–14 in order, subjects without their numbers", () => {
    assert.equal(rows.length, 14);
    assert.deepEqual(
      rows.map((r) => r.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    );
    assert.ok(rows[0].subject.startsWith("تهیه و ارائه گزارش سه ماهه"));
    assert.ok(rows[4].subject.startsWith("هر کمیته می تواند حداکثر چهار زیر گروه"));
  });

  test("timeframes: two weeks, one week and none (standing)", () => {
    const kinds = rows.map((r) =>
      r.timeframe?.kind === "weeks" ? `${r.timeframe.count}w` : r.timeframe?.kind === "standing" ? "-" : "?",
    );
    assert.deepEqual(kinds, ["2w", "-", "1w", "1w", "1w", "-", "1w", "1w", "1w", "1w", "-", "-", "-", "-"]);
  });

  test("owners: bodies found, «کمیته ها» means every committee, unknown ones flagged and kept", () => {
    assert.deepEqual(owners(rows[0].ownersText), [[8], ALL_COMMITTEES]);
    assert.deepEqual(owners(rows[1].ownersText), [[4], [5]]);
    assert.deepEqual(owners(rows[3].ownersText), [[8]]);
    assert.deepEqual(owners(rows[6].ownersText), [[8], "?معاونت اقتصادی"]);
    assert.deepEqual(owners(rows[7].ownersText), [[5], [6]]);
    assert.deepEqual(owners(rows[10].ownersText), [[6]]);
    assert.deepEqual(owners(rows[12].ownersText), ["?معاونت طرح های آماری", "?پژوهشکده آمار"]);
    const flagged = rows.flatMap((r) => owners(r.ownersText)).filter((o) => typeof o === "string");
    assert.equal(flagged.length, 3);
  });
});

describe("paste parser details", () => {
  test("Excel quotes cells holding newlines and quotes", () => {
    assert.deepEqual(parseTsv('"یک\nدو"\t"گفت ""بله"""\nسه\tچهار\n'), [
      ["یک\nدو", 'گفت "بله"'],
      ["سه", "چهار"],
    ]);
  });
  test("a column order the user mapped is used as given", () => {
    const { rows } = readResolutions("۱) تهیه گزارش\tدبیرخانه\t۳ هفته", ["subject", "owners", "timeframe"]);
    assert.deepEqual(rows[0].timeframe, { kind: "weeks", count: 3 });
    assert.equal(rows[0].ownersText, "دبیرخانه");
  });
  test("people are found by name with honorific; a person's name with و is not split", () => {
    assert.deepEqual(owners("آقای عباسی"), [[10]]);
    assert.deepEqual(splitOwners("کمیته زیرساخت و تبادل داده / دبیرخانه"), ["کمیته زیرساخت و تبادل داده", "دبیرخانه"]);
  });
  test("timeframes in words, digits, dates and dashes", () => {
    assert.deepEqual(parseTimeframeText("۱۰ روز"), { kind: "days", count: 10 });
    assert.deepEqual(parseTimeframeText("سه هفته"), { kind: "weeks", count: 3 });
    assert.deepEqual(parseTimeframeText("مستمر"), { kind: "standing" });
    assert.deepEqual(parseTimeframeText("۱۴۰۴/۰۲/۰۱"), { kind: "date", date: "2025-04-21" });
    assert.equal(parseTimeframeText("به زودی"), null);
  });
});

test("a pasted timeframe that is a date fills the draft's date, so the deadline is computed from it", () => {
  const { drafts } = toResolutionDrafts(
    "۱) تهیه گزارش\tدبیرخانه\t۱۴۰۴/۰۱/۱۹\n۲) ارسال نامه\tدبیرخانه\tدو هفته",
    ["subject", "owners", "timeframe"],
    [],
    () => "k",
  );
  assert.deepEqual(
    drafts.map((d) => [d.timeframeKind, d.timeframeCount, d.timeframeDate]),
    [
      ["date", "", "1404/01/19"],
      ["weeks", "2", ""],
    ],
  );
});

const v = (kind: string, f = "", a = "", b = "") => ({ kind, for: f, against: a, abstain: b });

describe("a table from Word whose cells ran over several lines (word-multiline-resolutions.tsv)", () => {
  const { rows } = readResolutions(fixture("word-multiline-resolutions.tsv"));

  test("four resolutions, numbered 1–4: continuation lines (no tab, or only the subject) join the one above", () => {
    assert.deepEqual(
      rows.map((r) => r.number),
      [1, 2, 3, 4],
    );
    assert.equal(
      rows[0].subject,
      "تهیه گزارش پیشرفت کار کمیته‌ها\nبا تأکید بر زمان‌بندی آزمایش سرشماری ۱۴۰۰ و ارسال آن به اعضای ستاد.",
    );
    assert.equal(
      rows[1].subject,
      "ارسال نامه به دستگاه‌های اجرایی برای دریافت ریزداده\nدر قالب شیوه‌نامه تبادل داده و با امضای سند منع افشای اطلاعات.",
    );
  });

  test("vote lines set the vote (any digits) and do not stay in the text", () => {
    assert.deepEqual(
      rows.map((r) => r.vote),
      [v("unanimous"), v("majority", "۵", "۱", "۱"), v("none"), v("majority", "4", "2", "0")],
    );
    assert.ok(rows.every((r) => !/آراء|رأی/.test(r.subject)));
    assert.deepEqual(readVote(rows[1].vote).vote, { kind: "majority", for: 5, against: 1, abstain: 1 });
  });

  test("a note stays in the text on its own line; a line of only an owner adds to the owners", () => {
    assert.equal(
      rows[2].subject,
      "تهیه فهرست تجهیزات مورد نیاز آزمایش ۱۴۰۰\nتوضیح: فهرست در جلسه آینده بازبینی می‌شود.",
    );
    assert.deepEqual(owners(rows[2].ownersText), [[6], [5]]);
  });

  test("the timeframes of the rows are kept", () => {
    assert.deepEqual(
      rows.map((r) => r.timeframe),
      [{ kind: "weeks", count: 2 }, { kind: "standing" }, { kind: "weeks", count: 1 }, { kind: "days", count: 10 }],
    );
  });
});

describe("a quoted letter with its own numbering, in a table without a timeframe column (quoted-letter-resolutions.tsv)", () => {
  const read = readResolutions(fixture("quoted-letter-resolutions.tsv"));
  const { rows } = read;

  test("after ۵, «۱) ۲) ۳)» stay in the letter's text and «۶)» is the next resolution", () => {
    assert.deepEqual(
      rows.map((r) => r.number),
      [4, 5, 6, 7],
    );
    assert.deepEqual(rows[1].subject.split("\n"), [
      "متن نامه زیر از طرف دبیر ستاد به دستگاه‌های اجرایی ارسال شود:",
      "«احتراماً، در اجرای مصوبات ستاد ملی سرشماری ثبتی مبنا خواهشمند است:",
      "۱) فهرست داده‌های ثبتی موجود را ارسال فرمایید.",
      "۲) نماینده تام‌الاختیار خود را معرفی کنید.",
      "۳) زمان‌بندی تحویل داده را اعلام فرمایید.»",
      "یادداشت: رونوشت نامه به معاونت اقتصادی ارسال شود.",
    ]);
    assert.equal(rows[2].subject, "گزارش اقدامات هر کمیته هر هفته به دبیرخانه ارسال شود.");
    assert.equal(rows[3].subject, "راه‌اندازی زیرسایت دبیرخانه ستاد\n1- صفحه اخبار\n2- صفحه مصوبات");
  });

  test("no timeframe column: nothing is read as a timeframe, and drafts are left unchosen unless the user says standing", () => {
    assert.equal(read.hasTimeframe, false);
    assert.ok(rows.every((r) => r.timeframe === null));
    const text = fixture("quoted-letter-resolutions.tsv");
    const unchosen = toResolutionDrafts(text, undefined, candidates, () => "k");
    assert.equal(unchosen.hasTimeframe, false);
    assert.deepEqual(
      unchosen.drafts.map((d) => d.timeframeKind),
      ["", "", "", ""],
    );
    const later = toResolutionDrafts(text, undefined, candidates, () => "k", "later");
    assert.deepEqual(
      later.drafts.map((d) => d.timeframeKind),
      ["", "", "", ""],
    );
    const standing = toResolutionDrafts(text, undefined, candidates, () => "k", "standing");
    assert.deepEqual(
      standing.drafts.map((d) => d.timeframeKind),
      ["standing", "standing", "standing", "standing"],
    );
  });

  test("the reference table, which has a timeframe column, ignores the choice", () => {
    const { hasTimeframe, drafts } = toResolutionDrafts(reference, undefined, candidates, () => "k", "standing");
    assert.equal(hasTimeframe, true);
    assert.deepEqual(drafts[0].timeframeKind, "weeks");
  });
});

describe("numbering, votes and notes in other shapes", () => {
  test("a quoted letter's «۲)» after its «۱)» does not start resolution ۲; the real ۲ after «۳)» does", () => {
    const { rows } = readResolutions(
      "یک هفته\tدبیرخانه\t۱) نامه زیر ارسال شود:\n\t\t۱) بند نخست\n\t\t۲) بند دوم\n\t\t۳) بند سوم\n\t\t۲) مصوبه دوم بدون متولی",
      ["timeframe", "owners", "subject"],
    );
    assert.deepEqual(
      rows.map((r) => [r.number, r.subject]),
      [
        [1, "نامه زیر ارسال شود:\n۱) بند نخست\n۲) بند دوم\n۳) بند سوم"],
        [2, "مصوبه دوم بدون متولی"],
      ],
    );
  });

  test("an Excel cell holding the letter and the vote reads the same way", () => {
    const { rows } = readResolutions(
      '"۳) نامه زیر ارسال شود:\n1) بند نخست\n2) بند دوم\nبا اکثریت آراء (۷ موافق، ۲ مخالف) تصویب شد"\tدبیرخانه\tیک هفته\n۴) مصوبه بعدی\tدبیرخانه\t-',
      ["subject", "owners", "timeframe"],
    );
    assert.deepEqual(
      rows.map((r) => r.subject),
      ["نامه زیر ارسال شود:\n1) بند نخست\n2) بند دوم", "مصوبه بعدی"],
    );
    assert.deepEqual(rows[0].vote, v("majority", "۷", "۲", ""));
  });

  test("a plain list without tabs or numbers stays one resolution a line; vote and note lines still attach", () => {
    const { rows } = readResolutions("تهیه گزارش\nبه اتفاق آرا\nارسال نامه\nیادداشت: فوری");
    assert.deepEqual(
      rows.map((r) => [r.subject, r.vote?.kind]),
      [
        ["تهیه گزارش", "unanimous"],
        ["ارسال نامه\nیادداشت: فوری", undefined],
      ],
    );
  });

  test("a headerless two-column table (subject, owners) has no timeframe column", () => {
    const read = readResolutions(
      "۱) تهیه گزارش پیشرفت کار کمیته‌ها\tدبیرخانه ستاد\n۲) ارسال نامه به دستگاه‌های اجرایی\tکمیته تامین داده",
    );
    assert.deepEqual(read.roles, ["subject", "owners"]);
    assert.equal(read.hasTimeframe, false);
  });

  test("vote lines in their usual spellings; a sentence that only mentions a vote is not one", () => {
    assert.deepEqual(readVoteLine("به اتفاق آراء تصویب شد"), v("unanimous"));
    assert.deepEqual(readVoteLine("مصوبه با اتفاق آرای اعضای حاضر تصویب گردید."), v("unanimous"));
    assert.deepEqual(readVoteLine("رأی‌گیری نشد"), v("none"));
    assert.deepEqual(readVoteLine("بدون رای گیری"), v("none"));
    assert.deepEqual(readVoteLine("با اکثریت آراء (موافق: ۶، مخالف: ۱) تصویب شد"), v("majority", "۶", "۱", ""));
    assert.deepEqual(readVoteLine("با ۵ رأی موافق، ۱ مخالف و ۱ ممتنع"), v("majority", "۵", "۱", "۱"));
    assert.equal(readVoteLine("کمیته‌ها به اتفاق آراء خواستار برگزاری جلسه شدند"), null);
    assert.equal(
      readVoteLine(
        "به اتفاق آراء مقرر شد کمیته‌ها گزارش اقدامات خود را هر هفته به دبیرخانه ارسال کنند و دبیرخانه آن را جمع‌بندی کرده در جلسه بعد ارائه دهد",
      ),
      null,
    );
  });
});
