import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { notifications, people, resolutions, users } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { atInstant } from "../../tests/pin-clock";
import { db } from "../utils/db.server";
import { addDays } from "../utils/jalali";
import { listNotifications } from "./notifications.server";
import { parseReminderDays, remindsToday, runDailyJobs, setReminderDays } from "./scheduler.server";

// A Monday in Tehran (1405/08/25); its Persian week began on Saturday 2026-11-14.
const DAY = "2026-11-16";
const at = (day: string) => `${day}T05:00:00Z`;
process.env.TEST_CLOCK = at(DAY);

type Mail = { personId: number; kind: string; subject: string; text: string; lang: string; dedupeKey: string };
const mails = (): Mail[] =>
  db.all<Mail>(
    sql`select person_id as personId, kind, subject, text, lang, dedupe_key as dedupeKey from outbox
      where kind in ('reminder', 'digest') order by id`,
  );
const perPerson = (kind: string) => {
  const counts = new Map<number, number>();
  for (const m of mails().filter((m) => m.kind === kind)) counts.set(m.personId, (counts.get(m.personId) ?? 0) + 1);
  return counts;
};

test("reminder days: 7 and 1 before and on the day by default; the admin's list replaces 7 and 1", () => {
  assert.equal(remindsToday("2026-11-23", DAY), true);
  assert.equal(remindsToday("2026-11-17", DAY), true);
  assert.equal(remindsToday("2026-11-16", DAY), true);
  assert.equal(remindsToday("2026-11-20", DAY), false);
  assert.equal(remindsToday("2026-11-19", DAY, [3]), true);
  assert.equal(remindsToday("2026-11-23", DAY, [3]), false);
  assert.deepEqual(parseReminderDays("۱، 7 ,۱۴"), [14, 7, 1]);
  assert.deepEqual(parseReminderDays(""), []);
  assert.equal(parseReminderDays("0"), null);
  assert.equal(parseReminderDays("هفت"), null);
});

describe("the daily run on factory data", () => {
  const who = {} as Record<"chair" | "owner" | "late" | "english" | "quiet", number>;
  const userOf = {} as Record<keyof typeof who, ReturnType<typeof signedIn>>;
  before(() => {
    const committee = makeBody("committee", makeBody("headquarters"));
    for (const k of Object.keys({ chair: 1, owner: 1, late: 1, english: 1, quiet: 1 }) as (keyof typeof who)[]) {
      who[k] = makePerson(k);
      db.update(people)
        .set({ email: `${k}@example.org` })
        .where(eq(people.id, who[k]))
        .run();
    }
    seat(who.chair, { bodyId: committee }, "chair");
    for (const k of ["owner", "late", "english", "quiet"] as const) seat(who[k], { bodyId: committee });
    for (const k of Object.keys(who) as (keyof typeof who)[]) userOf[k] = signedIn(who[k]);
    db.update(users).set({ language: "en" }).where(eq(users.id, userOf.english.userId)).run();
    const person = (k: keyof typeof who) => [{ kind: "person" as const, id: who[k] }];
    const { resolutions: rs } = finalMeeting(committee, 40, [
      { subject: "هفت روز مانده", owners: person("owner"), days: 10 },
      { subject: "یک روز مانده", owners: person("owner"), days: 10 },
      { subject: "امروز", owners: person("owner"), days: 10 },
      { subject: "سه روز گذشته", owners: person("late"), days: 10 },
      { subject: "ده روز گذشته", owners: person("english"), days: 10 },
      { subject: "بیست روز مانده", owners: person("quiet"), days: 10 },
      { subject: "کار کمیته", owners: [{ kind: "body", id: committee }], days: 10 },
    ]);
    const due = [7, 1, 0, -3, -10, 20, -5];
    rs.forEach((r, i) => {
      db.update(resolutions)
        .set({ dueDate: addDays(DAY, due[i]!) })
        .where(eq(resolutions.id, r.id))
        .run();
    });
    // Finalising wrote assignment mail; the reminders and digests counted below are the scheduler's alone.
  });

  test("the first run writes one reminder per owner with something due, one digest to the chair; a second writes none", () => {
    const first = runDailyJobs();
    const reminders = perPerson("reminder");
    assert.equal(first.reminders, 3);
    assert.deepEqual(
      [...reminders.entries()].sort(),
      [
        [who.owner, 1],
        [who.late, 1],
        [who.english, 1],
      ].sort(),
    );
    assert.equal(reminders.has(who.quiet), false, "twenty days ahead is not a reminder day");
    const ownerMail = mails().find((m) => m.personId === who.owner)!;
    for (const s of ["هفت روز مانده", "یک روز مانده", "امروز"]) assert.match(ownerMail.text, new RegExp(s));
    const english = mails().find((m) => m.personId === who.english)!;
    assert.equal(english.lang, "en");
    assert.match(english.subject, /[A-Za-z]/);
    assert.match(english.text, /10 days/);
    assert.equal(first.digests, 1);
    assert.deepEqual([...perPerson("digest").entries()], [[who.chair, 1]]);
    const digest = mails().find((m) => m.kind === "digest")!;
    for (const s of ["سه روز گذشته", "ده روز گذشته", "یک روز مانده", "کار کمیته"])
      assert.match(digest.text, new RegExp(s));
    assert.doesNotMatch(digest.text, /بیست روز مانده/, "beyond two weeks is not in the digest");

    const count = mails().length;
    assert.deepEqual(runDailyJobs(), { reminders: 0, digests: 0, seriesDrafts: 0 });
    assert.equal(mails().length, count);
  });

  test("in-app notices: overdue and due soon for the owners, and none to the chair per resolution", () => {
    const kinds = (k: keyof typeof who) =>
      listNotifications(userOf[k])
        .filter((n) => n.kind !== "assigned")
        .map((n) => `${n.kind}:${n.subject}`)
        .sort();
    assert.deepEqual(kinds("late"), ["overdue:سه روز گذشته"]);
    assert.ok(kinds("owner").includes("due_soon:یک روز مانده"));
    // Not even of the committee's own overdue work: the chair has the digest instead.
    assert.deepEqual(kinds("chair"), []);
    assert.equal(
      listNotifications(userOf.chair).filter((n) => n.kind === "assigned").length,
      0,
      "no notice per resolution the committee passed",
    );
  });

  test("a notice read stays read on the next day's run", () => {
    db.update(notifications)
      .set({ readAt: "2026-11-16T06:00:00Z" })
      .where(eq(notifications.userId, userOf.late.userId))
      .run();
    atInstant(at(addDays(DAY, 1)), () => runDailyJobs());
    assert.deepEqual(listNotifications(userOf.late), []);
  });

  test("overdue reminders are weekly: none the next days, one a week later even after days without a run", () => {
    const lateMails = () => mails().filter((m) => m.personId === who.late && m.kind === "reminder").length;
    assert.equal(lateMails(), 1);
    for (const d of [2, 3]) atInstant(at(addDays(DAY, d)), () => runDailyJobs());
    assert.equal(lateMails(), 1);
    // The server was down from day 4 to day 8: the run at start on day 9 catches up.
    const result = atInstant(at(addDays(DAY, 9)), () => runDailyJobs());
    assert.equal(lateMails(), 2);
    assert.ok(result.reminders >= 2);
    assert.equal(result.digests, 1, "a new Persian week: a new digest");
    assert.deepEqual(
      atInstant(at(addDays(DAY, 9)), () => runDailyJobs()),
      { reminders: 0, digests: 0, seriesDrafts: 0 },
    );
  });

  test("the admin's reminder days apply to the next run", () => {
    // The «twenty days ahead» resolution is 10 days ahead on day 10: not a default reminder day, but the admin's.
    assert.equal(perPerson("reminder").get(who.quiet) ?? 0, 0);
    setReminderDays(actor, [10]);
    atInstant(at(addDays(DAY, 10)), () => runDailyJobs());
    assert.equal(perPerson("reminder").get(who.quiet), 1);
  });
});
