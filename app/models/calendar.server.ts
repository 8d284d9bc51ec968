import { asc, eq } from "drizzle-orm";
import { holidays, settings } from "../../db/schema";
import { db, writeTransaction } from "../utils/db.server";
import type { WorkCalendar } from "../utils/jalali";
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

export function listHolidays() {
  return db.select().from(holidays).orderBy(asc(holidays.date)).all();
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

export function addHoliday(actor: Actor, date: string, title: string) {
  writeTransaction((tx) => {
    tx.insert(holidays).values({ date, title }).onConflictDoUpdate({ target: holidays.date, set: { title } }).run();
    recordAudit({ ...actor, action: "create", entity: "holiday", after: { date, title } }, tx);
  });
}

export function removeHoliday(actor: Actor, date: string) {
  writeTransaction((tx) => {
    tx.delete(holidays).where(eq(holidays.date, date)).run();
    recordAudit({ ...actor, action: "delete", entity: "holiday", before: { date } }, tx);
  });
}
