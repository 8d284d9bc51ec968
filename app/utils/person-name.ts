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

/**
 * A person's name for a reader of `lang`: in Persian «آقای دکتر عزت‌اله محمدی» (honorific, title, first and last
 * name, as the minutes write them); in English the English way, where a doctor's title takes the honorific's place
 * («Dr …», never «Mr Dr …») and «مهندس» has no English honorific of its own («Mr …»).
 */
export function formatPersonName(p: PersonName, lang: Lang, { withHonorific = true } = {}): string {
  const parts =
    lang === "en"
      ? [p.title === "dr" ? TITLE.en.dr : withHonorific ? HONORIFIC.en[p.honorific] : "", p.firstName, p.lastName]
      : [withHonorific ? HONORIFIC.fa[p.honorific] : "", p.title ? TITLE.fa[p.title] : "", p.firstName, p.lastName];
  return parts.filter(Boolean).join(" ");
}

/** «آقای دکتر», «خانم», … at the start of a name, or of each name in a list joined with « / », «، » or «, ». */
const PERSIAN_HONORIFIC = /(^|\s\/\s|،\s*|,\s*)(آقای|خانم)\s+(?:(دکتر|مهندس)\s+)?/g;

/**
 * Names the models wrote in Persian (owners, the signed-in person) as an English page says them: «آقای دکتر X» →
 * «Dr X», «آقای X» → «Mr X», «خانم X» → «Ms X»; the name itself stays as written. Unchanged for Persian pages.
 */
export function namesForReader(text: string, lang: Lang): string {
  if (lang !== "en") return text;
  return text.replace(PERSIAN_HONORIFIC, (_all, lead: string, honorific: string, title?: string) => {
    const english = title === "دکتر" ? TITLE.en.dr : honorific === "خانم" ? HONORIFIC.en.ms : HONORIFIC.en.mr;
    return `${lead}${english} `;
  });
}

/**
 * The search key of a person: the name as written in Persian and English, with honorific and title (so «آقای سیفی»
 * and «دکتر شباک» find them), organisation and position, normalised.
 */
export function personSearchKey(p: PersonName & { organisation?: string; position?: string }): string {
  const english = `${HONORIFIC.en[p.honorific]} ${formatPersonName(p, "en")}`;
  return [formatPersonName(p, "fa"), english, p.organisation ?? "", p.position ?? ""].map(searchKey).join(" ");
}
