import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatCount, formatPlain, toAsciiDigits, toPersianDigits } from "./digits";
import { cleanDeep, cleanText, comparePersian, matchesSearch, searchKey } from "./normalize";

describe("search keys (cases 10–12)", () => {
  test("case 10: spaces and ZWNJ meet", () => {
    const keys = ["وزارتخانهها", "وزارتخانه ها", "وزارتخانه\u200Cها"].map(searchKey);
    assert.equal(new Set(keys).size, 1);
  });
  test("case 11: Arabic letters, tatweel and presentation forms", () => {
    for (const s of ["كميته", "کمیـــته", "ﻛﻤﻴﺘﻪ"]) assert.equal(searchKey(s), searchKey("کمیته"), s);
  });
  test("case 12: harakat, ۀ and هٔ", () => {
    assert.equal(searchKey("مُصَوَّبات"), searchKey("مصوبات"));
    assert.equal(searchKey("جلسۀ"), searchKey("جلسه"));
    assert.equal(searchKey("جلسهٔ"), searchKey("جلسه"));
  });
  test("bidi controls, NBSP and digits", () => {
    assert.equal(searchKey("\u202Bجلسه\u00A0۱۲\u202C"), searchKey("جلسه 12"));
  });
  test("matchesSearch needs every word", () => {
    assert.equal(matchesSearch("کمیته تامین داده", "كميته داده"), true);
    assert.equal(matchesSearch("کمیته تامین داده", "كميته فناوری"), false);
  });
});

describe("digits and numbers (cases 13–14)", () => {
  test("a year without grouping, a count with ٬", () => {
    assert.equal(formatPlain(1403, "fa"), "۱۴۰۳");
    assert.equal(formatCount(1234567, "fa"), "۱٬۲۳۴٬۵۶۷");
    assert.equal(formatCount(1234567, "en"), "1,234,567");
  });
  test("digit conversion both ways", () => {
    assert.equal(toPersianDigits("2 هفته"), "۲ هفته");
    assert.equal(toAsciiDigits("۱۴۰۳/٠۲"), "1403/02");
  });
});

describe("Persian collation", () => {
  test("پ چ ژ ک گ ی sort in their places", () => {
    const sorted = ["یزدی", "کرامتی", "گودرزی", "پیرحسینی", "باقری", "چراغی", "ژیان"].sort(comparePersian);
    assert.deepEqual(sorted, ["باقری", "پیرحسینی", "چراغی", "ژیان", "کرامتی", "گودرزی", "یزدی"]);
  });
});

test("stored text loses NUL and other control characters, keeps tabs and line breaks, and closes bidi controls", () => {
  assert.equal(cleanText("a\u0000b\u0007c\u001Bd\u007Fe\u0085f"), "abcdef");
  assert.equal(cleanText("سطر یک\r\nسطر دو\r\tپایان"), "سطر یک\nسطر دو\n\tپایان");
  // An override in a name is closed at its end, so it cannot reorder what follows the name on a page.
  assert.equal(cleanText("\u202Eabc"), "\u202Eabc\u202C");
  assert.equal(cleanText("\u2067x\u202Ey\nz\u202C"), "\u2067x\u202Ey\u202C\u2069\nz");
  assert.equal(cleanText("\u200Fمتن\u200C‌ها\u200E"), "\u200Fمتن\u200C‌ها\u200E", "marks and ZWNJ stay");
  assert.deepEqual(cleanDeep({ a: ["x\u0000", { b: "\u202Ey" }], n: 3 }), { a: ["x", { b: "\u202Ey\u202C" }], n: 3 });
});

test("«مسئول» and «مسؤول» are one word, and «مسائل» keeps its «ی»", () => {
  assert.equal(searchKey("مسئول"), searchKey("مسؤول"));
  assert.equal(searchKey("رئوف"), searchKey("رؤوف"));
  assert.equal(searchKey("مسائل"), searchKey("مسايل"));
  assert.equal(searchKey("مؤسسه"), searchKey("موسسه"));
  assert.ok(matchesSearch("تعیین مسئول", "مسؤول"));
});
