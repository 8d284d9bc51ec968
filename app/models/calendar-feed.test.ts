import assert from "node:assert/strict";
import { test } from "node:test";
import { meetings, users } from "../../db/schema";
import { atInstant } from "../../tests/pin-clock";
import { db } from "../utils/db.server";
import { createBody } from "./bodies.server";
import { feedCalendar, feedOf, renewFeed, revokeFeed } from "./calendar-feed.server";
import { addMembership } from "./memberships.server";
import { createPerson } from "./people.server";

const actor = { userId: null };

/** Unfolds RFC 5545 lines and lists one property of every event. */
const props = (ics: string, name: string) =>
  ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(":") + 1));

function body(name: string, parentId: number | null, kind: "headquarters" | "council") {
  return createBody(actor, { name, code: "", kind, parentId, isExternal: false, active: true, duties: "" });
}

test("a person's feed holds their bodies' meetings at the Tehran time and nothing else; revoked or renewed, the old key answers nothing", () => {
  atInstant("2026-12-01T06:00:00Z", () => {
    const hq = body("ستاد تقویم", null, "headquarters");
    const mine = body("شورای تقویم", hq, "council");
    const other = body("شورای دیگر تقویم", hq, "council");
    const person = createPerson(actor, {
      honorific: "ms",
      title: null,
      firstName: "",
      lastName: "تقویمی",
      organisation: "",
      position: "",
      email: "",
      mobile: "",
    });
    addMembership(
      actor,
      { bodyId: mine },
      { personId: person, role: "member", startDate: null, endDate: null, letterNumber: "", letterDate: null },
    );
    const user = db
      .insert(users)
      .values({ username: "feed-user", passwordHash: "x", role: "member", personId: person })
      .returning({ id: users.id })
      .get().id;
    const [own] = db
      .insert(meetings)
      .values([
        { bodyId: mine, number: 1, date: "2026-12-05", startTime: "09:00", endTime: "11:30", place: "تالار" },
        { bodyId: other, number: 1, date: "2026-12-05", startTime: "09:00" },
      ])
      .returning({ id: meetings.id })
      .all();

    assert.equal(feedOf(user), null);
    const key = renewFeed(actor, user);
    assert.match(key, /^[A-Za-z0-9_-]{43}$/);
    const ics = feedCalendar(key, "https://hq.example.org");
    assert.ok(ics);
    assert.deepEqual(props(ics, "UID"), [`meeting-${own.id}@census-hq`], "only the meeting of their own body");
    // 09:00 in Tehran (UTC+3:30) is 05:30 UTC.
    assert.deepEqual(props(ics, "DTSTART"), ["20261205T053000Z"]);
    assert.deepEqual(props(ics, "DTEND"), ["20261205T080000Z"]);
    assert.ok(props(ics, "URL")[0]?.startsWith("https://hq.example.org/meetings/"));
    assert.ok(feedOf(user)?.lastReadAt, "the read is noted for the sessions page");

    const renewed = renewFeed(actor, user);
    assert.equal(feedCalendar(key, "https://hq.example.org"), null, "the old key is closed by a new one");
    assert.ok(feedCalendar(renewed, "https://hq.example.org"));
    revokeFeed(actor, user);
    assert.equal(feedCalendar(renewed, "https://hq.example.org"), null);
    assert.equal(feedOf(user), null);
    assert.equal(feedCalendar("not-a-key", "https://hq.example.org"), null);
  });
});
