import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { finalMeeting, makeBody, makeGroup, makePerson, seat, signedIn } from "../../tests/factories";
import { atInstant } from "../../tests/pin-clock";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { addDays } from "../utils/jalali";
import { createUserSession } from "../utils/session.server";
import {
  canEditMinutesOf,
  canManageGroupsOf,
  canManageResolutionsOf,
  canManageStructure,
  canReadMeeting,
  canReadMeetingsOf,
  canReadReports,
  canUpdateResolution,
  getAccess,
  managedResolutionSql,
  readableMeetingSql,
  type Scope,
  scopeFor,
} from "./access.server";
import { getAuditTrail } from "./audit.server";
import { announceAssignments } from "./mail-events.server";
import { getMeeting, getMinutesView, listMeetings } from "./meetings.server";
import { addMembership } from "./memberships.server";
import { listMyActions } from "./my-actions.server";
import { listNotifications } from "./notifications.server";
import { overdueReview, ownerFilterOptions } from "./overdue.server";
import { createPerson, getPerson } from "./people.server";
import { createReportDraft, getReport, listReports } from "./reports.server";
import { getResolution } from "./resolutions.server";

// One HQ over two committees A and B, each with its own working group; every resolution is 30 days past its deadline.
const hq = makeBody("headquarters");
const committeeA = makeBody("committee", hq);
const committeeB = makeBody("committee", hq);
const groupA = makeGroup(committeeA);
const groupB = makeGroup(committeeB);

const hqHead = makePerson("رئیس ستاد");
const chairA = makePerson("رئیس الف");
const memberA = makePerson("عضو الف");
const groupMemberA = makePerson("عضو کارگروه الف");
const memberB = makePerson("عضو ب");
const ownerA = makePerson("متولی الف");
const ownerB = makePerson("متولی ب");
const loner = makePerson("بی‌سمت");
seat(hqHead, { bodyId: hq }, "chair");
seat(chairA, { bodyId: committeeA }, "chair");
seat(memberA, { bodyId: committeeA });
seat(groupMemberA, { workingGroupId: groupA });
seat(memberB, { bodyId: committeeB });
seat(memberB, { workingGroupId: groupB });

const a = finalMeeting(committeeA, 40, [
  { subject: "گزارش کمیته الف", owners: [{ kind: "person", id: ownerA }], days: 10 },
  { subject: "کار کارگروه الف", owners: [{ kind: "group", id: groupA }], days: 10 },
]);
const b = finalMeeting(committeeB, 40, [
  { subject: "گزارش کمیته ب", owners: [{ kind: "person", id: ownerB }], days: 10 },
]);
const [reportA, groupWorkA] = a.resolutions.map((r) => r.id);
const [reportB] = b.resolutions.map((r) => r.id);

const scopes: Record<string, Scope> = {
  admin: signedIn(null, "admin"),
  secretariat: signedIn(null, "secretariat"),
  "HQ seat": signedIn(hqHead, "member"),
  "chair of A": signedIn(chairA, "chair"),
  "member of A": signedIn(memberA),
  "working-group member of A": signedIn(groupMemberA),
  "member of B": signedIn(memberB),
  "no seats": signedIn(loner),
};

const visible = (scope: Scope, id: number) => getResolution(scope, id) !== null;
const readsMeeting = (scope: Scope, id: number) => {
  try {
    return getMeeting(scope, id) !== null && getMinutesView(scope, id) !== null;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
};
const review = { sort: "daysOverdue" as const, dir: "desc" as const, page: 1, pageSize: 25 };

// What each kind of scope must see: meetings of A and B, resolutions, overdue review rows, owner filter people.
const expected: Record<
  string,
  { meetings: [boolean, boolean]; resolutions: number[]; overdue: number[]; filterPeople: number[] }
> = {
  admin: {
    meetings: [true, true],
    resolutions: [reportA, groupWorkA, reportB],
    overdue: [reportA, groupWorkA, reportB],
    filterPeople: [ownerA, ownerB],
  },
  secretariat: {
    meetings: [true, true],
    resolutions: [reportA, groupWorkA, reportB],
    overdue: [reportA, groupWorkA, reportB],
    filterPeople: [ownerA, ownerB],
  },
  "HQ seat": {
    meetings: [true, true],
    resolutions: [reportA, groupWorkA, reportB],
    overdue: [reportA, groupWorkA, reportB],
    filterPeople: [ownerA, ownerB],
  },
  "chair of A": {
    meetings: [true, false],
    resolutions: [reportA, groupWorkA],
    overdue: [reportA, groupWorkA],
    filterPeople: [ownerA],
  },
  "member of A": { meetings: [true, false], resolutions: [reportA, groupWorkA], overdue: [], filterPeople: [] },
  "working-group member of A": {
    meetings: [true, false],
    resolutions: [reportA, groupWorkA],
    overdue: [],
    filterPeople: [],
  },
  "member of B": { meetings: [false, true], resolutions: [reportB], overdue: [], filterPeople: [] },
  "no seats": { meetings: [false, false], resolutions: [], overdue: [], filterPeople: [] },
};

describe("each kind of scope sees exactly its rows", () => {
  for (const [kind, scope] of Object.entries(scopes)) {
    test(kind, () => {
      const want = expected[kind];
      assert.deepEqual([readsMeeting(scope, a.meetingId), readsMeeting(scope, b.meetingId)], want.meetings, "meetings");
      assert.deepEqual(
        [canReadMeetingsOf(scope, committeeA), canReadMeetingsOf(scope, committeeB)],
        want.meetings,
        "meeting predicate",
      );
      const listed = listMeetings(scope).rows.map((m) => m.id);
      assert.deepEqual([listed.includes(a.meetingId), listed.includes(b.meetingId)], want.meetings, "meetings list");
      assert.deepEqual(
        [reportA, groupWorkA, reportB].filter((id) => visible(scope, id)),
        want.resolutions,
        "resolutions",
      );
      assert.deepEqual(
        overdueReview(scope, review)
          .rows.map((r) => r.id)
          .sort((x, y) => x - y),
        want.overdue,
        "overdue review",
      );
      const people = ownerFilterOptions(scope).people.map((p) => p.id);
      assert.deepEqual(
        people.filter((id) => [ownerA, ownerB].includes(id)).sort((x, y) => x - y),
        want.filterPeople,
        "owner filter options",
      );
      assert.equal(people.length, want.filterPeople.length, "no one else in the owner filter");
    });
  }

  test("what each may change", () => {
    const row = (scope: Scope) => [
      canManageStructure(scope),
      canManageGroupsOf(scope, committeeA),
      canEditMinutesOf(scope, committeeA),
      canReadReports(scope),
    ];
    assert.deepEqual(row(scopes.admin), [true, true, true, true]);
    assert.deepEqual(row(scopes.secretariat), [true, true, true, true]);
    assert.deepEqual(row(scopes["HQ seat"]), [false, false, false, true]);
    assert.deepEqual(row(scopes["chair of A"]), [false, true, false, false]);
    assert.deepEqual(row(scopes["working-group member of A"]), [false, false, false, false]);
    assert.deepEqual(row(scopes["no seats"]), [false, false, false, false]);
  });

  test("my actions and notifications: what is assigned to the person, their group or the bodies they lead", () => {
    const owner = signedIn(ownerA);
    const mine = (scope: Scope) => listMyActions(scope).rows.map((r) => r.id);
    assert.deepEqual(mine(owner), [reportA]);
    assert.deepEqual(mine(scopes["working-group member of A"]), [groupWorkA]);
    assert.deepEqual(mine(scopes["chair of A"]).sort(), [reportA, groupWorkA].sort());
    assert.deepEqual(mine(scopes["member of B"]), []);
    // Notices are written when minutes are finalised; the owner's account is made after, so announce again.
    writeTransaction((tx) => announceAssignments(tx, a.meetingId));
    assert.deepEqual([...new Set(listNotifications(owner).map((n) => n.resolutionId))], [reportA]);
    assert.deepEqual(listNotifications(scopes["member of B"]), []);
  });
});

test("reports and record histories: each scope reads exactly what it may, decided by the model", () => {
  const t = ((key: string) => key) as unknown as Parameters<typeof createReportDraft>[2];
  const draft = createReportDraft({ userId: null }, { kind: "quarterly", year: 1405, period: 3 }, t);
  const person = createPerson(
    { userId: null },
    {
      honorific: "mr",
      title: null,
      firstName: "",
      lastName: "تاریخچه",
      organisation: "",
      position: "",
      email: "",
      mobile: "",
    },
  );
  const reads = (scope: Scope) => {
    try {
      return [listReports(scope).some((r) => r.id === draft), getReport(scope, draft) !== null];
    } catch (error) {
      if (error instanceof ForbiddenError) return "forbidden";
      throw error;
    }
  };
  assert.deepEqual(reads(scopes.secretariat), [true, true]);
  assert.deepEqual(reads(scopes.admin), [true, true]);
  // The HQ's leadership reads issued reports; a draft is the secretariat's until it is issued.
  assert.deepEqual(reads(scopes["HQ seat"]).toString(), "forbidden");
  assert.equal(listReports(scopes["HQ seat"]).length, 0);
  for (const kind of ["chair of A", "member of A", "working-group member of A", "no seats"])
    assert.equal(reads(scopes[kind]), "forbidden", kind);
  // A body's history is part of the organisation everyone reads; a person's only the secretariat's.
  assert.ok(getAuditTrail(scopes["member of B"], "body", committeeA).length > 0);
  assert.ok(getAuditTrail(scopes.secretariat, "person", person).length > 0);
  for (const kind of ["HQ seat", "chair of A", "member of A", "no seats"])
    assert.deepEqual(getAuditTrail(scopes[kind], "person", person), [], kind);
  // Everyone reads the directory; a person's account (username, role) only the admin.
  const holder = makePerson("دارای حساب");
  signedIn(holder, "chair");
  assert.equal(getPerson(scopes.admin, holder)?.account?.role, "chair");
  for (const kind of ["secretariat", "HQ seat", "member of A", "no seats"]) {
    assert.equal(getPerson(scopes[kind], holder)?.person.id, holder, kind);
    assert.equal(getPerson(scopes[kind], holder)?.account, null, kind);
  }
});

test("a seat grants its powers from its start date, not from the day it was recorded", () => {
  const appointed = makePerson("دبیر آینده");
  addMembership(
    { userId: null },
    { bodyId: committeeA },
    {
      personId: appointed,
      role: "secretary",
      startDate: addDays(clock.today(), 30),
      endDate: null,
      letterNumber: "",
      letterDate: null,
    },
  );
  const scope = signedIn(appointed);
  assert.equal(canEditMinutesOf(scope, committeeA), false);
  assert.equal(canReadMeetingsOf(scope, committeeA), false);
  assert.equal(readsMeeting(scope, a.meetingId), false);
  assert.deepEqual(listMyActions(scope).rows, []);
  // From the start date on, the same seat is in force.
  const later = atInstant(`${addDays(clock.today(), 30)}T06:00:00Z`, () =>
    scopeFor({ id: scope.userId, role: scope.role, personId: appointed }),
  );
  assert.equal(canEditMinutesOf(later, committeeA), true);
});

test("one request builds its scope once, and each caller's actor carries the address it was given", async () => {
  const scope = scopes["chair of A"];
  const cookie = (await createUserSession(new Request("http://localhost/login"), scope.userId)).split(";")[0];
  const request = new Request("http://localhost/overdue", { headers: { cookie } });
  const root = await getAccess(request); // the root loader has no address to give
  const page = await getAccess(request, { ip: "10.0.0.7" });
  assert.equal(root?.scope, page?.scope);
  assert.deepEqual(page?.scope.ledBodyIds, [committeeA]);
  assert.deepEqual([root?.actor.ip, page?.actor.ip], ["", "10.0.0.7"]);
  assert.equal(await getAccess(new Request("http://localhost/overdue")), null);
});

test("a person owning a resolution of another body reads the minutes that assigned it, and no other of that body", () => {
  const hq = makeBody("headquarters");
  const committee = makeBody("committee", hq);
  const owner = makePerson("متولی");
  const { meetingId: assigned } = finalMeeting(committee, 5, [
    { subject: "ارسال فهرست نمایندگان", owners: [{ kind: "person", id: owner }] },
  ]);
  const { meetingId: another } = finalMeeting(committee, 2, [
    { subject: "مصوبه دیگر", owners: [{ kind: "body", id: committee }] },
  ]);
  const scope = signedIn(owner);
  assert.equal(getMinutesView(scope, assigned)?.meeting.id, assigned);
  assert.throws(() => getMeeting(scope, another), ForbiddenError);
  assert.equal(listMeetings(scope, { bodyId: committee }).rows.length, 0, "the body's meetings are not listed to them");
});

test("each rule written in SQL (for lists and search) says what its predicate says, for every kind of scope", () => {
  const owner = signedIn(ownerB);
  const meetingIds = db.all<{ id: number; bodyId: number }>(sql`select id, body_id as bodyId from meetings`);
  const resolutionRows = db.all<{ id: number; bodyId: number }>(sql`select id, body_id as bodyId from resolutions`);
  for (const [name, scope] of Object.entries({ ...scopes, "owner in B": owner })) {
    for (const m of meetingIds) {
      const bySql = db.get<{ yes: number }>(
        sql`select ${readableMeetingSql(scope, { id: sql`m.id`, bodyId: sql`m.body_id` })} as yes from meetings m where m.id = ${m.id}`,
      )?.yes;
      assert.equal(Boolean(bySql), canReadMeeting(scope, m), `${name} reads meeting ${m.id}`);
    }
    for (const r of resolutionRows) {
      const bySql = db.get<{ yes: number }>(
        sql`select ${managedResolutionSql(scope)} as yes from resolutions where id = ${r.id}`,
      )?.yes;
      assert.equal(Boolean(bySql), canManageResolutionsOf(scope, r.bodyId), `${name} manages resolution ${r.id}`);
    }
  }
  // Owners and those who lead the body update a resolution; the secretariat any; a member of the body reads only.
  assert.equal(canUpdateResolution(owner, reportB!), true);
  assert.equal(canUpdateResolution(owner, reportA!), false);
  assert.equal(canUpdateResolution(scopes["chair of A"]!, reportA), true);
  assert.equal(canUpdateResolution(scopes["member of A"]!, reportA), false);
  assert.equal(canUpdateResolution(scopes["working-group member of A"]!, groupWorkA!), true);
  assert.equal(canUpdateResolution(scopes.secretariat!, reportB!), true);
});
