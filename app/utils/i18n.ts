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
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const asLang = (lng: string | undefined): Lang => (lng === "en" ? "en" : "fa");
  instance.services.formatter?.add("count", (value, lng) => formatCount(Number(value), asLang(lng)));
  instance.services.formatter?.add("plain", (value, lng) => formatPlain(value, asLang(lng)));
  return instance;
}
