/**
 * Matching owner labels from pasted minutes («کمیته زیر ساخت»، «دبیرخانه / کمیته ها») to bodies, groups, people and
 * outside organisations (by name or alias: «ثبت احوال»).
 */
import { normalizeForSearch, searchKey } from "./normalize";

export type OwnerKind = "body" | "group" | "person" | "organisation";
export type OwnerCandidate = { kind: OwnerKind; id: number; name: string; bodyKind?: string; aliases?: string[] };
export type ResolvedOwner = { kind: OwnerKind; id: number; label: string };
export type OwnerMatch =
  | { status: "matched"; owners: ResolvedOwner[] }
  | { status: "unmatched"; label: string; suggestions: OwnerCandidate[] };

/** Everything a resolution can be assigned to, as the owner picker offers it. */
export type OwnerOptions = {
  bodies: OwnerCandidate[];
  groups: OwnerCandidate[];
  people: OwnerCandidate[];
  organisations: OwnerCandidate[];
};

/** Every candidate of the options, in the picker's order. */
export const allCandidates = (o: OwnerOptions): OwnerCandidate[] => [
  ...o.bodies,
  ...o.groups,
  ...o.people,
  ...o.organisations,
];

/** The candidates of one owner kind. */
export function candidatesOf(o: OwnerOptions, kind: string): OwnerCandidate[] {
  if (kind === "body") return o.bodies;
  if (kind === "group") return o.groups;
  if (kind === "person") return o.people;
  if (kind === "organisation") return o.organisations;
  return [];
}

type NamesByKind = {
  bodies: Record<string, string>;
  groups: Record<string, string>;
  people: Record<string, string>;
  organisations?: Record<string, string>;
};

/** The names of one owner kind in a minutes' frozen names (editions before organisations have none of them). */
export function namesOfKind(names: NamesByKind, kind: string): Record<string, string> {
  if (kind === "body") return names.bodies;
  if (kind === "group") return names.groups;
  if (kind === "person") return names.people;
  if (kind === "organisation") return names.organisations ?? {};
  return {};
}

/** The likely kind of an outside organisation from its name, offered first when one is created from pasted minutes. */
export function guessOrganisationKind(name: string): "agency" | "province" | "municipality" | "institute" | "other" {
  const key = searchKey(name);
  if (key.includes(searchKey("شهرداری"))) return "municipality";
  if (key.includes(searchKey("استان"))) return "province";
  if (["پژوهشکده", "پژوهشگاه", "موسسه", "دانشگاه"].some((w) => key.includes(searchKey(w)))) return "institute";
  return "agency";
}

/** Splits an owner cell on «/», «،» and «,»; «و» stays, since names such as «زیرساخت و تبادل داده» hold it. */
export function splitOwners(cell: string): string[] {
  return cell
    .split(/[/،,؛;|\n]+/)
    .map((s) => s.trim())
    .filter((s) => s && !/^[-–—]+$/.test(s));
}

const STOP = new Set(["و", "ی", "های", "ها"]);
const words = (s: string) =>
  normalizeForSearch(s)
    .replace(/\u200C/g, "")
    .split(/[\s()«»"'.،,]+/)
    .filter((w) => w && !STOP.has(w));

const PLURAL_COMMITTEES = new Set(["کمیتهها", "کمیته‌ها", "همهکمیتهها"].map(searchKey));

/**
 * Resolves one owner label. Exact or word-subset matches on names (and aliases) count; an honorific before a
 * person's name is ignored. «کمیته ها» (the committees) means every active committee. Anything ambiguous or
 * unknown comes back unmatched with suggestions, for the secretary to choose.
 */
export function matchOwner(label: string, candidates: OwnerCandidate[]): OwnerMatch {
  const key = searchKey(label);
  if (PLURAL_COMMITTEES.has(key)) {
    const committees = candidates.filter((c) => c.kind === "body" && c.bodyKind === "committee");
    if (committees.length > 0)
      return { status: "matched", owners: committees.map((c) => ({ kind: c.kind, id: c.id, label })) };
  }
  const exact = candidates.filter((c) => [c.name, ...(c.aliases ?? [])].some((n) => searchKey(n) === key));
  if (exact.length === 1) return { status: "matched", owners: [{ kind: exact[0].kind, id: exact[0].id, label }] };

  const wanted = words(label).filter((w) => !["اقای", "خانم", "دکتر", "مهندس"].includes(w));
  const subset = candidates.filter((c) =>
    [c.name, ...(c.aliases ?? [])].some((n) => {
      const have = words(n);
      const compact = searchKey(n);
      return wanted.length > 0 && wanted.every((w) => have.includes(w) || compact.includes(w));
    }),
  );
  if (subset.length === 1) return { status: "matched", owners: [{ kind: subset[0].kind, id: subset[0].id, label }] };
  // «کمیته زیر ساخت» (with a space) meets «کمیته زیرساخت و تبادل داده» on the compact key.
  const compact = candidates.filter(
    (c) => searchKey(c.name).startsWith(key) || (key.length >= 6 && searchKey(c.name).includes(key)),
  );
  if (subset.length === 0 && compact.length === 1) {
    return { status: "matched", owners: [{ kind: compact[0].kind, id: compact[0].id, label }] };
  }
  const suggestions = (subset.length > 0 ? subset : compact).slice(0, 6);
  return { status: "unmatched", label, suggestions };
}
