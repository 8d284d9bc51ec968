import type { SeriesFrequency } from "../../db/enums";
import { addDays, daysBetween, type IsoDate, jalaliToIso, monthLength, toJalali } from "./jalali";

/**
 * The slots of a recurring series (one home for their arithmetic): weekly and every two weeks from the first slot;
 * monthly on the same day of the Jalali month (the month's last day when it is shorter: the 31st becomes the 30th
 * in Mehr and the 29th/30th in Esfand).
 */
export type SeriesRule = { frequency: SeriesFrequency; startsOn: IsoDate; until: IsoDate | null };

/** The k-th slot (0: the first). */
export function slotAt(rule: SeriesRule, k: number): IsoDate {
  if (rule.frequency === "weekly") return addDays(rule.startsOn, 7 * k);
  if (rule.frequency === "biweekly") return addDays(rule.startsOn, 14 * k);
  const { jy, jm, jd } = toJalali(rule.startsOn);
  const months = jm - 1 + k;
  const y = jy + Math.floor(months / 12);
  const m = (months % 12) + 1;
  return jalaliToIso({ jy: y, jm: m, jd: Math.min(jd, monthLength(y, m)) });
}

/** The first slot on or after `from` that `taken` does not name, or null once the series has ended. */
export function nextSlot(rule: SeriesRule, from: IsoDate, taken: ReadonlySet<string> = new Set()): IsoDate | null {
  // A start no later than the answer: months are counted at their longest, so none is jumped over.
  const step = rule.frequency === "weekly" ? 7 : rule.frequency === "biweekly" ? 14 : 31;
  let k = Math.max(0, Math.floor(daysBetween(rule.startsOn, from) / step) - 1);
  for (let guard = 0; guard < 10_000; guard++, k++) {
    const slot = slotAt(rule, k);
    if (rule.until && slot > rule.until) return null;
    if (slot >= from && !taken.has(slot)) return slot;
  }
  return null;
}

/** The next `count` slots from `from` (for the series page), skipping none. */
export function upcomingSlots(rule: SeriesRule, from: IsoDate, count: number): IsoDate[] {
  const slots: IsoDate[] = [];
  let cursor = from;
  while (slots.length < count) {
    const slot = nextSlot(rule, cursor);
    if (!slot) break;
    slots.push(slot);
    cursor = addDays(slot, 1);
  }
  return slots;
}
