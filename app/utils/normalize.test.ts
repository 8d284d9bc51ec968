import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatCount, formatPlain, toAsciiDigits, toPersianDigits } from "./digits";
import { comparePersian, matchesSearch, searchKey } from "./normalize";

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
