/**
 * Jalali calendar helpers. Dates are stored as plain Gregorian `YYYY-MM-DD` strings and all arithmetic is done
 * on UTC day numbers, never on `Date` objects at local midnight (persian-cases.md, "Calendar").
 */
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from "jalaali-js";
import { type Lang, localDigits, toAsciiDigits } from "./digits";

export type JalaliDate = { jy: number; jm: number; jd: number };
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(iso: IsoDate): number {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !ISO_RE.test(value)) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function toJalali(iso: IsoDate): JalaliDate {
  const [gy, gm, gd] = iso.split("-").map(Number);
  return toJalaali(gy, gm, gd);
}

export function jalaliToIso({ jy, jm, jd }: JalaliDate): IsoDate {
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return `${gy}-${String(gm).padStart(2, "0")}-${String(gd).padStart(2, "0")}`;
}

export function isValidJalali({ jy, jm, jd }: JalaliDate): boolean {
  return isValidJalaaliDate(jy, jm, jd);
}

export function monthLength(jy: number, jm: number): number {
  return jalaaliMonthLength(jy, jm);
}

/** Weekday in the Persian week: 0 = Saturday (شنبه) … 6 = Friday (جمعه). */
export function persianWeekday(iso: IsoDate): number {
  return (new Date(dayNumber(iso) * DAY_MS).getUTCDay() + 1) % 7;
}

/** The Saturday–Friday week holding a date. */
export function weekOf(iso: IsoDate): { start: IsoDate; end: IsoDate } {
  const start = addDays(iso, -persianWeekday(iso));
  return { start, end: addDays(start, 6) };
}

// Building an Intl formatter costs far more than using one: made once per process.
const tehranDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran" });
const tehranOffsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tehran", timeZoneName: "longOffset" });

/** The calendar day in Tehran at an instant, as ISO (the instant itself comes from `clock.server.ts`). */
export function tehranDay(instant: Date): IsoDate {
  return tehranDayFormat.format(instant);
}

/** The UTC instant (ISO) at which a Tehran calendar day begins; Iran kept summer time until 2022. */
export function tehranDayStart(day: IsoDate): string {
  const noon = new Date(dayNumber(day) * DAY_MS + 12 * 3_600_000);
  const offset = /GMT([+-])(\d\d):(\d\d)/.exec(tehranOffsetFormat.format(noon));
  const minutes = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 210;
  return new Date(dayNumber(day) * DAY_MS - minutes * 60_000).toISOString();
}

// ---------- quarters ----------

export type Quarter = 1 | 2 | 3 | 4;

/** First and last day (ISO) and length of a Jalali quarter: Q1 = months 1–3 … Q4 = 10–12. */
export function quarterRange(jy: number, quarter: Quarter) {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const start = jalaliToIso({ jy, jm: firstMonth, jd: 1 });
  const end = jalaliToIso({
    jy,
    jm: lastMonth,
    jd: monthLength(jy, lastMonth),
  });
  return { start, end, days: daysBetween(start, end) + 1 };
}

/** Half-year: H1 = months 1–6, H2 = 7–12. */
export function halfYearRange(jy: number, half: 1 | 2) {
  const start = quarterRange(jy, half === 1 ? 1 : 3).start;
  const end = quarterRange(jy, half === 1 ? 2 : 4).end;
  return { start, end, days: daysBetween(start, end) + 1 };
}

export function quarterOf(iso: IsoDate): { jy: number; quarter: Quarter } {
  const { jy, jm } = toJalali(iso);
  return { jy, quarter: (Math.floor((jm - 1) / 3) + 1) as Quarter };
}

// ---------- formatting ----------

const MONTHS_FA = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
];
const MONTHS_EN = [
  "Farvardin",
  "Ordibehesht",
  "Khordad",
  "Tir",
  "Mordad",
  "Shahrivar",
  "Mehr",
  "Aban",
  "Azar",
  "Dey",
  "Bahman",
  "Esfand",
];
const WEEKDAYS_FA = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];
const WEEKDAYS_EN = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

export function monthName(jm: number, lang: Lang): string {
  return (lang === "fa" ? MONTHS_FA : MONTHS_EN)[jm - 1];
}

export function weekdayName(weekday: number, lang: Lang): string {
  return (lang === "fa" ? WEEKDAYS_FA : WEEKDAYS_EN)[weekday];
}

/** `۱۴۰۴/۰۱/۱۹` (fa) or `1404/01/19` (en). The one date formatter server and browser share. */
export function formatJalali(iso: IsoDate | null | undefined, lang: Lang): string {
  if (!iso || !isIsoDate(iso)) return "";
  const { jy, jm, jd } = toJalali(iso);
  return localDigits(`${jy}/${String(jm).padStart(2, "0")}/${String(jd).padStart(2, "0")}`, lang);
}

/** `سه‌شنبه ۱۹ فروردین ۱۴۰۴` (fa) or `Tuesday 19 Farvardin 1404` (en). */
export function formatJalaliLong(iso: IsoDate | null | undefined, lang: Lang, withWeekday = true): string {
  if (!iso || !isIsoDate(iso)) return "";
  const { jy, jm, jd } = toJalali(iso);
  const day = `${jd} ${monthName(jm, lang)} ${jy}`;
  return localDigits(withWeekday ? `${weekdayName(persianWeekday(iso), lang)} ${day}` : day, lang);
}

const tehranMinute = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Tehran",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A UTC timestamp (ISO 8601) as a Jalali date and Tehran time. */
export function formatTimestamp(utc: string | null | undefined, lang: Lang): string {
  if (!utc) return "";
  const at = new Date(utc);
  if (Number.isNaN(at.getTime())) return "";
  const parts = tehranMinute.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const iso = `${get("year")}-${get("month")}-${get("day")}`;
  return `${formatJalali(iso, lang)} ${localDigits(`${get("hour")}:${get("minute")}`, lang)}`;
}

// ---------- typed dates ----------

export type DateParseError = "empty" | "format" | "year" | "gregorian" | "invalid";
export type DateParseResult = { ok: true; iso: IsoDate; jalali: JalaliDate } | { ok: false; error: DateParseError };

/**
 * Reads a typed Jalali date: Persian, Arabic-Indic or ASCII digits; separators / - . ;
 * year first (1403/2/6) or day first (6/2/1403) with a four-digit year. Never guesses a century.
 */
export function parseJalaliInput(text: string): DateParseResult {
  const cleaned = toAsciiDigits(text.replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, "")).trim();
  if (!cleaned) return { ok: false, error: "empty" };
  const m = /^(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,4})$/.exec(cleaned);
  if (!m) return { ok: false, error: "format" };
  let jy: number;
  let jd: number;
  const jm = Number(m[2]);
  if (m[1].length === 4 && m[3].length <= 2) {
    jy = Number(m[1]);
    jd = Number(m[3]);
  } else if (m[3].length === 4 && m[1].length <= 2) {
    jy = Number(m[3]);
    jd = Number(m[1]);
  } else {
    return { ok: false, error: "year" };
  }
  // 2026-12-20 is a Gregorian date typed out of habit: said so, never converted silently.
  if (jy >= 1900 && jy <= 2100) return { ok: false, error: "gregorian" };
  if (jy < 1300 || jy > 1500) return { ok: false, error: "year" };
  const jalali = { jy, jm, jd };
  if (!isValidJalali(jalali)) return { ok: false, error: "invalid" };
  return { ok: true, iso: jalaliToIso(jalali), jalali };
}

/**
 * Reads a time of day as people type it, in any digits: «۱۰:۳۰», «10:30», «۹:۰۵», «۱۴» (on the hour), «۱۴.۳۰» or
 * «۱۴٫۳۰». Returns `HH:MM` (24-hour), or null when it is not a time (minutes take two digits: «۹:۵» is unclear).
 */
export function parseTime(text: string): string | null {
  const cleaned = toAsciiDigits(text.replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, "")).trim();
  const m = /^(\d{1,2})(?:\s*[:.\u066B]\s*(\d{2}))?$/.exec(cleaned);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

// ---------- deadlines ----------

export type WorkCalendar = {
  /** Days off in the Persian week, 0 = Saturday … 6 = Friday. */
  weekendDays: readonly number[];
  /** ISO dates of official holidays. */
  holidays: ReadonlySet<IsoDate>;
};

export function isDayOff(iso: IsoDate, calendar: WorkCalendar): boolean {
  return calendar.weekendDays.includes(persianWeekday(iso)) || calendar.holidays.has(iso);
}

/** The first working day on or after a date. */
export function nextWorkingDay(iso: IsoDate, calendar: WorkCalendar): IsoDate {
  let day = iso;
  // A year of days off in a row would be a broken calendar; stop rather than loop forever.
  for (let i = 0; i < 366 && isDayOff(day, calendar); i++) day = addDays(day, 1);
  return day;
}
