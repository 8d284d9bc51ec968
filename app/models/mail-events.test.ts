import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { people, resolutions } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { atInstant } from "../../tests/pin-clock";
import { STAFF } from "../../tests/scopes";
import { db } from "../utils/db.server";
import { addDays } from "../utils/jalali";
import { applyChange, pendingRequests } from "./follow-ups.server";
import { setMailPreferences } from "./mail.server";
import { listNotifications } from "./notifications.server";
import { getResolution } from "./resolutions.server";
import { runDailyJobs } from "./scheduler.server";
import { answerSignoff, requestSignoff } from "./signoff.server";

const DAY = "2026-11-16";
process.env.TEST_CLOCK = `${DAY}T05:00:00Z`;

const kinds = (scope: ReturnType<typeof signedIn>, resolutionId: number) =>
  listNotifications(scope)
    .filter((n) => n.resolutionId === resolutionId)
    .map((n) => n.kind)
    .sort();
const mailCount = (personId: number, kind: string) =>
  db.all<{ n: number }>(sql`select count(*) as n from outbox where person_id = ${personId} and kind = ${kind}`)[0]!.n;

describe("extension requests, decisions and notices that no longer hold", () => {
  let chair: ReturnType<typeof signedIn>;
  let owner: ReturnType<typeof signedIn>;
  let outsider: ReturnType<typeof signedIn>;
  let ownerPerson = 0;
  const ids: number[] = [];
  before(() => {
    const hq = makeBody("headquarters");
    const committee = makeBody("committee", hq);
    const other = makeBody("committee", hq);
    const chairPerson = makePerson("رئیس");
    ownerPerson = makePerson("متولی");
    const outsiderPerson = makePerson("دیگری");
    for (const p of [chairPerson, ownerPerson, outsiderPerson])
      db.update(people)
        .set({ email: `p${p}@example.org` })
        .where(eq(people.id, p))
        .run();
    seat(chairPerson, { bodyId: committee }, "chair");
    seat(ownerPerson, { bodyId: committee });
    seat(outsiderPerson, { bodyId: other }, "chair");
    chair = signedIn(chairPerson);
    owner = signedIn(ownerPerson);
    outsider = signedIn(outsiderPerson);
    const { resolutions: rs } = finalMeeting(committee, 30, [
      { subject: "یکم", owners: [{ kind: "person", id: ownerPerson }], days: 10 },
      { subject: "دوم", owners: [{ kind: "person", id: ownerPerson }], days: 10 },
    ]);
    for (const r of rs) {
      ids.push(r.id);
      db.update(resolutions)
        .set({ dueDate: addDays(DAY, -2) })
        .where(eq(resolutions.id, r.id))
        .run();
    }
    runDailyJobs();
  });

  test("a request reaches the chair's home and notices; a rejection resolves them and tells the owner", () => {
    const [first] = ids;
    assert.deepEqual(kinds(owner, first!), ["assigned", "overdue"]);
    applyChange({ userId: owner.userId }, owner, first!, {
      intent: "request_extension",
      date: addDays(DAY, 30),
      note: "دلیل",
    });
    const pending = pendingRequests(chair, "fa");
    assert.deepEqual(
      pending.map((p) => [p.resolutionId, p.newDueDate]),
      [[first, addDays(DAY, 30)]],
    );
    assert.match(pending[0]!.requester, /متولی/);
    assert.deepEqual(pendingRequests(outsider, "fa"), [], "another body's chair does not see it");
    assert.deepEqual(pendingRequests(owner, "fa"), []);
    assert.deepEqual(kinds(chair, first!), ["extension_request"]);
    assert.equal(mailCount(ownerPerson, "extension"), 0);

    const request = getResolution(chair, first!)!.pendingRequest!;
    applyChange({ userId: chair.userId }, chair, first!, {
      intent: "decide",
      followUpId: request.id,
      approve: false,
      note: "نه",
    });
    assert.deepEqual(pendingRequests(chair, "fa"), []);
    assert.deepEqual(kinds(chair, first!), [], "the request's notice is resolved");
    assert.deepEqual(kinds(owner, first!), ["assigned", "extension_rejected", "overdue"], "still overdue");
    assert.equal(mailCount(ownerPerson, "extension"), 1);
  });

  test("the chair extending directly answers a pending request: the owner is told, «overdue» leaves the list", () => {
    const second = ids[1]!;
    applyChange({ userId: owner.userId }, owner, second, {
      intent: "request_extension",
      date: addDays(DAY, 20),
      note: "دلیل",
    });
    applyChange({ userId: chair.userId }, chair, second, {
      intent: "extend",
      date: addDays(DAY, 25),
      note: "تا آخر ماه",
    });
    assert.deepEqual(pendingRequests(chair, "fa"), []);
    assert.deepEqual(kinds(owner, second), ["assigned", "extension_approved"]);
    assert.equal(mailCount(ownerPerson, "extension"), 2);
    const decision = db.all<{ text: string }>(
      sql`select text from outbox where person_id = ${ownerPerson} and kind = 'extension' order by id desc limit 1`,
    )[0]!;
    assert.match(decision.text, /تمدید شد/);
  });

  test("done: every notice of the resolution leaves the lists", () => {
    applyChange({ userId: owner.userId }, owner, ids[0]!, { intent: "done", date: DAY, note: "انجام شد" });
    assert.deepEqual(kinds(owner, ids[0]!), []);
  });

  test("a person who turned reminders off gets none, the others still do", () => {
    setMailPreferences({ userId: owner.userId }, owner, ["reminder"]);
    const before = mailCount(ownerPerson, "reminder");
    // Tomorrow the owner's resolution is seven days away, a reminder day: none, as asked.
    const due = (d: number) =>
      db
        .update(resolutions)
        .set({ dueDate: addDays(DAY, d) })
        .where(eq(resolutions.id, ids[1]!))
        .run();
    due(8);
    atInstant(`${addDays(DAY, 1)}T05:00:00Z`, () => runDailyJobs());
    assert.equal(mailCount(ownerPerson, "reminder"), before);
    // Turned on again: the next reminder day brings one.
    setMailPreferences({ userId: owner.userId }, owner, []);
    due(9);
    atInstant(`${addDays(DAY, 2)}T05:00:00Z`, () => runDailyJobs());
    assert.equal(mailCount(ownerPerson, "reminder"), before + 1);
  });
});

describe("signed minutes go to those who signed", () => {
  test("one mail each with the PDF to be attached, only once the last signature is in", () => {
    const committee = makeBody("committee", makeBody("headquarters"));
    const a = makePerson("الف");
    const b = makePerson("ب");
    for (const p of [a, b]) {
      db.update(people)
        .set({ email: `s${p}@example.org` })
        .where(eq(people.id, p))
        .run();
      seat(p, { bodyId: committee });
    }
    const [sa, sb] = [signedIn(a), signedIn(b)];
    const { meetingId } = finalMeeting(committee, 2, [
      { subject: "بی‌مهلت", owners: [{ kind: "body", id: committee }] },
    ]);
    requestSignoff(actor, STAFF, meetingId);
    const minutesMail = () =>
      db.all<{ personId: number; attachments: string; subject: string }>(
        sql`select person_id as personId, attachments, subject from outbox where kind = 'minutes' order by person_id`,
      );
    answerSignoff({ userId: sa.userId }, sa, meetingId, { intent: "confirm" });
    assert.deepEqual(minutesMail(), [], "not signed yet");
    answerSignoff({ userId: sb.userId }, sb, meetingId, { intent: "confirm" });
    const mails = minutesMail();
    assert.deepEqual(
      mails.map((m) => m.personId),
      [a, b].sort((x, y) => x - y),
    );
    for (const m of mails) {
      assert.deepEqual(JSON.parse(m.attachments), [{ minutesPdf: meetingId }]);
      assert.match(m.subject, /صورتجلسه امضاشده/);
    }
  });
});
