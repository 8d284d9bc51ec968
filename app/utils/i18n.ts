import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en";
import fa from "../locales/fa";
import { formatCount, formatPlain, type Lang } from "./digits";

export const LANGS: readonly Lang[] = ["fa", "en"];
export const DEFAULT_LANG: Lang = "fa";
export const resources = { fa: { translation: fa }, en: { translation: en } } as const;

export function isLang(value: unknown): value is Lang {
  return value === "fa" || value === "en";
}

export function dirOf(lang: Lang): "rtl" | "ltr" {
  return lang === "fa" ? "rtl" : "ltr";
}

const PERSIAN_LETTER = /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * A value for an English sentence: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (what `<bdi>` does, in
 * plain text, so titles, attributes and mail get it too) when it holds Persian letters; otherwise as it is.
 */
export function isolatePersian(value: unknown): string {
  const text = String(value);
  return PERSIAN_LETTER.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * A ready i18next instance for one language. Resources are bundled, so it initialises synchronously
 * on the server and in the browser alike. `{{n, count}}` and `{{n, plain}}` print localised digits.
 */
export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: LANGS as Lang[],
    // React escapes; in English a value written in Persian (a body's name, a person's) is bidi-isolated, so
    // «Meeting 2 of <body> (date)» keeps its order around it. Persian pages take values as they are.
    interpolation: lang === "en" ? { escapeValue: true, escape: isolatePersian } : { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const asLang = (lng: string | undefined): Lang => (lng === "en" ? "en" : "fa");
  instance.services.formatter?.add("count", (value, lng) => formatCount(Number(value), asLang(lng)));
  instance.services.formatter?.add("plain", (value, lng) => formatPlain(value, asLang(lng)));
  return instance;
}
