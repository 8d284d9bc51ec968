/**
 * Persian-aware text normalisation for search (persian-cases.md, "Text").
 * Text is stored and shown as typed; only the keys are normalised.
 */
import { toAsciiDigits } from "./digits";

const LETTER_MAP: Record<string, string> = {
  ك: "ک",
  ڪ: "ک",
  ي: "ی",
  ى: "ی",
  ے: "ی",
  ئ: "ی",
  ە: "ه",
  ة: "ه",
  ۀ: "ه",
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ؤ: "و",
};

// tatweel, harakat and Quranic marks (incl. hamza above U+0654), superscript alef,
// zero-width space/joiner, BOM, soft hyphen, LRM/RLM/ALM and the other bidi controls.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWJ is listed on purpose, to drop it
const DROPPED = /[\u0640\u064B-\u065F\u0670\u200B\u200D\uFEFF\u00AD\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** Steps 1–4: NFKC, unify letters, drop marks and controls, ASCII digits. ZWNJ and spaces stay. */
export function normalizeForSearch(text: string): string {
  return toAsciiDigits(
    text
      .normalize("NFKC")
      .replace(/[كڪيىےئەةۀأإآؤ]/g, (c) => LETTER_MAP[c] ?? c)
      .replace(DROPPED, "")
      .replace(/\u00A0/g, " ")
      .toLowerCase(),
  );
}

/** The search key: normalised, without ZWNJ and whitespace, so «وزارتخانه‌ها» meets «وزارتخانه ها». */
export function searchKey(text: string): string {
  return normalizeForSearch(text).replace(/[\u200C\s]/g, "");
}

/** True when every word of the query is found in the text, compared on search keys. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchKey(text);
  return query
    .split(/\s+/)
    .map(searchKey)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const collator = new Intl.Collator("fa");

/** Compares two strings the Persian way (پ چ ژ ک گ ی in their places). */
export function comparePersian(a: string, b: string): number {
  return collator.compare(a, b);
}
