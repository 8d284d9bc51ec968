/**
 * The vote on a resolution: unanimous («به اتفاق آراء»), a majority with its counts, or not put to a vote. One home for
 * reading the counts as typed (any digits) and for the words the minutes, the PDF and the exports print.
 */
import type { VoteKind } from "../../db/enums";
import type { ResolutionDraft } from "../schemas/minutes";
import { toAsciiDigits } from "./digits";

export type Vote = { kind: VoteKind; for: number | null; against: number | null; abstain: number | null };
type Draft = NonNullable<ResolutionDraft["vote"]>;

const count = (s: string) => {
  const v = toAsciiDigits(s).trim();
  if (v === "") return null;
  return /^\d{1,4}$/.test(v) ? Number(v) : Number.NaN;
};

/** The vote as typed, or the field paths (under `vote.`) that cannot be read, as i18n keys. */
export function readVote(draft: Draft | undefined): { vote: Vote | null; errors: Record<string, string> } {
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
