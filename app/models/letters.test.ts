import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { demoPdf } from "../../db/demo-documents";
import { appointmentLetters, auditLog, memberships } from "../../db/schema";
import { actor, makeBody, makeGroup, makePerson, seat, signedIn } from "../../tests/factories";
import { atInstant } from "../../tests/pin-clock";
import type { AppointmentLetterData } from "../components/appointment-letter";
import { db } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { closePdfBrowser, PdfBusyError, PdfError } from "../utils/pdf.server";
import { RuleViolation } from "../utils/rules";
import { listDocuments, openDocument } from "./documents.server";
import { defaultSignerId, issueLetters, type LetterPrinter, latestLetters, lettersOf } from "./letters.server";
import { createPerson } from "./people.server";

/** A printer that takes a moment (so two batches interleave) and remembers what it printed. */
function fakePrinter() {
  const printed: AppointmentLetterData[] = [];
  const print: LetterPrinter = async (letter) => {
    printed.push(letter);
    await new Promise((r) => setTimeout(r, 5));
    return demoPdf(`letter ${letter.number}`);
  };
  return { print, printed };
}

const rule = (code: string) => (e: unknown) => e instanceof RuleViolation && e.code === code;

function committeeWith(n: number) {
  const hq = makeBody("headquarters");
  const council = makeBody("council", hq);
  const committee = makeBody("committee", council);
  const head = makePerson("رئیس شورا");
  seat(head, { bodyId: council }, "chair");
  const seats = Array.from({ length: n }, (_, i) => seat(makePerson(`عضو${i}`), { bodyId: committee }));
  return { hq, council, committee, head, seats };
}

const staff = () => signedIn(null, "secretariat");

after(() => closePdfBrowser());

describe("appointment letters", () => {
  test("numbers run per Jalali year without gaps, and the membership keeps its number, date and PDF", async () => {
    await atInstant("2027-01-10T08:00:00Z", async () => {
      const { committee, head, seats } = committeeWith(3);
      const scope = staff();
      const { print } = fakePrinter();
      const first = await issueLetters(
        actor,
        scope,
        { bodyId: committee },
        { membershipId: seats[0], signerId: head },
        print,
      );
      const rest = await issueLetters(actor, scope, { bodyId: committee }, { signerId: head }, print);
      const numbers = [...first, ...rest].map((l) => l.number);
      // 2027-01-10 is in 1405; every earlier letter of 1405 in this file's database came before.
      const seqs = numbers.map((n) => Number(n.split("/")[2]));
      assert.match(numbers[0], /^1405\/ح\/\d+$/);
      assert.deepEqual(seqs, [seqs[0], seqs[0] + 1, seqs[0] + 2]);
      const row = db.select().from(memberships).where(eq(memberships.id, seats[1])).get()!;
      assert.equal(row.letterNumber, numbers[1]);
      assert.equal(row.letterDate, "2027-01-10");
      const [doc] = listDocuments(scope, [{ entity: "membership", entityId: seats[1] }]);
      assert.equal(doc.fileType, "pdf");
      assert.equal(latestLetters(scope, [seats[1]])[seats[1]].documentId, doc.id);
      const audited = db.select().from(auditLog).where(eq(auditLog.action, "letter_issued")).all();
      assert.ok(audited.some((a) => a.entity === "membership" && a.entityId === seats[1]));
    });
    await atInstant("2027-03-25T08:00:00Z", async () => {
      // 1406 starts on 21 March 2027: its first letter is number 1.
      const { committee, head } = committeeWith(1);
      const [letter] = await issueLetters(
        actor,
        staff(),
        { bodyId: committee },
        { signerId: head },
        fakePrinter().print,
      );
      assert.equal(letter.number, "1406/ح/1");
    });
  });

  test("a batch issues only the current members without a letter", async () => {
    const { committee, head, seats } = committeeWith(3);
    const typed = makePerson("دارای حکم کاغذی");
    db.insert(memberships).values({ personId: typed, bodyId: committee, letterNumber: "۱۲۳/۴۵" }).run();
    const ended = seat(makePerson("پیشین"), { bodyId: committee });
    db.update(memberships).set({ endDate: "2020-01-01" }).where(eq(memberships.id, ended)).run();
    const { print, printed } = fakePrinter();
    await issueLetters(actor, staff(), { bodyId: committee }, { membershipId: seats[2], signerId: head }, print);
    const issued = await issueLetters(actor, staff(), { bodyId: committee }, { signerId: head }, print);
    assert.deepEqual(
      issued.map((l) => l.membershipId),
      [seats[0], seats[1]],
    );
    assert.equal(printed.length, 3);
    assert.deepEqual(await issueLetters(actor, staff(), { bodyId: committee }, { signerId: head }, print), []);
  });

  test("two batches at once never share a number: the later one prints again with the next numbers", async () => {
    const a = committeeWith(4);
    const b = committeeWith(3);
    const sameBody = Promise.all([
      issueLetters(actor, staff(), { bodyId: a.committee }, { signerId: a.head }, fakePrinter().print),
      issueLetters(actor, staff(), { bodyId: a.committee }, { signerId: a.head }, fakePrinter().print),
      issueLetters(actor, staff(), { bodyId: b.committee }, { signerId: b.head }, fakePrinter().print),
    ]);
    const [one, two, three] = await sameBody;
    // The same body's members got one letter each, from whichever batch came first.
    assert.equal(one.length + two.length, 4);
    assert.equal(three.length, 3);
    const all = db.select().from(appointmentLetters).all();
    assert.equal(new Set(all.map((l) => l.number)).size, all.length);
    const seqs = all
      .filter((l) => l.year === all.at(-1)!.year)
      .map((l) => l.seq)
      .sort((x, y) => x - y);
    assert.deepEqual(
      seqs,
      Array.from({ length: seqs.length }, (_, i) => i + 1),
    );
    // And the database itself refuses a second letter with a number already used.
    const taken = all[0];
    assert.throws(
      () =>
        db
          .insert(appointmentLetters)
          .values({ ...taken, id: undefined })
          .run(),
      /UNIQUE/,
    );
  });

  test("re-issuing a letter is refused without a reason and kept, with a new number, with one", async () => {
    const { committee, head, seats } = committeeWith(1);
    const { print } = fakePrinter();
    const target = { bodyId: committee };
    const [first] = await issueLetters(actor, staff(), target, { membershipId: seats[0], signerId: head }, print);
    await assert.rejects(
      issueLetters(actor, staff(), target, { membershipId: seats[0], signerId: head, reason: "  " }, print),
      rule("letterIssued"),
    );
    const [again] = await issueLetters(
      actor,
      staff(),
      target,
      { membershipId: seats[0], signerId: head, reason: "اصلاح دوره عضویت" },
      print,
    );
    assert.notEqual(again.number, first.number);
    const letters = lettersOf(staff(), [seats[0]]);
    assert.deepEqual(
      letters.map((l) => [l.number, l.reason]),
      [
        [again.number, "اصلاح دوره عضویت"],
        [first.number, ""],
      ],
    );
    assert.equal(db.select().from(memberships).where(eq(memberships.id, seats[0])).get()!.letterNumber, again.number);
  });

  test("only the secretariat issues; the member and the body's leaders read the letter, others do not", async () => {
    const { committee, head, seats } = committeeWith(1);
    const chair = makePerson("رئیس کمیته");
    seat(chair, { bodyId: committee }, "chair");
    const memberRow = db.select().from(memberships).where(eq(memberships.id, seats[0])).get()!;
    const member = signedIn(memberRow.personId, "member");
    const chairScope = signedIn(chair, "chair");
    const outsider = signedIn(makePerson("بیرونی"), "member");
    const { print, printed } = fakePrinter();
    for (const scope of [member, chairScope, outsider])
      await assert.rejects(
        issueLetters(actor, scope, { bodyId: committee }, { signerId: head }, print),
        ForbiddenError,
      );
    assert.equal(printed.length, 0);
    const [letter] = await issueLetters(
      actor,
      staff(),
      { bodyId: committee },
      { membershipId: seats[0], signerId: head },
      print,
    );
    const [row] = lettersOf(member, [seats[0]]);
    assert.equal(row.number, letter.number);
    assert.equal(openDocument(member, row.documentId).mimeType, "application/pdf");
    assert.equal(lettersOf(chairScope, [seats[0]]).length, 1);
    assert.deepEqual(lettersOf(outsider, [seats[0]]), []);
    assert.throws(() => openDocument(outsider, row.documentId), ForbiddenError);
  });

  test("a busy print queue answers 503 in Persian and issues nothing; a failed print is a message too", async () => {
    const { answerLetterIssue } = await import("../utils/letter-print.server");
    const { serverI18n } = await import("../utils/locale.server");
    const { committee, head, seats } = committeeWith(2);
    const t = serverI18n("fa").t;
    let printed = 0;
    const busyOnSecond: LetterPrinter = async (letter) => {
      if (++printed === 2) throw new PdfBusyError();
      return demoPdf(letter.number);
    };
    const change = { intent: "issue-letters", signerId: head };
    const busy = await answerLetterIssue(actor, staff(), { bodyId: committee }, change, t, busyOnSecond);
    assert.equal(busy.status, 503);
    assert.deepEqual((await busy.json()).errors, { form: t("pdf.busy") });
    assert.match(t("pdf.busy"), /چاپ‌های PDF/);
    assert.deepEqual(lettersOf(staff(), seats), []);
    assert.equal(db.select().from(memberships).where(eq(memberships.id, seats[0])).get()!.letterNumber, "");
    const failing: LetterPrinter = async () => {
      throw new PdfError("chromium died");
    };
    const failed = await answerLetterIssue(actor, staff(), { bodyId: committee }, change, t, failing);
    assert.equal(failed.status, 503);
    assert.deepEqual((await failed.json()).errors, { form: "چاپ حکم انجام نشد؛ دوباره تلاش کنید." });
    const ok = await answerLetterIssue(actor, staff(), { bodyId: committee }, change, t, fakePrinter().print);
    assert.deepEqual(await ok.json(), { intent: "issue-letters", ok: true, issued: 2, errors: null });
  });

  test("the default signer is the head of the body above; a working group's letter is signed by its committee's head", () => {
    const { council, committee, head } = committeeWith(0);
    assert.equal(defaultSignerId({ bodyId: committee }), head);
    const committeeChair = makePerson("رئیس کمیته");
    seat(committeeChair, { bodyId: committee }, "chair");
    assert.equal(defaultSignerId({ workingGroupId: makeGroup(committee) }), committeeChair);
    // The council has no head above it here (its HQ has no chair or secretary): nobody by default.
    assert.equal(defaultSignerId({ bodyId: council }), null);
  });

  test("the printed letter holds the recipient, the role, the body, the term, the number and the signer", async () => {
    const { printLetter } = await import("../utils/letter-print.server");
    const { committee, head, seats } = committeeWith(0);
    void seats;
    const doctor = createPerson(actor, {
      honorific: "ms",
      title: "dr",
      firstName: "مریم",
      lastName: "توانا",
      organisation: "مرکز آمار ایران",
      position: "معاون طرح‌های آماری",
      email: "",
      mobile: "",
    });
    const id = db
      .insert(memberships)
      .values({ personId: doctor, bodyId: committee, role: "chair", startDate: "2026-03-21", endDate: "2028-03-20" })
      .returning({ id: memberships.id })
      .get().id;
    const [letter] = await issueLetters(
      actor,
      staff(),
      { bodyId: committee },
      { membershipId: id, signerId: head },
      printLetter,
    );
    const [row] = lettersOf(staff(), [id]);
    const file = path.join(tmpdir(), "letter-sample.pdf");
    writeFileSync(file, openDocument(staff(), row.documentId).bytes);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/[\u202A-\u202E]/g, "");
    // pdftotext reorders the parts of «۱۴۰۵/ح/۱۲» on the شماره line; each is there, in Persian digits.
    const persian = (n: string) => n.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);
    const [year, , seq] = letter.number.split("/");
    const numberLine = text.split("\n").find((l) => l.includes("شماره")) ?? "";
    for (const part of ["سرکار خانم دکتر مریم توانا", "«رئیس»", "منصوب می‌شوید", "۱۴۰۵/۰۱/۰۱", "۱۴۰۷/۰۱/۰۱"])
      assert.ok(text.includes(part), `${part} in:\n${text}`);
    assert.ok(numberLine.includes(persian(year)) && numberLine.includes(`ح${persian(seq)}`), numberLine);
    assert.ok(text.includes("رئیس شورا"), text);
  });
});
