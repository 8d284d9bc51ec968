/** Finalising, the record steps: agenda items, committee reports and attendance written from the draft, keeping row ids. */
import { and, eq, inArray } from "drizzle-orm";
import { agendaItems, attendance, committeeReports, type meetings } from "../../db/schema";
import type { MinutesDoc } from "../schemas/minutes";
import type { Tx } from "../utils/db.server";
import { keepPartDocuments } from "./documents.server";

type Meeting = typeof meetings.$inferSelect;

/**
 * This meeting's agenda (each row keeps the item it was, by id, through corrections; removed ones go once the
 * reports no longer point at them) and the next meeting's agenda, rewritten. Returns the items' ids by draft key.
 */
export function writeAgenda(tx: Tx, meeting: Meeting, doc: MinutesDoc) {
  const existing = tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.forNextMeeting, false)))
    .all()
    .map((a) => a.id);
  const ids = keepRows(
    existing,
    doc.agenda,
    (a, i) => ({ position: i + 1, title: a.title, discussion: a.discussion }),
    (id, values) => tx.update(agendaItems).set(values).where(eq(agendaItems.id, id)).run(),
    (values) =>
      tx
        .insert(agendaItems)
        .values({ meetingId: meeting.id, ...values })
        .returning({ id: agendaItems.id })
        .get().id,
  );
  tx.delete(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.forNextMeeting, true)))
    .run();
  doc.nextAgenda.forEach((a, i) => {
    if (a.title.trim())
      tx.insert(agendaItems)
        .values({ meetingId: meeting.id, forNextMeeting: true, position: i + 1, title: a.title })
        .run();
  });
  const byKey = new Map(doc.agenda.map((a) => [a.key, a.id as number]));
  const removed = existing.filter((id) => !ids.has(id));
  return { byKey, removed };
}

/**
 * Committee progress reports, each under its agenda item, keeping their ids like the agenda; then removed items go,
 * and the documents attached to parts of the draft go onto their rows.
 */
export function writeReports(tx: Tx, meeting: Meeting, doc: MinutesDoc, agenda: ReturnType<typeof writeAgenda>) {
  const existing = tx
    .select({ id: committeeReports.id })
    .from(committeeReports)
    .where(eq(committeeReports.meetingId, meeting.id))
    .all()
    .map((r) => r.id);
  const ids = keepRows(
    existing,
    doc.reports,
    (r, i) => ({
      agendaItemId: agenda.byKey.get(r.agendaKey) ?? null,
      bodyId: r.bodyId!,
      position: i + 1,
      text: r.text,
    }),
    (id, values) => tx.update(committeeReports).set(values).where(eq(committeeReports.id, id)).run(),
    (values) =>
      tx
        .insert(committeeReports)
        .values({ meetingId: meeting.id, ...values })
        .returning({ id: committeeReports.id })
        .get().id,
  );
  const gone = existing.filter((id) => !ids.has(id));
  if (gone.length > 0) tx.delete(committeeReports).where(inArray(committeeReports.id, gone)).run();
  if (agenda.removed.length > 0) tx.delete(agendaItems).where(inArray(agendaItems.id, agenda.removed)).run();
  keepPartDocuments(tx, meeting.id, {
    agenda: agenda.byKey,
    reports: new Map(doc.reports.map((r) => [r.key, r.id as number])),
    removedAgenda: agenda.removed,
    removedReports: gone,
  });
}

/**
 * Writes a draft's rows onto the rows they were (by the `id` each carries, if it is one of `existing` and not taken
 * twice) or onto new ones, and puts each row's id on the draft row. Returns the ids kept or made.
 */
function keepRows<Row extends { id?: number | null }, Values>(
  existing: number[],
  rows: Row[],
  values: (row: Row, index: number) => Values,
  update: (id: number, values: Values) => void,
  insert: (values: Values) => number,
): Set<number> {
  const known = new Set(existing);
  const kept = new Set<number>();
  rows.forEach((row, i) => {
    const v = values(row, i);
    if (row.id && known.has(row.id) && !kept.has(row.id)) update(row.id, v);
    else row.id = insert(v);
    kept.add(row.id as number);
  });
  return kept;
}

/** Members' attendance in the draft's order, then the guests. */
export function writeAttendance(tx: Tx, meeting: Meeting, doc: MinutesDoc) {
  tx.delete(attendance).where(eq(attendance.meetingId, meeting.id)).run();
  doc.attendance.forEach((a, i) => {
    tx.insert(attendance)
      .values({
        meetingId: meeting.id,
        personId: a.personId,
        name: a.name,
        // finalisationErrors refused the minutes while a member was unmarked.
        status: a.status === "unmarked" ? "absent" : a.status,
        substituteName: a.substitute,
        timeAttended: a.time,
        position: i + 1,
      })
      .run();
  });
  doc.guests.forEach((g, i) => {
    tx.insert(attendance)
      .values({
        meetingId: meeting.id,
        name: g.name,
        status: "guest",
        timeAttended: g.time,
        organisationId: g.organisationId ?? null,
        position: 1000 + i,
      })
      .run();
  });
}
