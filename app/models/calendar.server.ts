import { and, asc, count, eq, gte, lt } from "drizzle-orm";
import { HOLIDAY_KINDS, type HolidayKind } from "../../db/enums";
import shipped from "../../db/holidays-iran.json";
import { holidays, settings } from "../../db/schema";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { jalaliToIso, type WorkCalendar } from "../utils/jalali";
import { type Actor, recordAudit } from "./audit.server";

/** Thursday and Friday: the days off of most government offices; admins change it. */
export const DEFAULT_WEEKEND = [5, 6];

export function getWeekendDays(): number[] {
  const row = db.select().from(settings).where(eq(settings.key, "weekend_days")).get();
  if (!row) return DEFAULT_WEEKEND;
  try {
    const days = JSON.parse(row.value) as unknown;
    return Array.isArray(days)
      ? days.filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 6)
      : DEFAULT_WEEKEND;
  } catch {
    return DEFAULT_WEEKEND;
  }
}

/** The working calendar deadlines are computed with: weekend days and the holiday table. */
export function getWorkCalendar(): WorkCalendar {
  return {
    weekendDays: getWeekendDays(),
    holidays: new Set(
      db
        .select({ date: holidays.date })
        .from(holidays)
        .all()
        .map((h) => h.date),
    ),
  };
}

/** The holidays of one Jalali year, or every one. */
export function listHolidays(jy?: number) {
  if (jy === undefined) return db.select().from(holidays).orderBy(asc(holidays.date)).all();
  const [from, to] = jalaliYearRange(jy);
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, from), lt(holidays.date, to)))
    .orderBy(asc(holidays.date))
    .all();
}

function jalaliYearRange(jy: number): [string, string] {
  return [jalaliToIso({ jy, jm: 1, jd: 1 }), jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 })];
}

/** How many lunar holidays a Jalali year has: none means the admin has yet to enter (or load) them. */
export function lunarHolidayCount(jy: number): number {
  const [from, to] = jalaliYearRange(jy);
  return (
    db
      .select({ n: count() })
      .from(holidays)
      .where(and(eq(holidays.kind, "lunar"), gte(holidays.date, from), lt(holidays.date, to)))
      .get()?.n ?? 0
  );
}

// ---------- the shipped table (db/holidays-iran.json) ----------

/** What a row loaded from the shipped table records as its source: the table's source and version. */
export const SHIPPED_SOURCE = `${shipped.source} ${shipped.version}`;
/** The dates the admin removed: the loader never adds them back (a settings entry, a JSON list of ISO dates). */
const REMOVED_KEY = "holidays_removed";

function removedDates(reader: Pick<Tx, "select"> = db): Set<string> {
  const row = reader.select().from(settings).where(eq(settings.key, REMOVED_KEY)).get();
  if (!row) return new Set();
  try {
    const dates = JSON.parse(row.value) as unknown;
    return new Set(Array.isArray(dates) ? dates.filter((d): d is string => typeof d === "string") : []);
  } catch {
    return new Set();
  }
}

function saveRemovedDates(tx: Tx, dates: Set<string>) {
  const value = JSON.stringify([...dates].sort());
  tx.insert(settings)
    .values({ key: REMOVED_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}

/**
 * Adds the shipped official holidays (1398–1410) that the table lacks. Safe at every start: a date already in the
 * table (shipped, confirmed or corrected by the admin) is left as it is, and a date the admin removed stays removed.
 */
export function loadShippedHolidays(): { added: number } {
  return writeTransaction((tx) => {
    const removed = removedDates(tx);
    let added = 0;
    for (const h of shipped.holidays) {
      if (removed.has(h.date)) continue;
      const kind: HolidayKind = (HOLIDAY_KINDS as readonly string[]).includes(h.kind)
        ? (h.kind as HolidayKind)
        : "solar";
      const result = tx
        .insert(holidays)
        .values({ date: h.date, title: h.title, kind, estimated: h.estimated, source: SHIPPED_SOURCE })
        .onConflictDoNothing()
        .run();
      added += result.changes;
    }
    return { added };
  });
}

export function setWeekendDays(actor: Actor, days: number[]) {
  const value = JSON.stringify(days);
  writeTransaction((tx) => {
    tx.insert(settings)
      .values({ key: "weekend_days", value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run();
    recordAudit({ ...actor, action: "update", entity: "settings", after: { weekendDays: days } }, tx);
  });
}

/** Adds a holiday or corrects one (same date): it becomes the admin's, confirmed, and no longer counts as removed. */
export function addHoliday(actor: Actor, date: string, title: string, kind: HolidayKind = "solar") {
  writeTransaction((tx) => {
    const before = tx.select().from(holidays).where(eq(holidays.date, date)).get();
    const values = { title, kind, estimated: false, source: "" };
    tx.insert(holidays)
      .values({ date, ...values })
      .onConflictDoUpdate({ target: holidays.date, set: values })
      .run();
    const removed = removedDates(tx);
    if (removed.delete(date)) saveRemovedDates(tx, removed);
    recordAudit(
      { ...actor, action: before ? "update" : "create", entity: "holiday", before, after: { date, ...values } },
      tx,
    );
  });
}

/** The admin confirms an estimated date (the official calendar announced it): it stops being shown as estimated. */
export function confirmHoliday(actor: Actor, date: string) {
  writeTransaction((tx) => {
    const before = tx.select().from(holidays).where(eq(holidays.date, date)).get();
    if (!before?.estimated) return;
    tx.update(holidays).set({ estimated: false }).where(eq(holidays.date, date)).run();
    recordAudit(
      {
        ...actor,
        action: "update",
        entity: "holiday",
        before: { date, estimated: true },
        after: { date, estimated: false },
      },
      tx,
    );
  });
}

/** Removes a holiday; the date is remembered so that loading the shipped table again does not bring it back. */
export function removeHoliday(actor: Actor, date: string) {
  writeTransaction((tx) => {
    const before = tx.select().from(holidays).where(eq(holidays.date, date)).get();
    tx.delete(holidays).where(eq(holidays.date, date)).run();
    const removed = removedDates(tx);
    if (!removed.has(date)) saveRemovedDates(tx, removed.add(date));
    recordAudit({ ...actor, action: "delete", entity: "holiday", before: before ?? { date } }, tx);
  });
}
