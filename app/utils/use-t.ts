import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";

const memoised = new WeakMap<I18n, TFunction>();

/**
 * The translate function of an i18next instance, remembering every answer. i18next's own `t` copies its whole options
 * object on each call and react-i18next's `useTranslation` copies the instance for each component, which made
 * translation a fifth of the server's time on a 50-row table. Our instances never change language (switching reloads
 * the page), so an answer for the same key and options never changes either.
 */
export function memoisedT(i18n: I18n): TFunction {
  let t = memoised.get(i18n);
  if (t) return t;
  const fixed = i18n.getFixedT(i18n.language);
  const answers = new Map<string, string>();
  t = ((key: string, options?: Record<string, unknown>) => {
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = answers.get(id);
    if (text === undefined) {
      text = fixed(key, options) as string;
      if (answers.size >= 20_000) answers.clear();
      answers.set(id, text);
    }
    return text;
  }) as TFunction;
  memoised.set(i18n, t);
  return t;
}

/** `{ t }` for a component: the memoised translate function of the nearest I18nextProvider. */
export function useT(): { t: TFunction } {
  return { t: memoisedT(useContext(I18nContext).i18n) };
}
