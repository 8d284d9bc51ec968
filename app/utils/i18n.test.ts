import assert from "node:assert/strict";
import { describe, test } from "node:test";
import en from "../locales/en";
import { createI18n, isolatePersian } from "./i18n";

const english = createI18n("en").t;
const persian = createI18n("fa").t;

/** Every key path of a resource whose text counts something: «{{count…}}». */
function countedKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string"
      ? v.includes("{{count")
        ? [`${prefix}${k.replace(/_(one|other)$/, "")}`]
        : []
      : countedKeys(v as object, `${prefix}${k}.`),
  );
}

describe("plurals", () => {
  test("English says «1 day overdue», «1 week», «2 weeks»; Persian keeps its one form", () => {
    assert.equal(english("followUp.overdue", { count: 1 }), "1 day overdue");
    assert.equal(english("followUp.overdue", { count: 12 }), "12 days overdue");
    assert.equal(english("timeframe.weeks", { count: 1 }), "1 week");
    assert.equal(english("timeframe.weeks", { count: 2 }), "2 weeks");
    assert.equal(english("timeframe.days", { count: 1 }), "1 day");
    assert.equal(persian("timeframe.weeks", { count: 1 }), "۱ هفته");
    assert.equal(persian("timeframe.weeks", { count: 3 }), "۳ هفته");
    assert.equal(persian("followUp.overdue", { count: 1 }), "۱ روز گذشته از مهلت");
  });

  test("no English text that counts says «1 <plural noun>»", () => {
    const keys = [...new Set(countedKeys(en))];
    assert.ok(keys.length > 40, `${keys.length} counted texts`);
    const plural =
      /(^|\D)1 (?:[a-z-]+ )?(days|weeks|bodies|people|groups|accounts|members|letters|organisations|meetings|resolutions|rows|owners|items|documents|signatures|notifications|dates|attempts|sign-ins|events|pages|files|drafts|sets|seconds|minutes (?:await|are))\b/;
    const wrong = keys
      .map((k) => [k, english(k, { count: 1, limit: 5, n: 1 })] as const)
      .filter(([, text]) => plural.test(text));
    assert.deepEqual(wrong, []);
  });
});

describe("Persian inside English sentences", () => {
  test("a Persian value is isolated, so «Meeting 2 of <body>» keeps its order; Latin values are left alone", () => {
    assert.equal(isolatePersian("کمیته طراحی"), "\u2068کمیته طراحی\u2069");
    assert.equal(isolatePersian("Design committee"), "Design committee");
    assert.equal(
      english("minutes.meetingOf", { number: 2, body: "کمیته طراحی" }),
      "Meeting 2 of \u2068کمیته طراحی\u2069",
    );
    assert.equal(english("minutes.meetingOf", { number: 2, body: "Council" }), "Meeting 2 of Council");
  });

  test("Persian pages take values as they are", () => {
    assert.equal(persian("minutes.meetingOf", { number: 2, body: "کمیته طراحی" }).includes("\u2068"), false);
  });
});
