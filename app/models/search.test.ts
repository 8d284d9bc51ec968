import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import { db } from "../utils/db.server";
import { markWords } from "../utils/normalize";
import { createMeeting } from "./meetings.server";
import { codeKeyOf, type SearchKind, search } from "./search.server";
import { createDataSet } from "./supply.server";

// A committee coded «طراحی» with two meetings (the second passes «طراحی/۲/۱»), and another committee a member
// does not sit in.
const hq = makeBody("headquarters");
const design = makeBody("committee", hq);
const other = makeBody("committee", hq);
db.$client.prepare("update bodies set code = 'طراحی' where id = ?").run(design);
const member = makePerson("عضو طراحی");
seat(member, { bodyId: design });
finalMeeting(design, 20, [{ subject: "تهیه فهرست نخست", owners: [{ kind: "body", id: design }], days: 10 }]);
const second = finalMeeting(design, 10, [
  {
    subject: "تعیین مسئول پایگاه كميته و مُصَوَّبات جلسۀ وزارتخانه‌ها که اجرا می‌شود",
    owners: [{ kind: "body", id: design }],
    days: 10,
  },
  { subject: "گزارش سال ۱۴۰۳ و 2025", owners: [{ kind: "body", id: design }], days: 10 },
]);
const secret = finalMeeting(other, 10, [
  { subject: "موضوع محرمانه کمیته دیگر", owners: [{ kind: "body", id: other }], days: 10 },
]);
const [code21, report] = second.resolutions.map((r) => r.id);
const seifi = makePerson("سیفی");
const shabak = makePerson("شباک");
db.$client
  .prepare("update people set title = 'dr', honorific = 'ms', position = 'مسؤول آمار' where id = ?")
  .run(shabak);
db.$client
  .prepare(
    "insert into organisations (kind, name, aliases, created_at) values ('agency', 'سازمان ثبت احوال كشور', 'ثبت احوال', '2025-01-01')",
  )
  .run();

const ids = (kind: SearchKind, q: string, scope = STAFF) => {
  const r = search(scope, q);
  assert.equal(r.status, "ok", q);
  return r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];
};

describe("one search, Persian-aware", () => {
  const variants: [string, string][] = [
    ["ي/ی and ك/ک", "تعيين مسئول پايگاه كميته"],
    ["ی and ک typed the Persian way", "تعیین پایگاه کمیته"],
    ["ة/ه", "جلسة"],
    ["ۀ and هٔ", "جلسهٔ"],
    ["ؤ/و and ئ: «مسؤول» finds «مسئول»", "مسؤول"],
    ["أ/إ/آ/ا", "إجرا"],
    ["harakat", "مُصَوَّبات"],
    ["without harakat", "مصوبات"],
    ["tatweel", "کمیـــته"],
    ["presentation forms", "ﻛﻤﻴﺘﻪ"],
    ["ZWNJ inside a word", "می‌شود"],
    ["a space inside a word", "می شود"],
    ["nothing inside a word", "میشود"],
    ["«وزارتخانهها» without ZWNJ", "وزارتخانهها"],
    ["«وزارتخانه ها» with a space", "وزارتخانه ها"],
  ];
  for (const [name, q] of variants)
    test(`${name}: «${q}» finds the resolution`, () => assert.ok(ids("resolution", q).includes(code21), q));

  test("all three digit sets find «۱۴۰۳» and «2025»", () => {
    for (const q of ["۱۴۰۳", "١٤٠٣", "1403", "۲۰۲۵", "٢٠٢٥", "2025"])
      assert.ok(ids("resolution", q).includes(report), q);
  });

  test("a resolution code in any digits finds that resolution first", () => {
    for (const q of ["طراحی/۲/۱", "طراحی/2/1", "طراحی/٢/١", "طراحي/۲/۱"]) {
      assert.ok(codeKeyOf(q), q);
      assert.equal(ids("resolution", q)[0], code21, q);
    }
  });

  test("people by name with or without honorific and title, and by position", () => {
    assert.deepEqual(ids("person", "آقای سیفی"), [seifi]);
    assert.deepEqual(ids("person", "سیفی"), [seifi]);
    assert.deepEqual(ids("person", "دکتر شباک"), [shabak]);
    assert.deepEqual(ids("person", "خانم دکتر شباک"), [shabak]);
    assert.deepEqual(ids("person", "مسئول آمار"), [shabak]);
  });

  test("organisations by name and alias, with Arabic letters", () => {
    assert.equal(ids("organisation", "ثبت احوال کشور").length, 1);
    assert.equal(ids("organisation", "ثبت‌احوال").length, 1);
  });

  test("meetings by body name and number, and a write shows in the next search", () => {
    assert.equal(ids("meeting", "طراحی جلسه ۲")[0], second.meetingId);
    assert.equal(ids("meeting", "طراحی").length, 2);
    const draft = createMeeting(actor, design, { workingGroupId: null });
    assert.deepEqual(ids("meeting", "جمعبندی ویژه"), []);
    db.$client.prepare("update meetings set summary = 'جمع‌بندی ویژه‌ای برای آزمون' where id = ?").run(draft);
    assert.deepEqual(ids("meeting", "جمعبندی ویژه"), [draft]);
  });

  test("a status finds finished resolutions too, in either language; the snippet shows the Persian one", () => {
    db.$client.prepare("update resolutions set status = 'done', done_date = '2025-01-01' where id = ?").run(report);
    assert.ok(ids("resolution", "انجام‌شده گزارش").includes(report));
    const snippet = (q: string) =>
      search(STAFF, q)
        .groups.find((g) => g.kind === "resolution")!
        .hits.find((h) => h.id === report)!
        .snippet.join("");
    assert.doesNotMatch(snippet("گزارش سال"), /Done/);
    assert.match(snippet("گزارش سال"), /انجام‌شده/);
    assert.match(snippet("done گزارش"), /Done/);
  });

  test("the words are marked in what is shown", () => {
    const hit = search(STAFF, "مسؤول ميشود").groups[0].hits.find((h) => h.id === code21)!;
    const marked = hit.title.filter((_, i) => i % 2 === 1);
    assert.deepEqual(marked, ["مسئول", "می‌شود"]);
    assert.deepEqual(markWords("ﻛﻤﻴﺘﻪ ها", ["کمیته"]), ["", "ﻛﻤﻴﺘﻪ", " ها"]);
    // A window keeps the text around the first match, with «…» on the cut sides.
    assert.deepEqual(markWords(`${"الف ".repeat(30)}کمیته${" ب".repeat(30)}`, ["کمیته"], 30), [
      "…ف الف الف ",
      "کمیته",
      " ب ب ب ب ب ب ب …",
    ]);
  });

  test("an empty, short or too long query gets its message, never a search", () => {
    assert.equal(search(STAFF, "  ").status, "empty");
    assert.equal(search(STAFF, "ا").status, "short");
    assert.equal(search(STAFF, "ا".repeat(101)).status, "long");
  });

  test("data sets by name, items and agency, for those who read the tracker", () => {
    const agency = db.$client
      .prepare("select id from organisations where name = 'سازمان ثبت احوال كشور'")
      .pluck()
      .get();
    const dataSet = createDataSet(actor, STAFF, {
      organisationId: agency as number,
      name: "ثبت وقايع حياتی",
      level: "PIN",
      items: "شماره ملی، جنسیت\nتاریخ تولد",
      frequency: "monthly",
      resolutionId: null,
      committeeId: design,
      scheduleDate: null,
    });
    // Arabic letters typed and stored, an item, the agency's name: each finds it, and it leads to its page.
    assert.deepEqual(ids("data_set", "وقایع حیاتی"), [dataSet]);
    assert.deepEqual(ids("data_set", "تاريخ تولد"), [dataSet]);
    assert.deepEqual(ids("data_set", "ثبت احوال کشور"), [dataSet]);
    const hit = search(STAFF, "وقایع حیاتی").groups.find((g) => g.kind === "data_set")!.hits[0];
    assert.equal(hit.href, `/supply/${dataSet}`);
    // The committee's member reads the tracker; a person with no seat does not, and finds none.
    const colleague = makePerson("همکار طراحی");
    seat(colleague, { bodyId: design });
    assert.deepEqual(ids("data_set", "وقایع حیاتی", signedIn(colleague)), [dataSet]);
    assert.deepEqual(ids("data_set", "وقایع حیاتی", signedIn(makePerson("بی‌نشست"))), []);
  });

  test("a member never finds what they may not read", () => {
    const scope = signedIn(member);
    assert.deepEqual(ids("resolution", "محرمانه", scope), []);
    assert.ok(ids("resolution", "محرمانه").includes(secret.resolutions[0].id));
    assert.ok(ids("resolution", "پایگاه", scope).includes(code21));
    assert.deepEqual(
      ids("meeting", "کمیته", scope).filter((id) => id === secret.meetingId),
      [],
    );
    const outsider = signedIn(makePerson("بی‌سمت"));
    assert.deepEqual(ids("resolution", "پایگاه", outsider), []);
    assert.deepEqual(ids("meeting", "طراحی", outsider), []);
    assert.deepEqual(ids("person", "سیفی", outsider), [seifi]);
  });

  test("the overview shows each kind's first hits; a kind's own pages show the rest, newest first, in the scope", () => {
    const items = (body: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        subject: `بازبینی دوره‌ای شماره ${i + 1}`,
        owners: [{ kind: "body" as const, id: body }],
        days: 10,
      }));
    const mine = finalMeeting(design, 5, items(design, 23)).resolutions.map((r) => r.id);
    const theirs = finalMeeting(other, 4, items(other, 3)).resolutions.map((r) => r.id);
    const q = "بازبینی دوره ای";
    const overview = search(STAFF, q);
    assert.equal(overview.status, "ok");
    const group = overview.groups.find((g) => g.kind === "resolution")!;
    assert.equal(group.hits.length, 5);
    assert.equal(group.more, true);
    const pageOf = (page: number, scope = STAFF) => {
      const r = search(scope, q, { kind: "resolution", page });
      assert.equal(r.status, "ok");
      return r.groups[0];
    };
    const [first, second, third] = [pageOf(1), pageOf(2), pageOf(3)];
    assert.deepEqual([first.hits.length, first.more, second.hits.length, second.more], [20, true, 6, false]);
    assert.deepEqual(third.hits, []);
    // Every hit once, in the overview's order: the overview is the first page's start.
    const all = [...first.hits, ...second.hits].map((h) => h.id);
    assert.deepEqual(new Set(all), new Set([...mine, ...theirs]));
    assert.deepEqual(
      group.hits.map((h) => h.id),
      all.slice(0, 5),
    );
    // The member's pages hold only their committee's.
    const colleague = makePerson("عضو دوم طراحی");
    seat(colleague, { bodyId: design });
    const memberScope = signedIn(colleague);
    const forMember = [...pageOf(1, memberScope).hits, ...pageOf(2, memberScope).hits].map((h) => h.id);
    assert.deepEqual(new Set(forMember), new Set(mine));
    // A page past the last one may ask for is the last one may ask for.
    assert.equal((search(STAFF, q, { kind: "resolution", page: 10_000 }) as { page: number }).page, 50);
  });
});
