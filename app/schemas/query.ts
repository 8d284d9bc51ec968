import { toAsciiDigits } from "../utils/digits";
import { type DateParseError, type IsoDate, parseJalaliInput } from "../utils/jalali";

/**
 * Readers of a list's state in the URL (`?body=3&from=۱۴۰۵/۰۱/۰۱`), shared by every list that keeps its filters there:
 * what cannot be read is dropped, never a 500.
 */

/** A positive whole number (Persian or ASCII digits) no larger than `max` (ids, day counts), or undefined. */
export function positiveParam(v: string | null, max = 1_000_000_000): number | undefined {
  const n = Number(toAsciiDigits(v ?? ""));
  return Number.isInteger(n) && n > 0 && n <= max ? n : undefined;
}

/** One of the listed values, or undefined. */
export function oneOfParam<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
}

/** Free text from the URL, trimmed and capped; undefined when empty. */
export function textParam(v: string | null, max = 200): string | undefined {
  return (v ?? "").trim().slice(0, max) || undefined;
}

/** A typed Jalali date (any digits), as an ISO date; with why it could not be read, for a message by the field. */
export function jalaliParam(v: string | null): { iso?: IsoDate; error?: DateParseError } {
  if (!(v ?? "").trim()) return {};
  const r = parseJalaliInput(v ?? "");
  return r.ok ? { iso: r.iso } : { error: r.error };
}
