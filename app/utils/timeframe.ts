/** Reading and writing timeframes (بازه زمانی) as the minutes write them: «دو هفته»، «۱۰ روز»، «-» (مستمر). */
import { toAsciiDigits } from "./digits";
import { parseJalaliInput, type Timeframe } from "./jalali";
import { normalizeForSearch } from "./normalize";

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
