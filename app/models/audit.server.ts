import { and, count, desc, eq, gte, lt } from "drizzle-orm";
import { auditLog, people, users } from "../../db/schema";
import { db } from "../utils/db.server";
import { addDays, tehranDayStart } from "../utils/jalali";
import { canAdminister, canManageStructure, requireAllowed, type Scope } from "./access.server";

/** Who is acting, for the audit log. */
export type Actor = { userId: number | null; ip?: string };

export type AuditEntry = Actor & {
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
};

type Writer = Pick<typeof db, "insert">;

/** Appends one row to the audit log; pass the transaction so the entry commits with the change it describes. */
export function recordAudit(entry: AuditEntry, writer: Writer = db) {
  writer
    .insert(auditLog)
    .values({
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? "",
    })
    .run();
}

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  username: string | null;
  personLastName: string | null;
  changes: { field: string; before: string; after: string }[];
};

const HIDDEN_FIELDS = new Set(["id", "createdAt", "updatedAt", "searchKey", "passwordHash"]);

/** The changed fields between two JSON snapshots (every field of `after` when there is no `before`). */
export function diffSnapshots(before: string | null, after: string | null) {
  const a = before ? (JSON.parse(before) as Record<string, unknown>) : {};
  const b = after ? (JSON.parse(after) as Record<string, unknown>) : {};
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields]
    .filter((f) => !HIDDEN_FIELDS.has(f) && JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null))
    .map((field) => ({ field, before: asText(a[field]), after: asText(b[field]) }));
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

// Whose history a scope may read on a record's page: a body's and a working group's (who joined, who left) are
// part of the organisation everyone reads; a person's only the secretariat's, who keep the directory.
const TRAIL_READERS: Record<string, (scope: Scope) => boolean> = {
  body: () => true,
  working_group: () => true,
  person: canManageStructure,
  organisation: () => true,
};

/** The history of one record, newest first; empty for a scope that may not read that kind of record's history. */
export function getAuditTrail(scope: Scope, entity: string, entityId: number, limit = 100): AuditRow[] {
  if (!TRAIL_READERS[entity]?.(scope)) return [];
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      username: users.username,
      personLastName: people.lastName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(people, eq(people.id, users.personId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map(({ before, after, ...row }) => ({ ...row, changes: diffSnapshots(before, after) }));
}

export type AuditQuery = {
  action?: string;
  entity?: string;
  userId?: number;
  from?: string;
  to?: string;
  page: number;
};
const AUDIT_PAGE = 50;

/** The audit log for the admin, newest first, filtered and paged in the database. */
export function browseAudit(scope: Scope, query: AuditQuery) {
  requireAllowed(canAdminister(scope), scope);
  const where = and(
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.entity ? eq(auditLog.entity, query.entity) : undefined,
    query.userId ? eq(auditLog.userId, query.userId) : undefined,
    // Dates are Tehran days; the log is UTC instants.
    query.from ? gte(auditLog.at, tehranDayStart(query.from)) : undefined,
    query.to ? lt(auditLog.at, tehranDayStart(addDays(query.to, 1))) : undefined,
  );
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
      username: users.username,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE)
    .offset((query.page - 1) * AUDIT_PAGE)
    .all()
    .map(({ before, after, ...r }) => ({ ...r, changes: diffSnapshots(before, after) }));
  const actions = db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .all()
    .map((a) => a.action)
    .sort();
  const entities = db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .all()
    .map((a) => a.entity)
    .sort();
  return { total, rows, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)), actions, entities };
}
