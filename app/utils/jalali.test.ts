import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addDays,
  formatJalali,
  formatJalaliLong,
  isValidJalali,
  jalaliToIso,
  parseJalaliInput,
  parseTime,
  persianWeekday,
  quarterOf,
  quarterRange,
  toJalali,
  type WorkCalendar,
  weekOf,
} from "./jalali";
import { computeDeadline } from "./timeframe";

const iso = (jy: number, jm: number, jd: number) => jalaliToIso({ jy, jm, jd });
const nowruz1404: WorkCalendar = {
  weekendDays: [5, 6], // Thursday and Friday
  holidays: new Set([iso(1404, 1, 1), iso(1404, 1, 2), iso(1404, 1, 3), iso(1404, 1, 4)]),
};
const noDaysOff: WorkCalendar = { weekendDays: [], holidays: new Set() };

describe("conversion (case 1)", () => {
  test("2025-03-20 is 1403/12/30", () => {
    assert.deepEqual(toJalali("2025-03-20"), { jy: 1403, jm: 12, jd: 30 });
  });
  test("1404/01/01 is Friday 2025-03-21", () => {
    assert.equal(iso(1404, 1, 1), "2025-03-21");
    assert.equal(persianWeekday("2025-03-21"), 6);
    assert.equal(formatJalaliLong("2025-03-21", "fa"), "جمعه ۱ فروردین ۱۴۰۴");
  });
  test("round trip over every day of 1300–1500 agrees with Intl's persian calendar", () => {
    const intl = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
      timeZone: "UTC",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    let day = iso(1300, 1, 1);
    const last = iso(1500, 12, 29);
    let checked = 0;
    while (day <= last) {
      const j = toJalali(day);
      assert.equal(jalaliToIso(j), day);
      if (checked % 97 === 0) {
        const parts = intl.formatToParts(new Date(`${day}T12:00:00Z`));
        const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
        assert.deepEqual([get("year"), get("month"), get("day")], [j.jy, j.jm, j.jd], day);
      }
      day = addDays(day, 1);
      checked++;
    }
    assert.ok(checked > 73_000);
  });
});

describe("validation (case 2)", () => {
  test("1404/12/30 is not valid, 1403/12/30 is, 1404/07/31 is not", () => {
    assert.equal(isValidJalali({ jy: 1404, jm: 12, jd: 30 }), false);
    assert.equal(isValidJalali({ jy: 1403, jm: 12, jd: 30 }), true);
    assert.equal(isValidJalali({ jy: 1404, jm: 7, jd: 31 }), false);
  });
});

describe("deadlines (cases 3–5)", () => {
  test("1403/12/25 + one week, no days off → 1404/01/02", () => {
    const d = computeDeadline(iso(1403, 12, 25), { kind: "weeks", count: 1 }, noDaysOff);
    assert.equal(d.due, iso(1404, 1, 2));
    assert.equal(d.moved, false);
  });
  test("1403/12/25 + one week, Nowruz off, weekend Thu+Fri → Tuesday 1404/01/05", () => {
    const d = computeDeadline(iso(1403, 12, 25), { kind: "weeks", count: 1 }, nowruz1404);
    assert.equal(d.due, iso(1404, 1, 5));
    assert.equal(d.nominal, iso(1404, 1, 2));
    assert.equal(d.moved, true);
    assert.equal(persianWeekday(d.due as string), 3);
  });
  test("1403/12/16 + two weeks, Thu+Fri, Nowruz off → 1404/01/05", () => {
    const d = computeDeadline(iso(1403, 12, 16), { kind: "weeks", count: 2 }, nowruz1404);
    assert.equal(d.due, iso(1404, 1, 5));
  });
  test("days, fixed dates and standing resolutions", () => {
    assert.equal(computeDeadline(iso(1404, 1, 10), { kind: "days", count: 3 }, noDaysOff).due, iso(1404, 1, 13));
    assert.equal(
      computeDeadline(iso(1404, 1, 10), { kind: "date", date: iso(1404, 2, 1) }, noDaysOff).due,
      iso(1404, 2, 1),
    );
    assert.equal(computeDeadline(iso(1404, 1, 10), { kind: "standing" }, noDaysOff).due, null);
  });
});

describe("quarters (case 6) and weeks (case 7)", () => {
  test("days in the quarters of 1403 and 1404", () => {
    assert.deepEqual(
      ([1, 2, 3, 4] as const).map((q) => quarterRange(1403, q).days),
      [93, 93, 90, 90],
    );
    assert.deepEqual(
      ([1, 2, 3, 4] as const).map((q) => quarterRange(1404, q).days),
      [93, 93, 90, 89],
    );
    assert.equal(quarterRange(1404, 4).end, iso(1404, 12, 29));
    assert.deepEqual(quarterOf(iso(1404, 7, 1)), { jy: 1404, quarter: 3 });
  });
  test("the week holding 1404/01/19 is 1404/01/16 – 1404/01/22", () => {
    assert.deepEqual(weekOf(iso(1404, 1, 19)), {
      start: iso(1404, 1, 16),
      end: iso(1404, 1, 22),
    });
    assert.equal(persianWeekday(iso(1404, 1, 16)), 0);
  });
});

describe("typed dates (cases 8–9)", () => {
  const parsed = (text: string) => {
    const r = parseJalaliInput(text);
    return r.ok ? formatJalali(r.iso, "en") : r.error;
  };
  test("any digits, separators and order", () => {
    assert.equal(parsed("۱۴۰۳/٠۲/06"), "1403/02/06");
    assert.equal(parsed("1400-02-06"), "1400/02/06");
    assert.equal(parsed("6/2/1400"), "1400/02/06");
    assert.equal(parsed("١٤٠٠/٢/٦"), "1400/02/06");
    assert.equal(parsed(" 1400.2.6 "), "1400/02/06");
  });
  test("clear errors, never a guess", () => {
    assert.equal(parsed("00/2/6"), "year");
    assert.equal(parsed("۱۴۰۴/۱۲/۳۰"), "invalid");
    assert.equal(parsed("فردا"), "format");
    assert.equal(parsed(""), "empty");
  });
});

describe("formatting", () => {
  test("Persian digits with zero padding", () => {
    assert.equal(formatJalali("2021-04-26", "fa"), "۱۴۰۰/۰۲/۰۶");
    assert.equal(formatJalaliLong("2021-04-26", "fa"), "دوشنبه ۶ اردیبهشت ۱۴۰۰");
  });
});

describe("typed times and Gregorian dates (issue 16)", () => {
  test("times in any digits, on the hour or with a dot, come back as HH:MM", () => {
    assert.equal(parseTime("۱۰:۰۰"), "10:00");
    assert.equal(parseTime("١٠:٣٠"), "10:30");
    assert.equal(parseTime("۱۴"), "14:00");
    assert.equal(parseTime("۱۴.۳۰"), "14:30");
    assert.equal(parseTime("14٫30"), "14:30");
    assert.equal(parseTime("9:05"), "09:05");
    for (const bad of ["24:00", "۱۰:۶۰", "9:5", "ده و نیم", ""]) assert.equal(parseTime(bad), null, bad);
  });
  test("a Gregorian date is named as such", () => {
    const r = parseJalaliInput("2026-12-20");
    assert.deepEqual(r, { ok: false, error: "gregorian" });
    assert.equal(parseJalaliInput("20/12/2026").ok, false);
  });
});
