import { createCookie } from "@remix-run/node";
import type { Lang } from "./digits";
import { createI18n, DEFAULT_LANG, isLang } from "./i18n";

export const langCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31_536_000 });

/** The visitor's language from the `lang` cookie; Persian by default. */
export async function getLang(request: Request): Promise<Lang> {
  const value = await langCookie.parse(request.headers.get("cookie"));
  return isLang(value) ? value : DEFAULT_LANG;
}

/** A translate function for server-side messages (validation errors, PDF text). */
export async function getFixedT(request: Request) {
  const lang = await getLang(request);
  return { t: createI18n(lang).t, lang };
}
