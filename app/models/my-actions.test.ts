import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { actor, finalMeeting, makePerson, seat, signedIn } from "../../tests/factories";
import type { MyActionsFilter } from "../schemas/my-actions";
import * as clock from "../utils/clock.server";
import { toPersianDigits } from "../utils/digits";
import { addDays, weekOf } from "../utils/jalali";
import { createBody } from "./bodies.server";
import { applyChange } from "./follow-ups.server";
import { listMyActions } from "./my-actions.server";

process.env.TEST_CLOCK = "2026-11-16T08:00:00Z";

function body(name: string, code: string, parentId: number | null) {
  return createBody(actor, {
    name,
    code,
    kind: parentId ? "committee" : "headquarters",
    parentId,
    isExternal: false,
    active: true,
    duties: "",
  });
}

const hq = body("ستاد آزمون", "", null);
const design = body("کمیته طراحی آزمون", "طراحی", hq);
const stats = body("کمیته آمار آزمون", "آمار", hq);
const me = makePerson("عضو");
const stranger = makePerson("بیرونی");
seat(me, { bodyId: design });
seat(me, { bodyId: stats });
seat(stranger, { bodyId: hq });
const scope = signedIn(me);
const other = signedIn(stranger);
const owners = (id: number) => [{ kind: "body" as const, id }];

const first = finalMeeting(design, 20, [
  { subject: "تهیه پیش‌نویس پرسشنامه سرشماری", owners: owners(design), days: 5 },
  { subject: "برگزاری کارگاه آموزشی", owners: owners(design), days: 24 },
  { subject: "پایش مستمر کیفیت", owners: owners(design) },
]).resolutions;
const second = finalMeeting(design, 3, [{ subject: "گزارش ماهانه", owners: owners(design), days: 60 }]).resolutions;
const statsRows = finalMeeting(stats, 2, [
  { subject: "تعیین مسئول پردازش داده", owners: owners(stats), days: 10 },
]).resolutions;
const all = [...first, ...second, ...statsRows];

const ids = (filter: MyActionsFilter, s = scope) =>
  listMyActions(s, undefined, { limit: 100, filter })
    .rows.map((r) => r.id)
    .sort((a, b) => a - b);
const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe("my actions at volume", () => {
  test("a resolution code typed with Persian digits finds that resolution only; a meeting's code finds its resolutions", () => {
    const rows = listMyActions(scope, undefined, { limit: 100 }).rows;
    const code = rows.find((r) => r.id === first[0].id)!.code;
    assert.match(code, /^طراحی\/\d+\/1$/);
    assert.deepEqual(ids({ q: toPersianDigits(code) }), [first[0].id]);
    const meetingCode = code.replace(/\/1$/, "");
    assert.deepEqual(ids({ q: toPersianDigits(meetingCode) }), idsOf(first));
    // Someone who cannot see the committee's work finds nothing by its code.
    assert.deepEqual(ids({ q: code }, other), []);
  });

  test("the search is Persian-aware: Arabic letters, the hamza's seat, spaces for the half-space", () => {
    assert.deepEqual(ids({ q: "پيش‌نويس" }), [first[0].id]);
    assert.deepEqual(ids({ q: "مسؤول" }), [statsRows[0].id]);
    assert.deepEqual(ids({ q: "پیش نویس پرسشنامه" }), [first[0].id]);
    assert.deepEqual(ids({ q: "واژه‌ای که نیست" }), []);
  });

  test("filters by status, body and due window, each over what the person carries", () => {
    applyChange(actor, scope, second[0].id, { intent: "progress", note: "آغاز شد", percent: 10 });
    assert.deepEqual(ids({ status: "in_progress" }), [second[0].id]);
    assert.equal(ids({ status: "open" }).length, all.length - 1);
    assert.deepEqual(ids({ bodyId: stats }), idsOf(statsRows));
    const today = clock.today();
    const due = (pred: (d: string) => boolean) => idsOf(all.filter((r) => r.dueDate !== null && pred(r.dueDate)));
    const overdue = due((d) => d < today);
    assert.ok(overdue.includes(first[0].id));
    assert.deepEqual(ids({ due: "overdue" }), overdue);
    assert.deepEqual(
      ids({ due: "week" }),
      due((d) => d >= today && d <= weekOf(today).end),
    );
    assert.deepEqual(
      ids({ due: "month" }),
      due((d) => d >= today && d <= addDays(today, 30)),
    );
    assert.deepEqual(ids({ due: "later" }), [second[0].id]);
    assert.deepEqual(ids({ due: "none" }), [first[2].id]);
    assert.deepEqual(ids({ bodyId: design, due: "none", q: "کیفیت" }), [first[2].id]);
  });

  test("sorts by deadline, code or body either way, and pages what the filter keeps", () => {
    const byDue = listMyActions(scope, undefined, { limit: 100 }).rows;
    const dues = byDue.filter((r) => r.dueDate).map((r) => r.dueDate!);
    assert.deepEqual(dues, [...dues].sort());
    assert.equal(byDue.at(-1)!.dueDate, null, "standing ones last");
    const late = listMyActions(scope, undefined, { limit: 100, filter: { sort: "due", dir: "desc" } }).rows;
    assert.equal(late[0].id, second[0].id);
    const codes = listMyActions(scope, undefined, {
      limit: 100,
      filter: { sort: "code", dir: "desc", bodyId: design },
    });
    assert.equal(codes.rows[0].id, second[0].id);
    assert.deepEqual(
      codes.rows.slice(1).map((r) => r.id),
      [first[2].id, first[1].id, first[0].id],
    );
    const page = listMyActions(scope, undefined, { limit: 2, offset: 2, filter: { bodyId: design } });
    assert.equal(page.total, 4);
    assert.equal(page.rows.length, 2);
    // The badges still count the whole list.
    assert.equal(page.overdueCount, ids({ due: "overdue" }).length);
  });
});
