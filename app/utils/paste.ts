/** Reading a resolutions table pasted from Word or Excel: tab-separated rows, cells possibly quoted by Excel. */

import type { OwnerDraft, ResolutionDraft } from "../schemas/minutes";
import { toAsciiDigits } from "./digits";
import { searchKey } from "./normalize";
import { matchOwner, type OwnerCandidate, splitOwners } from "./owner-match";
import { parseTimeframeText, type Timeframe, timeframeFieldsOf } from "./timeframe";

export type ColumnRole = "subject" | "owners" | "timeframe" | "ignore";

/** Splits pasted text into rows of cells; Excel quotes cells holding tabs, newlines or quotes. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.replace(/\r\n?/g, "\n");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === "\t") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ""));
}

const HEADER_WORDS: Record<Exclude<ColumnRole, "ignore">, string[]> = {
  subject: ["موضوع", "مصوبه", "شرح", "subject"],
  owners: ["متولی", "مسئول", "مسئول پیگیری", "owner", "owners"],
  timeframe: ["بازه زمانی", "مهلت", "زمان", "timeframe", "deadline"],
};

/** Column roles read from a header row, or null when the first row is not a header. */
export function detectHeader(row: string[]): ColumnRole[] | null {
  const roles = row.map((cell) => {
    const key = searchKey(cell);
    const found = (Object.keys(HEADER_WORDS) as (keyof typeof HEADER_WORDS)[]).find((role) =>
      HEADER_WORDS[role].some((w) => searchKey(w) === key),
    );
    return found ?? "ignore";
  });
  return roles.includes("subject") ? roles : null;
}

/** A guess at the roles of headerless columns: the longest column is the subject, a column of timeframes the timeframe. */
export function guessRoles(rows: string[][]): ColumnRole[] {
  const width = Math.max(...rows.map((r) => r.length));
  const avg = (i: number) => rows.reduce((s, r) => s + (r[i]?.length ?? 0), 0) / rows.length;
  const subject = [...Array(width).keys()].sort((a, b) => avg(b) - avg(a))[0];
  const timeframe = [...Array(width).keys()].find(
    (i) => i !== subject && rows.filter((r) => parseTimeframeText(r[i] ?? "") !== null).length >= rows.length * 0.6,
  );
  return [...Array(width).keys()].map((i) =>
    i === subject ? "subject" : i === timeframe ? "timeframe" : width <= 3 ? "owners" : "ignore",
  );
}

export type PastedResolution = {
  number: number | null;
  subject: string;
  ownersText: string;
  timeframeText: string;
  timeframe: Timeframe | null;
};

/** Rows of resolutions from pasted text with the given column roles (a header row, if any, is skipped). */
export function readResolutions(text: string, roles?: ColumnRole[]): { roles: ColumnRole[]; rows: PastedResolution[] } {
  const table = parseTsv(text);
  if (table.length === 0) return { roles: roles ?? [], rows: [] };
  const header = detectHeader(table[0]);
  const body = header ? table.slice(1) : table;
  const used = roles ?? header ?? guessRoles(body);
  const cellOf = (row: string[], role: ColumnRole) =>
    used
      .map((r, i) => (r === role ? (row[i] ?? "") : ""))
      .filter(Boolean)
      .join(" / ");
  const rows = body.map((row) => {
    const rawSubject = cellOf(row, "subject");
    // «۱) تهیه و ارائه …» or «1- …»: the leading number is the resolution's number in the minutes.
    const numbered = /^\s*([0-9۰-۹٠-٩]{1,3})\s*[)\-.–:]\s*/.exec(rawSubject);
    const timeframeText = cellOf(row, "timeframe");
    return {
      number: numbered ? Number(toAsciiDigits(numbered[1])) : null,
      subject: numbered ? rawSubject.slice(numbered[0].length).trim() : rawSubject.trim(),
      ownersText: cellOf(row, "owners"),
      timeframeText,
      timeframe: parseTimeframeText(timeframeText),
    };
  });
  return { roles: used, rows: rows.filter((r) => r.subject !== "") };
}

/** Turns pasted rows into resolution drafts: owners matched where they can be, flagged where they cannot. */
export function toResolutionDrafts(
  text: string,
  roles: ColumnRole[] | undefined,
  candidates: OwnerCandidate[],
  newKey: () => string,
) {
  const read = readResolutions(text, roles);
  const drafts: ResolutionDraft[] = read.rows.map((row) => ({
    key: newKey(),
    subject: row.subject,
    owners: splitOwners(row.ownersText).flatMap((label): OwnerDraft[] => {
      const m = matchOwner(label, candidates);
      return m.status === "matched" ? m.owners : [{ kind: "unmatched" as const, id: null, label }];
    }),
    ...timeframeFieldsOf(row.timeframe),
    timeframeText: row.timeframeText,
  }));
  return { roles: read.roles, drafts };
}
