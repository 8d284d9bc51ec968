import type { Lang } from "./digits";
import { searchKey } from "./normalize";

export type PersonName = {
  honorific: "mr" | "ms";
  title: "dr" | "eng" | null;
  firstName: string;
  lastName: string;
};

const HONORIFIC = { fa: { mr: "آقای", ms: "خانم" }, en: { mr: "Mr", ms: "Ms" } } as const;
const TITLE = { fa: { dr: "دکتر", eng: "مهندس" }, en: { dr: "Dr", eng: "Eng." } } as const;

/** «آقای دکتر عزت‌اله محمدی»: honorific, title, first and last name, as the minutes write them. */
export function formatPersonName(p: PersonName, lang: Lang, { withHonorific = true } = {}): string {
  const parts = [
    withHonorific ? HONORIFIC[lang][p.honorific] : "",
    p.title ? TITLE[lang][p.title] : "",
    p.firstName,
    p.lastName,
  ];
  return parts.filter(Boolean).join(" ");
}

/**
 * The search key of a person: the name as written in Persian and English, with honorific and title (so «آقای سیفی»
 * and «دکتر شباک» find them), organisation and position, normalised.
 */
export function personSearchKey(p: PersonName & { organisation?: string; position?: string }): string {
  return [formatPersonName(p, "fa"), formatPersonName(p, "en"), p.organisation ?? "", p.position ?? ""]
    .map(searchKey)
    .join(" ");
}
