/** Follow-ups (پیگیری): progress, done, extensions and decisions, each applied as the status table allows. */
import { and, eq, max, sql } from "drizzle-orm";
import { followUps, resolutions } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import type { Lang } from "../utils/digits";
import { ForbiddenError, NotFoundError } from "../utils/errors";
import { searchKey } from "../utils/normalize";
import { formatPersonName } from "../utils/person-name";
import { nextStatus, type ResolutionStatus } from "../utils/resolution-status";
import { RuleViolation } from "../utils/rules";
import { managedResolutionSql, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { type CheckedFile, insertDocuments } from "./documents.server";
import { announceDecision, announceExtensionRequest, resolveStaleNotices } from "./mail-events.server";

import { getResolution, groupOrdinalSql, resolutionCode } from "./resolutions.server";

export type Change =
  | { intent: "progress"; note: string; percent: number | null }
  | { intent: "done"; date: string; note: string }
  | { intent: "start" }
  | { intent: "request_extension"; date: string; note: string }
  | { intent: "extend"; date: string; note: string }
  | { intent: "decide"; followUpId: number; approve: boolean; note: string }
  | { intent: "cancel"; note: string }
  | { intent: "reopen"; note: string };

const MANAGER_INTENTS = new Set(["extend", "decide", "cancel", "reopen"]);

/** The resolution, if this user may apply this kind of change to it: 404 when it is not theirs to see, else 403. */
export function requireChangeAllowed(scope: Scope, id: number, intent: string) {
  const found = getResolution(scope, id);
  if (!found) throw new NotFoundError("resolution");
  const allowed = MANAGER_INTENTS.has(intent) ? found.canManage : found.canUpdate || found.canManage;
  if (!allowed) throw new ForbiddenError(scope.userId, "resolution change");
  return found;
}

/**
 * Applies one follow-up to a resolution. Owners may add progress, mark done, start and ask for more time; only the
 * body's chair and secretary (or the secretariat) extend, cancel, reopen and decide on requests. Subject, owners and
 * deadline are never taken from a request except through those.
 */
/**
 * A follow-up from the resolution's page, with the documents that show what was done (checked beforehand by
 * checkFiles): they are kept in the same transaction, on the resolution and marked with the follow-up they came with.
 */
export function applyChange(actor: Actor, scope: Scope, id: number, change: Change, evidence: CheckedFile[] = []) {
  const found = requireChangeAllowed(scope, id, change.intent);
  writeTransaction((tx) => {
    applyChangeIn(tx, actor, id, change, found);
    if (evidence.length === 0) return;
    const latest = tx
      .select({ id: max(followUps.id) })
      .from(followUps)
      .where(eq(followUps.resolutionId, id))
      .get();
    insertDocuments(tx, actor, { entity: "resolution", entityId: id, followUpId: latest?.id ?? null }, evidence);
  });
}

/**
 * One follow-up inside the caller's transaction (the resolution page's, or finalising minutes whose follow-up section
 * decided it: then `meetingId` marks the rows as recorded in that meeting). Permission is the caller's to check.
 */
export function applyChangeIn(
  tx: Tx,
  actor: Actor,
  id: number,
  change: Change,
  found: { meetingDate: string; pendingRequest: unknown },
  meetingId: number | null = null,
) {
  const current = tx.select().from(resolutions).where(eq(resolutions.id, id)).get();
  if (!current) throw new NotFoundError("resolution");
  const to = nextStatus(change.intent, current.status);
  if (!to) throw new RuleViolation("resolutionClosed");
  const log = (values: Partial<typeof followUps.$inferInsert> & { kind: (typeof followUps.$inferInsert)["kind"] }) => {
    const key = searchKey(values.note ?? "");
    tx.insert(followUps)
      .values({ resolutionId: id, userId: actor.userId, meetingId, searchKey: key, ...values })
      .run();
    // The resolution's own search key gathers its notes, so the overdue review searches one column.
    if (key) {
      tx.update(resolutions)
        .set({ searchKey: sql`${resolutions.searchKey} || ' ' || ${key}` })
        .where(eq(resolutions.id, id))
        .run();
    }
  };
  const setStatus = (status: ResolutionStatus, extra: Partial<typeof resolutions.$inferInsert> = {}) => {
    tx.update(resolutions)
      .set({ status, updatedAt: clock.nowIso(), ...extra })
      .where(eq(resolutions.id, id))
      .run();
  };
  switch (change.intent) {
    case "progress":
    case "start":
      if (change.intent === "progress") log({ kind: "note", note: change.note, percent: change.percent });
      if (current.status !== to) {
        setStatus(to);
        log({ kind: "status", fromStatus: current.status, toStatus: to });
      }
      break;
    case "done":
      if (change.date < found.meetingDate) throw new RuleViolation("doneBeforeMeeting", "date");
      if (change.date > clock.today()) throw new RuleViolation("doneInFuture", "date");
      setStatus(to, { doneDate: change.date });
      log({ kind: "status", fromStatus: current.status, toStatus: to, note: change.note, percent: 100 });
      break;
    case "request_extension":
      if (found.pendingRequest) throw new RuleViolation("requestPending", "date");
      if (current.dueDate && change.date <= current.dueDate) throw new RuleViolation("extensionNotLater", "date");
      log({ kind: "extension_request", note: change.note, newDueDate: change.date, decision: "pending" });
      announceExtensionRequest(tx, id, actor.userId, change.date, change.note);
      break;
    case "extend":
      if (current.dueDate && change.date <= current.dueDate) throw new RuleViolation("extensionNotLater", "date");
      tx.update(resolutions)
        .set({ dueDate: change.date, updatedAt: clock.nowIso() })
        .where(eq(resolutions.id, id))
        .run();
      log({ kind: "extension", note: change.note, newDueDate: change.date });
      {
        // A pending request is answered by the extension: its owner is told, with the date actually given.
        const pending = tx
          .select()
          .from(followUps)
          .where(and(eq(followUps.resolutionId, id), eq(followUps.decision, "pending")))
          .get();
        if (pending) {
          tx.update(followUps).set({ decision: "approved" }).where(eq(followUps.id, pending.id)).run();
          announceDecision(tx, id, { ...pending, newDueDate: change.date }, true, change.note);
        }
      }
      break;
    case "decide": {
      const request = tx
        .select()
        .from(followUps)
        .where(and(eq(followUps.id, change.followUpId), eq(followUps.resolutionId, id)))
        .get();
      if (request?.decision !== "pending") throw new RuleViolation("requestPending");
      tx.update(followUps)
        .set({ decision: change.approve ? "approved" : "rejected" })
        .where(eq(followUps.id, request.id))
        .run();
      if (change.approve && request.newDueDate) {
        tx.update(resolutions)
          .set({ dueDate: request.newDueDate, updatedAt: clock.nowIso() })
          .where(eq(resolutions.id, id))
          .run();
        log({ kind: "extension", note: change.note || request.note, newDueDate: request.newDueDate });
      } else {
        log({ kind: "note", note: change.note });
      }
      announceDecision(tx, id, request, change.approve, change.note);
      break;
    }
    case "cancel":
      setStatus(to, { cancelReason: change.note });
      log({ kind: "status", fromStatus: current.status, toStatus: to, note: change.note });
      break;
    case "reopen":
      setStatus(to, { doneDate: null, cancelReason: null });
      log({ kind: "status", fromStatus: current.status, toStatus: to, note: change.note });
      break;
  }
  resolveStaleNotices(tx, id);
  const after = tx.select().from(resolutions).where(eq(resolutions.id, id)).get()!;
  recordAudit(
    {
      ...actor,
      action: `resolution_${change.intent}`,
      entity: "resolution",
      entityId: id,
      before: { status: current.status, dueDate: current.dueDate, doneDate: current.doneDate },
      after: { status: after.status, dueDate: after.dueDate, doneDate: after.doneDate },
    },
    tx,
  );
}

/**
 * Extension requests waiting for a decision on the resolutions this person decides on (their bodies' as chair or
 * secretary; every body's for the secretariat): the chair's home lists them, oldest first.
 */
export function pendingRequests(scope: Scope, lang: Lang) {
  if (!scope.isStaff && scope.ledBodyIds.length === 0) return [];
  const bodies = managedResolutionSql(scope, sql`r.body_id`);
  return db
    .all<{
      id: number;
      resolutionId: number;
      number: number;
      subject: string;
      newDueDate: string | null;
      createdAt: string;
      honorific: string | null;
      title: string | null;
      firstName: string | null;
      lastName: string | null;
      username: string | null;
      meetingNumber: number;
      bodyCode: string;
      bodyId: number;
      numbering: string;
      groupOrdinal: number | null;
    }>(sql`select f.id, r.id as resolutionId, r.number, r.subject, f.new_due_date as newDueDate,
        f.created_at as createdAt, p.honorific, p.title, p.first_name as firstName, p.last_name as lastName,
        u.username, meetings.number as meetingNumber,
        b.code as bodyCode, b.id as bodyId, b.resolution_numbering as numbering, ${groupOrdinalSql} as groupOrdinal
      from follow_ups f join resolutions r on r.id = f.resolution_id join meetings on meetings.id = r.meeting_id
        join bodies b on b.id = meetings.body_id left join users u on u.id = f.user_id
        left join people p on p.id = u.person_id
      where f.kind = 'extension_request' and f.decision = 'pending' and r.status in ('open', 'in_progress')
        and ${bodies}
      order by f.created_at, f.id limit 50`)
    .map(({ honorific, title, firstName, lastName, username, ...r }) => ({
      ...r,
      code: resolutionCode(r),
      requester: lastName
        ? formatPersonName(
            { honorific, title, firstName: firstName ?? "", lastName } as Parameters<typeof formatPersonName>[0],
            lang,
          )
        : (username ?? ""),
    }));
}
