import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { demoPdf } from "../../db/demo-documents";
import { dataSets, documents } from "../../db/schema";
import { actor, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { NOBODY, STAFF } from "../../tests/scopes";
import { slicePage } from "../schemas/paging";
import { db } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { addDays } from "../utils/jalali";
import { RuleViolation } from "../utils/rules";
import { allowedMoves, isLate } from "../utils/supply-stages";
import { canChangeDataSet, canReadSupply } from "./access.server";
import { addHoliday } from "./calendar.server";
import { checkFiles, documentRights } from "./documents.server";
import { createOrganisation } from "./organisations.server";
import { composeReport } from "./report-composition.server";
import {
  createDataSet,
  dueDateOf,
  getDataSet,
  listDataSets,
  listStages,
  pageDataSets,
  recordChange,
  setStages,
} from "./supply.server";
import {
  agencySupplyAsOf,
  putWeeklyIntoMinutes,
  supplyByAgency,
  weeklyReportCommittees,
  weeklyStatus,
} from "./supply-reports.server";

let seq = 0;
const council = makeBody("council", makeBody("headquarters"));
const committee = makeBody("committee", council);
const other = makeBody("committee", council);
const stage = (code: string) => listStages().find((s) => s.code === code)!.id;
const today = "2026-12-01";

function makeSet(scheduleDate: string | null = null) {
  const organisationId = createOrganisation(actor, {
    name: `سازمان ثبت احوال ${++seq}`,
    aliases: "",
    kind: "agency",
    active: true,
  });
  const id = createDataSet(
    actor,
    STAFF,
    {
      organisationId,
      name: "ثبت ولادت",
      level: "PIN",
      items: "شماره ملی، جنسیت\nتاریخ تولد",
      frequency: "once",
      resolutionId: null,
      committeeId: committee,
      scheduleDate,
    },
    today,
  );
  return { id, organisationId };
}
const change = (toStageId: number, extra: Partial<Parameters<typeof recordChange>[3]> = {}) => ({
  toStageId,
  date: today,
  note: "",
  blockedOn: "",
  delivered: false,
  period: "",
  recordCount: null,
  findings: "",
  ...extra,
});

describe("the data-supply pipeline", () => {
  test("a new data set starts at the first stage, its items one a line, with the first line of its history", () => {
    const { id } = makeSet();
    const found = getDataSet(STAFF, id, today)!;
    assert.equal(found.dataSet.stageId, stage("requested"));
    assert.deepEqual(found.dataSet.itemList, ["شماره ملی", "جنسیت", "تاریخ تولد"]);
    assert.equal(found.history.length, 1);
    assert.deepEqual(
      found.moves.map((s) => s.code),
      ["negotiation", "problems"],
    );
  });

  test("stages move one step at a time; a jump is refused by the model and by the database", () => {
    const { id } = makeSet();
    assert.throws(
      () => recordChange(actor, STAFF, id, change(stage("delivered"))),
      (e: unknown) => e instanceof RuleViolation && e.code === "supply_stage_move",
    );
    assert.throws(
      () =>
        db
          .update(dataSets)
          .set({ stageId: stage("accepted") })
          .where(eq(dataSets.id, id))
          .run(),
      /rule:supply_stage_move/,
    );
    for (const code of ["negotiation", "agreement", "delivered", "quality_checked", "accepted"])
      recordChange(actor, STAFF, id, change(stage(code)));
    const found = getDataSet(STAFF, id, today)!;
    assert.equal(found.dataSet.stageKind, "accepted");
    assert.deepEqual(found.moves, [], "nothing follows acceptance, not even «problems found»");
    assert.equal(found.history.length, 6);
  });

  test("«problems found» sends a delivered data set back; it can then go to an earlier step, not straight to accepted", () => {
    const { id } = makeSet();
    for (const code of ["negotiation", "agreement", "delivered"]) recordChange(actor, STAFF, id, change(stage(code)));
    recordChange(actor, STAFF, id, change(stage("problems"), { note: "فایل آموزش و پرورش خطا دارد" }));
    const back = getDataSet(STAFF, id, today)!;
    assert.equal(back.dataSet.stageKind, "problem");
    assert.ok(!back.moves.some((s) => s.code === "accepted"));
    assert.throws(
      () =>
        db
          .update(dataSets)
          .set({ stageId: stage("accepted") })
          .where(eq(dataSets.id, id))
          .run(),
      /rule:supply_stage_move/,
    );
    recordChange(actor, STAFF, id, change(stage("agreement")));
    assert.equal(getDataSet(STAFF, id, today)!.dataSet.stageId, stage("agreement"));
  });

  test("a delivery keeps its date, period, records and findings, and its documents go with the change", () => {
    const { id } = makeSet();
    for (const code of ["negotiation", "agreement"]) recordChange(actor, STAFF, id, change(stage(code)));
    const files = checkFiles([{ name: "نامه.pdf", bytes: demoPdf("نامه") }]);
    const changeId = recordChange(
      actor,
      STAFF,
      id,
      change(stage("delivered"), {
        delivered: true,
        period: "۱۳۵۵ تا ۱۴۰۴",
        recordCount: 1_200_000,
        findings: "شماره ملی پیش از ۱۳۸۵ ندارد",
      }),
      files,
    );
    const found = getDataSet(STAFF, id, today)!;
    assert.equal(found.deliveries[0]?.recordCount, 1_200_000);
    assert.equal(found.history[0]?.delivery?.findings, "شماره ملی پیش از ۱۳۸۵ ندارد");
    assert.equal(found.history[0]?.documents[0]?.fileName, "نامه.pdf");
    const doc = db.select().from(documents).where(eq(documents.entityId, changeId)).all();
    assert.equal(doc[0]?.entity, "data_set_change");
  });

  test("a note without a move, and nothing at all, and a day still to come", () => {
    const { id } = makeSet();
    recordChange(actor, STAFF, id, change(stage("requested"), { blockedOn: "ثبت احوال: امضای تعهد عدم افشا" }));
    assert.equal(getDataSet(STAFF, id, today)!.dataSet.blockedOn, "ثبت احوال: امضای تعهد عدم افشا");
    assert.throws(
      () => recordChange(actor, STAFF, id, change(stage("requested"), { blockedOn: "ثبت احوال: امضای تعهد عدم افشا" })),
      (e: unknown) => e instanceof RuleViolation && e.code === "supply_nothing",
    );
    assert.throws(
      () => recordChange(actor, STAFF, id, change(stage("negotiation"), { date: addDays(today, 400) })),
      (e: unknown) => e instanceof RuleViolation && e.code === "supply_future_date",
    );
  });

  test("the secretariat renames and reorders stages; moves follow the new order", () => {
    const before = listStages();
    const reordered = [before[1]!, before[0]!, ...before.slice(2)].map((s) => ({ id: s.id, name: s.name }));
    reordered[0] = { ...reordered[0]!, name: "مذاکره" };
    setStages(actor, STAFF, reordered);
    const after = listStages();
    assert.equal(after[0]?.code, "negotiation");
    assert.equal(after[0]?.name, "مذاکره");
    assert.deepEqual(
      allowedMoves(after, stage("negotiation")).map((s) => s.code),
      ["requested", "problems"],
    );
    assert.throws(() => setStages(actor, signedIn(makePerson(), "member"), reordered), ForbiddenError);
    setStages(
      actor,
      STAFF,
      before.map((s) => ({ id: s.id, name: s.name })),
    );
    assert.equal(listStages()[0]?.code, "requested");
  });
});

describe("the weekly report into the council's minutes", () => {
  test("goes in as the report of a committee that follows data sets, never of another; an account without a seat may not", () => {
    makeSet();
    const offered = weeklyReportCommittees().map((c) => c.id);
    assert.ok(offered.includes(committee));
    assert.ok(!offered.includes(other));
    assert.throws(
      () => putWeeklyIntoMinutes(actor, STAFF, other, "گزارش"),
      (e) => e instanceof RuleViolation && e.code === "supply_report_committee",
    );
    assert.throws(() => putWeeklyIntoMinutes(actor, NOBODY, committee, "گزارش"), ForbiddenError);
  });
});

describe("late on the Iranian calendar", () => {
  test("a schedule on a Friday is due on Saturday, on a holiday Saturday on Sunday; late only after that", () => {
    // 2026-12-04 is a Friday (جمعه ۱۳ آذر ۱۴۰۵); make the Saturday after it a holiday.
    addHoliday(actor, "2026-12-05", "تعطیل آزمون");
    assert.equal(dueDateOf("2026-12-04"), "2026-12-06");
    const { id } = makeSet("2026-12-04");
    assert.equal(getDataSet(STAFF, id, "2026-12-06")!.dataSet.late, false);
    assert.equal(getDataSet(STAFF, id, "2026-12-07")!.dataSet.late, true);
    assert.ok(listDataSets(STAFF, { late: true }, "2026-12-07").some((d) => d.id === id));
    assert.ok(weeklyStatus(STAFF, "2026-12-07").late.some((d) => d.id === id && d.daysLate === 1));
  });

  test("the list's page is the slice of the whole list, filtered in SQL as in JS, and new right after a change", () => {
    const late = makeSet("2026-11-20");
    makeSet("2026-11-20");
    makeSet(null);
    for (const filter of [
      {},
      { late: true },
      { q: "ثبت ولادت" },
      { level: "PIN", late: true },
      { stageId: stage("requested") },
    ]) {
      const all = listDataSets(STAFF, filter, today);
      for (const page of [1, 2, 3]) {
        // The same rows as the whole list's slice, each with only the fields the list shows.
        const { rows, ...shown } = pageDataSets(STAFF, filter, page, 2, today);
        const { rows: expected, ...sliced } = slicePage(all, page, 2);
        assert.deepEqual(shown, sliced);
        assert.deepEqual(
          rows,
          expected.map((d) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, d[k as keyof typeof d]]))),
        );
      }
    }
    const every = listDataSets(STAFF, {}, today);
    assert.deepEqual(
      listDataSets(STAFF, { late: true }, today).map((d) => d.id),
      every.filter((d) => isLate(d, today)).map((d) => d.id),
    );
    const lateIds = () => pageDataSets(STAFF, { late: true }, 1, 1000, today).rows.map((d) => d.id);
    assert.ok(lateIds().includes(late.id));
    // Delivered, it leaves the late list on the next read (the page is kept only until the next write).
    for (const code of ["negotiation", "agreement", "delivered"])
      recordChange(actor, STAFF, late.id, change(stage(code)));
    assert.ok(!lateIds().includes(late.id));
    assert.throws(() => pageDataSets(NOBODY, {}, 1, 50, today), ForbiddenError);
  });

  test("a delivered data set is not late; sent back with problems it is late again", () => {
    const { id } = makeSet("2026-11-20");
    for (const code of ["negotiation", "agreement", "delivered"]) recordChange(actor, STAFF, id, change(stage(code)));
    assert.equal(getDataSet(STAFF, id, today)!.dataSet.late, false);
    recordChange(actor, STAFF, id, change(stage("problems")));
    assert.equal(getDataSet(STAFF, id, today)!.dataSet.late, true);
  });

  test("the report per agency counts due, delivered and late, and the period's changes", () => {
    const { id, organisationId } = makeSet("2026-11-20");
    for (const code of ["negotiation", "agreement", "delivered"]) recordChange(actor, STAFF, id, change(stage(code)));
    const row = supplyByAgency(STAFF, "2026-09-23", today).rows.find((r) => r.id === organisationId)!;
    assert.deepEqual(
      { due: row.due, delivered: row.delivered, late: row.late, changes: row.changes, done: row.done },
      { due: 1, delivered: 1, late: 0, changes: 4, done: true },
    );
  });
});

describe("in the quarterly and half-year reports", () => {
  test("a report counts each data set in the stage it stood in at the period's end; later ones are not in it", () => {
    const organisationId = createOrganisation(actor, { name: "پست آزمون", aliases: "", kind: "agency", active: true });
    const input = {
      organisationId,
      name: "نشانی‌ها",
      level: "LIN" as const,
      items: "کد پستی",
      frequency: "once" as const,
      resolutionId: null,
      committeeId: committee,
      scheduleDate: "2026-10-25",
    };
    const id = createDataSet(actor, STAFF, input, "2026-10-01");
    recordChange(actor, STAFF, id, change(stage("negotiation"), { date: "2026-10-05" }));
    recordChange(actor, STAFF, id, change(stage("agreement"), { date: "2026-10-20" }));
    recordChange(
      actor,
      STAFF,
      id,
      change(stage("delivered"), { date: "2026-11-10", delivered: true, period: "۱۴۰۴", recordCount: 1200 }),
    );
    createDataSet(actor, STAFF, { ...input, name: "کدهای پستی تازه", scheduleDate: null }, "2026-11-15");
    // 1405/08/10 (2026-11-01), in the third quarter: the delivery of Aban 19 had not happened yet.
    const early = composeReport({ kind: "quarterly", year: 1405, period: 3 }, "2026-11-01").supply;
    const then = early.rows.find((r) => r.id === organisationId)!;
    assert.deepEqual(
      {
        total: then.total,
        due: then.due,
        delivered: then.delivered,
        late: then.late,
        changes: then.changes,
        done: then.done,
      },
      { total: 1, due: 1, delivered: 0, late: 1, changes: 3, done: false },
    );
    const now = agencySupplyAsOf("2026-09-23", today).rows.find((r) => r.id === organisationId)!;
    assert.deepEqual(
      { total: now.total, delivered: now.delivered, late: now.late, changes: now.changes, done: now.done },
      { total: 2, delivered: 1, late: 0, changes: 5, done: true },
    );
    // The listed changes are the stage moves and deliveries, newest first, with the records delivered.
    const listed = agencySupplyAsOf("2026-09-23", today).listedChanges.filter(
      (c) => c.organisationName === "پست آزمون",
    );
    assert.deepEqual(
      listed.map((c) => [c.date, c.recordCount]),
      [
        ["2026-11-10", 1200],
        ["2026-10-20", null],
        ["2026-10-05", null],
      ],
    );
  });
});

describe("who reads and who changes", () => {
  test("the secretariat and the following committee's chair and secretary change; its members and other committees read", () => {
    const { id } = makeSet();
    const chair = makePerson("رئیس");
    seat(chair, { bodyId: committee }, "chair");
    const secretary = makePerson("دبیر");
    seat(secretary, { bodyId: committee }, "secretary");
    const member = makePerson("عضو");
    seat(member, { bodyId: committee });
    const otherChair = makePerson("رئیس دیگر");
    seat(otherChair, { bodyId: other }, "chair");
    const set = { committeeId: committee };
    const [c, s, m, o] = [chair, secretary, member, otherChair].map((p) => signedIn(p, "member"));
    assert.equal(canChangeDataSet(STAFF, set), true);
    assert.equal(canChangeDataSet(c!, set), true);
    assert.equal(canChangeDataSet(s!, set), true);
    assert.equal(canChangeDataSet(m!, set), false);
    assert.equal(canChangeDataSet(o!, set), false);
    assert.equal(canReadSupply(o!), true);
    assert.equal(canReadSupply(NOBODY), false, "an account without a seat does not read the tracker");
    assert.throws(() => recordChange(actor, o!, id, change(stage("negotiation"))), ForbiddenError);
    assert.throws(() => listDataSets(NOBODY), ForbiddenError);
    recordChange(actor, s!, id, change(stage("negotiation")));
    const changeId = getDataSet(STAFF, id, today)!.history[0]!.id;
    assert.deepEqual(documentRights(o!, { entity: "data_set_change", entityId: changeId }), {
      read: true,
      attach: false,
    });
    assert.deepEqual(documentRights(c!, { entity: "data_set_change", entityId: changeId }), {
      read: true,
      attach: true,
    });
    assert.equal(getDataSet(m!, id, today)!.canChange, false);
    assert.deepEqual(getDataSet(m!, id, today)!.moves, []);
  });
});
