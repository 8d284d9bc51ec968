/**
 * Messages to people: in-app notices and e-mail in the outbox, each written inside the transaction of the change that
 * causes it (the caller's `tx`), so a change is never without its message nor a message without its change. The
 * sender (app/utils/mail-sender.server.ts) delivers the outbox afterwards; nothing here waits for a mail server.
 */
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { MailKind } from "../../db/enums";
import { notifications, outbox, people, users } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, type Tx } from "../utils/db.server";
import type { Lang } from "../utils/digits";
import { ForbiddenError } from "../utils/errors";
import { type MailContent, renderMail } from "../utils/mail-render.server";
import { formatPersonName } from "../utils/person-name";
import { canAdminister, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { groupOrdinalSql, resolutionCode } from "./resolutions.server";

export type Recipient = {
  personId: number;
  userId: number | null;
  name: string;
  email: string;
  lang: Lang;
  mailOff: Set<string>;
};

export type Attachment = { minutesPdf: number } | { filename: string; contentType: string; content: string };

type Reader = Tx | typeof db;

/** The people with their address, account, language and the mail they turned off. */
export function recipientsOf(tx: Reader, personIds: Iterable<number>): Recipient[] {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return [];
  return tx
    .select({ p: people, userId: users.id, language: users.language, mailOff: users.mailOff })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), isNull(users.disabledAt)))
    .where(inArray(people.id, ids))
    .all()
    .map((r) => {
      const lang: Lang = r.language === "en" ? "en" : "fa";
      return {
        personId: r.p.id,
        userId: r.userId,
        name: formatPersonName(r.p, lang),
        email: r.p.email.trim(),
        lang,
        mailOff: new Set((r.mailOff ?? "").split(",").filter(Boolean)),
      };
    });
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * Writes one e-mail to the outbox in the caller's transaction, unless the person has no address or turned this kind
 * off. A `dedupeKey` makes it once for good (the unique index holds even if two runs race): scheduled mail uses the
 * person and the day. Returns whether a row was written.
 */
export function enqueueMail(
  tx: Tx,
  to: Recipient,
  kind: MailKind,
  content: MailContent,
  {
    dedupeKey,
    attachments = [],
    notBefore,
  }: { dedupeKey?: string; attachments?: Attachment[]; notBefore?: string } = {},
): boolean {
  if (!ADDRESS.test(to.email) || to.mailOff.has(kind)) return false;
  const mail = renderMail(to.lang, { ...content, name: content.name ?? to.name });
  const domain = (process.env.MAIL_FROM ?? "").split("@")[1]?.replace(/[>\s]/g, "") || "census-hq.local";
  const result = tx
    .insert(outbox)
    .values({
      kind,
      personId: to.personId,
      toAddress: to.email,
      lang: to.lang,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: JSON.stringify(attachments),
      dedupeKey: dedupeKey ?? null,
      messageId: `<${randomUUID()}@${domain}>`,
      nextAttemptAt: notBefore ?? clock.nowIso(),
    })
    .onConflictDoNothing()
    .run();
  if (result.changes > 0) mailWritten();
  return result.changes > 0;
}

/** Whether the mail of this key is written but not yet tried: it can still be rewritten or withdrawn. */
const untried = (dedupeKey: string) =>
  and(eq(outbox.dedupeKey, dedupeKey), eq(outbox.status, "queued"), eq(outbox.attempts, 0));

/**
 * Writes the mail of `dedupeKey` afresh: a row not yet tried gets the new words (same Message-ID, due at
 * `notBefore`); otherwise a new row is written as `enqueueMail` does (once per key). Returns whether a row was written.
 */
export function enqueueOrRewriteMail(
  tx: Tx,
  to: Recipient,
  kind: MailKind,
  content: MailContent,
  options: { dedupeKey: string; attachments?: Attachment[]; notBefore?: string },
): boolean {
  if (!ADDRESS.test(to.email) || to.mailOff.has(kind)) {
    withdrawMail(tx, options.dedupeKey);
    return false;
  }
  const mail = renderMail(to.lang, { ...content, name: content.name ?? to.name });
  const rewritten = tx
    .update(outbox)
    .set({
      toAddress: to.email,
      lang: to.lang,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: JSON.stringify(options.attachments ?? []),
      nextAttemptAt: options.notBefore ?? clock.nowIso(),
    })
    .where(untried(options.dedupeKey))
    .run();
  if (rewritten.changes > 0) return true;
  return enqueueMail(tx, to, kind, content, options);
}

/** Takes back a mail not yet tried (nothing to take back once it went to the mail server); returns whether it was. */
export function withdrawMail(tx: Tx, dedupeKey: string): boolean {
  return tx.delete(outbox).where(untried(dedupeKey)).run().changes > 0;
}

let onWritten: (() => void) | null = null;

/** The sender asks to be woken when mail is written (after the transaction commits, it looks at once). */
export function onMailWritten(fn: (() => void) | null) {
  onWritten = fn;
}

function mailWritten() {
  if (onWritten) setImmediate(onWritten);
}

/**
 * An in-app notice of a resolution, in the caller's transaction. Written again (unread, now) when the same kind of
 * notice for the same resolution comes back after it was resolved, e.g. overdue again after an extension ran out.
 */
export function notifyInApp(
  tx: Tx,
  userId: number | null,
  kind: (typeof notifications.$inferInsert)["kind"],
  resolutionId: number,
) {
  if (!userId) return;
  tx.insert(notifications)
    .values({ userId, kind, resolutionId })
    .onConflictDoUpdate({
      target: [notifications.userId, notifications.kind, notifications.resolutionId],
      set: { createdAt: clock.nowIso(), readAt: null, resolvedAt: null },
      // Only a notice that had been resolved comes back; one read and still true stays read (no daily re-raising).
      setWhere: sql`${notifications.resolvedAt} is not null`,
    })
    .run();
}

/** Notices of a resolution that no longer hold (overdue after an extension, assigned after done) leave the lists. */
export function resolveNotices(tx: Tx, resolutionId: number, kinds: (typeof notifications.$inferInsert)["kind"][]) {
  if (kinds.length === 0) return;
  tx.update(notifications)
    .set({ resolvedAt: clock.nowIso() })
    .where(
      and(
        eq(notifications.resolutionId, resolutionId),
        inArray(notifications.kind, kinds),
        isNull(notifications.resolvedAt),
      ),
    )
    .run();
}

/**
 * The people a resolution is for: its person owners, the chair of an owning working group, the chair and secretary
 * of an owning body (seats in force). Organisations have no address here. Without `bodyChairs`, a body's chair is
 * left out: chairs follow their bodies' work in the weekly digest, not a notice or reminder per resolution.
 */
export function ownerPeopleOf(
  tx: Reader,
  resolutionIds: number[],
  { bodyChairs = true }: { bodyChairs?: boolean } = {},
): Map<number, number[]> {
  const bodyRoles = bodyChairs ? sql`('chair', 'secretary')` : sql`('secretary')`;
  const out = new Map<number, number[]>();
  if (resolutionIds.length === 0) return out;
  const today = clock.today();
  const rows = tx.all<{ resolutionId: number; personId: number }>(sql`
    select o.resolution_id as resolutionId, o.person_id as personId from resolution_owners o
      where o.person_id is not null and o.resolution_id in (${sql.join(
        resolutionIds.map((id) => sql`${id}`),
        sql`, `,
      )})
    union
    select o.resolution_id, m.person_id from resolution_owners o join memberships m
      on (m.working_group_id = o.working_group_id and m.role = 'chair') or (m.body_id = o.body_id and m.role in ${bodyRoles})
      where (m.start_date is null or m.start_date <= ${today}) and (m.end_date is null or m.end_date > ${today})
        and o.resolution_id in (${sql.join(
          resolutionIds.map((id) => sql`${id}`),
          sql`, `,
        )})`);
  for (const r of rows) out.set(r.resolutionId, [...new Set([...(out.get(r.resolutionId) ?? []), r.personId])]);
  return out;
}

/** The chair and secretary (seats in force) of a body. */
export function leadersOf(tx: Reader, bodyId: number): number[] {
  const today = clock.today();
  return tx
    .all<{ personId: number }>(sql`select distinct person_id as personId from memberships
      where body_id = ${bodyId} and role in ('chair', 'secretary')
        and (start_date is null or start_date <= ${today}) and (end_date is null or end_date > ${today})`)
    .map((r) => r.personId);
}

/** Resolutions as mail lists them: code, subject, deadline, body. */
export function resolutionsForMail(tx: Reader, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .all<{
      id: number;
      number: number;
      subject: string;
      dueDate: string | null;
      status: string;
      meetingId: number;
      meetingNumber: number;
      meetingDate: string;
      bodyId: number;
      bodyCode: string;
      bodyName: string;
      numbering: string;
      groupOrdinal: number | null;
    }>(sql`select r.id, r.number, r.subject, r.due_date as dueDate, r.status, meetings.id as meetingId,
        meetings.number as meetingNumber, meetings.date as meetingDate, b.id as bodyId, b.code as bodyCode,
        b.name as bodyName, b.resolution_numbering as numbering, ${groupOrdinalSql} as groupOrdinal
      from resolutions r join meetings on meetings.id = r.meeting_id join bodies b on b.id = meetings.body_id
      where r.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
      order by meetings.date, meetings.number, r.number`)
    .map((r) => ({ ...r, code: resolutionCode(r) }));
}

// ——— The admin's outbox ———

export type OutboxRow = typeof outbox.$inferSelect;

export const OUTBOX_PAGE = 25;

/** The outbox, newest first, a page at a time, with counts by status (the admin's page). */
export function listOutbox(scope: Scope, { page = 1, status }: { page?: number; status?: string } = {}) {
  if (!canAdminister(scope)) throw new ForbiddenError(scope.userId, "outbox");
  const counts = Object.fromEntries(
    db
      .all<{ status: string; n: number }>(sql`select status, count(*) as n from outbox group by status`)
      .map((r) => [r.status, r.n]),
  ) as Record<string, number>;
  const where = status && status in counts ? eq(outbox.status, status as OutboxRow["status"]) : undefined;
  const total = db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE));
  const shown = Math.min(page, pages);
  const rows = db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      toAddress: outbox.toAddress,
      lang: outbox.lang,
      subject: outbox.subject,
      text: outbox.text,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      nextAttemptAt: outbox.nextAttemptAt,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      messageId: outbox.messageId,
    })
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE)
    .offset((shown - 1) * OUTBOX_PAGE)
    .all();
  return { counts, rows, total, page: shown, pages };
}

/**
 * Sends a mail again now (the admin, after fixing the mail server): a failed one back in the queue with its tries
 * counted afresh, a waiting one due at once. A mail sent or being sent is left alone; returns whether one changed.
 */
export function retryMail(actor: Actor, scope: Scope, id: number): boolean {
  if (!canAdminister(scope)) throw new ForbiddenError(scope.userId, "outbox");
  const changed = db.transaction((tx) => {
    const result = tx
      .update(outbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: clock.nowIso(), lastError: "" })
      .where(and(eq(outbox.id, id), inArray(outbox.status, ["failed", "queued"])))
      .run();
    if (result.changes > 0) recordAudit({ ...actor, action: "retry", entity: "outbox", entityId: id }, tx);
    return result.changes > 0;
  });
  if (changed) mailWritten();
  return changed;
}

// ——— A person's mail settings ———

/** The person's address and the kinds of mail they turned off. */
export function getMailPreferences(scope: Scope) {
  const row = db
    .select({ mailOff: users.mailOff, email: people.email })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, scope.userId))
    .get();
  return { email: row?.email ?? "", off: (row?.mailOff ?? "").split(",").filter(Boolean) };
}

/** Saves the kinds of mail the person turned off. */
export function setMailPreferences(actor: Actor, scope: Scope, off: MailKind[]) {
  db.transaction((tx) => {
    tx.update(users)
      .set({ mailOff: [...new Set(off)].sort().join(",") })
      .where(eq(users.id, scope.userId))
      .run();
    recordAudit({ ...actor, action: "mail_preferences", entity: "user", entityId: scope.userId, after: { off } }, tx);
  });
}

/** Remembers the language a person chose, so their mail is written in it. */
export function rememberLanguage(userId: number, lang: Lang) {
  db.update(users).set({ language: lang }).where(eq(users.id, userId)).run();
}
