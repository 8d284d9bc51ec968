import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { outbox, people, users } from "../../db/schema";
import { finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { type Received, startSmtp } from "../../tests/mail/smtp";
import { atInstant } from "../../tests/pin-clock";
import { applyChange } from "../models/follow-ups.server";
import { enqueueMail, type Recipient } from "../models/mail.server";
import { getResolution } from "../models/resolutions.server";
import { runDailyJobs } from "../models/scheduler.server";
import { db, openDatabase } from "./db.server";
import { addDays } from "./jalali";
import { sendDue } from "./mail-sender.server";
import { closePdfBrowser } from "./pdf.server";

const APP_URL = "https://dabirkhane.example.org";
process.env.APP_URL = APP_URL;
process.env.MAIL_FROM = "Census HQ <no-reply@census-hq.example.org>";
const DAY = "2026-11-16";
process.env.TEST_CLOCK = `${DAY}T05:00:00Z`;
const FROM = process.env.MAIL_FROM;

type Smtp = Awaited<ReturnType<typeof startSmtp>>;
const rows = () => db.select().from(outbox).all();

describe("mail from the events and the scheduler arrives over real SMTP", () => {
  let smtp: Smtp;
  const who = {} as Record<"chair" | "secretary" | "owner" | "english", number>;
  let resolutionId = 0;
  let meetingId = 0;
  before(async () => {
    smtp = await startSmtp();
    const committee = makeBody("committee", makeBody("headquarters"));
    for (const k of ["chair", "secretary", "owner", "english"] as const) {
      who[k] = makePerson(k);
      db.update(people)
        .set({ email: `${k}@example.org` })
        .where(eq(people.id, who[k]))
        .run();
    }
    seat(who.chair, { bodyId: committee }, "chair");
    seat(who.secretary, { bodyId: committee }, "secretary");
    seat(who.owner, { bodyId: committee });
    seat(who.english, { bodyId: committee });
    const scopes = Object.fromEntries((Object.keys(who) as (keyof typeof who)[]).map((k) => [k, signedIn(who[k])]));
    db.update(users).set({ language: "en" }).where(eq(users.id, scopes.english!.userId)).run();
    const meeting = finalMeeting(committee, 3, [
      { subject: "گزارش پیشرفت استان‌ها", owners: [{ kind: "person", id: who.owner }], days: 10 },
      { subject: "فهرست داده‌های ثبت احوال", owners: [{ kind: "person", id: who.owner }], days: 10 },
      { subject: "Translation of the manual", owners: [{ kind: "person", id: who.english }], days: 10 },
    ]);
    meetingId = meeting.meetingId;
    resolutionId = meeting.resolutions[0]!.id;
    // Due in seven days: a reminder to the owner, and due soon in the chair's digest.
    db.run(sql`update resolutions set due_date = ${addDays(DAY, 7)} where id = ${resolutionId}`);
    const owner = { userId: scopes.owner!.userId };
    applyChange(owner, scopes.owner!, resolutionId, {
      intent: "request_extension",
      date: addDays(DAY, 40),
      note: "در انتظار پاسخ استان‌ها",
    });
    const request = getResolution(scopes.chair!, resolutionId)!.pendingRequest!;
    applyChange({ userId: scopes.chair!.userId }, scopes.chair!, resolutionId, {
      intent: "decide",
      followUpId: request.id,
      approve: false,
      note: "مهلت کافی است",
    });
    runDailyJobs();
  });
  after(async () => {
    await smtp.close();
    await closePdfBrowser();
  });

  test("every row is delivered once, to its address, and marked sent with its Message-ID", async () => {
    const transport = nodemailer.createTransport(smtp.url);
    const queued = rows();
    assert.ok(queued.length >= 7, `${queued.length} mails written`);
    assert.equal(await sendDue(db, transport, FROM), queued.length);
    transport.close();
    const got = await smtp.waitFor(queued.length);
    assert.equal(got.length, queued.length);
    assert.equal(new Set(got.map((m) => m.messageId)).size, queued.length, "no Message-ID twice");
    for (const row of rows()) {
      assert.equal(row.status, "sent");
      const mail = got.find((m) => m.messageId === row.messageId);
      assert.ok(mail, `${row.kind} to ${row.toAddress} arrived`);
      assert.deepEqual(mail.envelopeTo, [row.toAddress]);
      assert.equal(mail.subject, row.subject);
    }
  });

  const mailsTo = (k: keyof typeof who, kind: string): Received[] => {
    const ids = new Set(
      rows()
        .filter((r) => r.personId === who[k] && r.kind === kind)
        .map((r) => r.messageId),
    );
    return smtp.received.filter((m) => ids.has(m.messageId ?? ""));
  };

  test("assignment: one mail per person listing theirs, in Persian RTL HTML with a text part and APP_URL links", () => {
    const [mail, ...more] = mailsTo("owner", "assigned");
    assert.ok(mail);
    assert.equal(more.length, 0);
    assert.match(mail.subject ?? "", /به شما سپرده شد/);
    const html = String(mail.html);
    assert.match(html, /<html lang="fa" dir="rtl">/);
    assert.match(html, /direction:rtl/);
    assert.match(mail.text ?? "", /گزارش پیشرفت استان‌ها/);
    assert.match(mail.text ?? "", /فهرست داده‌های ثبت احوال/);
    assert.doesNotMatch(mail.text ?? "", /Translation of the manual/, "only the owner's own");
    assert.ok(html.includes(`${APP_URL}/meetings/${meetingId}`));
    assert.ok(html.includes(`${APP_URL}/resolutions/${resolutionId}`));
    assert.equal(mail.headers.get("content-language"), "fa");
    // The minutes, printed when the mail was sent, attached as a PDF named like the download.
    const [pdf, ...others] = mail.attachments;
    assert.equal(others.length, 0);
    assert.ok(pdf);
    assert.equal(pdf.contentType, "application/pdf");
    assert.match(pdf.filename ?? "", /صورتجلسه.*\.pdf$/);
    assert.equal(pdf.content.subarray(0, 5).toString(), "%PDF-");
    assert.ok(pdf.content.length > 5000, `${pdf.content.length} bytes`);
    // The chair gets the meeting's mail too (its body's work), the member with nothing of theirs none.
    assert.equal(mailsTo("english", "assigned").length, 1);
  });

  test("an English reader gets English, left to right", () => {
    const [mail] = mailsTo("english", "assigned");
    assert.ok(mail);
    assert.match(mail.subject ?? "", /assigned to you/);
    assert.match(String(mail.html), /<html lang="en" dir="ltr">/);
    assert.match(mail.text ?? "", /Translation of the manual/);
  });

  test("extension: the request to the chair and the secretary, the rejection to the owner who asked", () => {
    assert.equal(mailsTo("chair", "extension").length, 1);
    assert.equal(mailsTo("secretary", "extension").length, 1);
    const requests = [...mailsTo("chair", "extension"), ...mailsTo("secretary", "extension")];
    for (const m of requests) assert.match(m.text ?? "", /در انتظار پاسخ استان‌ها/);
    const [decision, ...more] = mailsTo("owner", "extension");
    assert.ok(decision);
    assert.equal(more.length, 0);
    assert.match(decision.subject ?? "", /پذیرفته نشد/);
    assert.match(decision.text ?? "", /مهلت کافی است/);
    assert.ok(String(decision.html).includes(`${APP_URL}/resolutions/${resolutionId}`));
  });

  test("reminder to the owner and digest to the chair, once each", () => {
    const [reminder, ...more] = mailsTo("owner", "reminder");
    assert.ok(reminder);
    assert.equal(more.length, 0);
    assert.match(reminder.text ?? "", /۷ روز دیگر/);
    assert.ok((reminder.text ?? "").includes(`${APP_URL}/my-actions`));
    const [digest, ...others] = mailsTo("chair", "digest");
    assert.ok(digest);
    assert.equal(others.length, 0);
    assert.match(digest.text ?? "", /گزارش پیشرفت استان‌ها/);
    assert.equal(mailsTo("owner", "digest").length, 0);
  });

  test("a refused message waits and is sent again later with the same Message-ID", async () => {
    const transport = nodemailer.createTransport(smtp.url);
    const before = smtp.received.length;
    const to: Recipient = {
      personId: who.owner,
      userId: null,
      name: "آزمون",
      email: "owner@example.org",
      lang: "fa",
      mailOff: new Set(),
    };
    db.transaction((tx) => enqueueMail(tx, to, "reminder", { subject: "آزمون", paragraphs: ["متن"] }));
    smtp.reject(1);
    assert.equal(await sendDue(db, transport, FROM), 0);
    const row = rows().at(-1)!;
    assert.equal(row.status, "queued");
    assert.equal(row.attempts, 1);
    assert.match(row.lastError, /451|try later/);
    assert.equal(await sendDue(db, transport, FROM), 0, "not before its backoff");
    const sent = await atInstant(`${DAY}T05:02:00Z`, () => sendDue(db, transport, FROM));
    transport.close();
    assert.equal(sent, 1);
    await smtp.waitFor(before + 1);
    assert.equal(smtp.received.at(-1)?.messageId, row.messageId);
    assert.equal(rows().at(-1)?.status, "sent");
  });
});

describe("a sender killed mid-batch", () => {
  let smtp: Smtp;
  let dir = "";
  before(async () => {
    smtp = await startSmtp();
    dir = mkdtempSync(path.join(tmpdir(), "outbox-crash-"));
  });
  after(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const child = (file: string) =>
    spawn(process.execPath, ["--import", "tsx", "tests/mail/send-child.ts"], {
      env: { ...process.env, NODE_ENV: "test", DATABASE_PATH: file, SMTP_URL: smtp.url, TEST_CLOCK: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });

  test("loses none and sends again only the one in flight (by Message-ID)", async () => {
    const file = path.join(dir, "app.db");
    const other = openDatabase(file);
    const to = (n: number): Recipient => ({
      personId: null as unknown as number,
      userId: null,
      name: `نفر ${n}`,
      email: `person${n}@example.org`,
      lang: "fa",
      mailOff: new Set(),
    });
    other.transaction((tx) => {
      for (let n = 1; n <= 6; n++)
        enqueueMail(tx, to(n), "reminder", { subject: `یادآوری ${n}`, paragraphs: ["متن"] }, { dedupeKey: `t${n}` });
    });
    const written = other.select().from(outbox).all();
    assert.equal(written.length, 6);

    // The server takes the third mail and never answers: the sender is killed while waiting for it.
    smtp.hold(3);
    const first = child(file);
    await smtp.waitFor(3);
    assert.equal(smtp.received.length, 3);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const status = (s: string) =>
      other
        .select()
        .from(outbox)
        .where(eq(outbox.status, s as "sent"))
        .all();
    assert.equal(status("sent").length, 2);
    assert.equal(status("sending").length, 1, "the one in flight");
    const inFlight = status("sending")[0]!;

    smtp.hold(0);
    const second = child(file);
    let out = "";
    second.stdout.on("data", (c) => {
      out += c;
    });
    second.stderr.on("data", (c) => {
      out += c;
    });
    const code = await new Promise((r) => second.once("exit", r));
    assert.equal(code, 0, out);
    assert.equal(status("sent").length, 6, "none lost");
    const ids = smtp.received.map((m) => m.messageId);
    assert.deepEqual(new Set(ids), new Set(written.map((w) => w.messageId)), "every message arrived");
    assert.equal(ids.length, 7, "one more than written");
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [inFlight.messageId],
      "the only duplicate is the one in flight at the kill",
    );
    other.$client.close();
  });
});
