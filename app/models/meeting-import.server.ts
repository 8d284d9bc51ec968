/**
 * Importing past minutes from Word (.docx). mammoth turns the file into HTML (paragraphs, headings, lists and real
 * tables); its output is read back into blocks, and the blocks into a proposed draft: header, agenda, summary,
 * committee reports, resolutions, attendance, guests, next agenda and date. What is uncertain is flagged for the
 * person to review beside the original text; what was not mapped is kept in a «متن دیگر» block, so nothing of the
 * file is lost. A two-digit year («۰۳/۰۵/۱۲») is asked, never guessed. Drafts of several files are created in date
 * order with the numbers the files give, and each file is kept as a document of its meeting.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import mammoth from "mammoth";
import { meetings } from "../../db/schema";
import { type MinutesDoc, minutesDocSchema, type OwnerDraft, type ResolutionDraft } from "../schemas/minutes";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { toAsciiDigits } from "../utils/digits";
import { parseJalaliInput, parseTime } from "../utils/jalali";
import { searchKey } from "../utils/normalize";
import { matchOwner, type OwnerCandidate, splitOwners } from "../utils/owner-match";
import { asRuleViolation } from "../utils/rules";
import { parseTimeframeText, timeframeFieldsOf } from "../utils/timeframe";
import { canEditMinutesOf, requireAllowed, type Scope } from "./access.server";
import type { Actor } from "./audit.server";
import { type CheckedFile, checkFiles, insertDocuments, UploadRefused } from "./documents.server";
import { insertMeeting } from "./meetings.server";
import { getOwnerOptions } from "./owner-options.server";

// ---------- reading the file ----------

export type Block =
  | { kind: "para"; text: string; heading: boolean; bold: boolean; listItem: boolean }
  | { kind: "table"; rows: string[][] };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
const clean = (s: string) => s.replace(/[ \t\u00a0]+/g, " ").trim();

/**
 * Blocks from mammoth's HTML. mammoth writes well-formed, escaped HTML from a closed set of tags (p, h1–h6, ul/ol/li,
 * table/tr/td/th, strong, em, a, br, img, sup/sub), so a tag stack reads it exactly; a cell's paragraphs become its
 * lines, a nested table's cells are read as lines of its cell.
 */
export function blocksOfHtml(html: string): Block[] {
  const blocks: Block[] = [];
  const stack: string[] = [];
  let text = "";
  let boldChars = 0;
  let table: string[][] | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let tableDepth = 0;
  const inside = (tag: string) => stack.includes(tag);
  const flushPara = (heading: boolean, listItem = inside("li")) => {
    const t = clean(text);
    if (cell) {
      if (t) cell.push(t);
    } else if (t) {
      blocks.push({
        kind: "para",
        text: t,
        heading,
        bold: boldChars >= t.replace(/\s/g, "").length && t.length > 0,
        listItem,
      });
    }
    text = "";
    boldChars = 0;
  };
  const re = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      text += t;
      if (inside("strong") || inside("b")) boldChars += t.replace(/\s/g, "").length;
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    const selfClosing = m[3].trim().endsWith("/") || tag === "br" || tag === "img";
    if (selfClosing) {
      if (tag === "br") text += "\n";
      continue;
    }
    if (!closing) {
      if (tag === "table") {
        tableDepth++;
        if (tableDepth === 1) table = [];
      } else if (tag === "tr" && tableDepth === 1) row = [];
      else if ((tag === "td" || tag === "th") && tableDepth === 1) cell = [];
      else if (tag === "li" && text.trim()) flushPara(false);
      stack.push(tag);
      continue;
    }
    const inItem = inside("li");
    const at = stack.lastIndexOf(tag);
    if (at >= 0) stack.splice(at);
    if (/^(p|h[1-6]|li)$/.test(tag)) flushPara(/^h[1-6]$/.test(tag), inItem);
    else if ((tag === "td" || tag === "th") && tableDepth === 1 && row && cell) {
      flushPara(false);
      row.push(cell.join("\n"));
      cell = null;
    } else if (tag === "tr" && tableDepth === 1 && table && row) {
      table.push(row);
      row = null;
    } else if (tag === "table") {
      tableDepth--;
      if (tableDepth === 0 && table) {
        const rows = table.filter((r) => r.some((c) => c.trim()));
        if (rows.length) blocks.push({ kind: "table", rows });
        table = null;
      }
    }
  }
  flushPara(false);
  return blocks;
}

/**
 * Word marks bold Persian text as bold for complex scripts (`w:bCs`), which mammoth does not read: such runs are
 * made plain bold before converting, so a bold section line in a Persian file reads as one.
 */
function withComplexScriptBold(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const xml = files["word/document.xml"];
  if (!xml) return bytes;
  const text = strFromU8(xml);
  const fixed = text.replace(
    /<w:rPr>((?:(?!<\/w:rPr>).)*?)<w:bCs(?: w:val="(?:true|1|on)")?\/>/g,
    (all, before: string) => (/<w:b(?: [^>]*)?\/>/.test(before) ? all : `<w:rPr>${before}<w:b/><w:bCs/>`),
  );
  if (fixed === text) return bytes;
  return zipSync({ ...files, "word/document.xml": strToU8(fixed) });
}

/** The blocks of a .docx file (already checked to be one). */
export async function readDocx(bytes: Uint8Array): Promise<Block[]> {
  const buffer = Buffer.from(withComplexScriptBold(bytes));
  const { value } = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: true });
  return blocksOfHtml(value);
}

// ---------- the proposal ----------

/** A Jalali date as the file wrote it: read, or asked (a two-digit year), or unreadable. */
export type ImportedDate = {
  text: string;
  /** Read with a four-digit year (YYYY/MM/DD as typed back into the draft). */
  value: string;
  /** A two-digit year: the person picks the century; the candidates are the draft's date text for each. */
  choices: string[];
};

export type AttendanceRow = { name: string; substitute: string; time: string; personId: number | null };

export type ImportProposal = {
  bodyText: string;
  bodyId: number | null;
  number: number | null;
  date: ImportedDate | null;
  startTime: string;
  endTime: string;
  place: string;
  agenda: { key: string; title: string; discussion: string }[];
  summary: string;
  reports: { key: string; agendaKey: string; title: string; bodyId: number | null; text: string }[];
  resolutions: ResolutionDraft[];
  attendance: AttendanceRow[];
  guests: { name: string; time: string }[];
  nextAgenda: string[];
  nextDate: ImportedDate | null;
  nextTime: string;
  /** Text of the file not mapped to any field: kept as «متن دیگر». */
  other: string[];
  /** Fields to review, by name (`date`, `bodyId`, `resolutions.3.owners`, `attendance.2`), as i18n keys. */
  flags: Record<string, string>;
  /** The file's text block by block, for reading beside the proposal. */
  original: string[];
};

type Section =
  | "header"
  | "agenda"
  | "summary"
  | "item"
  | "report"
  | "resolutions"
  | "attendance"
  | "guests"
  | "nextAgenda"
  | "nextDate"
  | "other";

const key = (s: string) => searchKey(s.replace(/[:：.\s]+$/g, ""));
const LABELS: [Section, RegExp][] = [
  ["nextAgenda", /^دستور(جلسه|کار)(جلسه)?(اینده|بعد|بعدی)$/],
  ["nextDate", /^(زمان|تاریخ|زمانوتاریخ)?(برگزاری)?جلسه(اینده|بعد|بعدی)$/],
  ["agenda", /^دستور(جلسه|کار|اتجلسه)$/],
  ["summary", /^(خلاصه|شرح|مشروح|گزارش)(مذاکرات|جلسه)$/],
  ["resolutions", /^(مصوبات|تصمیمات|تصمیماتومصوبات)(جلسه)?$/],
  ["attendance", /^(حاضرین|حاضران|اعضایحاضر|اعضایحاضردرجلسه|حضوروغیاب|اسامیحاضرین)(درجلسه)?$/],
  ["guests", /^(مدعوین|میهمانان|مهمانان|سایرحاضرین)$/],
];
const ORDINALS = ["اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم"];
const ITEM_HEADING = /^دستور\s*(?:کار\s*)?(اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|\d{1,2})\s*[:：\-–]\s*(.*)$/;
const REPORT_HEADING =
  /^گزارش\s*(?:اقدامات\s*)?(?:انجام\s*شده\s*)?(?:توسط\s*)?((?:کمیته|کارگروه|شورای|دبیرخانه)\s*.+)$/;
const NUMBERED = /^\s*(?:[0-9۰-۹]{1,2}|[الف-ی]|[a-z])\s*[-–.)]\s+/;
const DATE_IN_TEXT = /([0-9۰-۹]{1,4})\s*[/\-.]\s*([0-9۰-۹]{1,2})\s*[/\-.]\s*([0-9۰-۹]{1,4})/;
const TIME_TEXT = "[0-9۰-۹]{1,2}(?:\\s*[:.٫]\\s*[0-9۰-۹]{2})?";
const TIME_IN_TEXT = new RegExp(`ساعت\\s*[:：]?\\s*(${TIME_TEXT})(?:\\s*(?:تا|الی|–|-)\\s*(${TIME_TEXT}))?`);

function labelOf(block: Block): Section | null {
  if (block.kind !== "para" || block.text.length > 60) return null;
  const k = key(block.text);
  return LABELS.find(([, re]) => re.test(k))?.[0] ?? null;
}

/** A date read from text: four-digit years as the draft's date, two-digit years as a question with both centuries. */
export function readImportedDate(text: string): ImportedDate | null {
  const m = DATE_IN_TEXT.exec(text);
  if (!m) return null;
  const [a, mm, c] = [m[1], m[2], m[3]].map(toAsciiDigits);
  if (a.length === 4 || c.length === 4) {
    const parsed = parseJalaliInput(`${a}/${mm}/${c}`);
    if (!parsed.ok) return { text: m[0], value: "", choices: [] };
    const { jy, jm, jd } = parsed.jalali;
    return { text: m[0], value: `${jy}/${String(jm).padStart(2, "0")}/${String(jd).padStart(2, "0")}`, choices: [] };
  }
  if (a.length === 2 && c.length <= 2) {
    // «۰۳/۰۵/۱۲»: 1303 or 1403 — which one only the person knows.
    const choices = ["13", "14"]
      .map((century) => parseJalaliInput(`${century}${a}/${mm}/${c}`))
      .filter((d): d is Extract<typeof d, { ok: true }> => d.ok)
      .map(({ jalali: { jy, jm, jd } }) => `${jy}/${String(jm).padStart(2, "0")}/${String(jd).padStart(2, "0")}`);
    return { text: m[0], value: "", choices };
  }
  return { text: m[0], value: "", choices: [] };
}

const timeOf = (text: string) => {
  const t = parseTime(text.replace(/٫/g, ":").replace(/\s+/g, ""));
  return t ?? "";
};

/** The candidate whose name shows earliest in the text (longest first on a tie): «صورتجلسه شورای … ستاد …». */
function findBody(text: string, bodies: OwnerCandidate[]): { id: number | null; sure: boolean } {
  const hay = searchKey(text);
  const found = bodies
    .map((b) => ({ b, at: hay.indexOf(searchKey(b.name)) }))
    .filter((x) => x.at >= 0)
    .sort((x, y) => x.at - y.at || searchKey(y.b.name).length - searchKey(x.b.name).length);
  if (found.length) return { id: found[0].b.id, sure: true };
  const m = matchOwner(text, bodies);
  return m.status === "matched" ? { id: m.owners[0].id, sure: false } : { id: null, sure: false };
}

type ColumnRole = "number" | "subject" | "owners" | "timeframe" | "name" | "substitute" | "time" | "timeOut" | "other";

/** A header cell's role, by its words, whatever the column order. */
function roleOf(header: string): ColumnRole {
  const k = searchKey(header);
  const has = (...words: string[]) => words.some((w) => k.includes(searchKey(w)));
  if (/^(ردیف|شماره|#|no)$/.test(k) || /^(ردیف|شماره)(مصوبه|بند|تصمیم)$/.test(k)) return "number";
  if (has("جانشین", "نماینده", "به نیابت")) return "substitute";
  if (has("ساعت خروج", "خروج")) return "timeOut";
  if (has("ساعت ورود", "ورود", "ساعت حضور", "زمان حضور", "زمان ورود")) return "time";
  if (has("مسئول", "مسؤول", "متولی", "مجری", "اقدام کننده", "پیگیری")) return "owners";
  // «زمان» as the header's first word only: «سازمان» holds it too.
  if (has("مهلت", "بازه", "موعد") || k.startsWith(searchKey("زمان"))) return "timeframe";
  if (has("موضوع", "مصوبه", "شرح", "متن", "عنوان")) return "subject";
  if (has("نام", "اعضا", "حاضرین", "حاضران")) return "name";
  return "other";
}

const _isNumberCell = (s: string) => /^[0-9۰-۹]{1,3}[-.)]?$/.test(s.trim());
const _stripNumber = (s: string) => s.replace(/^\s*[0-9۰-۹]{1,3}\s*[)\-.–:]\s*/, "").trim();

const GRID_NAMES = /^(اعضا|اعضاء|حاضرین|حاضران|نام)$/;
const GRID_SUBSTITUTES = /^(نماینده|جانشین)$/;
const GRID_TIMES = /^(زمان|ساعت|ساعتحضور)$/;
const GRID_GUESTS = /^(سایرحاضرین|مدعوین|میهمانان)$/;

/** Reads a file's blocks into a proposed draft. `bodies` and `people` are what names are matched against. */
export function proposeDraft(
  blocks: Block[],
  candidates: { bodies: OwnerCandidate[]; people: OwnerCandidate[]; owners: OwnerCandidate[] },
): ImportProposal {
  const p: ImportProposal = {
    bodyText: "",
    bodyId: null,
    number: null,
    date: null,
    startTime: "",
    endTime: "",
    place: "",
    agenda: [],
    summary: "",
    reports: [],
    resolutions: [],
    attendance: [],
    guests: [],
    nextAgenda: [],
    nextDate: null,
    nextTime: "",
    other: [],
    flags: {},
    original: blocks.map((b) => (b.kind === "para" ? b.text : b.rows.map((r) => r.join(" | ")).join("\n"))),
  };
  const summary: string[] = [];
  let section: Section = "header";
  let item: ImportProposal["agenda"][number] | null = null;
  let report: ImportProposal["reports"][number] | null = null;
  const addTo = (target: { discussion: string } | { text: string }, text: string) => {
    if ("discussion" in target) target.discussion = target.discussion ? `${target.discussion}\n${text}` : text;
    else target.text = target.text ? `${target.text}\n${text}` : text;
  };

  const readHeaderLine = (text: string): boolean => {
    let used = false;
    const number = /(?:شماره\s*(?:جلسه)?|جلسه\s*(?:شماره)?)\s*[:：]?\s*([0-9۰-۹]{1,4})(?![0-9۰-۹/])/.exec(text);
    if (number && p.number === null) {
      p.number = Number(toAsciiDigits(number[1]));
      used = true;
    }
    if (/تاریخ/.test(text) || (!p.date && DATE_IN_TEXT.test(text) && text.length < 60)) {
      const date = readImportedDate(text);
      if (date && !p.date) {
        p.date = date;
        used = true;
      }
    }
    const time = TIME_IN_TEXT.exec(text);
    if (time && !p.startTime) {
      p.startTime = timeOf(time[1]);
      p.endTime = time[2] ? timeOf(time[2]) : "";
      used = true;
    }
    const place = /(?:محل\s*(?:برگزاری)?\s*(?:جلسه)?|مکان\s*(?:جلسه)?)\s*[:：]\s*(.+)$/.exec(text);
    if (place && !p.place) {
      p.place = place[1].trim();
      used = true;
    }
    if (!p.bodyText && (/صورت\s*\u200c?\s*جلسه/.test(text) || findBody(text, candidates.bodies).id)) {
      const found = findBody(text, candidates.bodies);
      if (found.id || /صورت\s*\u200c?\s*جلسه/.test(text)) {
        p.bodyText = text;
        p.bodyId = found.id;
        if (!found.sure) p.flags.bodyId = "import.flags.body";
        used = true;
      }
    }
    return used;
  };

  const readResolutionsTable = (rows: string[][]): boolean => {
    const roles = rows[0].map(roleOf);
    if (!roles.includes("subject") || !(roles.includes("owners") || roles.includes("timeframe"))) return false;
    const cellOf = (row: string[], role: ColumnRole) =>
      roles
        .map((r, i) => (r === role ? (row[i] ?? "").trim() : ""))
        .filter(Boolean)
        .join(" / ");
    for (const row of rows.slice(1)) {
      const subjectCell = cellOf(row, "subject");
      if (!subjectCell) {
        if (row.some((c) => c.trim())) p.other.push(row.filter(Boolean).join(" | "));
        continue;
      }
      const i = p.resolutions.length;
      const numberCell = cellOf(row, "number");
      const numbered = /^\s*([0-9۰-۹]{1,3})\s*[)\-.–:]\s*/.exec(subjectCell);
      const number = numberCell
        ? Number(toAsciiDigits(numberCell).replace(/[^0-9]/g, ""))
        : numbered
          ? Number(toAsciiDigits(numbered[1]))
          : null;
      const ownersText = cellOf(row, "owners");
      const timeframeText = cellOf(row, "timeframe");
      const timeframe = roles.includes("timeframe") ? parseTimeframeText(timeframeText) : null;
      const owners = splitOwners(ownersText).flatMap((label): OwnerDraft[] => {
        const m = matchOwner(label, candidates.owners);
        return m.status === "matched" ? m.owners : [{ kind: "unmatched" as const, id: null, label }];
      });
      if (owners.some((o) => o.kind === "unmatched") || owners.length === 0)
        p.flags[`resolutions.${i}.owners`] = "import.flags.owner";
      if (!timeframe) p.flags[`resolutions.${i}.timeframe`] = "import.flags.timeframe";
      p.resolutions.push({
        key: randomUUID(),
        number: Number.isInteger(number) && number ? number : undefined,
        subject: numbered ? subjectCell.slice(numbered[0].length).trim() : subjectCell,
        owners,
        ...timeframeFieldsOf(timeframe),
        timeframeText,
      });
      roles.forEach((r, j) => {
        if (r === "other" && row[j]?.trim()) p.other.push(`${rows[0][j]}: ${row[j].trim()}`);
      });
    }
    return true;
  };

  const addAttendee = (name: string, substitute: string, time: string) => {
    const cleanName = name.trim();
    if (!cleanName) return;
    const m = matchOwner(cleanName, candidates.people);
    const personId = m.status === "matched" ? m.owners[0].id : null;
    if (personId === null) p.flags[`attendance.${p.attendance.length}`] = "import.flags.person";
    p.attendance.push({ name: cleanName, substitute: substitute.trim(), time: time.trim(), personId });
  };

  const readAttendanceTable = (rows: string[][]): boolean => {
    // The office grid: a row of names, then a row of substitutes and a row of times, the label at either end.
    const labelAt = (row: string[]) => {
      const first = key(row[0] ?? "");
      const last = key(row[row.length - 1] ?? "");
      const test = (k: string) =>
        GRID_NAMES.test(k) || GRID_SUBSTITUTES.test(k) || GRID_TIMES.test(k) || GRID_GUESTS.test(k);
      return test(first) ? 0 : test(last) ? row.length - 1 : -1;
    };
    if (rows.every((r) => labelAt(r) >= 0)) {
      let names: { name: string; col: number; guest: boolean }[] = [];
      let substitutes: Map<number, string> = new Map();
      let times: Map<number, string> = new Map();
      const flush = () => {
        for (const n of names) {
          if (n.guest) p.guests.push({ name: n.name, time: times.get(n.col) ?? "" });
          else addAttendee(n.name, substitutes.get(n.col) ?? "", times.get(n.col) ?? "");
        }
        names = [];
        substitutes = new Map();
        times = new Map();
      };
      for (const row of rows) {
        const at = labelAt(row);
        const label = key(row[at]);
        const cells = row.map((c, col) => ({ c: c.trim(), col })).filter((x) => x.col !== at);
        if (GRID_NAMES.test(label) || GRID_GUESTS.test(label)) {
          flush();
          names = cells.filter((x) => x.c).map((x) => ({ name: x.c, col: x.col, guest: GRID_GUESTS.test(label) }));
        } else if (GRID_SUBSTITUTES.test(label)) {
          substitutes = new Map(cells.filter((x) => x.c).map((x) => [x.col, x.c]));
        } else {
          times = new Map(cells.filter((x) => x.c).map((x) => [x.col, x.c]));
        }
      }
      flush();
      return true;
    }
    const roles = rows[0].map(roleOf);
    if (!roles.includes("name")) return false;
    const cellOf = (row: string[], role: ColumnRole) =>
      roles
        .map((r, i) => (r === role ? (row[i] ?? "").trim() : ""))
        .filter(Boolean)
        .join(" ");
    for (const row of rows.slice(1)) {
      const name = cellOf(row, "name");
      if (!name) continue;
      const timeIn = cellOf(row, "time");
      const timeOut = cellOf(row, "timeOut");
      addAttendee(name, cellOf(row, "substitute"), timeOut ? `${timeIn} تا ${timeOut}` : timeIn);
      roles.forEach((r, j) => {
        if (r === "other" && row[j]?.trim()) p.other.push(`${name} — ${rows[0][j]}: ${row[j].trim()}`);
      });
    }
    return true;
  };

  for (const block of blocks) {
    if (block.kind === "table") {
      const read = (section !== "attendance" && readResolutionsTable(block.rows)) || readAttendanceTable(block.rows);
      if (!read) p.other.push(block.rows.map((r) => r.join(" | ")).join("\n"));
      continue;
    }
    const text = block.text;
    const label = labelOf(block);
    // «تاریخ جلسه بعد: ۰۳/۰۵/۲۶» and «زمان جلسه: دوشنبه ۱۴۰۰/۲/۶» carry the label and the value on one line.
    const [head, ...rest] = text.split(/[:：]/);
    const inlineLabel = rest.length && head.length < 40 ? labelOf({ ...block, text: head }) : null;
    if (label || (inlineLabel && rest.join(":").trim())) {
      section = (label ?? inlineLabel) as Section;
      item = null;
      report = null;
      if (!label) {
        const value = rest.join(":").trim();
        if (section === "nextDate") {
          p.nextDate = readImportedDate(value);
          const time = TIME_IN_TEXT.exec(value);
          if (time) p.nextTime = timeOf(time[1]);
          if (!p.nextDate) p.other.push(text);
        } else if (section === "agenda" || section === "nextAgenda") {
          if (section === "agenda") p.agenda.push({ key: randomUUID(), title: value, discussion: "" });
          else p.nextAgenda.push(value);
        } else p.other.push(text);
      }
      continue;
    }
    const itemHeading = ITEM_HEADING.exec(text);
    if (itemHeading && (block.heading || block.bold || text.length < 200)) {
      const ordinal = ORDINALS.indexOf(itemHeading[1]);
      const index = ordinal >= 0 ? ordinal : Number(toAsciiDigits(itemHeading[1])) - 1;
      const title = itemHeading[2].trim();
      // «دستور اول: …» is the first item of the agenda (whose words it repeats), or one the agenda did not list.
      const same = (a: string, b: string) => {
        const [x, y] = [searchKey(a).slice(0, 40), searchKey(b).slice(0, 40)];
        return (
          x.length > 4 &&
          y.length > 4 &&
          (x.includes(y) || y.includes(x) || searchKey(a).includes(y) || searchKey(b).includes(x))
        );
      };
      const byTitle = p.agenda.find((a) => title && same(a.title, title));
      const listed = p.agenda.filter((a) => !/بیانات|تلاوت/.test(a.title));
      item = byTitle ?? listed[index] ?? null;
      if (!item) {
        item = { key: randomUUID(), title: title || text, discussion: "" };
        p.agenda.push(item);
      } else if (title && searchKey(item.title) !== searchKey(title)) addTo(item, text);
      section = "item";
      report = null;
      continue;
    }
    const reportHeading = REPORT_HEADING.exec(text);
    if (reportHeading && (block.heading || block.bold) && text.length < 120) {
      const found = findBody(reportHeading[1], candidates.bodies);
      const m = found.id ? null : matchOwner(reportHeading[1], candidates.bodies);
      const bodyId = found.id ?? (m?.status === "matched" ? m.owners[0].id : null);
      report = { key: randomUUID(), agendaKey: item?.key ?? "", title: text, bodyId, text: "" };
      if (!bodyId) p.flags[`reports.${p.reports.length}.bodyId`] = "import.flags.reportBody";
      p.reports.push(report);
      section = "report";
      continue;
    }
    switch (section) {
      case "header":
        if (!readHeaderLine(text)) p.other.push(text);
        break;
      case "agenda":
        if (block.listItem || NUMBERED.test(text))
          p.agenda.push({ key: randomUUID(), title: text.replace(NUMBERED, "").trim(), discussion: "" });
        else p.other.push(text);
        break;
      case "nextAgenda":
        if (block.listItem || NUMBERED.test(text)) p.nextAgenda.push(text.replace(NUMBERED, "").trim());
        else p.other.push(text);
        break;
      case "nextDate": {
        const date = readImportedDate(text);
        if (date && !p.nextDate) {
          p.nextDate = date;
          const time =
            TIME_IN_TEXT.exec(text) ?? /([0-9۰-۹]{1,2}(?::[0-9۰-۹]{2})?)\s*$/.exec(text.replace(DATE_IN_TEXT, ""));
          if (time) p.nextTime = timeOf(time[1]);
        } else p.other.push(text);
        break;
      }
      case "summary":
        summary.push(text);
        break;
      case "item":
        if (item) addTo(item, text);
        break;
      case "report":
        if (report) addTo(report, text);
        break;
      case "guests":
        p.guests.push({ name: text.replace(NUMBERED, "").trim(), time: "" });
        break;
      case "attendance":
        if ((block.listItem || NUMBERED.test(text)) && !/[:：]/.test(text))
          addAttendee(text.replace(NUMBERED, ""), "", "");
        else p.other.push(text);
        break;
      default:
        p.other.push(text);
    }
  }
  p.summary = summary.join("\n\n");
  if (!p.bodyId) p.flags.bodyId = "import.flags.body";
  if (p.number === null) p.flags.number = "import.flags.number";
  if (!p.date?.value) p.flags.date = p.date?.choices.length ? "import.flags.twoDigitYear" : "import.flags.date";
  if (p.nextDate && !p.nextDate.value)
    p.flags.nextDate = p.nextDate.choices.length ? "import.flags.twoDigitYear" : "import.flags.date";
  if (p.agenda.length === 0) p.flags.agenda = "import.flags.agenda";
  return p;
}

/** Everything a file's text may be matched against. */
function importCandidates() {
  const options = getOwnerOptions();
  return {
    bodies: options.bodies,
    people: options.people,
    owners: [...options.bodies, ...options.groups, ...options.people, ...options.organisations],
  };
}

export type ReadFile = { name: string; proposal: ImportProposal; file: CheckedFile };

/** Every uploaded file checked (a real .docx, by its bytes) and read into a proposal; nothing is written. */
export async function readImportFiles(files: { name: string; bytes: Uint8Array }[]): Promise<ReadFile[]> {
  if (files.length === 0) throw new UploadRefused("empty", "");
  const checked = checkFiles(files);
  const wrong = checked.find((f) => f.type !== "docx");
  if (wrong) throw new UploadRefused("type", wrong.name);
  const candidates = importCandidates();
  const read: ReadFile[] = [];
  for (const file of checked) {
    let blocks: Block[];
    try {
      blocks = await readDocx(file.bytes);
    } catch {
      throw new UploadRefused("type", file.name);
    }
    read.push({ name: file.name, proposal: proposeDraft(blocks, candidates), file });
  }
  return read;
}

// ---------- creating the drafts ----------

/** What the person confirmed for one file: its body, number and (for a two-digit year) the dates. */
export type ImportAnswers = {
  bodyId: number | null;
  number: number | null;
  date: string;
  nextDate: string;
  /** The person has seen that the body already has a meeting on that day and wants this one too. */
  allowSameDay?: boolean;
};

export class ImportRefused extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("import refused");
  }
}

/** The questions a file's proposal still has with these answers, by field (`0.date`), as i18n keys. */
export function importErrors(read: ReadFile[], answers: ImportAnswers[]): Record<string, string> {
  const errors: Record<string, string> = {};
  read.forEach((r, i) => {
    const a = answers[i];
    if (!a?.bodyId) errors[`${i}.bodyId`] = "validation.choose";
    if (!a?.number || a.number < 1) errors[`${i}.number`] = "import.errors.number";
    const date = parseJalaliInput(a?.date ?? "");
    if (!date.ok)
      errors[`${i}.date`] = r.proposal.date?.choices.length ? "import.errors.chooseYear" : `date.errors.${date.error}`;
    if (a?.nextDate && !parseJalaliInput(a.nextDate).ok) errors[`${i}.nextDate`] = "import.errors.chooseYear";
  });
  const seen = new Map<string, number>();
  answers.forEach((a, i) => {
    const k = `${a.bodyId}:${a.number}`;
    if (seen.has(k)) errors[`${i}.number`] = "import.errors.numberTwice";
    seen.set(k, i);
  });
  return errors;
}

/** The proposal applied onto a new meeting's draft (its members' attendance, chair and secretary). */
export function applyProposal(base: MinutesDoc, p: ImportProposal, answers: ImportAnswers): MinutesDoc {
  const attendance = base.attendance.map((a) => ({ ...a }));
  const guests = p.guests.map((g) => ({ name: g.name, time: g.time, organisationId: null }));
  const other = [...p.other];
  for (const row of p.attendance) {
    const status = row.substitute ? ("represented" as const) : ("present" as const);
    const member = row.personId ? attendance.find((a) => a.personId === row.personId) : undefined;
    if (member) Object.assign(member, { status, substitute: row.substitute, time: row.time });
    else if (row.personId)
      attendance.push({ personId: row.personId, name: row.name, status, substitute: row.substitute, time: row.time });
    else other.push([row.name, row.substitute, row.time].filter(Boolean).join(" — "));
  }
  const reportTitles = p.reports.filter((r) => !r.bodyId).map((r) => r.title);
  const otherBlock = [...reportTitles.map((t) => `${t}`), ...other];
  const summary = [p.summary, otherBlock.length ? `متن دیگر:\n${otherBlock.join("\n")}` : ""]
    .filter(Boolean)
    .join("\n\n");
  return minutesDocSchema.parse({
    ...base,
    date: answers.date,
    startTime: p.startTime,
    endTime: p.endTime,
    place: p.place,
    agenda: p.agenda,
    summary,
    reports: p.reports.map((r) => ({
      key: r.key,
      agendaKey: r.agendaKey,
      bodyId: r.bodyId,
      text: r.bodyId ? r.text : `${r.title}\n${r.text}`,
    })),
    resolutions: p.resolutions.map(({ number: _n, ...r }) => r),
    attendance,
    guests,
    nextDate: answers.nextDate || p.nextDate?.value || "",
    nextTime: p.nextTime,
    nextAgenda: p.nextAgenda.map((title) => ({ title })),
  });
}

/**
 * Creates one draft meeting per file, in date order, each with the number the person confirmed, the proposal as its
 * draft and the file kept as its document — all or none. A number already taken is refused beside its file.
 */
export function createImportedDrafts(actor: Actor, scope: Scope, read: ReadFile[], answers: ImportAnswers[]): number[] {
  const errors = importErrors(read, answers);
  if (Object.keys(errors).length) throw new ImportRefused(errors);
  for (const a of answers) requireAllowed(canEditMinutesOf(scope, a.bodyId as number), scope);
  const order = read
    .map((r, i) => ({ r, a: answers[i], i, iso: (parseJalaliInput(answers[i].date) as { iso: string }).iso }))
    .sort((x, y) => x.iso.localeCompare(y.iso) || (x.a.number ?? 0) - (y.a.number ?? 0));
  try {
    return writeTransaction((tx) => {
      const taken: Record<string, string> = {};
      for (const { a, i } of order) {
        const exists = tx
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.bodyId, a.bodyId as number), eq(meetings.number, a.number as number)))
          .get();
        if (exists) taken[`${i}.number`] = "import.errors.numberTaken";
        // The same body on the same day is most likely these minutes already in the system: asked, not doubled.
        const iso = (parseJalaliInput(a.date) as { iso: string }).iso;
        if (!a.allowSameDay && sameDayMeeting(a.bodyId as number, iso, tx))
          taken[`${i}.sameDay`] = "import.errors.sameDay";
      }
      if (Object.keys(taken).length) throw new ImportRefused(taken);
      return order.map(({ r, a }) => {
        const id = insertMeeting(
          tx,
          actor,
          { bodyId: a.bodyId as number, workingGroupId: null },
          { number: a.number as number, prepare: (base) => applyProposal(base, r.proposal, a) },
        );
        insertDocuments(tx, actor, { entity: "meeting", entityId: id }, [r.file]);
        return id;
      });
    });
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw asRuleViolation(error) ?? error;
  }
}

/**
 * The number each file's draft is offered: the file's own, unless the body already has it (or an earlier file of the
 * batch gives it), then the next free one, said so. The files' own numbers are kept first, in whatever order the
 * files were chosen: meetings 4 and 3 of a body that has 1 and 2 stay 4 and 3.
 */
export function proposedNumbers(read: ReadFile[]): { number: number | null; numberTaken: number | null }[] {
  const named = new Map<number, Set<number>>();
  for (const { proposal: p } of read)
    if (p.bodyId && p.number !== null && !isNumberTaken(p.bodyId, p.number))
      named.set(p.bodyId, (named.get(p.bodyId) ?? new Set<number>()).add(p.number));
  const given = new Map<number, Set<number>>();
  return read.map(({ proposal: { bodyId, number } }) => {
    if (!bodyId) return { number, numberTaken: null };
    const mine = given.get(bodyId) ?? new Set<number>();
    given.set(bodyId, mine);
    const taken = number !== null && (mine.has(number) || isNumberTaken(bodyId, number));
    let offered = number ?? 0;
    if (taken || number === null) {
      const others = named.get(bodyId) ?? new Set<number>();
      offered = nextFreeNumber(bodyId);
      while (others.has(offered) || mine.has(offered) || isNumberTaken(bodyId, offered)) offered++;
    }
    mine.add(offered);
    return { number: offered, numberTaken: taken ? number : null };
  });
}

/** The body's own meeting held on that day, if there is one (an import of minutes already in the system). */
export function sameDayMeeting(
  bodyId: number,
  iso: string,
  database: Tx | typeof db = db,
): { id: number; number: number } | null {
  return (
    database
      .select({ id: meetings.id, number: meetings.number })
      .from(meetings)
      .where(and(eq(meetings.bodyId, bodyId), eq(meetings.date, iso), isNull(meetings.workingGroupId)))
      .get() ?? null
  );
}

/** Whether the body's own meetings already have this number. */
export function isNumberTaken(bodyId: number, number: number): boolean {
  return !!db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), eq(meetings.number, number)))
    .get();
}

/** The next free number of a body's own meetings (what the review offers when a file's number is taken). */
export function nextFreeNumber(bodyId: number): number {
  const rows = db.select({ number: meetings.number }).from(meetings).where(eq(meetings.bodyId, bodyId)).all();
  return Math.max(0, ...rows.map((r) => r.number)) + 1;
}
