import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarActionSchema } from "./calendar";

test("the calendar's forms: one schema per intent, bad input refused with a message key, never guessed", () => {
  assert.deepEqual(calendarActionSchema.parse({ intent: "add", date: "۱۴۰۵/۰۱/۰۱", title: " نوروز " }), {
    intent: "add",
    date: "2026-03-21",
    title: "نوروز",
    kind: "solar",
  });
  assert.deepEqual(calendarActionSchema.parse({ intent: "add", date: "۱۴۰۵/۰۴/۰۵", title: "عاشورا", kind: "lunar" }), {
    intent: "add",
    date: "2026-06-26",
    title: "عاشورا",
    kind: "lunar",
  });
  assert.equal(
    calendarActionSchema.safeParse({ intent: "add", date: "۱۴۰۵/۰۴/۰۵", title: "x", kind: "moon" }).success,
    false,
  );
  assert.deepEqual(calendarActionSchema.parse({ intent: "confirm", date: "2026-06-26" }), {
    intent: "confirm",
    date: "2026-06-26",
  });
  assert.deepEqual(calendarActionSchema.parse({ intent: "weekend", day: ["5", "6"] }), {
    intent: "weekend",
    day: [5, 6],
  });
  const bad = calendarActionSchema.safeParse({ intent: "add", date: "۱۴۰۴/۱۲/۳۰", title: "" });
  assert.equal(bad.success, false);
  assert.deepEqual(
    bad.error?.issues.map((i) => [i.path[0], i.message.split(".")[0]]),
    [
      ["date", "date"],
      ["title", "validation"],
    ],
  );
  assert.equal(calendarActionSchema.safeParse({ intent: "weekend", day: ["7"] }).success, false);
  assert.equal(calendarActionSchema.safeParse({ intent: "drop-table" }).success, false);
});
