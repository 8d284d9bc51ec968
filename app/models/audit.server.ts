import { auditLog } from "../../db/schema";
import { db } from "../utils/db.server";

export type AuditEntry = {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
  ip?: string;
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
