import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { users } from "../../db/schema";
import { finalMeeting } from "../../tests/factories";
import { atInstant } from "../../tests/pin-clock";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { ForbiddenError, NotFoundError } from "../utils/errors";
import { addDays, formatJalali } from "../utils/jalali";
import { isOverdue as isOverdueOn } from "../utils/resolution-status";
import { RuleViolation } from "../utils/rules";
import { scopeFor } from "./access.server";
import { createBody } from "./bodies.server";
import { applyChange } from "./follow-ups.server";
import { addMembership } from "./memberships.server";
import { listMyActions } from "./my-actions.server";
import { overdueReview } from "./overdue.server";
import { createPerson } from "./people.server";
import { getResolution } from "./resolutions.server";

const isOverdue = (r: { status: string; dueDate: string | null }, day = clock.today()) => isOverdueOn(r, day);

// A Monday: the deadlines below (27 and 20 days back) fall on working days, whatever day the suite runs.
process.env.TEST_CLOCK = "2026-11-16T08:00:00Z";
const actor = { userId: null };
let seq = 0;
const today = clock.today();

function person(lastName: string) {
  return createPerson(actor, {
    honorific: "mr",
    title: null,
    firstName: "",
    lastName: `${lastName}${++seq}`,
    organisation: "",
    position: "",
    email: "",
    mobile: "",
  });
}

function user(personId: number, role: "member" | "chair" | "secretariat" = "member") {
  const id = db
    .insert(users)
    .values({ username: `u${++seq}`, passwordHash: "x", role, personId })
    .returning({ id: users.id })
    .get().id;
  // Built after the person's seats, as a request builds it after sign-in.
  return scopeFor({ id, role, personId });
}

function seat(personId: number, bodyId: number, role: "chair" | "secretary" | "member" = "member") {
  addMembership(
    actor,
    { bodyId },
    { personId, role, startDate: null, endDate: null, letterNumber: "", letterDate: null },
  );
}

/** Two committees under one council; each passes resolutions in a meeting held `daysAgo` days ago. */
function world() {
  const hq = createBody(actor, {
    name: `ستاد ${++seq}`,
    code: "",
    kind: "headquarters",
    parentId: null,
    isExternal: false,
    active: true,
    duties: "",
  });
  const a = createBody(actor, {
    name: `کمیته الف ${++seq}`,
    code: "الف",
    kind: "committee",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
  });
  const b = createBody(actor, {
    name: `کمیته ب ${++seq}`,
    code: "ب",
    kind: "committee",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
  });
  const chairA = person("رئیس");
  const memberA = person("عضو");
  const memberB = person("دیگری");
  seat(chairA, a, "chair");
  seat(memberA, a);
  seat(memberB, b);
  return {
    a,
    b,
    chairA: user(chairA, "chair"),
    memberA: user(memberA),
    memberB: user(memberB),
    memberAPerson: memberA,
  };
}

function meeting(
  bodyId: number,
  daysAgo: number,
  items: { subject: string; owners: { kind: "body" | "person"; id: number }[]; days?: number }[],
  from = today,
) {
  return finalMeeting(bodyId, daysAgo, items, from).resolutions;
}

describe("overdue", () => {
  test("not done after the deadline; standing ones never; done ones never", () => {
    assert.equal(isOverdue({ status: "open", dueDate: addDays(today, -1) }, today), true);
    assert.equal(isOverdue({ status: "in_progress", dueDate: today }, today), false);
    assert.equal(isOverdue({ status: "open", dueDate: null }, today), false);
    assert.equal(isOverdue({ status: "done", dueDate: addDays(today, -30) }, today), false);
    assert.equal(isOverdue({ status: "cancelled", dueDate: addDays(today, -30) }, today), false);
  });
});

describe("life of a resolution", () => {
  test("progress, extension request and decision, done — each kept in the timeline", () => {
    const w = world();
    const [r] = meeting(w.a, 20, [
      { subject: "تهیه گزارش", owners: [{ kind: "person", id: w.memberAPerson }], days: 7 },
    ]);
    applyChange(actor, w.memberA, r.id, { intent: "progress", note: "پیش‌نویس آماده شد", percent: 40 });
    let seen = getResolution(w.memberA, r.id)!;
    assert.equal(seen.status, "in_progress");
    assert.equal(seen.lastPercent, 40);
    assert.ok(seen.overdue);

    // An owner may ask for more time but not give it to themselves.
    assert.throws(
      () => applyChange(actor, w.memberA, r.id, { intent: "extend", date: addDays(today, 10), note: "" }),
      (e: unknown) => e instanceof ForbiddenError,
    );
    applyChange(actor, w.memberA, r.id, {
      intent: "request_extension",
      date: addDays(today, 10),
      note: "منتظر داده‌ها",
    });
    const request = getResolution(w.chairA, r.id)!.pendingRequest!;
    applyChange(actor, w.chairA, r.id, { intent: "decide", followUpId: request.id, approve: true, note: "" });
    seen = getResolution(w.memberA, r.id)!;
    assert.equal(seen.dueDate, addDays(today, 10));
    assert.equal(seen.overdue, false);
    assert.equal(seen.extended, true);

    applyChange(actor, w.memberA, r.id, { intent: "done", date: today, note: "ارسال شد" });
    seen = getResolution(w.memberA, r.id)!;
    assert.deepEqual([seen.status, seen.doneDate], ["done", today]);
    assert.deepEqual(seen.timeline.map((f) => f.kind).reverse(), [
      "note",
      "status",
      "extension_request",
      "extension",
      "status",
    ]);
    assert.throws(
      () => applyChange(actor, w.memberA, r.id, { intent: "progress", note: "x", percent: null }),
      (e: unknown) => e instanceof RuleViolation && e.code === "resolutionClosed",
    );
  });

  test("done dates before the meeting or in the future are refused", () => {
    const w = world();
    const [r] = meeting(w.a, 5, [{ subject: "کار", owners: [{ kind: "body", id: w.a }], days: 3 }]);
    assert.throws(
      () => applyChange(actor, w.memberA, r.id, { intent: "done", date: addDays(today, -30), note: "" }),
      RuleViolation,
    );
    assert.throws(
      () => applyChange(actor, w.memberA, r.id, { intent: "done", date: addDays(today, 1), note: "" }),
      RuleViolation,
    );
  });
});

describe("visibility", () => {
  test("a member never sees nor changes another body's resolutions", () => {
    const w = world();
    const [own] = meeting(w.a, 3, [{ subject: "کار الف", owners: [{ kind: "body", id: w.a }], days: 1 }]);
    const [other] = meeting(w.b, 3, [{ subject: "کار ب", owners: [{ kind: "body", id: w.b }], days: 1 }]);
    assert.ok(getResolution(w.memberA, own.id));
    assert.equal(getResolution(w.memberA, other.id), null);
    assert.throws(
      () => applyChange(actor, w.memberA, other.id, { intent: "progress", note: "x", percent: 10 }),
      (e: unknown) => e instanceof NotFoundError,
    );
    assert.deepEqual(
      listMyActions(w.memberA).rows.map((r) => r.id),
      [own.id],
    );
    assert.deepEqual(
      listMyActions(w.memberB).rows.map((r) => r.id),
      [other.id],
    );
  });
});

describe("my actions", () => {
  test("come a page at a time, nearest deadline first, with counts over all of them", () => {
    const w = world();
    const rows = meeting(
      w.a,
      3,
      Array.from({ length: 7 }, (_, i) => ({
        subject: `کار ${i + 1}`,
        owners: [{ kind: "body" as const, id: w.a }],
        days: 7 - i,
      })),
    );
    // Nearest deadline first; deadlines moved off the weekend may fall on one day, then by resolution number.
    const byDeadline = [...rows]
      .sort((x, y) => (x.dueDate ?? "").localeCompare(y.dueDate ?? "") || x.number - y.number)
      .map((r) => r.id);
    assert.notDeepEqual(
      byDeadline,
      rows.map((r) => r.id),
    );
    const first = listMyActions(w.memberA, undefined, { limit: 3, offset: 0 });
    const third = listMyActions(w.memberA, undefined, { limit: 3, offset: 6 });
    assert.equal(first.total, 7);
    assert.deepEqual(
      first.rows.map((r) => r.id),
      byDeadline.slice(0, 3),
    );
    assert.deepEqual(
      third.rows.map((r) => r.id),
      byDeadline.slice(6),
    );
    assert.equal(third.total, 7);
  });
});

describe("overdue review", () => {
  test("a chair sees the overdue of the bodies they lead, filtered, searched with Arabic letters, paged", () => {
    const w = world();
    const rows = meeting(w.a, 30, [
      { subject: "تهیه پیش‌نویس گزارش کمیته", owners: [{ kind: "body", id: w.a }], days: 3 },
      { subject: "ارسال نامه به دستگاه‌ها", owners: [{ kind: "person", id: w.memberAPerson }], days: 10 },
      { subject: "جلسات هفتگی", owners: [{ kind: "body", id: w.a }] },
      { subject: "کار آینده", owners: [{ kind: "body", id: w.a }], days: 60 },
    ]);
    meeting(w.b, 30, [{ subject: "کار کمیته ب", owners: [{ kind: "body", id: w.b }], days: 3 }]);
    const base = { sort: "daysOverdue" as const, dir: "desc" as const, page: 1, pageSize: 25 };
    const all = overdueReview(w.chairA, base, today);
    assert.deepEqual(
      all.rows.map((r) => r.id),
      [rows[0].id, rows[1].id],
    );
    assert.equal(all.rows[0].daysOverdue, 27);
    assert.deepEqual(
      all.counts.map((c) => c.n),
      [2],
    );
    assert.deepEqual(
      overdueReview(w.chairA, { ...base, q: "پيش‌نويس كميته" }, today).rows.map((r) => r.id),
      [rows[0].id],
    );
    assert.deepEqual(
      overdueReview(w.chairA, { ...base, minDays: 25 }, today).rows.map((r) => r.id),
      [rows[0].id],
    );
    assert.deepEqual(
      overdueReview(w.chairA, { ...base, ownerPersonId: w.memberAPerson }, today).rows.map((r) => r.id),
      [rows[1].id],
    );
    const page2 = overdueReview(w.chairA, { ...base, pageSize: 1, page: 2 }, today);
    assert.deepEqual([page2.total, page2.rows.map((r) => r.id)], [2, [rows[1].id]]);
    // A plain member leads nothing and reviews nothing.
    assert.equal(overdueReview(w.memberA, base, today).total, 0);
  });
});

describe("deadlines on Tehran's day, at the instants that break naive code", () => {
  // Each case asks the models with the clock they read themselves (no `today` passed in).
  const review = { sort: "daysOverdue" as const, dir: "desc" as const, page: 1, pageSize: 25 };

  test("a deadline that is today is due, not overdue, until 00:00 in Tehran (20:30 UTC)", () => {
    const w = world();
    // Wednesday 1405/09/05 + one week = Wednesday 1405/09/12 (2026-12-03 is Thursday, a day off).
    const [r] = meeting(
      w.a,
      0,
      [{ subject: "گزارش امروز", owners: [{ kind: "person", id: w.memberAPerson }], days: 7 }],
      "2026-11-25",
    );
    assert.equal(r.dueDate, "2026-12-02");
    atInstant("2026-12-02T20:29:00Z", () => {
      assert.equal(isOverdue(r), false);
      const mine = listMyActions(w.memberA);
      assert.deepEqual([mine.overdueCount, mine.weekCount], [0, 1]);
      assert.equal(overdueReview(w.chairA, review).total, 0);
    });
    atInstant("2026-12-02T20:31:00Z", () => {
      assert.equal(isOverdue(r), true);
      const mine = listMyActions(w.memberA);
      assert.deepEqual([mine.overdueCount, mine.weekCount], [1, 0]);
      const late = overdueReview(w.chairA, review);
      assert.deepEqual([late.total, late.rows[0]?.daysOverdue], [1, 1]);
    });
  });

  test("Friday night is still this week; a minute later Saturday starts the next one", () => {
    const w = world();
    // Saturday 1405/09/07 + one week = Saturday 1405/09/14 (2026-12-05).
    const [r] = meeting(
      w.a,
      0,
      [{ subject: "گزارش شنبه", owners: [{ kind: "person", id: w.memberAPerson }], days: 7 }],
      "2026-11-28",
    );
    assert.equal(r.dueDate, "2026-12-05");
    atInstant("2026-12-04T20:29:00Z", () => {
      assert.equal(listMyActions(w.memberA).weekCount, 0);
    });
    atInstant("2026-12-04T20:31:00Z", () => {
      const mine = listMyActions(w.memberA);
      assert.deepEqual([mine.overdueCount, mine.weekCount], [0, 1]);
    });
  });

  test("Nowruz: Esfand 29, 1405 is the last day of the year; a deadline on it is overdue on Farvardin 1, 1406", () => {
    const w = world();
    const [r] = meeting(
      w.a,
      0,
      [{ subject: "گزارش پایان سال", owners: [{ kind: "person", id: w.memberAPerson }], days: 7 }],
      "2027-03-13",
    );
    // Saturday 1405/12/22 + 7 days is Saturday 1405/12/29, the last day of 1405 (not a leap year).
    assert.equal(formatJalali(r.dueDate!, "en"), "1405/12/29");
    atInstant("2027-03-20T20:29:00Z", () => assert.equal(isOverdue(r), false));
    atInstant("2027-03-20T20:45:00Z", () => {
      assert.equal(formatJalali(clock.today(), "en"), "1406/01/01");
      assert.equal(isOverdue(r), true);
      assert.equal(overdueReview(w.chairA, review).rows[0]?.daysOverdue, 1);
    });
  });
});
