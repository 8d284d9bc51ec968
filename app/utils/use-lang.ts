import { useTranslation } from "react-i18next";
import type { Lang } from "./digits";

/** The page's language, as i18next has it on both server and browser. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "fa";
}
