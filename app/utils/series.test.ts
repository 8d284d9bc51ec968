import assert from "node:assert/strict";
import { test } from "node:test";
import { jalaliToIso } from "./jalali";
import { nextSlot, slotAt, upcomingSlots } from "./series";

const j = (jy: number, jm: number, jd: number) => jalaliToIso({ jy, jm, jd });

test("a weekly series comes round on its weekday; every two weeks skips one; until ends it", () => {
  const weekly = { frequency: "weekly" as const, startsOn: j(1405, 9, 1), until: null };
  assert.deepEqual(upcomingSlots(weekly, j(1405, 9, 2), 3), [j(1405, 9, 8), j(1405, 9, 15), j(1405, 9, 22)]);
  assert.equal(nextSlot(weekly, j(1405, 9, 8)), j(1405, 9, 8), "the day itself is a slot");
  const biweekly = { frequency: "biweekly" as const, startsOn: j(1405, 9, 1), until: j(1405, 9, 29) };
  assert.deepEqual(upcomingSlots(biweekly, j(1405, 9, 1), 5), [j(1405, 9, 1), j(1405, 9, 15), j(1405, 9, 29)]);
  assert.equal(nextSlot(biweekly, j(1405, 9, 30)), null);
});

test("taken slots (held, moved or skipped) are passed over, and the series goes on from the next", () => {
  const weekly = { frequency: "weekly" as const, startsOn: j(1405, 9, 1), until: null };
  const taken = new Set([j(1405, 9, 8), j(1405, 9, 15)]);
  assert.equal(nextSlot(weekly, j(1405, 9, 2), taken), j(1405, 9, 22));
});

test("monthly keeps the Jalali day, the month's last day when the month is shorter, across years", () => {
  const monthly = { frequency: "monthly" as const, startsOn: j(1405, 6, 31), until: null };
  assert.equal(slotAt(monthly, 1), j(1405, 7, 30), "Mehr has 30 days");
  assert.equal(slotAt(monthly, 6), j(1405, 12, 29), "Esfand 1405 has 29");
  assert.equal(slotAt(monthly, 7), j(1406, 1, 31));
  // Ten years on, no month is jumped over.
  assert.equal(nextSlot(monthly, j(1415, 3, 1)), j(1415, 3, 31));
});
