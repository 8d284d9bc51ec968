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

/** Steps 1–4: NFKC, drop marks and controls, unify letters (and the hamza's seat before «و»), ASCII digits. ZWNJ and spaces stay. */
export function normalizeForSearch(text: string): string {
  return toAsciiDigits(
    text
      .normalize("NFKC")
      .replace(DROPPED, "")
      // «مسئول» and «مسؤول», «رئوف» and «رؤوف»: the hamza before «و» sits on either seat, and both are one word.
      .replace(/[ئؤ]و/g, "وو")
      .replace(/[كڪيىےئەةۀأإآؤ]/g, (c) => LETTER_MAP[c] ?? c)
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

/** The words of a search query, as search keys (at most `max`), without repeats. */
export function searchWords(query: string, max = 8): string[] {
  return [
    ...new Set(
      query
        .split(/[\s\u200C]+/)
        .map(searchKey)
        .filter(Boolean),
    ),
  ].slice(0, max);
}

// The key of each character met, kept: marking a long text asks for the same few dozen characters again and again.
const charKeys = new Map<string, string>();
function charKey(ch: string): string {
  let k = charKeys.get(ch);
  if (k === undefined) {
    k = searchKey(ch);
    if (charKeys.size < 10_000) charKeys.set(ch, k);
  }
  return k;
}

/**
 * Shown text in pieces that alternate: plain, marked (holds a searched word), plain, … — the first may be empty. As
 * plain strings, a search page's forty snippets travel as text rather than as objects.
 */
export type MarkedText = string[];

/**
 * The text in pieces, the parts that match a word (compared on search keys, so «مسئول» marks «مسؤول» and «می شود»
 * marks «می‌شود») marked. With `window`, only that many characters around the first match are kept, with «…».
 */
export function markWords(text: string, words: readonly string[], window?: number): MarkedText {
  // The search key of the text, and for each of its characters the place in the text it came from.
  let key = "";
  const from: number[] = [];
  let at = 0;
  for (const ch of text) {
    // A hamza seat before «و» keys as «و» (normalizeForSearch), which the letter alone cannot tell.
    const k = (ch === "ئ" || ch === "ؤ") && searchKey(text.slice(at + 1, at + 4)).startsWith("و") ? "و" : charKey(ch);
    for (let i = 0; i < k.length; i++) from.push(at);
    key += k;
    at += ch.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  let first = -1;
  for (const word of words) {
    if (!word) continue;
    for (let i = key.indexOf(word); i !== -1; i = key.indexOf(word, i + 1)) {
      const start = from[i];
      const lastFrom = from[i + word.length - 1];
      const end = lastFrom + (text.codePointAt(lastFrom)! > 0xffff ? 2 : 1);
      for (let j = start; j < end; j++) marked[j] = true;
      if (first === -1 || start < first) first = start;
    }
  }
  let begin = 0;
  let finish = text.length;
  if (window !== undefined && text.length > window) {
    begin = Math.max(0, (first === -1 ? 0 : first) - Math.floor(window / 3));
    finish = Math.min(text.length, begin + window);
  }
  const parts: MarkedText = [begin > 0 ? "…" : ""];
  for (let i = begin; i < finish; i++) {
    // An odd place is a marked piece: a change of marking starts the next piece.
    if (marked[i] !== (parts.length % 2 === 0)) parts.push("");
    parts[parts.length - 1] += text[i];
  }
  if (finish < text.length) {
    if (parts.length % 2 === 0) parts.push("");
    parts[parts.length - 1] += "…";
  }
  return parts;
}
