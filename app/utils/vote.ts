/**
 * The vote on a resolution: unanimous («به اتفاق آراء»), a majority with its counts, or not put to a vote. One home for
 * reading the counts as typed (any digits) and for the words the minutes, the PDF and the exports print.
 */
import type { VoteKind } from "../../db/enums";
import type { ResolutionDraft } from "../schemas/minutes";
import { toAsciiDigits } from "./digits";

export type Vote = { kind: VoteKind; for: number | null; against: number | null; abstain: number | null };
/** The vote as the minutes draft holds it (typed strings). */
export type VoteDraft = NonNullable<ResolutionDraft["vote"]>;

const count = (s: string) => {
  const v = toAsciiDigits(s).trim();
  if (v === "") return null;
  return /^\d{1,4}$/.test(v) ? Number(v) : Number.NaN;
};

/** The vote as typed, or the field paths (under `vote.`) that cannot be read, as i18n keys. */
export function readVote(draft: VoteDraft | undefined): { vote: Vote | null; errors: Record<string, string> } {
  if (!draft || draft.kind === "") return { vote: null, errors: {} };
  if (draft.kind !== "majority")
    return { vote: { kind: draft.kind, for: null, against: null, abstain: null }, errors: {} };
  const errors: Record<string, string> = {};
  const [f, a, b] = [count(draft.for), count(draft.against), count(draft.abstain)];
  if (f === null || Number.isNaN(f) || f < 1) errors.for = "minutes.errors.votesFor";
  if (Number.isNaN(a)) errors.against = "minutes.errors.voteCount";
  if (Number.isNaN(b)) errors.abstain = "minutes.errors.voteCount";
  if (!errors.for && !errors.against && a !== null && (f as number) <= a) errors.for = "minutes.errors.notMajority";
  if (Object.keys(errors).length > 0) return { vote: null, errors };
  return { vote: { kind: "majority", for: f, against: a ?? 0, abstain: b ?? 0 }, errors: {} };
}

/** The vote in words (i18n key and values), e.g. «با ۷ رأی موافق، ۲ مخالف و ۱ ممتنع». */
export function voteWords(vote: Vote | null): { key: string; values: Record<string, number> } | null {
  if (!vote) return null;
  if (vote.kind === "majority")
    return {
      key: "vote.majorityCounts",
      values: { for: vote.for ?? 0, against: vote.against ?? 0, abstain: vote.abstain ?? 0 },
    };
  return { key: `vote.${vote.kind}`, values: {} };
}

/** The vote of a resolution row as the database keeps it. */
export function voteOfRow(r: {
  voteKind: VoteKind | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
}): Vote | null {
  return r.voteKind ? { kind: r.voteKind, for: r.votesFor, against: r.votesAgainst, abstain: r.votesAbstain } : null;
}

const DIGITS = "[0-9۰-۹٠-٩]{1,4}";
/** A count named by its word, either way round: «۵ موافق», «۵ رأی موافق», «موافق: ۵». */
const countOf = (line: string, word: string) => {
  const m =
    new RegExp(`(${DIGITS})\\s*(?:رای\\s*)?${word}`).exec(line) ??
    new RegExp(`${word}\\s*[:：]?\\s*(${DIGITS})`).exec(line);
  return m ? m[1] : "";
};

/**
 * A line of the minutes that records a vote, as a vote draft: «به اتفاق آراء تصویب شد», «با اکثریت آراء (۵ موافق، ۱
 * مخالف، ۱ ممتنع) تصویب شد», «با ۵ رأی موافق، ۱ مخالف و ۱ ممتنع», «رأی‌گیری نشد»; null for any other line. Counts are
 * kept in the digits they were written in (readVote reads any digits). A sentence that only mentions a vote in passing
 * is not a vote line: the line must start with the vote's words and be short.
 */
export function readVoteLine(text: string): VoteDraft | null {
  const line = text
    .normalize("NFKC")
    .replace(/[أإآ]/g, "ا")
    .replace(/[يى]/g, "ی")
    .replace(/[ءٔ]/g, "")
    .replace(/[\u200C\u00A0\s]+/g, " ")
    .replace(/^[\s\-–—•*(]+|[\s.:؛;،,)]+$/g, "")
    .trim();
  const words = line.split(" ").length;
  if (/^(?:(?:این )?مصوبه )?(?:به|با) اتفاق (?:کامل )?ارا(?:ی)?(?= |$)/.test(line) && words <= 10)
    return { kind: "unanimous", for: "", against: "", abstain: "" };
  if (
    /^(?:(?:این )?مصوبه )?(?:بدون رای ?گیری|رای ?گیری (?:نشد|انجام نشد|به عمل نیامد|صورت نگرفت))/.test(line) &&
    words <= 10
  )
    return { kind: "none", for: "", against: "", abstain: "" };
  if (new RegExp(`^(?:(?:این )?مصوبه )?با (?:اکثریت|${DIGITS} (?:رای )?موافق)`).test(line) && words <= 20)
    return {
      kind: "majority",
      for: countOf(line, "موافق"),
      against: countOf(line, "مخالف"),
      abstain: countOf(line, "ممتنع"),
    };
  return null;
}
