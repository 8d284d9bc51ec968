import type { TFunction } from "i18next";

/** What a route's `handle` says about its page: the words of its `<title>` before the site's name. */
export type TitleHandle = { title: (t: TFunction, data: unknown) => string };

/**
 * A route's title handle: `export const handle = titled("titles.overdue")`. The root layout reads the deepest route's
 * handle and adds the site's name (`documentTitle`), so the suffix has one home and each page says what it is.
 */
export function titled(key: string, vars?: (data: never) => Record<string, unknown> | null): TitleHandle {
  return {
    title: (t, data) => {
      const values = data && vars ? vars(data as never) : null;
      return values ? t(`${key}Of`, values) : t(key);
    },
  };
}

type Match = { handle?: unknown; data?: unknown };

/** «<page> — دبیرخانه ستاد» for the deepest route that names its page; the app's name where none does. */
export function documentTitle(t: TFunction, matches: Match[]): string {
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i].handle as Partial<TitleHandle> | undefined;
    if (typeof handle?.title === "function") {
      return t("titles.page", { page: handle.title(t, matches[i].data), site: t("titles.site") });
    }
  }
  return t("app.name");
}
