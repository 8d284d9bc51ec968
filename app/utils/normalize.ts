/**
 * Persian-aware text normalisation for search (persian-cases.md, "Text"), and the one cleaning every typed text
 * gets before it is stored. Text is stored and shown as typed otherwise; only the search keys are normalised.
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

// C0 controls but tab and line breaks, DEL, C1 controls, and the two non-characters U+FFFE/U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

const OPENERS: Record<string, string> = {
  "\u202A": "\u202C",
  "\u202B": "\u202C",
  "\u202D": "\u202C",
  "\u202E": "\u202C",
  "\u2066": "\u2069",
  "\u2067": "\u2069",
  "\u2068": "\u2069",
};

/** Closes, at the end of each line, the bidi embeddings, overrides and isolates a line opened; drops stray closers. */
function balanceBidi(line: string): string {
  const open: string[] = [];
  let out = "";
  for (const c of line) {
    if (OPENERS[c]) open.push(OPENERS[c]);
    else if (c === "\u202C" || c === "\u2069") {
      if (open.at(-1) !== c) continue;
      open.pop();
    }
    out += c;
  }
  return out + open.reverse().join("");
}

/**
 * What every typed text is stored as: without NUL bytes and other control characters (tab and line breaks stay,
 * `\r\n` becomes `\n`), and with every bidi control closed on its own line, so a U+202E in a name cannot
 * reorder what a page shows after the name. Where stored text is shown, inline elements isolate it as well
 * (`unicode-bidi: isolate`, app.css).
 */
export function cleanText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").replace(CONTROLS, "").split("\n");
  return lines.map((line) => (/[\u202A-\u202E\u2066-\u2069]/.test(line) ? balanceBidi(line) : line)).join("\n");
}

/** cleanText on every string of a parsed JSON value. */
export function cleanDeep(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)]));
  return value;
}

const collator = new Intl.Collator("fa");

/** Compares two strings the Persian way (پ چ ژ ک گ ی in their places). */
export function comparePersian(a: string, b: string): number {
  return collator.compare(a, b);
}
