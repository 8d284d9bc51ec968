import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";

process.env.TEST_CLOCK = "2026-12-01T08:00:00Z";

import { resolutions } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { NOBODY, STAFF } from "../../tests/scopes";
import { parseMeetingsQuery } from "../schemas/meetings-list";
import { parseOverdueQuery } from "../schemas/overdue";
import { parseResolutionsQuery } from "../schemas/resolutions-list";
import { db } from "../utils/db.server";
import { addDays } from "../utils/jalali";
import { dashboardFigures, lastMonths } from "./dashboard.server";
import { listMeetings } from "./meetings.server";
import { createOrganisation } from "./organisations.server";
import { overdueReview } from "./overdue.server";
import { listResolutions, RESOLUTIONS_PAGE } from "./resolutions.server";
import { createDataSet, listStages } from "./supply.server";

const TODAY = "2026-12-01"; // ۱۴۰۵/۰۹/۱۰, the third quarter of 1405
const hq = makeBody("headquarters");
const council = makeBody("council", hq);
const committee = makeBody("committee", council);
const a = makeBody("committee", council);
const b = makeBody("committee", council);
const members = [makePerson(), makePerson()];
for (const p of members) seat(p, { bodyId: council });

const owner = (id: number) => [{ kind: "body" as const, id }];
// 110 days ago, a week each: overdue by more than three months unless done.
const old = finalMeeting(
  council,
  110,
  [
    { subject: "الف ۱", owners: owner(a), days: 7 },
    { subject: "الف ۲", owners: owner(a), days: 7 },
    { subject: "ب ۱", owners: owner(b), days: 7 },
  ],
  TODAY,
);
// 40 days ago, a week: overdue by one to three months.
finalMeeting(council, 40, [{ subject: "الف ۳", owners: owner(a), days: 7 }], TODAY);
// 10 days ago, one member absent: three days (overdue under a month) and a standing one (open).
finalMeeting(
  council,
  10,
  [
    { subject: "ب ۲", owners: owner(b), days: 3 },
    { subject: "ب ۳", owners: owner(b) },
  ],
  TODAY,
  null,
  // One of the two members absent: 5 of 6 present over the three meetings.
  [members[0]],
);
const [r1, r2, r3] = old.resolutions;
// Done on time (a day before its deadline) and done late (ten days after).
db.update(resolutions)
  .set({ status: "done", doneDate: addDays(r2.dueDate as string, -1) })
  .where(eq(resolutions.id, r2.id))
  .run();
db.update(resolutions)
  .set({ status: "done", doneDate: addDays(r3.dueDate as string, 10) })
  .where(eq(resolutions.id, r3.id))
  .run();

test("the dashboard counts each agency's data sets in their stage", () => {
  const organisationId = createOrganisation(actor, { name: "سازمان نمونه", aliases: "", kind: "agency", active: true });
  for (const name of ["ثبت ولادت", "ثبت فوت"]) {
    createDataSet(
      actor,
      STAFF,
      {
        organisationId,
        name,
        level: "PIN",
        items: "شماره ملی",
        frequency: "once",
        resolutionId: null,
        committeeId: committee,
        scheduleDate: null,
      },
      TODAY,
    );
  }
  const f = dashboardFigures(STAFF, TODAY);
  const first = listStages().find((s) => s.kind === "pending")!;
  const i = f.stages.findIndex((s) => s.id === first.id);
  const agency = f.agencies.find((x) => x.id === organisationId)!;
  assert.equal(agency.counts[i], 2);
  assert.equal(
    agency.counts.reduce((x, y) => x + y, 0),
    2,
  );
  assert.ok((f.byStage.find((s) => s.id === first.id)?.count ?? 0) >= 2);
});

test("resolutions by status per owning committee; each overdue figure is what its overdue review lists", () => {
  const f = dashboardFigures(STAFF, TODAY);
  const of = (id: number) => f.byCommittee.find((c) => c.id === id)!;
  assert.deepEqual([of(a).done, of(a).open, of(a).overdue, of(a).cancelled], [1, 0, 2, 0]);
  assert.deepEqual([of(b).done, of(b).open, of(b).overdue, of(b).cancelled], [1, 1, 1, 0]);
  assert.deepEqual([of(committee).done, of(committee).overdue], [0, 0]);
  for (const c of [of(a), of(b)]) {
    const listed = overdueReview(STAFF, parseOverdueQuery(new URL(c.hrefs.overdue, "http://x").searchParams), TODAY);
    assert.equal(listed.total, c.overdue);
  }
});

test("each of a committee's other figures is the count of the resolutions list it links to", () => {
  const f = dashboardFigures(STAFF, TODAY);
  for (const c of f.byCommittee)
    for (const state of ["done", "open", "cancelled"] as const) {
      const href = new URL(c.hrefs[state], "http://x");
      assert.equal(href.pathname, "/resolutions");
      const { filter, page } = parseResolutionsQuery(href.searchParams);
      assert.deepEqual(filter, { ownerBodyId: c.id, state });
      const listed = listResolutions(STAFF, filter, page, TODAY);
      assert.equal(listed.total, c[state], `${c.name} ${state}`);
      assert.equal(listed.rows.length, Math.min(c[state], RESOLUTIONS_PAGE));
    }
  // The standing resolution of b is open; its done one is listed as done.
  const open = listResolutions(STAFF, { ownerBodyId: b, state: "open" }, 1, TODAY);
  assert.deepEqual(
    open.rows.map((r) => r.subject),
    ["ب ۳"],
  );
  assert.deepEqual(
    listResolutions(STAFF, { ownerBodyId: b, state: "done" }, 1, TODAY).rows.map((r) => r.id),
    [r3.id],
  );
  // The list is read within the scope: someone who reads nothing of these bodies gets none.
  assert.equal(listResolutions(signedIn(makePerson(), "member"), { ownerBodyId: b }, 1, TODAY).total, 0);
});

test("overdue by age: under a month, one to three, over three; each links to the review showing that many", () => {
  const f = dashboardFigures(STAFF, TODAY);
  assert.deepEqual(
    f.overdueByAge.map((x) => [x.key, x.count]),
    [
      ["under1", 1],
      ["1to3", 1],
      ["over3", 1],
    ],
  );
  assert.equal(f.overdueTotal, 3);
  for (const age of f.overdueByAge) {
    const listed = overdueReview(STAFF, parseOverdueQuery(new URL(age.href, "http://x").searchParams), TODAY);
    assert.equal(listed.total, age.count, age.href);
  }
  // The resolution over three months late is the old one nobody did.
  const over = overdueReview(STAFF, parseOverdueQuery(new URL(f.overdueByAge[2].href, "http://x").searchParams), TODAY);
  assert.deepEqual(
    over.rows.map((r) => r.id),
    [r1.id],
  );
});

test("on-time rate per Jalali quarter over the last four, overall and per committee", () => {
  const f = dashboardFigures(STAFF, TODAY);
  assert.deepEqual(
    f.trend.map((q) => `${q.year}/${q.quarter}`),
    ["1404/4", "1405/1", "1405/2", "1405/3"],
  );
  // Summer (Q2): three deadlines, one kept; autumn (Q3) so far: two, none kept; before that none.
  assert.deepEqual(
    f.trend.map((q) => [q.due, q.onTime]),
    [
      [0, 0],
      [0, 0],
      [3, 1],
      [2, 0],
    ],
  );
  assert.equal(f.trend[0].rate, null);
  assert.deepEqual([f.onTime.due, f.onTime.onTime], [5, 1]);
  const trendA = f.byCommittee.find((c) => c.id === a)!.trend;
  assert.deepEqual(
    trendA.map((q) => [q.due, q.onTime]),
    [
      [0, 0],
      [0, 0],
      [2, 1],
      [1, 0],
    ],
  );
});

test("meetings held per body per Jalali month, and the attendance rate", () => {
  const f = dashboardFigures(STAFF, TODAY);
  assert.deepEqual(
    f.meetings.months.map((m) => m.jm),
    [4, 5, 6, 7, 8, 9],
  );
  const row = f.meetings.bodies.find((x) => x.id === council)!;
  // 110 days ago is in Mordad, 40 in Mehr, 10 in Aban.
  assert.deepEqual(row.perMonth, [0, 1, 0, 1, 1, 0]);
  assert.equal(row.total, 3);
  // Each month's figure, and the body's total, is what the meetings list behind its link counts.
  const listed = (href: string) => {
    const { filter, page, errors } = parseMeetingsQuery(new URL(href, "http://x").searchParams);
    assert.deepEqual(errors, { from: undefined, to: undefined }, href);
    return listMeetings(STAFF, filter, page).total;
  };
  assert.deepEqual(row.monthHrefs.map(listed), row.perMonth);
  assert.equal(listed(row.href), row.total);
  assert.match(row.monthHrefs[3], /^\/meetings\?body=\d+&status=final&from=1405%2F07%2F01&to=1405%2F07%2F30$/);
  assert.equal(row.attendanceRate, 5 / 6);
  assert.deepEqual(
    lastMonths("2026-04-01", 3).map((m) => `${m.jy}/${m.jm}`),
    ["1404/11", "1404/12", "1405/1"],
  );
});

test("a person who does not read everything is refused the dashboard", () => {
  assert.throws(() => dashboardFigures(NOBODY, TODAY), { name: "ForbiddenError" });
});
