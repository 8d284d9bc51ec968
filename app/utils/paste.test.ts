import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { matchOwner, type OwnerCandidate, splitOwners } from "./owner-match";
import { parseTsv, readResolutions, toResolutionDrafts } from "./paste";
import { parseTimeframeText } from "./timeframe";

const reference = readFileSync(new URL("../../tests/fixtures/reference-resolutions.tsv", import.meta.url), "utf8");

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
