import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { meetings, signoffResponses, signoffRounds } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import { db } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { RuleViolation } from "../utils/rules";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { cancelCorrection, getMeeting, startCorrection } from "./meetings.server";
import {
  answerSignoff,
  getSignoff,
  keepSignedPdf,
  pendingSignoffs,
  requestSignoff,
  roundByCode,
  verifyPdf,
} from "./signoff.server";

process.env.TEST_CLOCK = "2026-11-16T08:00:00Z";

/** A committee of three members (all present at its final meeting), its secretary's scope and the members' scopes. */
function committee(rule: "all" | "majority" = "all") {
  const hq = makeBody("headquarters");
  const body = makeBody("committee", hq);
  if (rule !== "all") db.run(`update bodies set signoff_rule = '${rule}' where id = ${body}`);
  const people = [makePerson("اول"), makePerson("دوم"), makePerson("سوم")];
  for (const p of people) seat(p, { bodyId: body });
  const outsider = makePerson("بیرونی");
  seat(outsider, { bodyId: hq });
  const { meetingId } = finalMeeting(body, 2, [
    { subject: "تهیه گزارش", owners: [{ kind: "body", id: body }], days: 10 },
  ]);
  return { body, meetingId, members: people.map((p) => signedIn(p)), outsider: signedIn(outsider) };
}

const rejects = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof RuleViolation && e.code === code);
const meetingOf = (id: number) => getMeeting(STAFF, id)!.meeting;

describe("sign-off of minutes", () => {
  test("those present are asked; each signs once; the last signature signs the minutes", () => {
    const c = committee();
    assert.throws(
      () => requestSignoff(actor, c.members[0], c.meetingId),
      (e: unknown) => e instanceof ForbiddenError,
    );
    requestSignoff(actor, STAFF, c.meetingId);
    rejects(() => requestSignoff(actor, STAFF, c.meetingId), "signoff_already");
    for (const m of c.members) assert.equal(pendingSignoffs(m).length, 1);
    assert.equal(pendingSignoffs(c.outsider).length, 0);

    answerSignoff(actor, c.members[0], c.meetingId, { intent: "confirm" });
    rejects(() => answerSignoff(actor, c.members[0], c.meetingId, { intent: "confirm" }), "duplicate");
    assert.equal(pendingSignoffs(c.members[0]).length, 0);
    rejects(
      () => answerSignoff(actor, c.members[1], c.meetingId, { intent: "change", comment: "  " }),
      "signoff_comment",
    );
    answerSignoff(actor, c.members[1], c.meetingId, { intent: "change", comment: "نام سازمان در بند ۲ نادرست است" });
    assert.throws(
      () => answerSignoff(actor, c.outsider, c.meetingId, { intent: "confirm" }),
      (e: unknown) => e instanceof ForbiddenError,
    );

    const half = getSignoff(STAFF, meetingOf(c.meetingId));
    assert.equal(half.round?.status, "open");
    assert.equal(half.round?.signed, 1);
    assert.equal(half.round?.asked, 3);
    const second = half.signers.find((s) => s.personId === c.members[1].personId)!;
    assert.equal(second.signedAt, null);
    assert.equal(second.changes[0].comment, "نام سازمان در بند ۲ نادرست است");

    assert.deepEqual(answerSignoff(actor, c.members[1], c.meetingId, { intent: "confirm" }), { signed: false });
    assert.deepEqual(answerSignoff(actor, c.members[2], c.meetingId, { intent: "confirm" }), { signed: true });
    const done = getSignoff(STAFF, meetingOf(c.meetingId));
    assert.equal(done.round?.status, "signed");
    assert.ok(done.signers.every((s) => s.signedAt));
    assert.match(done.round!.snapshotSha256, /^[0-9a-f]{64}$/);
    rejects(
      () => answerSignoff(actor, c.members[0], c.meetingId, { intent: "change", comment: "دیر" }),
      "signoff_closed",
    );
  });

  test("a body's majority rule signs with more than half", () => {
    const c = committee("majority");
    requestSignoff(actor, STAFF, c.meetingId);
    assert.deepEqual(answerSignoff(actor, c.members[0], c.meetingId, { intent: "confirm" }), { signed: false });
    assert.deepEqual(answerSignoff(actor, c.members[2], c.meetingId, { intent: "confirm" }), { signed: true });
  });

  test("the signed PDF is kept once and verified by its bytes; any other file is not the signed one", () => {
    const c = committee("majority");
    requestSignoff(actor, STAFF, c.meetingId);
    const round = () => db.select().from(signoffRounds).where(eq(signoffRounds.meetingId, c.meetingId)).get()!;
    // Not signed yet: nothing is kept.
    assert.equal(keepSignedPdf(round().id, Buffer.from("%PDF early")).toString(), "%PDF early");
    assert.equal(round().pdfSha256, null);
    answerSignoff(actor, c.members[0], c.meetingId, { intent: "confirm" });
    answerSignoff(actor, c.members[1], c.meetingId, { intent: "confirm" });
    const first = keepSignedPdf(round().id, Buffer.from("%PDF-1.7 signed copy"));
    const second = keepSignedPdf(round().id, Buffer.from("%PDF-1.7 printed again"));
    assert.equal(second.toString(), first.toString(), "the first print is the signed one");
    assert.equal(verifyPdf(c.members[0], first).status, "signed");
    assert.equal(verifyPdf(c.members[0], Buffer.from("%PDF-1.7 signed copz")).status, "unknown");
    const byCode = roundByCode(c.outsider, round().code)!;
    assert.equal(byCode.signers.filter((s) => s.signedAt).length, 2);
    assert.equal(byCode.canRead, true, "the HQ's members read its committees' minutes");
    assert.equal(roundByCode(c.outsider, "no-such-code"), null);
    // The database keeps what was signed.
    assert.throws(
      () =>
        db
          .update(signoffRounds)
          .set({ pdfSha256: "0".repeat(64) })
          .where(eq(signoffRounds.id, round().id))
          .run(),
      /signoff_kept/,
    );
    assert.throws(() => db.update(signoffResponses).set({ comment: "x" }).run(), /signoff_kept/);
  });

  test("a correction after signing starts a new sign-off of the new edition, and the old one takes no signature", () => {
    const c = committee("majority");
    requestSignoff(actor, STAFF, c.meetingId);
    answerSignoff(actor, c.members[0], c.meetingId, { intent: "confirm" });
    answerSignoff(actor, c.members[1], c.meetingId, { intent: "confirm" });
    const signedRound = db.select().from(signoffRounds).where(eq(signoffRounds.meetingId, c.meetingId)).get()!;
    keepSignedPdf(signedRound.id, Buffer.from("%PDF edition 1"));

    // A correction started and abandoned changes nothing; while it is typed nobody signs.
    startCorrection(actor, c.meetingId);
    rejects(() => answerSignoff(actor, c.members[2], c.meetingId, { intent: "confirm" }), "signoff_closed");
    cancelCorrection(actor, c.meetingId);
    assert.equal(getSignoff(STAFF, meetingOf(c.meetingId)).round?.status, "signed");

    startCorrection(actor, c.meetingId);
    const draft = getMeeting(STAFF, c.meetingId)!;
    const saved = saveDraft(actor, c.meetingId, {
      version: draft.meeting.version,
      saveId: "fix",
      doc: { ...draft.doc, resolutions: [{ ...draft.doc.resolutions[0], subject: "تهیه گزارش اصلاح‌شده" }] },
    });
    assert.ok(saved.ok);
    finaliseMeeting(actor, c.meetingId, { version: saved.version, reason: "اصلاح موضوع" });

    const now = getSignoff(STAFF, meetingOf(c.meetingId));
    assert.equal(now.round?.edition, 2);
    assert.equal(now.round?.status, "open");
    assert.equal(now.round?.signed, 0);
    assert.deepEqual(now.afterCorrection, { edition: 1, wasSigned: true });
    assert.notEqual(now.round?.snapshotSha256, signedRound.snapshotSha256);
    const old = db.select().from(signoffRounds).where(eq(signoffRounds.id, signedRound.id)).get()!;
    assert.equal(old.status, "superseded");
    assert.equal(verifyPdf(c.members[0], Buffer.from("%PDF edition 1")).status, "superseded");
    // The database refuses a signature on the superseded edition, whoever writes it.
    assert.throws(
      () =>
        db
          .insert(signoffResponses)
          .values({ roundId: old.id, personId: c.members[2].personId!, kind: "confirm" })
          .run(),
      /signoff_closed/,
    );
    assert.equal(pendingSignoffs(c.members[0]).length, 1);
    assert.equal(db.select().from(meetings).where(eq(meetings.id, c.meetingId)).get()!.edition, 2);
  });
});
