const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC = "٠١٢٣٤٥٦٧٨٩";

/** Replaces ASCII digits with Persian ones. */
export function toPersianDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => PERSIAN[Number(d)]);
}

/** Replaces Persian and Arabic-Indic digits with ASCII ones. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (d) => {
    const p = PERSIAN.indexOf(d);
    return String(p >= 0 ? p : ARABIC.indexOf(d));
  });
}

export type Lang = "fa" | "en";

/** Localised digits for the language: Persian digits for fa, ASCII for en. */
export function localDigits(text: string | number, lang: Lang): string {
  return lang === "fa" ? toPersianDigits(text) : String(text);
}

/**
 * Formats a count with grouping (۱٬۲۳۴٬۵۶۷ in Persian, 1,234,567 in English).
 * Built by hand so that Node and the browser, whose ICU data differ, print the same thing.
 */
export function formatCount(value: number, lang: Lang, fractionDigits = 0): string {
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fa" ? "٬" : ",");
  const sign = value < 0 ? "-" : "";
  const text = fraction ? `${grouped}${lang === "fa" ? "٫" : "."}${fraction}` : grouped;
  return localDigits(sign + text, lang);
}

/** Formats an identifier-like number (year, meeting number, letter number) without grouping. */
export function formatPlain(value: number | string, lang: Lang): string {
  return localDigits(String(value), lang);
}

/** Formats a percentage, e.g. ۸۵٪ or 85%. */
export function formatPercent(value: number, lang: Lang): string {
  const rounded = Math.round(value);
  return lang === "fa" ? `${toPersianDigits(rounded)}٪` : `${rounded}%`;
}
