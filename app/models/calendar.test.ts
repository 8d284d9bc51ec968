import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import shipped from "../../db/holidays-iran.json";
import { auditLog, holidays } from "../../db/schema";
import { db } from "../utils/db.server";
import { jalaliToIso, toJalali } from "../utils/jalali";
import { computeDeadline } from "../utils/timeframe";
import {
  addHoliday,
  confirmHoliday,
  DEFAULT_WEEKEND,
  getWorkCalendar,
  listHolidays,
  loadShippedHolidays,
  lunarHolidayCount,
  removeHoliday,
  SHIPPED_SOURCE,
  setWeekendDays,
} from "./calendar.server";

const actor = { userId: null };
// Ashura 1405 as the shipped table has it (vacanza/holidays: 10 Muharram 1448, Umm al-Qura + 1 day in Iran).
const ASHURA_1405 = "2026-06-26";

function allRows() {
  return db.select().from(holidays).orderBy(holidays.date).all();
}

describe("the shipped official holidays", () => {
  test("cover 1398–1410, solar and lunar, and Ashura 1405 is among them, estimated", () => {
    assert.equal(loadShippedHolidays().added, shipped.holidays.length);
    const ashura = db.select().from(holidays).where(eq(holidays.date, ASHURA_1405)).get();
    assert.deepEqual(toJalali(ASHURA_1405), { jy: 1405, jm: 4, jd: 5 });
    assert.equal(ashura?.title, "عاشورای حسینی");
    assert.equal(ashura?.kind, "lunar");
    assert.equal(ashura?.estimated, true);
    assert.equal(ashura?.source, SHIPPED_SOURCE);
    for (let jy = 1398; jy <= 1410; jy++) {
      assert.ok(lunarHolidayCount(jy) >= 15, `lunar holidays of ${jy}`);
      const nowruz = db
        .select()
        .from(holidays)
        .where(eq(holidays.date, jalaliToIso({ jy, jm: 1, jd: 1 })))
        .get();
      assert.match(nowruz?.title ?? "", /عید نوروز/, `Nowruz ${jy}`);
    }
    assert.equal(lunarHolidayCount(1411), 0);
  });

  test("loading again changes nothing, and keeps what the admin confirmed, corrected and removed", () => {
    loadShippedHolidays();
    const once = allRows();
    assert.deepEqual(loadShippedHolidays(), { added: 0 });
    assert.deepEqual(allRows(), once);

    const tasua = "2026-06-25";
    const arbaeen = "2026-08-04";
    removeHoliday(actor, ASHURA_1405);
    addHoliday(actor, tasua, "تاسوعای حسینی (اصلاح‌شده)", "lunar");
    confirmHoliday(actor, arbaeen);
    const edited = allRows();
    assert.deepEqual(loadShippedHolidays(), { added: 0 });
    assert.deepEqual(allRows(), edited);
    assert.equal(
      edited.find((h) => h.date === ASHURA_1405),
      undefined,
    );
    assert.deepEqual(
      edited.find((h) => h.date === tasua),
      { date: tasua, title: "تاسوعای حسینی (اصلاح‌شده)", kind: "lunar", estimated: false, source: "" },
    );
    assert.equal(edited.find((h) => h.date === arbaeen)?.estimated, false);
    assert.equal(edited.find((h) => h.date === arbaeen)?.source, SHIPPED_SOURCE);
    const confirmed = db.select().from(auditLog).where(eq(auditLog.entity, "holiday")).all();
    assert.ok(
      confirmed.some((a) => a.action === "update" && a.after === JSON.stringify({ date: arbaeen, estimated: false })),
    );

    // The admin adds the removed day back: it is theirs again, and a later load leaves it.
    addHoliday(actor, ASHURA_1405, "عاشورای حسینی", "lunar");
    loadShippedHolidays();
    assert.equal(listHolidays(1405).find((h) => h.date === ASHURA_1405)?.source, "");
  });
});

describe("a deadline on a lunar holiday", () => {
  // 5 Tir 1405, Ashura, is a Friday, and Tasua before it a Thursday: with the usual Thursday–Friday weekend the
  // weekend alone would move a deadline off it. Here the office works every day of the week, so only the holiday
  // table can move it.
  test("a deadline on Ashura 1405 moves to the next working day", () => {
    loadShippedHolidays();
    setWeekendDays(actor, []);
    try {
      // A meeting on Friday 1405/03/22 gives its resolution two weeks: the last day is 1405/04/05, Ashura.
      const deadline = computeDeadline("2026-06-12", { kind: "weeks", count: 2 }, getWorkCalendar());
      assert.deepEqual(deadline, { nominal: ASHURA_1405, due: "2026-06-27", moved: true });
      // Without the lunar holidays the same deadline would have stayed on Ashura.
      const solarOnly = new Set(
        listHolidays()
          .filter((h) => h.kind === "solar")
          .map((h) => h.date),
      );
      const without = computeDeadline(
        "2026-06-12",
        { kind: "weeks", count: 2 },
        { weekendDays: [], holidays: solarOnly },
      );
      assert.equal(without.due, ASHURA_1405);
    } finally {
      setWeekendDays(actor, DEFAULT_WEEKEND);
    }
  });

  test("a deadline on Arbaeen 1405, a Tuesday, moves to Wednesday under the usual weekend", () => {
    loadShippedHolidays();
    const arbaeen = "2026-08-04";
    const deadline = computeDeadline("2026-07-28", { kind: "days", count: 7 }, getWorkCalendar());
    assert.deepEqual(deadline, { nominal: arbaeen, due: "2026-08-05", moved: true });
  });
});
