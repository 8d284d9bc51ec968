/** Reading a resolutions table pasted from Word or Excel: tab-separated rows, cells possibly quoted by Excel. */

import type { OwnerDraft, ResolutionDraft } from "../schemas/minutes";
import { toAsciiDigits } from "./digits";
import { searchKey } from "./normalize";
import { matchOwner, type OwnerCandidate, splitOwners } from "./owner-match";
import { parseTimeframeText, type Timeframe, timeframeFieldsOf } from "./timeframe";
import { readVoteLine, type VoteDraft } from "./vote";

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
  // Continuation lines (one cell, or only the subject) say nothing about the columns.
  const full = rows.filter((r) => r.filter(Boolean).length > 1);
  const sample = full.length > 0 ? full : rows;
  const avg = (i: number) => sample.reduce((s, r) => s + (r[i]?.length ?? 0), 0) / sample.length;
  const subject = [...Array(width).keys()].sort((a, b) => avg(b) - avg(a))[0];
  // An empty cell reads as standing, so only written cells count: a column of nothing is not a timeframe column.
  const timeframe = [...Array(width).keys()].find(
    (i) =>
      i !== subject &&
      sample.filter((r) => (r[i] ?? "") !== "" && parseTimeframeText(r[i]) !== null).length >= sample.length * 0.6,
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
  /** The timeframe read from its cell; null when it cannot be read or the table has no timeframe column. */
  timeframe: Timeframe | null;
  /** The vote a line under the resolution recorded («به اتفاق آراء تصویب شد»), if any. */
  vote?: VoteDraft;
};

/** «۱) تهیه و ارائه …», «1- …», «۱۲. …»: a number opening a line. */
const LEADING_NUMBER = /^\s*([0-9۰-۹٠-٩]{1,3})\s*[)\-.–:]\s*/;
/** «توضیح: …», «یادداشت: …»: a note under a resolution, kept in its text on its own line. */
const NOTE_LINE = /^\s*(?:توضیح|یادداشت|توضیحات)\s*[:：]/;

const leadingNumber = (line: string) => {
  const m = LEADING_NUMBER.exec(line);
  return m ? Number(toAsciiDigits(m[1])) : null;
};

/**
 * Rows of resolutions from pasted text with the given column roles (a header row, if any, is skipped).
 *
 * A table from Word arrives with a multi-line cell split over several lines: the continuation lines have no tab, or
 * text only in the subject column. Such a line joins the resolution above it, unless it opens with the number that
 * continues the table's numbering (after ۵, «۶) …» is the next resolution; «۱) …», «۲) …» are a quoted letter's own
 * items and stay in the text). A line recording the vote («به اتفاق آراء تصویب شد», «رأی‌گیری نشد») sets the
 * resolution's vote instead of becoming text; a note («توضیح: …») stays in the text on its own line. A line with text
 * only outside the subject (a multi-line owners cell) adds to the resolution's owners or timeframe.
 */
export function readResolutions(
  text: string,
  roles?: ColumnRole[],
): { roles: ColumnRole[]; hasTimeframe: boolean; rows: PastedResolution[] } {
  const table = parseTsv(text);
  if (table.length === 0) return { roles: roles ?? [], hasTimeframe: false, rows: [] };
  const header = detectHeader(table[0]);
  const body = header ? table.slice(1) : table;
  const used = roles ?? header ?? guessRoles(body);
  const hasTimeframe = used.includes("timeframe");
  const tabbed = table.some((r) => r.length > 1);
  const cellOf = (row: string[], role: ColumnRole) =>
    used
      .map((r, i) => (r === role ? (row[i] ?? "") : ""))
      .filter(Boolean)
      .join(" / ");

  const rows: PastedResolution[] = [];
  let current: PastedResolution | null = null;
  /** The last number of a quoted letter's own items inside the current resolution, while there is one. */
  let inner: number | null = null;

  const setTimeframe = (r: PastedResolution, timeframeText: string) => {
    r.timeframeText = timeframeText;
    r.timeframe = hasTimeframe ? parseTimeframeText(timeframeText) : null;
  };
  /** Whether a line opening with this number starts the next resolution rather than continuing the current one. */
  const startsNext = (r: PastedResolution, n: number | null) => {
    if (n === null) return false;
    if (inner !== null && n === inner + 1) return false;
    return r.number !== null && n === r.number + 1;
  };
  /** A line under the current resolution: its vote, a note, or more of its text. */
  const attach = (r: PastedResolution, line: string) => {
    const vote = readVoteLine(line);
    if (vote) {
      r.vote = vote;
      return;
    }
    if (!NOTE_LINE.test(line)) {
      const n = leadingNumber(line);
      if (n !== null) inner = n;
    }
    r.subject = r.subject ? `${r.subject}\n${line}` : line;
  };
  const start = (subjectCell: string, ownersText: string, timeframeText: string) => {
    const [first, ...more] = subjectCell.split("\n").map((l) => l.trim());
    const numbered = LEADING_NUMBER.exec(first);
    const r: PastedResolution = {
      number: numbered ? Number(toAsciiDigits(numbered[1])) : null,
      subject: numbered ? first.slice(numbered[0].length).trim() : first,
      ownersText,
      timeframeText: "",
      timeframe: null,
    };
    setTimeframe(r, timeframeText);
    inner = null;
    rows.push(r);
    current = r;
    // An Excel cell keeps its lines: the lines after the first are read as lines under the resolution.
    for (const line of more.filter(Boolean)) attach(r, line);
  };

  for (const row of body) {
    const subjectCell = row.length === 1 ? row[0] : cellOf(row, "subject");
    const restEmpty = row.length === 1 || row.every((c, i) => used[i] === "subject" || c === "");
    const r = current as PastedResolution | null;
    if (r && restEmpty) {
      const lines = subjectCell.split("\n").map((l) => l.trim());
      const opensNext = startsNext(r, leadingNumber(lines[0]));
      // Without tabs anywhere and without numbers, every line is a resolution of its own (a plain list).
      const joins = tabbed || r.number !== null;
      if (!opensNext && (joins || readVoteLine(lines[0]) || NOTE_LINE.test(lines[0]))) {
        for (const line of lines.filter(Boolean)) attach(r, line);
        continue;
      }
    }
    if (r && subjectCell === "") {
      // A multi-line owners or timeframe cell from Word: its later lines belong to the row above.
      const owners = cellOf(row, "owners");
      const timeframe = cellOf(row, "timeframe");
      if (owners) r.ownersText = r.ownersText ? `${r.ownersText} / ${owners}` : owners;
      if (timeframe) setTimeframe(r, r.timeframeText ? `${r.timeframeText} ${timeframe}` : timeframe);
      continue;
    }
    start(subjectCell, cellOf(row, "owners"), cellOf(row, "timeframe"));
  }
  return { roles: used, hasTimeframe, rows: rows.filter((r) => r.subject !== "") };
}

/**
 * What the rows' timeframe is when the table has no timeframe column: the user says so in the paste dialog, since a
 * table without one is never taken to mean «all standing». `later` leaves it unchosen, so finalising asks per row.
 */
export type MissingTimeframe = "standing" | "later";

/** Turns pasted rows into resolution drafts: owners matched where they can be, flagged where they cannot. */
export function toResolutionDrafts(
  text: string,
  roles: ColumnRole[] | undefined,
  candidates: OwnerCandidate[],
  newKey: () => string,
  missingTimeframe?: MissingTimeframe,
) {
  const read = readResolutions(text, roles);
  const timeframeOf = (row: PastedResolution): Timeframe | null =>
    read.hasTimeframe ? row.timeframe : missingTimeframe === "standing" ? { kind: "standing" } : null;
  const drafts: ResolutionDraft[] = read.rows.map((row) => ({
    key: newKey(),
    subject: row.subject,
    owners: splitOwners(row.ownersText).flatMap((label): OwnerDraft[] => {
      const m = matchOwner(label, candidates);
      return m.status === "matched" ? m.owners : [{ kind: "unmatched" as const, id: null, label }];
    }),
    ...timeframeFieldsOf(timeframeOf(row)),
    timeframeText: row.timeframeText,
    ...(row.vote ? { vote: row.vote } : {}),
  }));
  return { roles: read.roles, hasTimeframe: read.hasTimeframe, drafts };
}
