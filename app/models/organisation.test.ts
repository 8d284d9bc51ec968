import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { Worker } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { bodies, memberships, workingGroups } from "../../db/schema";
import { atInstant } from "../../tests/pin-clock";
import { STAFF } from "../../tests/scopes";
import * as clock from "../utils/clock.server";
import { db, openDatabase } from "../utils/db.server";
import { RuleViolation } from "../utils/rules";
import { getAuditTrail } from "./audit.server";
import { createBody, updateBody } from "./bodies.server";
import { addMembership, endMembership } from "./memberships.server";
import { createPerson, listPeople, listPeoplePage, PEOPLE_PAGE } from "./people.server";
import { closeWorkingGroup, createWorkingGroup, getWorkingGroup } from "./working-groups.server";

const actor = { userId: null };
let seq = 0;

function makeCommittee() {
  const hq = createBody(actor, {
    name: `ستاد ${++seq}`,
    code: "",
    kind: "headquarters",
    parentId: null,
    isExternal: false,
    active: true,
    duties: "",
  });
  return createBody(actor, {
    name: `کمیته آزمون ${++seq}`,
    code: "",
    kind: "committee",
    parentId: hq,
    isExternal: false,
    active: true,
    duties: "",
  });
}

function makePerson(lastName = `نفر ${++seq}`) {
  return createPerson(actor, {
    honorific: "mr",
    title: null,
    firstName: "",
    lastName,
    organisation: "مرکز آمار ایران",
    position: "",
    email: "",
    mobile: "",
  });
}

const blank = {
  honorific: "mr",
  title: null,
  firstName: "",
  organisation: "",
  position: "",
  email: "",
  mobile: "",
} as const;

const seat = (personId: number) => ({
  personId,
  role: "member" as const,
  startDate: null,
  endDate: null,
  letterNumber: "",
  letterDate: null,
});

function refusedWith(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof RuleViolation && e.code === code);
}

describe("working groups: at most four open per committee", () => {
  test("the fifth is refused, closing one frees the place", () => {
    const committee = makeCommittee();
    const ids = [1, 2, 3, 4].map((i) => createWorkingGroup(actor, committee, { name: `گروه ${i}`, duties: "" }));
    refusedWith(() => createWorkingGroup(actor, committee, { name: "گروه ۵", duties: "" }), "working_group_limit");
    closeWorkingGroup(actor, ids[0]);
    assert.ok(createWorkingGroup(actor, committee, { name: "گروه ۵", duties: "" }) > 0);
    refusedWith(() => createWorkingGroup(actor, committee, { name: "گروه ۶", duties: "" }), "working_group_limit");
  });

  test("the database refuses a fifth group even when the model is bypassed", () => {
    const committee = makeCommittee();
    for (let i = 0; i < 4; i++)
      db.insert(workingGroups)
        .values({ committeeId: committee, name: `g${i}` })
        .run();
    assert.throws(
      () => db.insert(workingGroups).values({ committeeId: committee, name: "g5" }).run(),
      /working_group_limit/,
    );
    const groups = db.select().from(workingGroups).where(eq(workingGroups.committeeId, committee)).all();
    assert.equal(groups.length, 4);
  });

  test("a working group only sits under a committee", () => {
    const hq = createBody(actor, {
      name: `ستاد ${++seq}`,
      code: "",
      kind: "headquarters",
      parentId: null,
      isExternal: false,
      active: true,
      duties: "",
    });
    refusedWith(() => createWorkingGroup(actor, hq, { name: "گروه", duties: "" }), "working_group_parent");
  });
});

describe("working group members: at most seven", () => {
  test("the eighth is refused, ending a membership frees the place", () => {
    const group = createWorkingGroup(actor, makeCommittee(), { name: "گروه", duties: "" });
    const seats = Array.from({ length: 7 }, () => addMembership(actor, { workingGroupId: group }, seat(makePerson())));
    const eighth = makePerson();
    refusedWith(() => addMembership(actor, { workingGroupId: group }, seat(eighth)), "group_member_limit");
    assert.equal(getWorkingGroup(group)?.currentCount, 7);
    endMembership(actor, seats[0], { workingGroupId: group });
    addMembership(actor, { workingGroupId: group }, seat(eighth));
    assert.equal(getWorkingGroup(group)?.currentCount, 7);
  });

  test("the same person cannot hold two seats in one group; a closed group takes no one", () => {
    const group = createWorkingGroup(actor, makeCommittee(), { name: "گروه", duties: "" });
    const person = makePerson();
    addMembership(actor, { workingGroupId: group }, seat(person));
    refusedWith(() => addMembership(actor, { workingGroupId: group }, seat(person)), "alreadyMember");
    closeWorkingGroup(actor, group);
    assert.equal(getWorkingGroup(group)?.currentCount, 0);
    refusedWith(() => addMembership(actor, { workingGroupId: group }, seat(makePerson())), "group_closed");
  });

  test("the database refuses an eighth member even when the model is bypassed", () => {
    const group = createWorkingGroup(actor, makeCommittee(), { name: "گروه", duties: "" });
    for (let i = 0; i < 7; i++) db.insert(memberships).values({ personId: makePerson(), workingGroupId: group }).run();
    assert.throws(
      () => db.insert(memberships).values({ personId: makePerson(), workingGroupId: group }).run(),
      /group_member_limit/,
    );
  });
});

describe("a seat is freed on Tehran's day, at any hour", () => {
  const full = () => {
    const group = createWorkingGroup(actor, makeCommittee(), { name: "گروه", duties: "" });
    const seats = Array.from({ length: 7 }, () => addMembership(actor, { workingGroupId: group }, seat(makePerson())));
    return { group, seats };
  };
  // 20:29 and 20:31 UTC are 23:59 and 00:01 in Tehran; until 24:00 UTC, SQLite's date('now') is still yesterday.
  for (const [instant, when] of [
    ["2026-12-02T20:29:00Z", "23:59 in Tehran"],
    ["2026-12-02T20:31:00Z", "00:01 in Tehran"],
    ["2026-12-02T20:45:00Z", "00:15 in Tehran"],
    ["2026-12-04T20:45:00Z", "Friday night into Saturday"],
    ["2027-03-20T20:45:00Z", "the first minutes of Nowruz 1406"],
  ]) {
    test(`ending a member frees the seat for the next person at once (${when})`, () =>
      atInstant(instant, () => {
        const { group, seats } = full();
        endMembership(actor, seats[0], { workingGroupId: group });
        const ended = db.select().from(memberships).where(eq(memberships.id, seats[0])).get();
        assert.equal(ended?.endDate, clock.today());
        addMembership(actor, { workingGroupId: group }, seat(makePerson()));
        assert.equal(getWorkingGroup(group)?.currentCount, 7);
        // The database agrees when the model is bypassed: an eighth current member is still refused.
        assert.throws(
          () => db.insert(memberships).values({ personId: makePerson(), workingGroupId: group }).run(),
          /group_member_limit/,
        );
      }));
  }

  test("a membership that ends today no longer counts, one that ends tomorrow does, one that starts tomorrow holds its seat", () =>
    atInstant("2026-12-02T20:31:00Z", () => {
      const today = clock.today();
      const tomorrow = "2026-12-04";
      assert.equal(today, "2026-12-03");
      const group = createWorkingGroup(actor, makeCommittee(), { name: "گروه", duties: "" });
      for (let i = 0; i < 5; i++) addMembership(actor, { workingGroupId: group }, seat(makePerson()));
      addMembership(actor, { workingGroupId: group }, { ...seat(makePerson()), endDate: today });
      addMembership(actor, { workingGroupId: group }, { ...seat(makePerson()), endDate: tomorrow });
      addMembership(actor, { workingGroupId: group }, { ...seat(makePerson()), startDate: tomorrow });
      assert.equal(getWorkingGroup(group)?.currentCount, 7);
      refusedWith(() => addMembership(actor, { workingGroupId: group }, seat(makePerson())), "group_member_limit");
      // A day later the one that ended "tomorrow" has ended too, and the place is free.
      atInstant("2026-12-03T20:31:00Z", () => {
        assert.equal(getWorkingGroup(group)?.currentCount, 6);
        addMembership(actor, { workingGroupId: group }, seat(makePerson()));
      });
    }));
});

describe("bodies", () => {
  test("a body cannot sit under itself or its own sub-body", () => {
    const committee = makeCommittee();
    const parent = db.select().from(bodies).where(eq(bodies.id, committee)).get()!;
    refusedWith(
      () =>
        updateBody(actor, parent.parentId!, {
          name: `ستاد ${++seq}`,
          code: "",
          kind: "council",
          parentId: committee,
          isExternal: false,
          active: true,
          duties: "",
        }),
      "parentCycle",
    );
  });

  test("every change is in the audit trail with before and after", () => {
    const committee = makeCommittee();
    const body = db.select().from(bodies).where(eq(bodies.id, committee)).get()!;
    updateBody(actor, committee, {
      name: `${body.name} (ویرایش)`,
      code: "",
      kind: "committee",
      parentId: body.parentId,
      isExternal: true,
      active: false,
      duties: "",
    });
    const [latest] = getAuditTrail(STAFF, "body", committee);
    assert.equal(latest.action, "update");
    const fields = Object.fromEntries(latest.changes.map((c) => [c.field, [c.before, c.after]]));
    assert.deepEqual(fields.name, [body.name, `${body.name} (ویرایش)`]);
    assert.deepEqual(fields.active, ["true", "false"]);
  });
});

describe("people directory", () => {
  test("is paged: fifty a page in the directory's order, the search kept, a page past the end gives the last", () => {
    for (let i = 0; i < 60; i++) makePerson(`صفحه‌بندی${String(i).padStart(2, "0")}`);
    const first = listPeoplePage({ q: "صفحه‌بندی" });
    assert.equal(first.total, 60);
    assert.equal(first.pages, 2);
    assert.equal(first.rows.length, PEOPLE_PAGE);
    const second = listPeoplePage({ q: "صفحه‌بندی", page: 2 });
    assert.equal(second.rows.length, 10);
    const all = listPeople({ q: "صفحه‌بندی" }).map((p) => p.id);
    assert.deepEqual(
      [...first.rows, ...second.rows].map((p) => p.id),
      all,
    );
    assert.equal(listPeoplePage({ q: "صفحه‌بندی", page: 9 }).page, 2);
  });

  test("sorted the Persian way by last name and found with Arabic letters", () => {
    for (const name of ["یزدانی", "کاظمی", "پارسا", "گلستانی", "چمنی", "آزاد"]) makePerson(name);
    const names = listPeople()
      .map((p) => p.lastName)
      .filter((n) => ["یزدانی", "کاظمی", "پارسا", "گلستانی", "چمنی", "آزاد"].includes(n));
    assert.deepEqual(names, ["آزاد", "پارسا", "چمنی", "کاظمی", "گلستانی", "یزدانی"]);
    assert.deepEqual(
      listPeople({ q: "كاظمي" }).map((p) => p.lastName),
      ["کاظمی"],
    );
  });

  test("found with the honorific and title written before the name («آقای سیفی», «دکتر شباک»)", () => {
    const seifi = createPerson(actor, { ...blank, honorific: "mr", lastName: "سیفیان" });
    const shabak = createPerson(actor, { ...blank, honorific: "ms", title: "dr", lastName: "شباکی" });
    assert.deepEqual(
      listPeople({ q: "آقای سیفیان" }).map((p) => p.id),
      [seifi],
    );
    assert.deepEqual(
      listPeople({ q: "دکتر شباکی" }).map((p) => p.id),
      [shabak],
    );
    assert.deepEqual(
      listPeople({ q: "خانم دكتر شباکی" }).map((p) => p.id),
      [shabak],
    );
    assert.deepEqual(listPeople({ q: "آقای شباکی" }), []);
  });
});

describe("caps under concurrent writers", () => {
  // Each worker is a separate connection, as separate server processes would be; they start together.
  function race(file: string, sql: string, workers: number): Promise<number> {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      const Database = require("better-sqlite3");
      const db = new Database(workerData.file);
      db.pragma("busy_timeout = 10000");
      db.function("app_today", () => workerData.today);
      Atomics.wait(new Int32Array(workerData.gate), 0, 0);
      try { db.transaction(() => db.prepare(workerData.sql).run()).immediate(); parentPort.postMessage(1); }
      catch { parentPort.postMessage(0); }
    `;
    const gate = new SharedArrayBuffer(4);
    const runs = Array.from(
      { length: workers },
      () =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(code, { eval: true, workerData: { file, sql, gate, today: clock.today() } });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    );
    setTimeout(() => {
      Atomics.store(new Int32Array(gate), 0, 1);
      Atomics.notify(new Int32Array(gate), 0);
    }, 300);
    return Promise.all(runs).then((r) => r.reduce((a, b) => a + b, 0));
  }

  test("twelve writers racing for the groups and sixteen for the seats: exactly the allowed number win", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "caps-")), "race.db");
    const fileDb = openDatabase(file);
    const sqlite = fileDb.$client;
    sqlite.prepare("insert into bodies (kind, name) values ('committee', 'کمیته')").run();
    sqlite.prepare("insert into working_groups (committee_id, name) values (1, 'موجود')").run();
    const groups = await race(file, "insert into working_groups (committee_id, name) values (1, 'g')", 12);
    assert.equal(groups, 3);
    assert.equal(
      (sqlite.prepare("select count(*) n from working_groups where committee_id = 1").get() as { n: number }).n,
      4,
    );

    for (let i = 0; i < 16; i++)
      sqlite.prepare("insert into people (honorific, last_name) values ('mr', ?)").run(`p${i}`);
    const seats = await race(
      file,
      "insert into memberships (person_id, working_group_id) values ((select coalesce(max(person_id), 0) + 1 from memberships), 1)",
      16,
    );
    assert.equal(seats, 7);
    assert.equal(
      (sqlite.prepare("select count(*) n from memberships where working_group_id = 1").get() as { n: number }).n,
      7,
    );
    sqlite.close();
  });
});
