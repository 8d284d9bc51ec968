import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { resolutions, users } from "../../db/schema";
import { STAFF } from "../../tests/scopes";
import { db } from "../utils/db.server";
import { createI18n } from "../utils/i18n";
import { jalaliToIso } from "../utils/jalali";
import { RuleViolation } from "../utils/rules";
import { scopeFor } from "./access.server";
import { createBody } from "./bodies.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { applyChange } from "./follow-ups.server";
import { createMeeting, getMeeting } from "./meetings.server";
import { addMembership } from "./memberships.server";
import { createPerson } from "./people.server";
import {
  composeReport,
  createReportDraft,
  figuresOf,
  getReport,
  issueReport,
  onTimeRate,
  upcomingNumber,
  updateReportDraft,
} from "./reports.server";

const actor = { userId: null };
const iso = (jy: number, jm: number, jd: number) => jalaliToIso({ jy, jm, jd });
let seq = 0;

describe("figures", () => {
  test("done, on time, overdue and extended, as of a day", () => {
    const asOf = "2026-03-20";
    const f = figuresOf(
      [
        { status: "done", doneDate: "2026-01-10", dueDate: "2026-01-15", extended: 0 },
        { status: "done", doneDate: "2026-02-10", dueDate: "2026-01-15", extended: 1 },
        { status: "done", doneDate: "2026-04-01", dueDate: "2026-01-15", extended: 0 },
        { status: "open", doneDate: null, dueDate: "2026-03-01", extended: 0 },
        { status: "in_progress", doneDate: null, dueDate: "2026-04-01", extended: 0 },
        { status: "open", doneDate: null, dueDate: null, extended: 0 },
        { status: "cancelled", doneDate: null, dueDate: "2026-01-01", extended: 0 },
      ],
      asOf,
    );
    assert.deepEqual(f, { passed: 7, done: 2, doneOnTime: 1, overdue: 2, extended: 1, open: 4 });
    assert.equal(
      onTimeRate(
        [
          { status: "done", doneDate: "2026-01-10", dueDate: "2026-01-15" },
          { status: "done", doneDate: "2026-02-10", dueDate: "2026-01-15" },
          { status: "open", doneDate: null, dueDate: "2026-02-01" },
          { status: "open", doneDate: null, dueDate: "2026-05-01" },
        ],
        "2026-01-01",
        "2026-03-20",
      ),
      1 / 3,
    );
  });
});

describe("composing a quarter from a known data set", () => {
  test("meetings inside the quarter's boundaries, attendance, per-committee counts, annex and immutability", () => {
    const hq = createBody(actor, {
      name: `ستاد ${++seq}`,
      code: "",
      kind: "headquarters",
      parentId: null,
      isExternal: false,
      active: true,
      duties: "",
    });
    const committee = createBody(actor, {
      name: `کمیته نمونه ${++seq}`,
      code: "نمونه",
      kind: "committee",
      parentId: hq,
      isExternal: false,
      active: true,
      duties: "",
    });
    const people = [1, 2, 3, 4].map((i) =>
      createPerson(actor, {
        honorific: "mr",
        title: null,
        firstName: "",
        lastName: `عضو${i}-${seq}`,
        organisation: "",
        position: "",
        email: "",
        mobile: "",
      }),
    );
    for (const [i, personId] of people.entries()) {
      addMembership(
        actor,
        { bodyId: committee },
        {
          personId,
          role: i === 0 ? "chair" : "member",
          startDate: null,
          endDate: null,
          letterNumber: "",
          letterDate: null,
        },
      );
    }
    const userId = db
      .insert(users)
      .values({ username: `chair${seq}`, passwordHash: "x", role: "chair", personId: people[0] })
      .returning({ id: users.id })
      .get().id;

    const meet = (date: string, absent: number, items: { days?: number }[]) => {
      const id = createMeeting(actor, committee);
      const m = getMeeting(STAFF, id)!;
      const saved = saveDraft(actor, id, {
        version: m.meeting.version,
        saveId: `r${++seq}`,
        doc: {
          ...m.doc,
          date,
          agenda: [{ key: "a", title: "دستور", discussion: "" }],
          reports: [{ key: "k", agendaKey: "a", bodyId: committee, text: `گزارش ${date}` }],
          attendance: m.doc.attendance.map((a, i) => ({ ...a, status: i < absent ? "absent" : "present" })),
          resolutions: items.map((it, i) => ({
            key: `x${i}`,
            subject: `مصوبه ${date} ${i}`,
            owners: [{ kind: "body", id: committee, label: "" }],
            timeframeKind: it.days ? "days" : "standing",
            timeframeCount: String(it.days ?? ""),
            timeframeDate: "",
            timeframeText: "",
          })),
        },
      });
      assert.ok(saved.ok);
      finaliseMeeting(actor, id, { version: saved.version });
      return db.select().from(resolutions).where(eq(resolutions.meetingId, id)).all();
    };
    // Q4 1404 runs 1404/10/01 – 1404/12/29 (1404 is not a leap year).
    meet("1404/09/30", 0, [{ days: 2 }]); // the day before the quarter: not counted as held
    const inQuarter = meet("1404/10/05", 1, [{ days: 3 }, { days: 10 }, {}]);
    meet("1404/12/29", 2, [{ days: 3 }]); // the quarter's last day: counted
    meet("1405/01/01", 0, [{ days: 3 }]); // the next quarter

    const chair = scopeFor({ id: userId, role: "chair", personId: people[0] });
    applyChange(actor, chair, inQuarter[0].id, { intent: "done", date: iso(1404, 10, 7), note: "" }); // on time
    applyChange(actor, chair, inQuarter[1].id, { intent: "extend", date: iso(1404, 11, 20), note: "تمدید" });
    applyChange(actor, chair, inQuarter[1].id, { intent: "done", date: iso(1404, 11, 25), note: "" }); // late even after extension

    const report = composeReport({ kind: "quarterly", year: 1404, period: 4 }, "2026-11-21");
    assert.deepEqual(report.range, { start: iso(1404, 10, 1), end: iso(1404, 12, 29), days: 89 });
    assert.equal(report.asOf, iso(1404, 12, 29));
    const body = report.perBody.find((b) => b.bodyId === committee)!;
    assert.equal(body.meetings, 2);
    // Four members at each meeting, one and then two absent: 5 of 8 present.
    assert.equal(body.attendanceRate, 5 / 8);
    assert.deepEqual(body.figures, { passed: 4, done: 2, doneOnTime: 1, overdue: 0, extended: 1, open: 2 });
    const section = report.committees.find((c) => c.bodyId === committee)!;
    assert.deepEqual(
      section.activities.map((a) => a.text),
      [`گزارش 1404/10/05`, `گزارش 1404/12/29`],
    );
    // The resolution of 1404/09/30 (due 1404/10/02) is still open at the quarter's end: in the annex.
    assert.ok(report.overdue.some((r) => r.subject.startsWith("مصوبه 1404/09/30")));
    assert.ok(!report.overdue.some((r) => r.subject.startsWith("مصوبه 1405/01/01")));
    const q4 = report.trend.at(-1)!;
    assert.deepEqual([q4.year, q4.quarter], [1404, 4]);

    const t = createI18n("fa").t;
    const id = createReportDraft({ userId }, { kind: "quarterly", year: 1404, period: 4 }, t);
    updateReportDraft({ userId }, id, { coverText: "متن روکش", notes: { [committee]: "یادداشت" } });
    const number = upcomingNumber(id)!;
    assert.equal(number, "1404-Q4-1");
    // Printed from one text, saved with another before the issue lands: nothing is issued.
    const printed = { number, coverText: "متن روکش", notesJson: JSON.stringify({ [committee]: "یادداشت" }) };
    updateReportDraft({ userId }, id, { coverText: "متن روکش، بازنگری‌شده", notes: { [committee]: "یادداشت" } });
    assert.throws(
      () => issueReport({ userId }, id, printed, Buffer.from("%PDF-1.4 test"), 1),
      (e: unknown) => e instanceof RuleViolation && e.code === "report_changed",
    );
    assert.equal(getReport(STAFF, id)?.status, "draft");
    updateReportDraft({ userId }, id, { coverText: "متن روکش", notes: { [committee]: "یادداشت" } });
    const issued = issueReport({ userId }, id, printed, Buffer.from("%PDF-1.4 test"), 1);
    assert.match(issued.sha256, /^[0-9a-f]{64}$/);
    assert.throws(
      () => updateReportDraft({ userId }, id, { coverText: "تغییر", notes: {} }),
      (e: unknown) => e instanceof RuleViolation && e.code === "report_issued",
    );
    assert.throws(
      () => db.$client.prepare("update reports set cover_text = 'x' where id = ?").run(id),
      /report_issued/,
    );
    assert.throws(() => db.$client.prepare("delete from reports where id = ?").run(id), /report_issued/);
    // A correction is a new report naming the one it replaces, with the next number.
    const correction = createReportDraft({ userId }, { kind: "quarterly", year: 1404, period: 4 }, t, id);
    assert.equal(upcomingNumber(correction), "1404-Q4-2");
  });
});
