import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { feedIcs, invitationIcs, tehranInstant } from "./ics.server";
import { formatJalaliLong, type IsoDate } from "./jalali";

/** Unfolds RFC 5545 lines (a CRLF and one space continue the previous line) and reads one property of the event. */
function prop(ics: string, name: string): string | undefined {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":") + 1);
}

/** `20261205T053000Z` → epoch milliseconds. */
function utc(stamp: string): number {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(stamp);
  assert.ok(m, `not a UTC stamp: ${stamp}`);
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

const day = "2026-12-05" as IsoDate;
const meeting = {
  uid: "meeting-42@census-hq",
  sequence: 0,
  title: "جلسه ستاد سرشماری",
  description: `تاریخ: ${formatJalaliLong(day, "fa")}`,
  location: "تالار اصلی",
  date: day,
  startTime: "09:00",
  endTime: "11:30",
};

describe("invitation .ics", () => {
  test("09:00 in Tehran (UTC+03:30, no daylight saving since 1401) is 05:30 UTC", () => {
    const ics = invitationIcs(meeting);
    assert.equal(prop(ics, "METHOD"), "REQUEST");
    assert.equal(utc(prop(ics, "DTSTART") ?? ""), Date.UTC(2026, 11, 5, 5, 30));
    assert.equal(utc(prop(ics, "DTEND") ?? ""), Date.UTC(2026, 11, 5, 8, 0));
    assert.equal(tehranInstant(day, "09:00"), Date.UTC(2026, 11, 5, 5, 30));
  });

  test("the Jalali date is in the text and the UID stays while SEQUENCE grows", () => {
    const first = invitationIcs(meeting);
    const moved = invitationIcs({ ...meeting, sequence: 1, startTime: "10:00", endTime: null });
    assert.match(prop(first, "DESCRIPTION") ?? "", /۱۴۰۵/);
    assert.equal(prop(first, "UID"), "meeting-42@census-hq");
    assert.equal(prop(moved, "UID"), "meeting-42@census-hq");
    assert.equal(prop(first, "SEQUENCE"), "0");
    assert.equal(prop(moved, "SEQUENCE"), "1");
    // No end time: two hours from the start.
    assert.equal(utc(prop(moved, "DTEND") ?? ""), Date.UTC(2026, 11, 5, 8, 30));
  });

  test("a cancellation is METHOD:CANCEL with STATUS:CANCELLED", () => {
    const ics = invitationIcs({ ...meeting, sequence: 2, cancelled: true });
    assert.equal(prop(ics, "METHOD"), "CANCEL");
    assert.equal(prop(ics, "STATUS"), "CANCELLED");
    assert.equal(prop(ics, "SEQUENCE"), "2");
  });

  test("a meeting with no time is an all-day event on its day", () => {
    const ics = invitationIcs({ ...meeting, startTime: null, endTime: null });
    assert.equal(prop(ics, "DTSTART"), "20261205");
  });
});

describe("feed .ics", () => {
  test("an empty feed is still a calendar", () => {
    const ics = feedIcs("تقویم من", [], []);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.equal(prop(ics, "METHOD"), "PUBLISH");
  });

  test("meetings and deadlines together, the deadline all-day", () => {
    const ics = feedIcs("تقویم من", [meeting], [{ uid: "r-7", title: "مهلت", description: "", date: day }]);
    assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 2);
    assert.match(ics, /DTSTART;VALUE=DATE:20261205/);
  });
});
