import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { searchKey } from "./normalize";
import { formatPersonName, namesForReader, personSearchKey } from "./person-name";

const doctor = { honorific: "mr", title: "dr", firstName: "عزت‌اله", lastName: "محمدی" } as const;
const engineer = { honorific: "ms", title: "eng", firstName: "مریم", lastName: "قادری" } as const;
const plain = { honorific: "ms", title: null, firstName: "", lastName: "شاگری" } as const;

describe("formatPersonName", () => {
  test("Persian: honorific, title, first and last name, as the minutes write them", () => {
    assert.equal(formatPersonName(doctor, "fa"), "آقای دکتر عزت‌اله محمدی");
    assert.equal(formatPersonName(engineer, "fa"), "خانم مهندس مریم قادری");
    assert.equal(formatPersonName(doctor, "fa", { withHonorific: false }), "دکتر عزت‌اله محمدی");
  });

  test("English: a doctor is «Dr», never «Mr Dr»; an engineer keeps Mr/Ms; no Persian honorific", () => {
    assert.equal(formatPersonName(doctor, "en"), "Dr عزت‌اله محمدی");
    assert.equal(formatPersonName(engineer, "en"), "Ms مریم قادری");
    assert.equal(formatPersonName(plain, "en"), "Ms شاگری");
    assert.equal(formatPersonName(plain, "en", { withHonorific: false }), "شاگری");
    for (const p of [doctor, engineer, plain]) assert.doesNotMatch(formatPersonName(p, "en"), /آقای|خانم|Mr Dr/);
  });

  test("the search key still finds «Mr …» and «Dr …» and the Persian forms", () => {
    const key = personSearchKey(doctor);
    for (const word of ["Mr", "Dr", "دکتر", "آقای"]) assert.ok(key.includes(searchKey(word)), word);
  });
});

describe("namesForReader", () => {
  test("English pages read names the models wrote in Persian with English honorifics, each name in a list", () => {
    assert.equal(
      namesForReader("دبیرخانه ستاد / آقای دکتر حسین‌زاده / خانم بنی‌هاشمی / آقای مهندس سیفی", "en"),
      "دبیرخانه ستاد / Dr حسین‌زاده / Ms بنی‌هاشمی / Mr سیفی",
    );
    assert.equal(namesForReader("آقای پیرحسینی، خانم دکتر قادری", "en"), "Mr پیرحسینی، Dr قادری");
  });

  test("Persian pages and names without an honorific are left as they are", () => {
    assert.equal(namesForReader("آقای دکتر حسین‌زاده", "fa"), "آقای دکتر حسین‌زاده");
    assert.equal(namesForReader("کمیته طراحی", "en"), "کمیته طراحی");
    // «خانمی» inside a body's name is no honorific.
    assert.equal(namesForReader("کارگروه آقایان", "en"), "کارگروه آقایان");
  });
});
