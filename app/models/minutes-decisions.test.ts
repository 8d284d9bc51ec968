/** What a meeting decides besides its resolutions' wording: votes, quorum, follow-ups of earlier ones, numbering. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { bodies, followUps, meetingEditions, meetings, resolutions } from "../../db/schema";
import { actor, makeBody, makePerson, seat } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import type { MinutesDoc } from "../schemas/minutes";
import { FinalisationError } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { addDays, formatJalali } from "../utils/jalali";
import { RuleViolation } from "../utils/rules";
import { createBody, updateBody } from "./bodies.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import type { MinutesSnapshot } from "./meetings.server";
import { createMeeting, getMeeting, startCorrection } from "./meetings.server";
import { resolutionCode } from "./resolutions.server";

let seq = 0;

/** A committee with its rule and three members. */
function committee(rule: Partial<Parameters<typeof createBody>[1]> = {}) {
  const hq = makeBody("headquarters");
  const id = createBody(actor, {
    name: `کمیته تصمیم ${++seq}`,
    code: `ت${seq}`,
    kind: "committee",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
    ...rule,
  });
  for (let i = 0; i < 3; i++) seat(makePerson("عضو"), { bodyId: id });
  return id;
}

type Row = Partial<MinutesDoc["resolutions"][number]> & { subject: string };

/** Saves the draft of a new meeting of the body with these changes, and returns its id. */
function draft(bodyId: number, change: (doc: MinutesDoc) => Partial<MinutesDoc>, rows: Row[] = []) {
  const id = createMeeting(actor, bodyId);
  saveAs(id, (doc) => ({
    date: formatJalali(addDays(clock.today(), -3), "en"),
    agenda: [{ key: "a", title: "دستور", discussion: "" }],
    attendance: doc.attendance.map((a) => ({ ...a, status: "present" as const })),
    resolutions: rows.map((r, i) => ({
      key: `r${i}`,
      owners: [{ kind: "body" as const, id: bodyId, label: "" }],
      timeframeKind: "weeks" as const,
      timeframeCount: "4",
      timeframeDate: "",
      timeframeText: "",
      ...r,
    })),
    ...change(doc),
  }));
  return id;
}

function saveAs(id: number, change: (doc: MinutesDoc) => Partial<MinutesDoc>) {
  const m = getMeeting(STAFF, id)!;
  const saved = saveDraft(actor, id, {
    version: m.meeting.version,
    saveId: `d${++seq}`,
    doc: { ...m.doc, ...change(m.doc) },
  });
  assert.ok(saved.ok);
}

const finalise = (id: number, reason = "") =>
  finaliseMeeting(actor, id, { version: getMeeting(STAFF, id)!.meeting.version, reason });

function refusal(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof FinalisationError) return error.errors;
    throw error;
  }
  assert.fail("expected the minutes to be refused");
}

const rowsOf = (meetingId: number) =>
  db.select().from(resolutions).where(eq(resolutions.meetingId, meetingId)).orderBy(resolutions.number).all();

const snapshot = (meetingId: number, edition = 1) =>
  JSON.parse(
    db
      .select()
      .from(meetingEditions)
      .where(and(eq(meetingEditions.meetingId, meetingId), eq(meetingEditions.edition, edition)))
      .get()!.snapshotJson,
  ) as MinutesSnapshot;

describe("quorum", () => {
  test("minutes without the quorum are final only with a reason, and say so", () => {
    const body = committee({ quorumKind: "majority" });
    const absentTwo = (doc: MinutesDoc) => ({
      attendance: doc.attendance.map((a, i) => ({
        ...a,
        status: i === 0 ? ("present" as const) : ("absent" as const),
      })),
    });
    const id = draft(body, absentTwo);
    assert.deepEqual(refusal(() => finalise(id)).quorumReason, "minutes.errors.quorumReason");
    saveAs(id, () => ({ quorumReason: "جلسه فوق‌العاده به دعوت رئیس ستاد" }));
    finalise(id);
    const m = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    assert.deepEqual([m.quorumMet, m.quorumReason], [false, "جلسه فوق‌العاده به دعوت رئیس ستاد"]);
    assert.deepEqual(snapshot(id).quorum, {
      needed: 2,
      present: 1,
      members: 3,
      met: false,
      reason: "جلسه فوق‌العاده به دعوت رئیس ستاد",
    });
  });

  test("a substitute counts for the member; a set number is the rule when the body has one", () => {
    const body = committee({ quorumKind: "count", quorumCount: 3 });
    const id = draft(body, (doc) => ({
      attendance: doc.attendance.map((a, i) =>
        i === 2
          ? { ...a, status: "represented" as const, substitute: "آقای جانشین" }
          : { ...a, status: "present" as const },
      ),
    }));
    finalise(id);
    assert.equal(db.select().from(meetings).where(eq(meetings.id, id)).get()!.quorumMet, true);
    // Two present of three, when three are needed: refused without a reason.
    const short = draft(body, (doc) => ({
      attendance: doc.attendance.map((a, i) => ({
        ...a,
        status: i === 0 ? ("absent" as const) : ("present" as const),
      })),
    }));
    assert.ok(refusal(() => finalise(short)).quorumReason);
  });

  test("the database refuses a count rule without a count", () => {
    assert.throws(
      () => db.update(bodies).set({ quorumKind: "count", quorumCount: null }).where(eq(bodies.id, committee())).run(),
      /rule:quorum_rule/,
    );
  });
});

describe("votes", () => {
  test("each resolution keeps its vote as typed in any digits; a majority needs more for than against", () => {
    const body = committee();
    const id = draft(body, () => ({}), [
      { subject: "تصویب شیوه‌نامه", vote: { kind: "majority", for: "۷", against: "٢", abstain: "1" } },
      { subject: "تشکیل کارگروه", vote: { kind: "unanimous", for: "", against: "", abstain: "" } },
      { subject: "گزارش شفاهی" },
    ]);
    finalise(id);
    assert.deepEqual(
      rowsOf(id).map((r) => [r.voteKind, r.votesFor, r.votesAgainst, r.votesAbstain]),
      [
        ["majority", 7, 2, 1],
        ["unanimous", null, null, null],
        [null, null, null, null],
      ],
    );
    // The vote is part of what the meeting decided: fixed once final.
    assert.throws(
      () =>
        db
          .update(resolutions)
          .set({ votesFor: 9 })
          .where(eq(resolutions.id, rowsOf(id)[0].id))
          .run(),
      /rule:minutes_final/,
    );

    const bad = draft(body, () => ({}), [
      { subject: "الف", vote: { kind: "majority", for: "۲", against: "۳", abstain: "" } },
      { subject: "ب", vote: { kind: "majority", for: "", against: "", abstain: "x" } },
    ]);
    const errors = refusal(() => finalise(bad));
    assert.equal(errors["resolutions.0.vote.for"], "minutes.errors.notMajority");
    assert.equal(errors["resolutions.1.vote.for"], "minutes.errors.votesFor");
    assert.equal(errors["resolutions.1.vote.abstain"], "minutes.errors.voteCount");
    assert.equal(rowsOf(bad).length, 0);
  });
});

describe("the follow-up section", () => {
  test("updates decided in a meeting become the earlier resolutions' follow-ups, once, marked with the meeting", () => {
    const body = committee();
    const first = draft(body, () => ({}), [{ subject: "تهیه فهرست دستگاه‌ها" }, { subject: "ارسال نامه به استان‌ها" }]);
    finalise(first);
    const [a, b] = rowsOf(first);
    const dueLater = formatJalali(addDays(a.dueDate!, 14), "en");
    const second = draft(body, () => ({
      followUps: [
        { resolutionId: a.id, status: "", percent: "۴۰", note: "فهرست نیمه‌کاره است", newDueDate: dueLater },
        { resolutionId: b.id, status: "done", percent: "", note: "نامه‌ها ارسال شد", newDueDate: "" },
      ],
    }));
    finalise(second);
    const after = (id: number) => db.select().from(resolutions).where(eq(resolutions.id, id)).get()!;
    assert.deepEqual([after(a.id).status, after(a.id).dueDate], ["in_progress", addDays(a.dueDate!, 14)]);
    assert.equal(after(b.id).status, "done");
    const recorded = () => db.select().from(followUps).where(eq(followUps.meetingId, second)).all();
    const kinds = recorded().map((f) => `${f.resolutionId === a.id ? "a" : "b"}:${f.kind}:${f.percent ?? ""}`);
    assert.deepEqual(kinds.sort(), ["a:extension:", "a:note:40", "a:status:", "b:status:100"].sort());
    assert.equal(recorded().find((f) => f.resolutionId === b.id)?.note, "نامه‌ها ارسال شد");
    assert.deepEqual(
      snapshot(second).followed?.map((f) => f.subject),
      ["تهیه فهرست دستگاه‌ها", "ارسال نامه به استان‌ها"],
    );

    // A correction that leaves the section as it was writes nothing again.
    startCorrection(actor, second);
    finalise(second, "اصلاح املای دستور");
    assert.equal(recorded().length, 4);
  });

  test("an earlier deadline, a closed resolution or another body's resolution is refused by field", () => {
    const body = committee();
    const first = draft(body, () => ({}), [{ subject: "الف" }]);
    finalise(first);
    const [a] = rowsOf(first);
    const earlier = formatJalali(addDays(a.dueDate!, -1), "en");
    const second = draft(body, () => ({
      followUps: [{ resolutionId: a.id, status: "", percent: "", note: "", newDueDate: earlier }],
    }));
    assert.equal(refusal(() => finalise(second))["followUps.0.newDueDate"], "minutes.errors.followUpDue");
    assert.equal(db.select().from(followUps).where(eq(followUps.meetingId, second)).all().length, 0);

    const other = committee();
    const foreign = draft(other, () => ({
      followUps: [{ resolutionId: a.id, status: "done", percent: "", note: "", newDueDate: "" }],
    }));
    assert.equal(refusal(() => finalise(foreign))["followUps.0.status"], "minutes.errors.followUpClosed");
    assert.equal(db.select().from(resolutions).where(eq(resolutions.id, a.id)).get()!.status, "open");

    const percent = draft(body, () => ({
      followUps: [{ resolutionId: a.id, status: "", percent: "۱۲۰", note: "", newDueDate: "" }],
    }));
    assert.equal(refusal(() => finalise(percent))["followUps.0.percent"], "minutes.errors.followUpPercent");
  });
});

describe("running resolution numbers", () => {
  test("a body numbering in one sequence continues from its first number across meetings; codes follow", () => {
    const body = committee({ resolutionNumbering: "running", firstResolutionNumber: 346 });
    const one = draft(body, () => ({}), [{ subject: "الف" }, { subject: "ب" }]);
    finalise(one);
    const two = draft(body, () => ({}), [{ subject: "ج" }]);
    finalise(two);
    assert.deepEqual(
      [...rowsOf(one), ...rowsOf(two)].map((r) => r.number),
      [346, 347, 348],
    );
    const code = resolutionCode({
      bodyCode: "شورا",
      bodyId: body,
      groupOrdinal: null,
      meetingNumber: 2,
      number: 348,
      numbering: "running",
    });
    assert.equal(code, "شورا/348");
    assert.equal(
      resolutionCode({
        bodyCode: "شورا",
        bodyId: body,
        groupOrdinal: null,
        meetingNumber: 2,
        number: 3,
        numbering: "per_meeting",
      }),
      "شورا/2/3",
    );
    // The sequence holds in the database, and the numbering no longer changes once resolutions exist.
    assert.throws(
      () =>
        db
          .insert(resolutions)
          .values({ meetingId: two, number: 346, subject: "تکراری", timeframeKind: "standing" })
          .run(),
      /rule:(resolution_number_taken|minutes_final)/,
    );
    const current = db.select().from(bodies).where(eq(bodies.id, body)).get()!;
    assert.throws(
      () => updateBody(actor, body, { ...current, resolutionNumbering: "per_meeting" }),
      (e: unknown) => e instanceof RuleViolation && e.code === "numbering_in_use" && e.field === "resolutionNumbering",
    );
  });

  test("a running number already used in another meeting is refused by the database", () => {
    const body = committee({ resolutionNumbering: "running" });
    const one = draft(body, () => ({}), [{ subject: "الف" }]);
    finalise(one);
    const two = createMeeting(actor, body);
    assert.throws(
      () =>
        db
          .insert(resolutions)
          .values({ meetingId: two, number: 1, subject: "تکراری", timeframeKind: "standing" })
          .run(),
      /rule:resolution_number_taken/,
    );
  });
});
