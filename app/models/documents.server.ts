/**
 * Documents (مستندات): files attached to a meeting, an agenda item, a committee report, a resolution, a membership or
 * a report. The type is read from the bytes and must agree with the name; the bytes are kept in the database (so a
 * backup holds them) and served only as a download to those who may read the record. A document is removed by its
 * uploader or the secretariat (audited; the row stays, the bytes go); the database freezes the documents of final
 * minutes and issued reports with them.
 */
import { createHash } from "node:crypto";
import { and, count, desc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { unzipSync } from "fflate";
import {
  agendaItems,
  bodies,
  committeeReports,
  type DocumentEntity,
  type DocumentType,
  dataSetChanges,
  dataSets,
  documentContents,
  documents,
  meetings,
  memberships,
  people,
  users,
} from "../../db/schema";
import { parseDoc } from "../schemas/minutes";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { DOCUMENT_LIMITS } from "../utils/limits";
import { formatPersonName } from "../utils/person-name";
import { asRuleViolation } from "../utils/rules";
import {
  canChangeDataSet,
  canComposeReports,
  canEditMeeting,
  canManageResolutionsOf,
  canManageStructure,
  canReadMeeting,
  canReadMembershipPapers,
  canReadReports,
  canReadSupply,
  canRemoveDocument,
  requireAllowed,
  type Scope,
} from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { getResolution } from "./resolutions.server";

const NAME_EXTENSIONS: Record<DocumentType, string[]> = {
  pdf: ["pdf"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  doc: ["doc"],
  xls: ["xls"],
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
};
export const MIME_TYPES: Record<DocumentType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  png: "image/png",
  jpeg: "image/jpeg",
};

const extensionOf = (name: string) => /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? "";

/** The type of a file read from its first bytes (and, for Office files, what the package holds); null if not allowed. */
export function detectType(bytes: Uint8Array, fileName: string): DocumentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Word 97 and Excel 97 share one container; its name tells which.
    const ext = extensionOf(fileName);
    return ext === "doc" ? "doc" : ext === "xls" ? "xls" : null;
  }
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntries(bytes)?.map((e) => e.name) ?? [];
    if (names.includes("word/document.xml")) return "docx";
    if (names.includes("xl/workbook.xml")) return "xlsx";
  }
  return null;
}

/** The parts of a zip package and their unpacked sizes, read from its directory without unpacking; null if broken. */
function zipEntries(bytes: Uint8Array): { name: string; size: number }[] | null {
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

/** A file name as it may be stored and sent back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim();
  return (clean || "document").slice(-200);
}

export type DocumentTarget = { entity: DocumentEntity; entityId: number };

/** The meeting an entity belongs to (for a meeting, an agenda item or a committee report). */
function meetingOf(target: DocumentTarget) {
  const select = {
    id: meetings.id,
    bodyId: meetings.bodyId,
    workingGroupId: meetings.workingGroupId,
    status: meetings.status,
  };
  if (target.entity === "meeting")
    return db.select(select).from(meetings).where(eq(meetings.id, target.entityId)).get();
  if (target.entity === "agenda_item")
    return db
      .select(select)
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(agendaItems.id, target.entityId))
      .get();
  if (target.entity === "committee_report")
    return db
      .select(select)
      .from(committeeReports)
      .innerJoin(meetings, eq(meetings.id, committeeReports.meetingId))
      .where(eq(committeeReports.id, target.entityId))
      .get();
  return undefined;
}

/** What the person may do with the documents of a record: read them, attach more. Null when there is no record. */
export function documentRights(scope: Scope, target: DocumentTarget): { read: boolean; attach: boolean } | null {
  switch (target.entity) {
    case "meeting":
    case "agenda_item":
    case "committee_report": {
      const meeting = meetingOf(target);
      if (!meeting) return null;
      return { read: canReadMeeting(scope, meeting), attach: canEditMeeting(scope, meeting) };
    }
    case "resolution": {
      const found = getResolution(scope, target.entityId);
      if (!found) return { read: false, attach: false };
      return { read: true, attach: found.canUpdate || canManageResolutionsOf(scope, found.bodyId) };
    }
    case "membership": {
      const seat = db
        .select({ personId: memberships.personId, bodyId: memberships.bodyId })
        .from(memberships)
        .where(eq(memberships.id, target.entityId))
        .get();
      if (!seat) return null;
      return { read: canReadMembershipPapers(scope, seat), attach: canManageStructure(scope) };
    }
    case "report":
      return { read: canReadReports(scope), attach: canComposeReports(scope) };
    case "data_set_change": {
      const set = db
        .select({ committeeId: dataSets.committeeId })
        .from(dataSetChanges)
        .innerJoin(dataSets, eq(dataSets.id, dataSetChanges.dataSetId))
        .where(eq(dataSetChanges.id, target.entityId))
        .get();
      if (!set) return null;
      const read = canReadSupply(scope);
      return { read, attach: read && canChangeDataSet(scope, set) };
    }
  }
}

export type DocumentRow = {
  id: number;
  entity: DocumentEntity;
  entityId: number;
  followUpId: number | null;
  part: string | null;
  fileName: string;
  fileType: DocumentType;
  size: number;
  createdAt: string;
  uploadedBy: string;
  canRemove: boolean;
};

const rowSelect = {
  id: documents.id,
  entity: documents.entity,
  entityId: documents.entityId,
  followUpId: documents.followUpId,
  part: documents.part,
  fileName: documents.fileName,
  fileType: documents.fileType,
  size: documents.size,
  createdAt: documents.createdAt,
  uploaderId: documents.uploadedBy,
  username: users.username,
  person: people,
};

function documentRows(scope: Scope, where: SQL | undefined) {
  return db
    .select(rowSelect)
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .leftJoin(people, eq(people.id, users.personId))
    .where(and(where, isNull(documents.removedAt)))
    .orderBy(desc(documents.id))
    .all()
    .map(({ person, username, uploaderId, ...d }) => ({
      ...d,
      uploadedBy: person ? formatPersonName(person, "fa") : (username ?? ""),
      canRemove: canRemoveDocument(scope, uploaderId),
    }));
}

/** The documents of records the person may read (others are left out), newest first. */
export function listDocuments(scope: Scope, targets: DocumentTarget[]): DocumentRow[] {
  return targets
    .filter((t) => documentRights(scope, t)?.read)
    .flatMap((t) => documentRows(scope, and(eq(documents.entity, t.entity), eq(documents.entityId, t.entityId))))
    .sort((a, b) => b.id - a.id);
}

/** A part of a meeting's minutes, as a document names it: an agenda item (by its title) or a committee's report. */
export type MeetingPart = { value: string; kind: "agenda" | "report"; label: string };

/**
 * The parts of a meeting's open minutes (draft or being corrected) documents may be attached to: each agenda item
 * and each committee report of the saved draft, by key. Final minutes have none: their documents are frozen.
 */
export function openParts(reader: Pick<typeof db, "select">, target: DocumentTarget): MeetingPart[] {
  if (target.entity !== "meeting") return [];
  const meeting = reader
    .select({ status: meetings.status, draftJson: meetings.draftJson })
    .from(meetings)
    .where(eq(meetings.id, target.entityId))
    .get();
  if (!meeting || meeting.status === "final") return [];
  const doc = parseDoc(meeting.draftJson);
  const bodyNames = new Map(
    reader
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .all()
      .map((b) => [b.id, b.name]),
  );
  return [
    ...doc.agenda
      .filter((a) => a.title.trim())
      .map((a) => ({ value: `agenda:${a.key}`, kind: "agenda" as const, label: a.title.trim() })),
    ...doc.reports.map((r) => ({
      value: `report:${r.key}`,
      kind: "report" as const,
      label: (r.bodyId && bodyNames.get(r.bodyId)) || "",
    })),
  ];
}

/**
 * Every document of a meeting's minutes: the meeting's own, those attached to a part of its open draft, and those
 * of its agenda items' and committee reports' rows (kept there by finalising), each with the part it belongs to;
 * and the parts of the open draft a new document may be attached to (none once final).
 */
export function listMeetingDocuments(scope: Scope, meetingId: number) {
  const target = { entity: "meeting" as const, entityId: meetingId };
  const parts = openParts(db, target);
  if (!documentRights(scope, target)?.read) return { documents: [], parts };
  const items = db
    .select({ id: agendaItems.id, title: agendaItems.title })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .all();
  const reps = db
    .select({ id: committeeReports.id, name: bodies.name })
    .from(committeeReports)
    .innerJoin(bodies, eq(bodies.id, committeeReports.bodyId))
    .where(eq(committeeReports.meetingId, meetingId))
    .all();
  const open = new Map(parts.map((p) => [p.value, p]));
  const itemOf = new Map(items.map((i) => [i.id, i.title]));
  const reportOf = new Map(reps.map((r) => [r.id, r.name]));
  const rows = documentRows(
    scope,
    or(
      and(eq(documents.entity, "meeting"), eq(documents.entityId, meetingId)),
      and(
        eq(documents.entity, "agenda_item"),
        inArray(
          documents.entityId,
          items.map((i) => i.id),
        ),
      ),
      and(
        eq(documents.entity, "committee_report"),
        inArray(
          documents.entityId,
          reps.map((r) => r.id),
        ),
      ),
    ),
  );
  const listed = rows.map(({ part, ...d }) => {
    const of: Omit<MeetingPart, "value"> | null =
      d.entity === "agenda_item"
        ? { kind: "agenda", label: itemOf.get(d.entityId) ?? "" }
        : d.entity === "committee_report"
          ? { kind: "report", label: reportOf.get(d.entityId) ?? "" }
          : part && open.get(part)
            ? { kind: open.get(part)!.kind, label: open.get(part)!.label }
            : null;
    return { ...d, of };
  });
  return { documents: listed, parts };
}

/**
 * Finalising: the documents attached to parts of the draft go onto the rows the parts became (by key), and those of
 * rows the minutes no longer have go back to the meeting itself, so no document is lost with its item.
 */
export function keepPartDocuments(
  tx: Tx,
  meetingId: number,
  rows: {
    agenda: Map<string, number>;
    reports: Map<string, number>;
    removedAgenda: number[];
    removedReports: number[];
  },
) {
  const ofMeeting = and(eq(documents.entity, "meeting"), eq(documents.entityId, meetingId));
  for (const [kind, entity, byKey] of [
    ["agenda", "agenda_item", rows.agenda],
    ["report", "committee_report", rows.reports],
  ] as const)
    for (const [key, id] of byKey)
      tx.update(documents)
        .set({ entity, entityId: id, part: null })
        .where(and(ofMeeting, eq(documents.part, `${kind}:${key}`)))
        .run();
  // A part the draft no longer names: the document stays with the meeting.
  tx.update(documents)
    .set({ part: null })
    .where(and(ofMeeting, isNotNull(documents.part)))
    .run();
  for (const [entity, ids] of [
    ["agenda_item", rows.removedAgenda],
    ["committee_report", rows.removedReports],
  ] as const)
    if (ids.length > 0)
      tx.update(documents)
        .set({ entity: "meeting", entityId: meetingId })
        .where(and(eq(documents.entity, entity), inArray(documents.entityId, ids)))
        .run();
}

/** How many documents a record has: the «پیوست» of its printed form. */
export function countDocuments(target: DocumentTarget): number {
  return (
    db
      .select({ n: count() })
      .from(documents)
      .where(
        and(eq(documents.entity, target.entity), eq(documents.entityId, target.entityId), isNull(documents.removedAt)),
      )
      .get()?.n ?? 0
  );
}

export type UploadError = "type" | "mismatch" | "tooLarge" | "unpacked" | "tooMany" | "empty" | "part";
export class UploadRefused extends Error {
  constructor(
    readonly reason: UploadError,
    readonly fileName: string,
  ) {
    super(`${reason}: ${fileName}`);
  }
}

export type CheckedFile = { name: string; type: DocumentType; bytes: Uint8Array };

/** Every file of an upload checked (size, type from the bytes, name agreeing) before any is kept. */
export function checkFiles(files: { name: string; bytes: Uint8Array }[]): CheckedFile[] {
  if (files.length > DOCUMENT_LIMITS.files) throw new UploadRefused("tooMany", "");
  return files.map((f) => {
    const name = cleanFileName(f.name);
    if (f.bytes.byteLength === 0) throw new UploadRefused("empty", name);
    if (f.bytes.byteLength > DOCUMENT_LIMITS.fileBytes) throw new UploadRefused("tooLarge", name);
    const type = detectType(f.bytes, name);
    if (!type) throw new UploadRefused("type", name);
    if (!NAME_EXTENSIONS[type].includes(extensionOf(name))) throw new UploadRefused("mismatch", name);
    if (type === "docx" || type === "xlsx") {
      const unpacked = (zipEntries(f.bytes) ?? []).reduce((sum, e) => sum + e.size, 0);
      if (unpacked > DOCUMENT_LIMITS.unpackedBytes) throw new UploadRefused("unpacked", name);
    }
    return { name, type, bytes: f.bytes };
  });
}

/** Keeps checked files on a record, inside the caller's transaction (a follow-up's evidence goes in with it). */
export function insertDocuments(
  tx: Tx,
  actor: Actor,
  target: DocumentTarget & { followUpId?: number | null; part?: string | null },
  files: CheckedFile[],
): number[] {
  return files.map((f) => {
    const sha256 = createHash("sha256").update(f.bytes).digest("hex");
    const { id } = tx
      .insert(documents)
      .values({
        ...target,
        fileName: f.name,
        fileType: f.type,
        size: f.bytes.byteLength,
        sha256,
        uploadedBy: actor.userId,
      })
      .returning({ id: documents.id })
      .get();
    tx.insert(documentContents)
      .values({ documentId: id, bytes: Buffer.from(f.bytes) })
      .run();
    recordAudit(
      {
        ...actor,
        action: "create",
        entity: "document",
        entityId: id,
        after: { ...target, fileName: f.name, size: f.bytes.byteLength, sha256 },
      },
      tx,
    );
    return id;
  });
}

/** Attaches files to a record the person may attach to; every file is checked before any is kept. */
export function addDocuments(
  actor: Actor,
  scope: Scope,
  target: DocumentTarget & { part?: string | null },
  files: { name: string; bytes: Uint8Array }[],
): number[] {
  const rights = documentRights(scope, target);
  if (!rights) throw new NotFoundError();
  requireAllowed(rights.attach, scope);
  if (files.length === 0) throw new UploadRefused("empty", "");
  const checked = checkFiles(files);
  const part = target.part || null;
  try {
    return writeTransaction((tx) => {
      // A part is one of the open minutes' agenda items or reports, read in the transaction that keeps the files.
      if (part && !openParts(tx, target).some((p) => p.value === part)) throw new UploadRefused("part", "");
      return insertDocuments(tx, actor, { entity: target.entity, entityId: target.entityId, part }, checked);
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

function documentById(id: number) {
  return db.select().from(documents).where(eq(documents.id, id)).get();
}

/** A document's bytes, for a person who may read its record; NotFound/Forbidden otherwise. */
export function openDocument(scope: Scope, id: number) {
  const doc = documentById(id);
  if (!doc || doc.removedAt) throw new NotFoundError();
  requireAllowed(!!documentRights(scope, doc)?.read, scope);
  const content = db.select().from(documentContents).where(eq(documentContents.documentId, id)).get();
  if (!content) throw new NotFoundError();
  return { ...doc, bytes: content.bytes, mimeType: MIME_TYPES[doc.fileType] };
}

/** Removes a document (its uploader or the secretariat): the row and the audit entry stay, the bytes go. */
export function removeDocument(actor: Actor & { userId: number }, scope: Scope, id: number) {
  const doc = documentById(id);
  if (!doc || doc.removedAt) throw new NotFoundError();
  requireAllowed(!!documentRights(scope, doc)?.read, scope);
  requireAllowed(canRemoveDocument(scope, doc.uploadedBy), scope);
  try {
    writeTransaction((tx) => {
      tx.update(documents)
        .set({ removedAt: clock.nowIso(), removedBy: actor.userId })
        .where(eq(documents.id, id))
        .run();
      tx.delete(documentContents).where(eq(documentContents.documentId, id)).run();
      recordAudit(
        {
          ...actor,
          action: "delete",
          entity: "document",
          entityId: id,
          before: { entity: doc.entity, entityId: doc.entityId, fileName: doc.fileName, sha256: doc.sha256 },
        },
        tx,
      );
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/** When a draft meeting is deleted, its documents go with it (a draft has no agenda or report rows yet). */
export function removeDocumentsOfDraft(tx: Tx, meetingId: number) {
  const owned = tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.entity, "meeting"), eq(documents.entityId, meetingId), isNull(documents.removedAt)))
    .all()
    .map((d) => d.id);
  if (owned.length === 0) return;
  tx.update(documents).set({ removedAt: clock.nowIso() }).where(inArray(documents.id, owned)).run();
  tx.delete(documentContents).where(inArray(documentContents.documentId, owned)).run();
}
