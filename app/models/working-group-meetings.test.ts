import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { meetings } from "../../db/schema";
import { actor, finalMeeting, makeBody, makeGroup, makePerson, seat, signedIn } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import { FinalisationError } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { createI18n } from "../utils/i18n";
import { formatJalali, quarterOf } from "../utils/jalali";
import { meetingTitle } from "../utils/meeting-title";
import { RuleViolation } from "../utils/rules";
import { canEditMeeting } from "./access.server";
import { createBody } from "./bodies.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import {
  createMeeting,
  getMeeting,
  getMinutesView,
  listMeetings,
  listOpenResolutionsOf,
  previousGuestsOf,
} from "./meetings.server";
import { composeReport } from "./report-composition.server";
import { getResolution } from "./resolutions.server";

let seq = 0;

/** Every resolution is given to someone: here, the committee. */
const owner = (c: { committee: number }) => [{ kind: "body" as const, id: c.committee }];

/** A committee (with a code) under a council, its chair and secretary, and two working groups with their members. */
function committeeWithGroups() {
  const hq = makeBody("headquarters");
  const council = makeBody("council", hq);
  const committee = createBody(actor, {
    name: `کمیته آزمون ${++seq}`,
    code: `آزمون${seq}`,
    kind: "committee",
    parentId: council,
    isExternal: false,
    active: true,
    duties: "",
  });
  const chair = makePerson("رئیس");
  const secretary = makePerson("دبیر");
  seat(chair, { bodyId: committee }, "chair");
  seat(secretary, { bodyId: committee }, "secretary");
  const groupOne = makeGroup(committee);
  const groupTwo = makeGroup(committee);
  const groupChair = makePerson("مسئول کارگروه");
  const groupMember = makePerson("عضو کارگروه");
  seat(groupChair, { workingGroupId: groupTwo }, "chair");
  seat(groupMember, { workingGroupId: groupTwo }, "member");
  return { council, committee, chair, secretary, groupOne, groupTwo, groupChair, groupMember };
}

const numberOf = (id: number) => getMeeting(STAFF, id)!.meeting.number;

describe("a working group's own meetings", () => {
  test("are numbered per group, independently of the committee's own meetings and of the other groups", () => {
    const c = committeeWithGroups();
    const own = [createMeeting(actor, c.committee), createMeeting(actor, c.committee)];
    const two = [
      createMeeting(actor, c.committee, { workingGroupId: c.groupTwo }),
      createMeeting(actor, c.committee, { workingGroupId: c.groupTwo }),
    ];
    const one = createMeeting(actor, c.committee, { workingGroupId: c.groupOne });
    const third = createMeeting(actor, c.committee);
    assert.deepEqual(own.map(numberOf), [1, 2]);
    assert.deepEqual(two.map(numberOf), [1, 2]);
    assert.equal(numberOf(one), 1);
    assert.equal(numberOf(third), 3, "the committee's numbers skip none for its groups' meetings");
    const row = getMeeting(STAFF, two[1])!;
    assert.equal(row.meeting.bodyId, c.committee, "held under the committee");
    assert.equal(row.meeting.workingGroupId, c.groupTwo);
    assert.equal(row.group?.id, c.groupTwo);
  });

  test("take their attendance, chair and secretary from the group's current members, not the committee's", () => {
    const c = committeeWithGroups();
    const { doc } = getMeeting(STAFF, createMeeting(actor, c.committee, { workingGroupId: c.groupTwo }))!;
    assert.deepEqual(
      doc.attendance.map((a) => a.personId),
      [c.groupChair, c.groupMember],
    );
    assert.equal(doc.chairPersonId, c.groupChair);
    assert.equal(doc.secretaryPersonId, null);
    const own = getMeeting(STAFF, createMeeting(actor, c.committee))!.doc;
    assert.deepEqual(
      own.attendance.map((a) => a.personId),
      [c.chair, c.secretary],
    );
  });

  test("follow up and offer the guests of the group's own earlier meetings only", () => {
    const c = committeeWithGroups();
    const committeeResolution = finalMeeting(c.committee, 3, [{ subject: "مصوبه کمیته", owners: owner(c) }]);
    const groupResolution = finalMeeting(
      c.committee,
      2,
      [{ subject: "مصوبه کارگروه", owners: [{ kind: "group", id: c.groupTwo }] }],
      clock.today(),
      c.groupTwo,
    );
    const next = getMeeting(STAFF, createMeeting(actor, c.committee, { workingGroupId: c.groupTwo }))!.meeting;
    assert.equal(next.number, 2);
    assert.deepEqual(
      listOpenResolutionsOf(next, next.number).map((r) => r.id),
      groupResolution.resolutions.map((r) => r.id),
    );
    const own = getMeeting(STAFF, createMeeting(actor, c.committee))!.meeting;
    assert.deepEqual(
      listOpenResolutionsOf(own, own.number).map((r) => r.id),
      committeeResolution.resolutions.map((r) => r.id),
    );
    assert.deepEqual(previousGuestsOf(next, next.number), []);
  });

  test("number their resolutions per meeting, and the code names the group: committee/ک<place>/meeting/number", () => {
    const c = committeeWithGroups();
    finalMeeting(c.committee, 5, [{ subject: "کمیته", owners: owner(c) }]);
    finalMeeting(c.committee, 4, [{ subject: "یک", owners: owner(c) }], clock.today(), c.groupTwo);
    const { resolutions } = finalMeeting(
      c.committee,
      3,
      [
        { subject: "دو", owners: owner(c) },
        { subject: "سه", owners: owner(c) },
      ],
      clock.today(),
      c.groupTwo,
    );
    assert.deepEqual(
      resolutions.map((r) => r.number),
      [1, 2],
    );
    const r = getResolution(STAFF, resolutions[1].id)!;
    assert.equal(r.code, `آزمون${seq}/ک2/2/2`, "the committee's second group, its meeting 2, resolution 2");
    const first = finalMeeting(c.committee, 2, [{ subject: "چهار", owners: owner(c) }], clock.today(), c.groupOne);
    assert.equal(getResolution(STAFF, first.resolutions[0].id)!.code, `آزمون${seq}/ک1/1/1`);
  });

  test("are titled «جلسه ۲ کارگروه … (کمیته …)» in the list and the minutes, kept in the final edition", () => {
    const c = committeeWithGroups();
    finalMeeting(c.committee, 2, [{ subject: "یک", owners: owner(c) }], clock.today(), c.groupTwo);
    const { meetingId } = finalMeeting(
      c.committee,
      1,
      [{ subject: "دو", owners: owner(c) }],
      clock.today(),
      c.groupTwo,
    );
    const { view } = getMinutesView(STAFF, meetingId)!;
    const { t } = createI18n("fa");
    const title = meetingTitle(t, view);
    const group = getMeeting(STAFF, meetingId)!.group!.name;
    const committee = getMeeting(STAFF, meetingId)!.body.name;
    assert.equal(title, `جلسه ۲ ${group} (${committee})`);
    const rows = listMeetings(STAFF, { groupId: c.groupTwo }, 1).rows;
    assert.deepEqual(
      rows.map((m) => [m.number, m.groupName]),
      [
        [2, group],
        [1, group],
      ],
    );
    assert.equal(listMeetings(STAFF, { groupId: c.groupOne }, 1).total, 0);
  });

  test("count in the committee's part of the quarterly report: its meetings and its resolutions", () => {
    const c = committeeWithGroups();
    finalMeeting(
      c.committee,
      0,
      [{ subject: "مصوبه کارگروه در گزارش", owners: [{ kind: "group", id: c.groupTwo }] }],
      clock.today(),
      c.groupTwo,
    );
    const { jy, quarter } = quarterOf(clock.today());
    const report = composeReport({ kind: "quarterly", year: jy, period: quarter });
    const section = report.sections.find((s) => s.bodyId === c.committee)!;
    assert.equal(section.meetings.length, 1);
    assert.equal(section.meetings[0].groupName, getMeeting(STAFF, numberOfGroupMeeting(c.groupTwo))!.group!.name);
    assert.equal(section.figures.passed, 1);
    assert.deepEqual(
      section.passed.map((r) => r.code),
      [`آزمون${seq}/ک2/1/1`],
    );
    assert.equal(section.meetings.length, 1);
  });

  test("the database refuses a meeting of a group under another committee", () => {
    const c = committeeWithGroups();
    const other = committeeWithGroups();
    assert.throws(
      () => createMeeting(actor, other.committee, { workingGroupId: c.groupOne }),
      (e) => e instanceof RuleViolation && e.code === "meeting_group_body",
    );
    assert.throws(
      () =>
        db
          .insert(meetings)
          .values({ bodyId: other.committee, workingGroupId: c.groupOne, number: 1, date: clock.today() })
          .run(),
      /rule:meeting_group_body/,
    );
  });

  test("are read by the group's members and the committee's people, opened and typed by the secretariat and the committee's chair", () => {
    const c = committeeWithGroups();
    const id = createMeeting(actor, c.committee, { workingGroupId: c.groupTwo });
    const meeting = getMeeting(STAFF, id)!.meeting;
    const groupMember = signedIn(c.groupMember);
    const committeeChair = signedIn(c.chair, "chair");
    const committeeSecretary = signedIn(c.secretary);
    const outsider = signedIn(makePerson("بیرونی"));
    assert.equal(getMeeting(groupMember, id)?.meeting.id, id);
    assert.equal(getMeeting(committeeSecretary, id)?.meeting.id, id);
    assert.throws(() => getMeeting(outsider, id), ForbiddenError);
    assert.equal(canEditMeeting(STAFF, meeting), true);
    assert.equal(canEditMeeting(committeeChair, meeting), true);
    assert.equal(canEditMeeting(groupMember, meeting), false);
    assert.equal(canEditMeeting(committeeSecretary, meeting), false, "the committee's secretary types its own minutes");
    assert.equal(canEditMeeting(committeeSecretary, { ...meeting, workingGroupId: null }), true);
  });
});

/** The id of a group's latest meeting. */
function numberOfGroupMeeting(groupId: number): number {
  return db.select({ id: meetings.id }).from(meetings).where(eq(meetings.workingGroupId, groupId)).all().at(-1)!.id;
}

// Saving a draft with a follow-up of another group's resolution is refused like any crafted follow-up.
test("a group meeting's follow-up section cannot update the committee's own resolutions", () => {
  const c = committeeWithGroups();
  const { resolutions } = finalMeeting(c.committee, 3, [{ subject: "کمیته", owners: owner(c) }]);
  finalMeeting(c.committee, 2, [{ subject: "کارگروه", owners: owner(c) }], clock.today(), c.groupTwo);
  const id = createMeeting(actor, c.committee, { workingGroupId: c.groupTwo });
  const m = getMeeting(STAFF, id)!;
  const saved = saveDraft(actor, id, {
    version: m.meeting.version,
    saveId: `f${++seq}`,
    doc: {
      ...m.doc,
      date: formatJalali(clock.today(), "en"),
      agenda: [{ key: "a", title: "دستور", discussion: "" }],
      attendance: m.doc.attendance.map((a) => ({ ...a, status: "present" as const })),
      followUps: [{ resolutionId: resolutions[0].id, status: "done", percent: "", note: "انجام شد", newDueDate: "" }],
    },
  });
  assert.ok(saved.ok);
  assert.throws(
    () => finaliseMeeting(actor, id, { version: saved.version }),
    (e) => e instanceof FinalisationError && e.errors["followUps.0.status"] === "minutes.errors.followUpClosed",
  );
});
