/**
 * One search over meetings (with the words of their minutes), resolutions, follow-ups, people, organisations and the
 * readable text of documents, Persian-aware on every path and within what the person may read.
 *
 * The index: one FTS5 table per kind (db/migrations/0018), trigram tokenizer, over search keys (normalize.ts: letters
 * unified, marks dropped, ASCII digits, ZWNJ and spaces dropped), so a word is found inside «می‌شود», «می شود» and
 * «میشود» alike. Triggers note each changed row in `search_dirty` in the same transaction as the write; `search()`
 * first brings those rows' keys up to date (`refreshSearchIndex`), so the keys are made by one function in one place
 * and any connection may write. Reads are then answered from the FTS tables joined to the rows, filtered by the scope.
 */

import type Database from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import type { DocumentEntity } from "../../db/enums";
import en from "../locales/en";
import fa from "../locales/fa";
import { db as appDb, type Db } from "../utils/db.server";
import { formatJalali } from "../utils/jalali";
import {
  MAX_QUERY_LENGTH,
  MAX_SEARCH_PAGE,
  OVERVIEW_PER_KIND,
  RESULTS_PER_KIND,
  SEARCH_KINDS,
  type SearchKind,
} from "../utils/limits";
import { type MarkedText, markWords, searchKey, searchWords } from "../utils/normalize";
import { formatPersonName } from "../utils/person-name";
import { readCache } from "../utils/read-cache.server";
import { cacheKey, canReadSupply, readableMeetingSql, type Scope, visibleResolutionSql } from "./access.server";
import { documentRights } from "./documents.server";
import { groupOrdinalSql, resolutionCode } from "./resolutions.server";

export { SEARCH_KINDS, type SearchKind };

const MAX_INDEXED_TEXT = 200_000;

const TABLE: Record<SearchKind, string> = {
  resolution: "search_resolutions",
  meeting: "search_meetings",
  follow_up: "search_follow_ups",
  person: "search_people",
  organisation: "search_organisations",
  document: "search_documents",
  data_set: "search_data_sets",
};

export type SearchHit = {
  kind: SearchKind;
  id: number;
  href: string;
  title: MarkedText;
  snippet: MarkedText;
};
export type SearchGroup = { kind: SearchKind; hits: SearchHit[]; more: boolean };
/** The overview (every kind, its first hits) or one kind's page of hits (`kind` set). */
export type SearchResult =
  | { status: "empty" | "short" | "long"; groups: [] }
  | { status: "ok"; words: string[]; groups: SearchGroup[]; kind: SearchKind | null; page: number };
/** Which hits: the overview when no kind, else that kind's page (1-based) of RESULTS_PER_KIND. */
export type SearchPart = { kind?: SearchKind | null; page?: number };

// ---------- keeping the index in step ----------

/** What a row is found by; `shown`, when given, is the body as a snippet shows it (the body holds more to be found by). */
type Entry = { code: string; title: string; body: string; shown?: string };

const statements = new WeakMap<object, Map<string, Database.Statement>>();
/** A prepared statement of the connection, prepared once: the index is rebuilt row by row. */
function prepared(database: Db, text: string): Database.Statement {
  const cache = statements.get(database.$client) ?? new Map<string, Database.Statement>();
  statements.set(database.$client, cache);
  const statement = cache.get(text) ?? database.$client.prepare(text);
  cache.set(text, statement);
  return statement;
}

/** What a row is found by, as shown text (keys are made from it on writing). Null when the row is gone. */
function entryOf(database: Db, kind: SearchKind, id: number): Entry | null {
  switch (kind) {
    case "meeting": {
      const m = prepared(
        database,
        `select m.number, m.date, m.place, m.opening_remarks, m.summary, m.status, m.draft_json, b.name body, b.code,
            (select w.name from working_groups w where w.id = m.working_group_id) grp
           from meetings m join bodies b on b.id = m.body_id where m.id = ?`,
      ).get(id) as
        | {
            number: number;
            date: string;
            place: string;
            opening_remarks: string;
            summary: string;
            status: string;
            draft_json: string;
            body: string;
            code: string;
            grp: string | null;
          }
        | undefined;
      if (!m) return null;
      const agenda = prepared(
        database,
        "select title, discussion from agenda_items where meeting_id = ? order by position",
      ).all(id) as { title: string; discussion: string }[];
      const texts = [m.place, m.opening_remarks, m.summary, ...agenda.flatMap((a) => [a.title, a.discussion])];
      if (m.status !== "final") texts.push(...stringsOf(safeJson(m.draft_json)));
      return {
        code: m.code,
        title: meetingTitle(m.body, m.grp, m.number, m.date),
        body: texts.filter(Boolean).join(" … "),
      };
    }
    case "resolution": {
      const r = resolutionRow(database, id);
      if (!r) return null;
      const owners = prepared(
        database,
        `select o.label, b.name body, w.name grp, o.person_id, p.honorific, p.title, p.first_name, p.last_name, g.name org
           from resolution_owners o left join bodies b on b.id = o.body_id left join working_groups w on w.id = o.working_group_id
           left join people p on p.id = o.person_id left join organisations g on g.id = o.organisation_id
           where o.resolution_id = ?`,
      ).all(id) as {
        label: string;
        body: string | null;
        grp: string | null;
        person_id: number | null;
        honorific: "mr" | "ms";
        title: "dr" | "eng" | null;
        first_name: string;
        last_name: string;
        org: string | null;
      }[];
      const notes = prepared(
        database,
        "select note from follow_ups where resolution_id = ? and note <> '' order by id",
      ).all(id) as { note: string }[];
      const ownerNames = owners.flatMap((o) => [
        o.label,
        o.body ?? "",
        o.grp ?? "",
        o.org ?? "",
        o.person_id
          ? formatPersonName(
              { honorific: o.honorific, title: o.title, firstName: o.first_name, lastName: o.last_name },
              "fa",
            )
          : "",
      ]);
      const status = r.status as keyof typeof fa.resolutionStatus;
      const body = (statuses: string[]) =>
        [...new Set(ownerNames.filter(Boolean)), ...statuses, r.cancelReason ?? "", ...notes.map((n) => n.note)]
          .filter(Boolean)
          .join(" … ");
      // Found by its status in either language; a snippet shows the Persian one (the page's text is Persian).
      return {
        code: r.code,
        title: `${r.code} ${r.subject}`,
        body: body([fa.resolutionStatus[status], en.resolutionStatus[status]]),
        shown: body([fa.resolutionStatus[status]]),
      };
    }
    case "follow_up": {
      const f = prepared(database, "select resolution_id, note from follow_ups where id = ?").get(id) as
        | { resolution_id: number; note: string }
        | undefined;
      if (!f) return null;
      // The resolution's code and subject are shown with it (hitOf), not indexed: they find the resolution.
      return { code: "", title: "", body: f.note };
    }
    case "person": {
      const p = prepared(
        database,
        `select p.honorific, p.title, p.first_name, p.last_name, p.organisation, p.position, g.name org
           from people p left join organisations g on g.id = p.organisation_id where p.id = ?`,
      ).get(id) as
        | {
            honorific: "mr" | "ms";
            title: "dr" | "eng" | null;
            first_name: string;
            last_name: string;
            organisation: string;
            position: string;
            org: string | null;
          }
        | undefined;
      if (!p) return null;
      const name = { honorific: p.honorific, title: p.title, firstName: p.first_name, lastName: p.last_name };
      return {
        code: "",
        title: `${formatPersonName(name, "fa")} | ${formatPersonName(name, "en")}`,
        body: [p.position, p.organisation, p.org ?? ""].filter(Boolean).join(" … "),
      };
    }
    case "organisation": {
      const o = prepared(database, "select name, aliases from organisations where id = ?").get(id) as
        | { name: string; aliases: string }
        | undefined;
      return o ? { code: "", title: o.name, body: o.aliases.split("\n").join(" … ") } : null;
    }
    case "data_set": {
      const d = prepared(
        database,
        `select d.name, d.level, d.items, d.frequency, d.blocked_on, o.name agency, s.name stage
           from data_sets d join organisations o on o.id = d.organisation_id
           join supply_stages s on s.id = d.stage_id where d.id = ?`,
      ).get(id) as
        | {
            name: string;
            level: keyof typeof fa.supply.levels;
            items: string;
            frequency: keyof typeof fa.supply.frequencies;
            blocked_on: string;
            agency: string;
            stage: string;
          }
        | undefined;
      if (!d) return null;
      return {
        code: "",
        title: `${d.name} — ${d.agency}`,
        body: [d.items, fa.supply.levels[d.level], fa.supply.frequencies[d.frequency] ?? "", d.stage, d.blocked_on]
          .filter(Boolean)
          .join(" … "),
      };
    }
    case "document": {
      const d = prepared(
        database,
        `select d.file_name, d.file_type, d.removed_at, c.bytes from documents d
           left join document_contents c on c.document_id = d.id where d.id = ?`,
      ).get(id) as
        | { file_name: string; file_type: string; removed_at: string | null; bytes: Buffer | null }
        | undefined;
      if (!d || d.removed_at) return null;
      return { code: "", title: d.file_name, body: d.bytes ? documentText(d.file_type, d.bytes) : "" };
    }
  }
}

function resolutionRow(database: Db, id: number) {
  const r = database.get<{
    id: number;
    subject: string;
    status: string;
    cancelReason: string | null;
    number: number;
    meetingNumber: number;
    bodyId: number;
    bodyCode: string;
    numbering: string;
    groupOrdinal: number | null;
  }>(sql`select resolutions.id, resolutions.subject, resolutions.status, resolutions.cancel_reason as cancelReason,
      resolutions.number, meetings.number as meetingNumber, bodies.id as bodyId, bodies.code as bodyCode,
      bodies.resolution_numbering as numbering, ${groupOrdinalSql} as groupOrdinal
    from resolutions join meetings on meetings.id = resolutions.meeting_id join bodies on bodies.id = meetings.body_id
    where resolutions.id = ${id}`);
  return r ? { ...r, code: resolutionCode(r) } : null;
}

function meetingTitle(body: string, group: string | null, number: number, date: string) {
  return `${group ? `${body} — ${group}` : body} — ${fa.search.meetingNumber.replace("{{number}}", String(number))} — ${formatJalali(date, "fa")}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The typed text in a minutes draft: its strings that are words, not ids or enum values. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") {
    if (/[^\u0020-\u007E]|\s/.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === "x" ? 2 : 1), e[1] === "x" ? 16 : 10))
      : XML_ENTITIES[e],
  );

/** The readable text of a Word or Excel file (its paragraphs, or its cells' shared strings); other types give none. */
export function documentText(fileType: string, bytes: Uint8Array): string {
  const part = fileType === "docx" ? "word/document.xml" : fileType === "xlsx" ? "xl/sharedStrings.xml" : null;
  if (!part) return "";
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === part && f.originalSize < 20_000_000 });
    const xml = files[part] ? strFromU8(files[part]) : "";
    const text = xml
      .replace(/<\/(w:p|si)>/g, "\n")
      .replace(/<w:tab\/>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/\n{2,}/g, "\n");
    return unescapeXml(text).trim().slice(0, MAX_INDEXED_TEXT);
  } catch {
    return "";
  }
}

/**
 * Brings the keys of the rows written since the last search up to date, a batch per transaction (a database indexed
 * for the first time, after migration 0018, is indexed here in one go).
 */
export function refreshSearchIndex(database: Db = appDb, max = Number.POSITIVE_INFINITY): number {
  const client = database.$client;
  const pick = prepared(database, "select kind, ref_id id from search_dirty limit ?");
  const done = prepared(database, "delete from search_dirty where kind = ? and ref_id = ?");
  let total = 0;
  for (;;) {
    if (total >= max) return total;
    const rows = pick.all(Math.min(1_000, max - total)) as { kind: SearchKind; id: number }[];
    if (rows.length === 0) return total;
    client
      .transaction(() => {
        for (const { kind, id } of rows) {
          const table = TABLE[kind];
          if (table) {
            prepared(database, `delete from ${table} where rowid = ?`).run(id);
            const entry = entryOf(database, kind, id);
            if (entry)
              prepared(database, `insert into ${table} (rowid, code, title, body) values (?, ?, ?, ?)`).run(
                id,
                searchKey(entry.code),
                searchKey(entry.title),
                searchKey(entry.body.slice(0, MAX_INDEXED_TEXT)),
              );
          }
          done.run(kind, id);
        }
      })
      .immediate();
    total += rows.length;
  }
}

/**
 * Indexes what is noted, in the background, 500 rows a turn with the event loop free between turns: a database just
 * migrated to 0018 (ten years: a few minutes) is indexed without holding up requests, and a search meanwhile re-keys
 * at most `REFRESH_PER_SEARCH` rows itself, so it answers in time from what is indexed so far.
 */
const REFRESH_PER_SEARCH = 2_000;
function indexInBackground() {
  try {
    if (refreshSearchIndex(appDb, 500) >= 500) setTimeout(indexInBackground, 5).unref();
  } catch {
    setTimeout(indexInBackground, 1_000).unref();
  }
}
setTimeout(indexInBackground, 100).unref();

// ---------- searching ----------

/** A query that is a resolution code («طراحی/۲/۱», «شورا/۳۴۶», «طراحی/ک۱/۳/۲»), as its key; otherwise null. */
export function codeKeyOf(query: string): string | null {
  const key = searchKey(query);
  return /^[^/\d]+(\/ک?\d+)+$/.test(key) ? key : null;
}

/**
 * SQL on "resolutions": the resolution holds every word of the query in its code, subject, owners or notes (from the
 * search index); a query that is a code («طراحی/۲/۱», or «طراحی/۲» for the meeting's) finds that code exactly.
 * Undefined for an empty query. For lists (my actions) that search within their own condition.
 */
export function resolutionSearchSql(query: string, database: Db = appDb): SQL | undefined {
  const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
  const words = searchWords(trimmed);
  if (words.length === 0) return undefined;
  refreshSearchIndex(database, REFRESH_PER_SEARCH);
  const table = sql.raw(TABLE.resolution);
  const codeKey = codeKeyOf(trimmed);
  if (codeKey)
    return sql`"resolutions"."id" in (select rowid from ${table} where ${table} match ${`code : "${codeKey}"`}
      and (${table}.code = ${codeKey} or ${table}.code like ${`${codeKey.replace(/[%_\\]/g, "\\$&")}/%`} escape '\\'))`;
  return sql`"resolutions"."id" in (select rowid from ${table} where ${matchCondition(TABLE.resolution, words, null)})`;
}

/**
 * SQL on "meetings": the meeting holds every word of the query in its body's name, number, date or the words of its
 * minutes (from the search index). Undefined for an empty query. For the meetings list, which searches within its
 * own filters and the reader's scope.
 */
export function meetingSearchSql(query: string, database: Db = appDb): SQL | undefined {
  const words = searchWords(query.trim().slice(0, MAX_QUERY_LENGTH));
  if (words.length === 0) return undefined;
  refreshSearchIndex(database, REFRESH_PER_SEARCH);
  const table = sql.raw(TABLE.meeting);
  return sql`"meetings"."id" in (select rowid from ${table} where ${matchCondition(TABLE.meeting, words, null)})`;
}

const quoted = (words: string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" AND ");

/**
 * The FTS condition on table `t` for the words, in the given columns (all when null): long words through the trigram
 * index, short ones (which have no trigram) by substring.
 */
function matchCondition(t: string, words: string[], columns: string | null): SQL {
  const long = words.filter((w) => w.length >= 3);
  const short = words.filter((w) => w.length < 3);
  const parts: SQL[] = [];
  const table = sql.raw(t);
  if (long.length) parts.push(sql`${table} match ${columns ? `${columns} : (${quoted(long)})` : quoted(long)}`);
  for (const w of short)
    parts.push(
      columns
        ? sql`(instr(${table}.title, ${w}) > 0 or instr(${table}.code, ${w}) > 0)`
        : sql`(instr(${table}.title, ${w}) > 0 or instr(${table}.body, ${w}) > 0 or instr(${table}.code, ${w}) > 0)`,
    );
  return sql.join(parts, sql` and `);
}

/**
 * The rows of table `t` that hold every word and pass `where`, ranked: those whose code or title holds the words
 * first (two words side by side, «جلسه ۲», before the rest), then those that hold them anywhere; newest first within
 * each. Each part walks the index newest first and stops at `limit`, so a word in ten thousand rows costs as little
 * as a rare one (bm25 over every match took half a second on ten years of data). The first `limit` rows of the
 * result are the ranking's first `limit`, so a page is a slice of them.
 */
function findRanked(database: Db, t: string, words: string[], from: SQL, where: SQL, id: SQL, limit: number) {
  const table = sql.raw(t);
  const run = (columns: string | null) =>
    database.all<{ id: number; title: string }>(sql`select ${id} as id, ${table}.title as title from ${table} ${from}
      where ${matchCondition(t, words, columns)} and ${where} order by ${table}.rowid desc limit ${limit}`);
  const pairs = words.slice(1).map((w, i) => words[i] + w);
  const near = (title: string) => pairs.filter((p) => title.includes(p)).length;
  const inTitle = run("{code title}").sort((a, b) => near(b.title) - near(a.title));
  const seen = new Set(inTitle.map((r) => r.id));
  return [...inTitle, ...run(null).filter((r) => !seen.has(r.id))].map((r) => ({ id: r.id }));
}

/**
 * Everything the scope may read that holds every word of the query, ranked: the overview (each kind's first
 * OVERVIEW_PER_KIND, grouped) or one kind's page.
 */
export function search(scope: Scope, query: string, part: SearchPart = {}, database: Db = appDb): SearchResult {
  const trimmed = query.trim();
  if (!trimmed) return { status: "empty", groups: [] };
  if (trimmed.length > MAX_QUERY_LENGTH) return { status: "long", groups: [] };
  const words = searchWords(trimmed);
  if (words.join("").length < 2) return { status: "short", groups: [] };
  const kind = part.kind ?? null;
  const page = kind ? Math.min(Math.max(1, Math.trunc(part.page ?? 1)), MAX_SEARCH_PAGE) : 1;
  refreshSearchIndex(database, REFRESH_PER_SEARCH);
  // After the refresh, so an answer is kept only until the next write (read-cache.server.ts); keyed by the whole scope.
  const compute = () => find(scope, trimmed, words, kind, page, database);
  return database === appDb ? readCache.get(cacheKey(scope, "search", trimmed, kind, page), compute) : compute();
}

function find(
  scope: Scope,
  trimmed: string,
  words: string[],
  only: SearchKind | null,
  page: number,
  database: Db,
): SearchResult {
  const size = only ? RESULTS_PER_KIND : OVERVIEW_PER_KIND;
  const skip = (page - 1) * size;
  // One more than shown says whether there is more.
  const limit = skip + size + 1;
  const finders: Record<SearchKind, () => { id: number }[]> = {
    resolution: () => findResolutions(scope, words, codeKeyOf(trimmed), limit, database),
    meeting: () => findMeetings(scope, words, limit, database),
    follow_up: () => findFollowUps(scope, words, limit, database),
    data_set: () => (canReadSupply(scope) ? findOpen("data_set", words, limit, database) : []),
    person: () => findOpen("person", words, limit, database),
    organisation: () => findOpen("organisation", words, limit, database),
    document: () => findDocuments(scope, words, limit, database),
  };
  const groups = (only ? [only] : SEARCH_KINDS).map((kind) => {
    const ids = finders[kind]();
    const hits = ids.slice(skip, skip + size).flatMap(({ id }) => hitOf(database, kind, id, words) ?? []);
    return { kind, hits, more: ids.length > skip + size };
  });
  return { status: "ok", words, kind: only, page, groups: only ? groups : groups.filter((g) => g.hits.length > 0) };
}

const resolutionJoins = (t: string) =>
  sql`join resolutions on resolutions.id = ${sql.raw(t)}.rowid join meetings on meetings.id = resolutions.meeting_id`;

function findResolutions(scope: Scope, words: string[], codeKey: string | null, limit: number, database: Db) {
  const t = TABLE.resolution;
  const visible = visibleResolutionSql(scope) ?? sql`1`;
  const rows = findRanked(database, t, words, resolutionJoins(t), visible, sql`resolutions.id`, limit);
  if (!codeKey) return rows;
  // A code finds its resolution first, whatever the ranking says.
  const exact = database.all<{ id: number }>(sql`select resolutions.id from ${sql.raw(t)} ${resolutionJoins(t)}
    where ${sql.raw(t)} match ${`code : "${codeKey}"`} and ${sql.raw(t)}.code = ${codeKey} and ${visible} limit 5`);
  return [...exact, ...rows.filter((r) => !exact.some((e) => e.id === r.id))];
}

function findMeetings(scope: Scope, words: string[], limit: number, database: Db) {
  const t = TABLE.meeting;
  const visible = readableMeetingSql(scope, { id: sql`m.id`, bodyId: sql`m.body_id` });
  return findRanked(database, t, words, sql`join meetings m on m.id = ${sql.raw(t)}.rowid`, visible, sql`m.id`, limit);
}

function findFollowUps(scope: Scope, words: string[], limit: number, database: Db) {
  const t = TABLE.follow_up;
  const visible = visibleResolutionSql(scope) ?? sql`1`;
  // Found by its own note; its resolution's code and subject find the resolution.
  return findRanked(
    database,
    t,
    words,
    sql`join follow_ups f on f.id = ${sql.raw(t)}.rowid join resolutions on resolutions.id = f.resolution_id
      join meetings on meetings.id = resolutions.meeting_id`,
    visible,
    sql`f.id`,
    limit,
  );
}

/** People and organisations: everyone signed in reads the directory; data sets, everyone who reads the tracker. */
function findOpen(kind: "person" | "organisation" | "data_set", words: string[], limit: number, database: Db) {
  const t = TABLE[kind];
  return findRanked(database, t, words, sql``, sql`1`, sql`${sql.raw(t)}.rowid`, limit);
}

/** Documents: who reads one depends on what it belongs to, so candidates are checked one by one, up to `limit`. */
function findDocuments(scope: Scope, words: string[], limit: number, database: Db) {
  const t = TABLE.document;
  const rows = findRanked(
    database,
    t,
    words,
    sql`join documents d on d.id = ${sql.raw(t)}.rowid`,
    sql`d.removed_at is null`,
    sql`d.id`,
    limit + 200,
  );
  const readable: { id: number }[] = [];
  for (const { id } of rows) {
    const d = prepared(database, "select entity, entity_id entityId from documents where id = ?").get(id) as {
      entity: DocumentEntity;
      entityId: number;
    };
    if (documentRights(scope, d)?.read) readable.push({ id });
    if (readable.length === limit) break;
  }
  return readable;
}

/** One found row as the page shows it: a title and a snippet with the words marked, and where it leads. */
function hitOf(database: Db, kind: SearchKind, id: number, words: string[]): SearchHit | null {
  const entry = entryOf(database, kind, id);
  if (!entry) return null;
  const href = {
    resolution: `/resolutions/${id}`,
    meeting: `/meetings/${id}`,
    follow_up: "",
    person: `/people/${id}`,
    organisation: `/organisations/${id}`,
    document: `/documents/${id}`,
    data_set: `/supply/${id}`,
  }[kind];
  let link = href;
  if (kind === "follow_up") {
    const f = prepared(database, "select resolution_id from follow_ups where id = ?").get(id) as {
      resolution_id: number;
    };
    const r = resolutionRow(database, f.resolution_id);
    link = `/resolutions/${f.resolution_id}`;
    entry.title = r ? `${r.code} ${r.subject}` : "";
  }
  const title = kind === "person" ? entry.title.split(" | ")[0] : entry.title;
  const full = markWords(entry.body, words, 200);
  const shown = entry.shown === undefined ? null : markWords(entry.shown, words, 200);
  // The shown text, unless the words are marked only in what it leaves out (one piece: nothing marked).
  const snippet = shown && (shown.length > 1 || full.length === 1) ? shown : full;
  return { kind, id, href: link, title: markWords(title, words), snippet };
}
