import { createCookie } from "@remix-run/node";
import type { i18n, TFunction } from "i18next";
import type { Lang } from "./digits";
import { createI18n, DEFAULT_LANG, isLang } from "./i18n";

export const langCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31_536_000 });

/** The visitor's language from the `lang` cookie; Persian by default. */
export async function getLang(request: Request): Promise<Lang> {
  const value = await langCookie.parse(request.headers.get("cookie"));
  return isLang(value) ? value : DEFAULT_LANG;
}

const instances = new Map<Lang, i18n>();

/**
 * The server's i18next instance for a language, made once: building one per request cost more than rendering a
 * small page. Shared safely because nothing on the server changes an instance's language.
 */
export function serverI18n(lang: Lang): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = createI18n(lang);
    instances.set(lang, instance);
  }
  return instance;
}

/** A translate function for server-side messages (validation errors, PDF text). */
export async function getFixedT(request: Request) {
  const lang = await getLang(request);
  return { t: serverI18n(lang).t, lang };
}

/** A wait as people say it: seconds under a minute, else whole minutes (rounded up). */
export function waitText(ms: number, t: TFunction): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60
    ? t("login.waitSeconds", { count: seconds })
    : t("login.waitMinutes", { count: Math.ceil(seconds / 60) });
}
