/**
 * The timeframe (بازه زمانی) of a resolution, in one place: its type, reading it from text as the minutes write it
 * («دو هفته»، «۱۰ روز»، «-» مستمر), the draft's fields ↔ the resolution row's columns, the deadline it gives from the
 * meeting date on the work calendar, and the words it is shown in.
 */
import type { TFunction } from "i18next";
import { type Lang, toAsciiDigits } from "./digits";
import { addDays, formatJalali, type IsoDate, nextWorkingDay, parseJalaliInput, type WorkCalendar } from "./jalali";
import { normalizeForSearch } from "./normalize";

export type Timeframe =
  | { kind: "days"; count: number }
  | { kind: "weeks"; count: number }
  | { kind: "date"; date: IsoDate }
  | { kind: "standing" };

export type Deadline = {
  /** The deadline, or null for a standing (مستمر) resolution. */
  due: IsoDate | null;
  /** The raw end of the timeframe before moving off days off. */
  nominal: IsoDate | null;
  /** True when the nominal day was a day off and the deadline moved. */
  moved: boolean;
};

/** A deadline counted from the meeting date; a last day that is a day off moves to the next working day. */
export function computeDeadline(start: IsoDate, timeframe: Timeframe, calendar: WorkCalendar): Deadline {
  if (timeframe.kind === "standing") return { due: null, nominal: null, moved: false };
  const nominal =
    timeframe.kind === "date"
      ? timeframe.date
      : addDays(start, timeframe.kind === "weeks" ? timeframe.count * 7 : timeframe.count);
  const due = nextWorkingDay(nominal, calendar);
  return { due, nominal, moved: due !== nominal };
}

/** A timeframe as the minutes draft holds it (typed fields), and as a resolution row stores it (columns). */
export type TimeframeFields = {
  timeframeKind: string;
  timeframeCount: string;
  timeframeDate: string;
  timeframeText?: string;
};
export type TimeframeColumns = { timeframeKind: string; timeframeCount: number | null; timeframeDate: string | null };

/** The draft's timeframe, or null while it is incomplete (no count, a date that does not parse, no kind chosen). */
export function timeframeOfDraft(r: TimeframeFields): Timeframe | null {
  const count = Number(r.timeframeCount);
  if ((r.timeframeKind === "weeks" || r.timeframeKind === "days") && count > 0) return { kind: r.timeframeKind, count };
  if (r.timeframeKind === "date") {
    const d = parseJalaliInput(r.timeframeDate);
    return d.ok ? { kind: "date", date: d.iso } : null;
  }
  return r.timeframeKind === "standing" ? { kind: "standing" } : null;
}

/** The draft's timeframe, where an incomplete one counts as standing (finalising refuses those before this matters). */
export function timeframeOrStanding(r: TimeframeFields): Timeframe {
  return timeframeOfDraft(r) ?? { kind: "standing" };
}

/** The draft's fields for a timeframe (empty ones for a timeframe that could not be read). */
export function timeframeFieldsOf(timeframe: Timeframe | null): {
  timeframeKind: Timeframe["kind"] | "";
  timeframeCount: string;
  timeframeDate: string;
} {
  return {
    timeframeKind: timeframe?.kind ?? "",
    timeframeCount: timeframe?.kind === "weeks" || timeframe?.kind === "days" ? String(timeframe.count) : "",
    timeframeDate: timeframe?.kind === "date" ? formatJalali(timeframe.date, "en") : "",
  };
}

/** The columns a resolution row keeps its timeframe in. */
export function timeframeColumns(timeframe: Timeframe): TimeframeColumns & { timeframeKind: Timeframe["kind"] } {
  return {
    timeframeKind: timeframe.kind,
    timeframeCount: timeframe.kind === "days" || timeframe.kind === "weeks" ? timeframe.count : null,
    timeframeDate: timeframe.kind === "date" ? timeframe.date : null,
  };
}

/** A resolution row's timeframe (a row with an incomplete one is standing). */
export function timeframeOfRow(r: TimeframeColumns): Timeframe {
  if ((r.timeframeKind === "weeks" || r.timeframeKind === "days") && r.timeframeCount)
    return { kind: r.timeframeKind, count: r.timeframeCount };
  if (r.timeframeKind === "date" && r.timeframeDate) return { kind: "date", date: r.timeframeDate };
  return { kind: "standing" };
}

/** The words a timeframe is shown in: «۲ هفته», «تا ۱۴۰۴/۰۱/۱۹», «مستمر»; text the paste could not read as it was. */
export function timeframeText(r: TimeframeFields, t: TFunction, lang: Lang): string {
  switch (r.timeframeKind) {
    case "weeks":
    case "days":
      return t(`timeframe.${r.timeframeKind}`, { count: Number(r.timeframeCount) || 0 });
    case "date": {
      const d = parseJalaliInput(r.timeframeDate);
      return d.ok ? `${t("minutes.timeframeKinds.date")} ${formatJalali(d.iso, lang)}` : r.timeframeDate;
    }
    case "standing":
      return t("timeframe.standing");
    default:
      return r.timeframeText || "—";
  }
}

const NUMBER_WORDS: Record<string, number> = {
  یک: 1,
  یه: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  شش: 6,
  شیش: 6,
  هفت: 7,
  هشت: 8,
  نه: 9,
  ده: 10,
  یازده: 11,
  دوازده: 12,
  پانزده: 15,
  بیست: 20,
  سی: 30,
};

/** A timeframe read from text, or null when it cannot be read (the row is then flagged, never guessed). */
export function parseTimeframeText(text: string): Timeframe | null {
  const raw = toAsciiDigits(text).trim();
  if (raw === "" || /^[-–—_]+$/.test(raw) || /مستمر|دائم|standing|ongoing/i.test(raw)) return { kind: "standing" };
  const date = parseJalaliInput(raw);
  if (date.ok) return { kind: "date", date: date.iso };
  const key = normalizeForSearch(raw).replace(/\u200C/g, " ");
  const m = /^(\d+|[\u0600-\u06FF]+)\s*(روز|روزه|هفته|هفتگی|week|weeks|day|days)$/.exec(key);
  if (!m) return null;
  const count = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
  if (!count || count > 365) return null;
  return /روز|day/.test(m[2]) ? { kind: "days", count } : { kind: "weeks", count };
}
