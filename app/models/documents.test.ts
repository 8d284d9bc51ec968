import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { demoDocx, demoPdf } from "../../db/demo-documents";
import { auditLog, bodies, documentContents, followUps } from "../../db/schema";
import { actor, finalMeeting, makeBody, makePerson, seat, signedIn } from "../../tests/factories";
import { STAFF } from "../../tests/scopes";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { ForbiddenError } from "../utils/errors";
import { formatJalali } from "../utils/jalali";
import { DOCUMENT_LIMITS } from "../utils/limits";
import { RuleViolation } from "../utils/rules";
import {
  addDocuments,
  checkFiles,
  detectType,
  listDocuments,
  listMeetingDocuments,
  openDocument,
  removeDocument,
  UploadRefused,
} from "./documents.server";
import { saveDraft } from "./drafts.server";
import { finaliseMeeting } from "./finalise-meeting.server";
import { applyChange } from "./follow-ups.server";
import { createMeeting, getMeeting, startCorrection } from "./meetings.server";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const xlsx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") });
const html = strToU8("<!doctype html><script>alert(1)</script>");
const svg = strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("the type of a document is read from its bytes", () => {
  test("PDF, Word, Excel and images are known by their contents", () => {
    assert.equal(detectType(demoPdf("x"), "a.pdf"), "pdf");
    assert.equal(detectType(demoDocx(["متن"]), "نامه.docx"), "docx");
    assert.equal(detectType(xlsx, "a.xlsx"), "xlsx");
    assert.equal(detectType(png, "a.png"), "png");
  });
  test("HTML, SVG and a zip that is not an Office file are not documents, whatever their name", () => {
    assert.equal(detectType(html, "report.pdf"), null);
    assert.equal(detectType(svg, "logo.png"), null);
    assert.equal(detectType(zipSync({ "a.txt": strToU8("x") }), "a.docx"), null);
  });
});

describe("attaching, reading and removing documents", () => {
  const setup = () => {
    const body = makeBody("committee", makeBody("council", makeBody("headquarters")));
    const meetingId = createMeeting(actor, body);
    const secretary = makePerson("دبیر");
    seat(secretary, { bodyId: body }, "secretary");
    const member = makePerson("عضو");
    seat(member, { bodyId: body });
    return {
      body,
      meetingId,
      target: { entity: "meeting" as const, entityId: meetingId },
      secretary: signedIn(secretary, "member"),
      member: signedIn(member, "member"),
      outsider: signedIn(makePerson("بیرونی"), "member"),
    };
  };

  test("the body's secretary attaches; members read; an outsider may not read it", () => {
    const { target, secretary, member, outsider } = setup();
    const [id] = addDocuments({ userId: secretary.userId }, secretary, target, [
      { name: "گزارش.pdf", bytes: demoPdf("report") },
    ]);
    assert.deepEqual(
      listDocuments(member, [target]).map((d) => [d.fileName, d.fileType, d.canRemove]),
      [["گزارش.pdf", "pdf", false]],
    );
    assert.equal(openDocument(member, id).mimeType, "application/pdf");
    assert.throws(() => openDocument(outsider, id), ForbiddenError);
    assert.deepEqual(listDocuments(outsider, [target]), []);
    assert.throws(
      () => addDocuments({ userId: member.userId }, member, target, [{ name: "x.pdf", bytes: demoPdf("x") }]),
      ForbiddenError,
    );
  });

  test("a disguised, mismatched or oversized file is refused and nothing of the upload is kept", () => {
    const { target, secretary } = setup();
    const refused = (files: { name: string; bytes: Uint8Array }[], reason: string) =>
      assert.throws(
        () => addDocuments({ userId: secretary.userId }, secretary, target, files),
        (e) => e instanceof UploadRefused && e.reason === reason,
      );
    refused(
      [
        { name: "ok.pdf", bytes: demoPdf("ok") },
        { name: "report.pdf", bytes: html },
      ],
      "type",
    );
    refused([{ name: "letter.docx", bytes: demoPdf("a pdf") }], "mismatch");
    const big = new Uint8Array(DOCUMENT_LIMITS.fileBytes + 1);
    big.set(demoPdf("x"));
    refused([{ name: "big.pdf", bytes: big }], "tooLarge");
    // A zip bomb: a small Word file whose text unpacks past the limit is refused before anything unpacks it.
    const text = strToU8(
      `<w:document>${"<w:p/>".repeat(Math.ceil(DOCUMENT_LIMITS.unpackedBytes / 6) + 1)}</w:document>`,
    );
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": text }, { level: 9 });
    assert.ok(bomb.byteLength < DOCUMENT_LIMITS.fileBytes);
    refused([{ name: "bomb.docx", bytes: bomb }], "unpacked");
    assert.deepEqual(listDocuments(secretary, [target]), []);
  });

  test("removal: by the uploader or the secretariat, audited, bytes gone; not by another member", () => {
    const { target, secretary, member } = setup();
    const [id] = addDocuments({ userId: secretary.userId }, secretary, target, [{ name: "a.png", bytes: png }]);
    assert.throws(() => removeDocument({ userId: member.userId }, member, id), ForbiddenError);
    removeDocument({ userId: secretary.userId }, secretary, id);
    assert.deepEqual(listDocuments(STAFF, [target]), []);
    assert.equal(db.select().from(documentContents).where(eq(documentContents.documentId, id)).get(), undefined);
    const audit = db.select().from(auditLog).where(eq(auditLog.entity, "document")).all();
    assert.ok(audit.some((a) => a.entityId === id && a.action === "delete"));
  });

  test("the documents of final minutes are frozen in the database", () => {
    const body = makeBody("committee", makeBody("council", makeBody("headquarters")));
    const { meetingId } = finalMeeting(body, 3, [{ subject: "مصوبه", owners: [{ kind: "body", id: body }] }]);
    const staff = signedIn(null, "secretariat");
    assert.throws(
      () =>
        addDocuments({ userId: staff.userId }, staff, { entity: "meeting", entityId: meetingId }, [
          { name: "late.pdf", bytes: demoPdf("late") },
        ]),
      (e) => e instanceof RuleViolation && e.code === "document_frozen",
    );
  });
});

test("evidence goes in with its follow-up, marked with it; a refused file is refused before anything is written", () => {
  const body = makeBody("committee", makeBody("council", makeBody("headquarters")));
  const { resolutions } = finalMeeting(body, 3, [
    { subject: "تهیه شیوه‌نامه", owners: [{ kind: "body", id: body }], days: 30 },
  ]);
  const staff = signedIn(null, "secretariat");
  const id = resolutions[0].id;
  applyChange(
    { userId: staff.userId },
    staff,
    id,
    { intent: "progress", note: "پیش‌نویس آماده شد", percent: 40 },
    checkFiles([{ name: "پیش‌نویس شیوه‌نامه.docx", bytes: demoDocx(["پیش‌نویس"]) }]),
  );
  const [doc] = listDocuments(staff, [{ entity: "resolution", entityId: id }]);
  const latest = db.select().from(followUps).where(eq(followUps.resolutionId, id)).all().at(-1)!;
  assert.deepEqual([doc.fileName, doc.followUpId], ["پیش‌نویس شیوه‌نامه.docx", latest.id]);
  assert.throws(() => checkFiles([{ name: "evidence.pdf", bytes: html }]), UploadRefused);
});

test("a document attached to an agenda item or a committee's report of open minutes goes with it when final", () => {
  const council = makeBody("council", makeBody("headquarters"));
  const committee = makeBody("committee", council);
  const meetingId = createMeeting(actor, council);
  const target = { entity: "meeting" as const, entityId: meetingId };
  const save = (agenda: { key: string; title: string }[], version: number) => {
    const m = getMeeting(STAFF, meetingId)!;
    const saved = saveDraft(actor, meetingId, {
      version,
      saveId: `parts-${version}-${agenda.length}`,
      doc: {
        ...m.doc,
        date: m.doc.date || formatJalali(clock.today(), "en"),
        agenda: agenda.map((a) => ({
          ...a,
          id: m.doc.agenda.find((x) => x.key === a.key)?.id,
          discussion: "",
        })),
        reports: [{ key: "k", id: m.doc.reports[0]?.id, agendaKey: "a", bodyId: committee, text: "گزارش پیشرفت" }],
        attendance: m.doc.attendance.map((x) => ({ ...x, status: "present" as const })),
      },
    });
    assert.ok(saved.ok);
    return saved.version;
  };
  let version = save(
    [
      { key: "a", title: "گزارش کمیته‌ها" },
      { key: "b", title: "برنامه سرشماری" },
    ],
    getMeeting(STAFF, meetingId)!.meeting.version,
  );
  const staff = signedIn(null, "secretariat");
  const attach = (part: string, name: string) =>
    addDocuments({ userId: staff.userId }, staff, { ...target, part }, [{ name, bytes: demoPdf(name) }]);
  attach("agenda:b", "برنامه.pdf");
  attach("report:k", "گزارش-کمیته.pdf");
  assert.throws(
    () => attach("agenda:zz", "x.pdf"),
    (e) => e instanceof UploadRefused && e.reason === "part",
  );
  const committeeName = db.select().from(bodies).where(eq(bodies.id, committee)).get()!.name;
  const shown = () =>
    listMeetingDocuments(staff, meetingId)
      .documents.map((d) => [d.fileName, d.entity, d.of?.label ?? null])
      .sort();
  assert.deepEqual(shown(), [
    ["برنامه.pdf", "meeting", "برنامه سرشماری"],
    ["گزارش-کمیته.pdf", "meeting", committeeName],
  ]);

  finaliseMeeting(actor, meetingId, { version });
  assert.deepEqual(shown(), [
    ["برنامه.pdf", "agenda_item", "برنامه سرشماری"],
    ["گزارش-کمیته.pdf", "committee_report", committeeName],
  ]);

  // A correction that removes the item: its document stays, with the meeting itself.
  startCorrection(actor, meetingId);
  version = save([{ key: "a", title: "گزارش کمیته‌ها" }], getMeeting(STAFF, meetingId)!.meeting.version);
  finaliseMeeting(actor, meetingId, { version, reason: "حذف بند تکراری" });
  assert.deepEqual(shown(), [
    ["برنامه.pdf", "meeting", null],
    ["گزارش-کمیته.pdf", "committee_report", committeeName],
  ]);
});
