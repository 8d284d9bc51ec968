import { useContext } from "react";
import { I18nContext } from "react-i18next";
import type { Lang } from "./digits";

/** The page's language, as i18next has it on both server and browser. */
export function useLang(): Lang {
  return useContext(I18nContext).i18n.language === "en" ? "en" : "fa";
}
