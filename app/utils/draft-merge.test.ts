import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type MinutesDoc, minutesDocSchema } from "../schemas/minutes";
import { conflictPath, mergeDrafts } from "./draft-merge";

const resolution = (key: string, subject: string) =>
  minutesDocSchema.parse({ resolutions: [{ key, subject }] }).resolutions[0];
const base: MinutesDoc = minutesDocSchema.parse({
  place: "سالن شهید رجایی",
  summary: "خلاصه اولیه",
  agenda: [
    { key: "a1", title: "گزارش کمیته‌ها" },
    { key: "a2", title: "برنامه سال" },
  ],
  resolutions: [resolution("r1", "ترتیب نشست با پنج استان"), resolution("r2", "تهیه شیوه‌نامه")],
  attendance: [
    { personId: 1, name: "آقای محزون", status: "unmarked" },
    { personId: 2, name: "خانم غلامی", status: "unmarked" },
  ],
});
const edit = (doc: MinutesDoc, change: (d: MinutesDoc) => void) => {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
};

describe("merging two secretaries' saves of one draft", () => {
  test("different fields merge without a conflict", () => {
    const mine = edit(base, (d) => {
      d.summary = "خلاصه دبیر دوم";
    });
    const theirs = edit(base, (d) => {
      d.place = "تالار اجتماعات";
    });
    const { doc, conflicts } = mergeDrafts(base, mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(doc.summary, "خلاصه دبیر دوم");
    assert.equal(doc.place, "تالار اجتماعات");
  });

  test("different fields of one row, and different rows, merge", () => {
    const mine = edit(base, (d) => {
      d.resolutions[0].subject = "ترتیب نشست با شش استان";
      d.attendance[0].status = "present";
    });
    const theirs = edit(base, (d) => {
      d.resolutions[0].timeframeKind = "weeks";
      d.resolutions[0].timeframeCount = "۲";
      d.attendance[1].status = "absent";
    });
    const { doc, conflicts } = mergeDrafts(base, mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(doc.resolutions[0].subject, "ترتیب نشست با شش استان");
    assert.equal(doc.resolutions[0].timeframeCount, "۲");
    assert.deepEqual(
      doc.attendance.map((a) => a.status),
      ["present", "absent"],
    );
  });

  test("the same field changed by both is a conflict: the saved text stays, the other is kept in the conflict", () => {
    const mine = edit(base, (d) => {
      d.summary = "متن دبیر دوم";
      d.resolutions[1].subject = "تهیه شیوه‌نامه تا پایان ماه";
    });
    const theirs = edit(base, (d) => {
      d.summary = "متن دبیر اول";
      d.resolutions[1].subject = "تهیه و ابلاغ شیوه‌نامه";
    });
    const { doc, conflicts } = mergeDrafts(base, mine, theirs);
    assert.equal(doc.summary, "متن دبیر اول");
    assert.deepEqual(
      conflicts.map((c) => [c.section, c.row, c.field, c.mine, c.theirs]),
      [
        ["summary", null, "summary", "متن دبیر دوم", "متن دبیر اول"],
        ["resolutions", "r2", "subject", "تهیه شیوه‌نامه تا پایان ماه", "تهیه و ابلاغ شیوه‌نامه"],
      ],
    );
    assert.equal(conflictPath(doc, conflicts[0]), "summary");
    assert.equal(conflictPath(doc, conflicts[1]), "resolutions.1.subject");
  });

  test("the same change on both sides is no conflict", () => {
    const mine = edit(base, (d) => {
      d.summary = "یکسان";
    });
    assert.deepEqual(mergeDrafts(base, mine, structuredClone(mine)).conflicts, []);
  });

  test("a row inserted on one side and a row edited on the other both survive, in order", () => {
    const mine = edit(base, (d) => {
      d.resolutions.splice(1, 0, resolution("r9", "مصوبه تازه میان دو ردیف"));
    });
    const theirs = edit(base, (d) => {
      d.resolutions[1].subject = "تهیه شیوه‌نامه (ویرایش)";
    });
    const { doc, conflicts } = mergeDrafts(base, mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(
      doc.resolutions.map((r) => r.subject),
      ["ترتیب نشست با پنج استان", "مصوبه تازه میان دو ردیف", "تهیه شیوه‌نامه (ویرایش)"],
    );
  });

  test("a row deleted on one side goes; deleted on one side but edited on the other, it stays", () => {
    const mine = edit(base, (d) => {
      d.agenda.splice(0, 1);
      d.resolutions.splice(0, 1);
    });
    const theirs = edit(base, (d) => {
      d.resolutions[0].subject = "ترتیب نشست با پنج استان تا آخر آذر";
    });
    const { doc } = mergeDrafts(base, mine, theirs);
    assert.deepEqual(
      doc.agenda.map((a) => a.key),
      ["a2"],
    );
    assert.deepEqual(
      doc.resolutions.map((r) => r.subject),
      ["ترتیب نشست با پنج استان تا آخر آذر", "تهیه شیوه‌نامه"],
    );
  });

  test("rows reordered on one side keep that order while the other side edits a row's text", () => {
    const mine = edit(base, (d) => {
      d.resolutions.reverse();
    });
    const theirs = edit(base, (d) => {
      d.resolutions[0].subject = "ردیف اول ویرایش‌شده";
    });
    const { doc, conflicts } = mergeDrafts(base, mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(
      doc.resolutions.map((r) => r.subject),
      ["تهیه شیوه‌نامه", "ردیف اول ویرایش‌شده"],
    );
  });

  test("without the base version every difference is a conflict and the saved text stays", () => {
    const mine = edit(base, (d) => {
      d.summary = "الف";
    });
    const { doc, conflicts } = mergeDrafts(null, mine, base);
    assert.equal(doc.summary, "خلاصه اولیه");
    assert.deepEqual(
      conflicts.map((c) => c.field),
      ["summary"],
    );
  });
});
