import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { draftVersions } from "../../db/schema";
import { actor, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import type { MinutesDoc } from "../schemas/minutes";
import { db } from "../utils/db.server";
import { openConflicts, saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { createMeeting, getMeeting } from "./meetings.server";

let seq = 0;
const saveId = () => `save-${++seq}-${Math.random().toString(36).slice(2)}`;

/** A draft with one agenda item and one resolution, opened by two secretaries at the same version. */
function sharedDraft() {
  const body = makeBody("council", makeBody("headquarters"));
  seat(makePerson("محزون"), { bodyId: body }, "chair");
  const id = createMeeting(actor, body);
  const first = { userId: signedIn(null, "secretariat").userId };
  const second = { userId: signedIn(null, "secretariat").userId };
  const opened = getMeeting(STAFF, id)!;
  const doc: MinutesDoc = {
    ...opened.doc,
    date: "۱۴۰۵/۰۹/۱۰",
    agenda: [{ key: "a1", id: null, title: "گزارش کمیته‌ها", discussion: "" }],
    attendance: opened.doc.attendance.map((a) => ({ ...a, status: "present" as const })),
    resolutions: [
      {
        key: "r1",
        id: null,
        number: null,
        subject: "ترتیب نشست با پنج استان",
        owners: [{ kind: "body", id: body, label: "" }],
        timeframeKind: "standing",
        timeframeCount: "",
        timeframeDate: "",
        timeframeText: "",
      },
    ],
  };
  const start = saveDraft(first, id, { doc, version: opened.meeting.version, saveId: saveId() });
  return { id, first, second, doc, version: start.version };
}

describe("two secretaries typing into one draft", () => {
  test("changes to different fields and rows merge, and the merged draft is what both read next", () => {
    const { id, first, second, doc, version } = sharedDraft();
    const a = saveDraft(first, id, { doc: { ...doc, place: "سالن شهید رجایی" }, version, saveId: saveId() });
    assert.equal(a.doc, undefined, "the first save is on the latest version: nothing to merge");
    const mine = structuredClone(doc);
    mine.summary = "خلاصه دبیر دوم";
    mine.resolutions[0].subject = "ترتیب نشست با شش استان";
    const b = saveDraft(second, id, { doc: mine, version, saveId: saveId() });
    assert.deepEqual(b.conflicts, []);
    assert.equal(b.doc?.place, "سالن شهید رجایی", "the second person gets the first one's change back");
    const stored = getMeeting(STAFF, id)!.doc;
    assert.deepEqual(
      [stored.place, stored.summary, stored.resolutions[0].subject],
      ["سالن شهید رجایی", "خلاصه دبیر دوم", "ترتیب نشست با شش استان"],
    );
  });

  test("the same field changed by both: the first text stays, the second is kept on the server until resolved", () => {
    const { id, first, second, doc, version } = sharedDraft();
    saveDraft(first, id, { doc: { ...doc, summary: "متن دبیر اول" }, version, saveId: saveId() });
    const b = saveDraft(second, id, { doc: { ...doc, summary: "متن دبیر دوم" }, version, saveId: saveId() });
    assert.equal(getMeeting(STAFF, id)!.doc.summary, "متن دبیر اول");
    assert.deepEqual(
      b.conflicts.map((c) => [c.field, c.mine, c.theirs]),
      [["summary", "متن دبیر دوم", "متن دبیر اول"]],
    );
    // Kept for the person who saved second, after a reload too; the first has nothing to settle.
    assert.equal(openConflicts(id, second.userId).length, 1);
    assert.equal(openConflicts(id, first.userId).length, 0);
    // Not final while it is open.
    assert.throws(() => finaliseMeeting(first, id, { version: b.version }), /draft_conflicts_open/);
    // The second person combines both texts: the save that carries it settles the conflict.
    const combined = saveDraft(second, id, {
      doc: { ...doc, summary: "متن دبیر اول\nمتن دبیر دوم" },
      version: b.version,
      saveId: saveId(),
      resolved: [b.conflicts[0].id],
    });
    assert.deepEqual(combined.conflicts, []);
    assert.equal(getMeeting(STAFF, id)!.doc.summary, "متن دبیر اول\nمتن دبیر دوم");
    finaliseMeeting(first, id, { version: combined.version });
    assert.equal(getMeeting(STAFF, id)!.meeting.status, "final");
    const kept = db.select({ n: count() }).from(draftVersions).where(eq(draftVersions.meetingId, id)).get()!.n;
    assert.equal(kept, 0, "a final draft keeps no versions");
  });

  test("one person deletes a resolution the other edited: it stays; one inserts while the other edits: both stay", () => {
    const { id, first, second, doc, version } = sharedDraft();
    const inserted = structuredClone(doc);
    inserted.resolutions.unshift({ ...doc.resolutions[0], key: "r0", subject: "مصوبه تازه" });
    inserted.resolutions = inserted.resolutions.filter((r) => r.key !== "r1");
    saveDraft(first, id, { doc: inserted, version, saveId: saveId() });
    const edited = structuredClone(doc);
    edited.resolutions[0].subject = "ترتیب نشست با پنج استان تا پایان آذر";
    saveDraft(second, id, { doc: edited, version, saveId: saveId() });
    assert.deepEqual(
      getMeeting(STAFF, id)!.doc.resolutions.map((r) => r.subject),
      ["مصوبه تازه", "ترتیب نشست با پنج استان تا پایان آذر"],
    );
  });

  test("a double submit of the same save is saved once", () => {
    const { id, first, doc, version } = sharedDraft();
    const once = saveId();
    const a = saveDraft(first, id, { doc: { ...doc, summary: "یک بار" }, version, saveId: once });
    const b = saveDraft(first, id, { doc: { ...doc, summary: "یک بار" }, version, saveId: once });
    assert.deepEqual([a.version, b.version], [version + 1, version + 1]);
    assert.equal(getMeeting(STAFF, id)!.meeting.version, version + 1);
  });
});
