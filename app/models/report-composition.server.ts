import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { TFunction } from "i18next";
/**
 * What a report says: the period, every resolution in exactly one section, the figures and charts, the documents
 * annex. Composed from the database on demand (cached per period); the lifecycle of a report is in reports.server.
 */
import {
  agendaItems,
  attendance,
  bodies,
  committeeReports,
  documents,
  meetings,
  memberships,
  people,
  resolutionOwners,
  resolutions,
  workingGroups,
} from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { daysBetween, halfYearRange, type Quarter, quarterRange } from "../utils/jalali";
import { formatPersonName } from "../utils/person-name";
import { readCache } from "../utils/read-cache.server";
import { isActive } from "../utils/resolution-status";
import { isCurrentMembership } from "./memberships.server";
import { groupOrdinalSql, isActiveSql, ownerNames, resolutionCode } from "./resolutions.server";
import { agencySupplyAsOf } from "./supply-reports.server";

export type ReportKind = "quarterly" | "half_year";
export type Period = { kind: ReportKind; year: number; period: number };

export function periodRange({ kind, year, period }: Period) {
  return kind === "quarterly" ? quarterRange(year, period as Quarter) : halfYearRange(year, period as 1 | 2);
}

type ResolutionRow = {
  id: number;
  number: number;
  subject: string;
  status: string;
  dueDate: string | null;
  doneDate: string | null;
  meetingDate: string;
  meetingNumber: number;
  bodyId: number;
  bodyCode: string;
  extended: number;
};

/** Where a resolution stands on a day: done by then, cancelled, overdue (active past its deadline), or open in time. */
export type ResolutionState = "done" | "cancelled" | "overdue" | "open";

export function stateOf(r: Pick<ResolutionRow, "status" | "dueDate" | "doneDate">, asOf: string): ResolutionState {
  if (r.status === "done" && r.doneDate !== null && r.doneDate <= asOf) return "done";
  if (r.status === "cancelled") return "cancelled";
  if (r.dueDate !== null && r.dueDate < asOf) return "overdue";
  return "open";
}

/**
 * Counts of a section's resolutions as of a day. `passed` were passed in the period, `carried` before it and still
 * open when it began; each of them is exactly one of done, open (in time), overdue or cancelled, so
 * passed + carried = done + open + overdue + cancelled. `doneOnTime` and `extended` count among them.
 */
export type Figures = {
  passed: number;
  carried: number;
  done: number;
  doneOnTime: number;
  open: number;
  overdue: number;
  cancelled: number;
  extended: number;
};

export function figuresOf(
  rows: (Pick<ResolutionRow, "status" | "dueDate" | "doneDate" | "extended"> & { carried?: boolean })[],
  asOf: string,
): Figures {
  const f: Figures = { passed: 0, carried: 0, done: 0, doneOnTime: 0, open: 0, overdue: 0, cancelled: 0, extended: 0 };
  for (const r of rows) {
    if (r.carried) f.carried++;
    else f.passed++;
    const state = stateOf(r, asOf);
    f[state]++;
    if (state === "done" && (r.dueDate === null || (r.doneDate ?? "") <= r.dueDate)) f.doneOnTime++;
    if (r.extended > 0) f.extended++;
  }
  return f;
}

/**
 * Resolutions whose deadline fell in [start, end] and had passed by `asOf` (cancelled ones left out), and how many of
 * them were done by their deadline; `rate` is null when there were none.
 */
export function onTimeRate(
  rows: Pick<ResolutionRow, "status" | "dueDate" | "doneDate">[],
  start: string,
  end: string,
  asOf = end,
): { due: number; onTime: number; rate: number | null } {
  const due = rows.filter(
    (r) => r.dueDate !== null && r.dueDate >= start && r.dueDate <= end && r.dueDate < asOf && r.status !== "cancelled",
  );
  const onTime = due.filter(
    (r) => r.status === "done" && r.doneDate !== null && r.doneDate <= (r.dueDate as string),
  ).length;
  return { due: due.length, onTime, rate: due.length === 0 ? null : onTime / due.length };
}

function resolutionRows(where?: ReturnType<typeof and>) {
  return (
    db
      .select({
        id: resolutions.id,
        number: resolutions.number,
        subject: resolutions.subject,
        status: resolutions.status,
        dueDate: resolutions.dueDate,
        doneDate: resolutions.doneDate,
        meetingId: resolutions.meetingId,
        meetingDate: meetings.date,
        meetingNumber: meetings.number,
        bodyId: meetings.bodyId,
        bodyCode: bodies.code,
        groupOrdinal: groupOrdinalSql,
        numbering: bodies.resolutionNumbering,
        extended: sql<number>`(select count(*) from follow_ups f where f.resolution_id = "resolutions"."id" and f.kind = 'extension')`,
      })
      .from(resolutions)
      .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      // A council outside the HQ keeps its minutes here but is no part of the HQ's reports.
      .where(and(eq(meetings.status, "final"), eq(bodies.outsideHq, false), where))
      .orderBy(asc(meetings.date), asc(meetings.id), asc(resolutions.number))
      .all()
  );
}

/** Quarters ending with the given one, oldest first. */
export function previousQuarters(year: number, quarter: number, n: number) {
  const out: { year: number; quarter: Quarter }[] = [];
  let y = year;
  let q = quarter;
  for (let i = 0; i < n; i++) {
    out.unshift({ year: y, quarter: q as Quarter });
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

/**
 * Drafts a report from the data. Every resolution passed in the period, and every one passed before it and still open
 * when it began, is in exactly one section: the first of its owners that has a section (a body of the HQ, or a working
 * group's committee), else the body whose meeting passed it (so one owned by a person or an outside organisation
 * stays with the council or committee that gave it). The summary table, its charts and the sections count the same
 * rows. Figures are counted as of the period's last day (or today, while the period runs).
 */
export function composeReport(p: Period, today = clock.today()) {
  const key = JSON.stringify(["report", p.kind, p.year, p.period, today]);
  return readCache.get(key, () => queryReport(p, today));
}

const SECTION_KINDS = ["headquarters", "council", "secretariat", "committee"];

function queryReport(p: Period, today: string) {
  const range = periodRange(p);
  const asOf = range.end < today ? range.end : today;
  const inPeriod = and(gte(meetings.date, range.start), lte(meetings.date, range.end));
  // Councils outside the HQ (outside_hq) keep their minutes here but are no part of the HQ's report.
  const allBodies = db
    .select()
    .from(bodies)
    .where(eq(bodies.outsideHq, false))
    .orderBy(asc(bodies.sortOrder), asc(bodies.id))
    .all();
  const held = db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      number: meetings.number,
      date: meetings.date,
      groupName: workingGroups.name,
    })
    .from(meetings)
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.status, "final"), eq(bodies.outsideHq, false), inPeriod))
    .orderBy(asc(meetings.date))
    .all();
  const heldIds = held.map((m) => m.id);
  const attendanceRows = heldIds.length
    ? db
        .select({ meetingId: attendance.meetingId, status: attendance.status })
        .from(attendance)
        .where(and(inArray(attendance.meetingId, heldIds), sql`${attendance.status} <> 'guest'`))
        .all()
    : [];
  const lastQuarter = p.kind === "quarterly" ? p.period : p.period * 2;
  const quarters = previousQuarters(p.year, lastQuarter, 6);
  const trendStart = quarterRange(quarters[0].year, quarters[0].quarter).start;
  // Still open when the period began: not cancelled, and not done before it.
  const carriedSql = and(
    lt(meetings.date, range.start),
    or(isActiveSql, and(eq(resolutions.status, "done"), gte(resolutions.doneDate, range.start))),
  );
  // Only what the report can show: the sections' rows, and those due within the trend's quarters.
  const everything = resolutionRows(
    or(inPeriod, carriedSql, and(gte(resolutions.dueDate, trendStart), lte(resolutions.dueDate, range.end))),
  ).map((r) => ({
    ...r,
    carried: r.meetingDate < range.start,
    inReport:
      (r.meetingDate >= range.start && r.meetingDate <= range.end) ||
      (r.meetingDate < range.start &&
        (isActive(r.status) || (r.status === "done" && r.doneDate !== null && r.doneDate >= range.start))),
  }));
  const rows = everything.filter((r) => r.inReport);

  // The section of each row: its first owner that has one, else the body that passed it.
  const sectionBodies = new Set(allBodies.filter((b) => SECTION_KINDS.includes(b.kind)).map((b) => b.id));
  const owners = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500).map((r) => r.id);
    for (const o of db
      .select({
        resolutionId: resolutionOwners.resolutionId,
        bodyId: resolutionOwners.bodyId,
        committeeId: workingGroups.committeeId,
      })
      .from(resolutionOwners)
      .leftJoin(workingGroups, eq(workingGroups.id, resolutionOwners.workingGroupId))
      .where(inArray(resolutionOwners.resolutionId, slice))
      .orderBy(asc(resolutionOwners.id))
      .all()) {
      const target = o.bodyId ?? o.committeeId;
      if (target !== null && sectionBodies.has(target))
        owners.set(o.resolutionId, [...(owners.get(o.resolutionId) ?? []), target]);
    }
  }
  const sectionOf = (r: (typeof rows)[number]) => owners.get(r.id)?.[0] ?? r.bodyId;
  const names = ownerNames(rows.map((r) => r.id));

  const documentsOf = sectionDocuments(
    held.map((m) => m.id),
    rows.map((r) => r.id),
  );

  const sections = allBodies
    .map((b) => {
      const mine = held.filter((m) => m.bodyId === b.id);
      const present = attendanceRows.filter(
        (a) => mine.some((m) => m.id === a.meetingId) && (a.status === "present" || a.status === "represented"),
      ).length;
      const counted = attendanceRows.filter((a) => mine.some((m) => m.id === a.meetingId)).length;
      const theirs = rows.filter((r) => sectionOf(r) === b.id);
      const activities = db
        .select({
          text: committeeReports.text,
          meetingNumber: meetings.number,
          meetingDate: meetings.date,
          bodyName: bodies.name,
        })
        .from(committeeReports)
        .innerJoin(meetings, eq(meetings.id, committeeReports.meetingId))
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(and(eq(committeeReports.bodyId, b.id), eq(meetings.status, "final"), inPeriod))
        .orderBy(asc(meetings.date))
        .all();
      const item = (r: (typeof rows)[number]) => ({
        id: r.id,
        code: resolutionCode(r),
        subject: r.subject,
        owners: names.get(r.id) ?? [],
        dueDate: r.dueDate,
        doneDate: r.doneDate,
        state: stateOf(r, asOf),
      });
      return {
        bodyId: b.id,
        name: b.name,
        kind: b.kind,
        isExternal: b.isExternal,
        meetings: mine.map((m) => ({ number: m.number, date: m.date, groupName: m.groupName })),
        attendanceRate: counted ? present / counted : null,
        activities,
        figures: figuresOf(theirs, asOf),
        passed: theirs.filter((r) => !r.carried).map(item),
        carried: theirs.filter((r) => r.carried).map(item),
        documents: documentsOf(
          mine.map((m) => m.id),
          theirs.map((r) => r.id),
        ),
      };
    })
    .filter(
      (s) =>
        s.kind === "committee" ||
        s.kind === "council" ||
        s.kind === "secretariat" ||
        s.meetings.length > 0 ||
        s.passed.length + s.carried.length > 0,
    );

  const overdue = rows
    .filter((r) => stateOf(r, asOf) === "overdue")
    .sort((a, b) => (a.dueDate as string).localeCompare(b.dueDate as string))
    .map((r) => ({
      code: resolutionCode(r),
      subject: r.subject,
      owners: names.get(r.id) ?? [],
      dueDate: r.dueDate as string,
      daysOverdue: daysBetween(r.dueDate as string, asOf),
    }));

  const trend = quarters.map((q) => {
    const r = quarterRange(q.year, q.quarter);
    return { year: q.year, quarter: q.quarter, ...onTimeRate(everything, r.start, r.end, asOf) };
  });

  // The half-year report follows its two quarters: what was resolved and done in each.
  const byQuarter =
    p.kind === "half_year"
      ? [lastQuarter - 1, lastQuarter].map((q) => {
          const r = quarterRange(p.year, q as Quarter);
          const meetingsHeld = held.filter((m) => m.date >= r.start && m.date <= r.end).length;
          const passedIn = rows.filter((x) => x.meetingDate >= r.start && x.meetingDate <= r.end);
          return {
            quarter: q,
            meetingsHeld,
            passed: passedIn.length,
            done: rows.filter(
              (x) =>
                x.status === "done" &&
                x.doneDate !== null &&
                x.doneDate >= r.start &&
                x.doneDate <= r.end &&
                x.doneDate <= asOf,
            ).length,
          };
        })
      : [];

  const head = db
    .select({ person: people })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(and(eq(bodies.kind, "headquarters"), eq(memberships.role, "chair"), isCurrentMembership()))
    .get();

  return {
    period: p,
    range,
    asOf,
    addressee: head ? formatPersonName(head.person, "fa") : "",
    totals: figuresOf(rows, asOf),
    meetingsHeld: held.length,
    sections,
    overdue,
    trend,
    byQuarter,
    supply: reportSupply(range.start, asOf),
  };
}

/** The data-supply part: per agency as of the period's end (or today), with the period's changes. */
function reportSupply(start: string, asOf: string) {
  const { rows, totals, listedChanges, moreChanges } = agencySupplyAsOf(start, asOf);
  return { rows, totals, changes: listedChanges, moreChanges };
}

export type ReportData = ReturnType<typeof composeReport>;
export type ReportSection = ReportData["sections"][number];

export type AnnexDocument = {
  id: number;
  fileName: string;
  fileType: string;
  size: number;
  createdAt: string;
  /** What it is attached to, for the annex: a meeting's minutes or a resolution's code. */
  of: { kind: "meeting" | "resolution" | "report"; id: number };
};

/**
 * The documents of the period's meetings (with their agenda items and committee reports) and of the sections'
 * resolutions. Read without a scope check: a report is composed for readers who read all of it (the HQ's
 * reports are for those `canReadReports` allows), and the annex names documents, it does not hand them out.
 */
function sectionDocuments(meetingIds: number[], resolutionIds: number[]) {
  const select = {
    id: documents.id,
    entity: documents.entity,
    entityId: documents.entityId,
    fileName: documents.fileName,
    fileType: documents.fileType,
    size: documents.size,
    createdAt: documents.createdAt,
  };
  const byMeeting = new Map<number, AnnexDocument[]>();
  const byResolution = new Map<number, AnnexDocument[]>();
  const push = (map: Map<number, AnnexDocument[]>, key: number, d: AnnexDocument) =>
    map.set(key, [...(map.get(key) ?? []), d]);
  const live = isNull(documents.removedAt);
  for (let i = 0; i < meetingIds.length; i += 300) {
    const ids = meetingIds.slice(i, i + 300);
    const found = [
      ...db
        .select({ ...select, meetingId: documents.entityId })
        .from(documents)
        .where(and(live, eq(documents.entity, "meeting"), inArray(documents.entityId, ids)))
        .all(),
      ...db
        .select({ ...select, meetingId: agendaItems.meetingId })
        .from(documents)
        .innerJoin(agendaItems, eq(agendaItems.id, documents.entityId))
        .where(and(live, eq(documents.entity, "agenda_item"), inArray(agendaItems.meetingId, ids)))
        .all(),
      ...db
        .select({ ...select, meetingId: committeeReports.meetingId })
        .from(documents)
        .innerJoin(committeeReports, eq(committeeReports.id, documents.entityId))
        .where(and(live, eq(documents.entity, "committee_report"), inArray(committeeReports.meetingId, ids)))
        .all(),
    ];
    for (const d of found) push(byMeeting, d.meetingId, annexRow(d, { kind: "meeting", id: d.meetingId }));
  }
  for (let i = 0; i < resolutionIds.length; i += 500) {
    const ids = resolutionIds.slice(i, i + 500);
    for (const d of db
      .select(select)
      .from(documents)
      .where(and(live, eq(documents.entity, "resolution"), inArray(documents.entityId, ids)))
      .all())
      push(byResolution, d.entityId, annexRow(d, { kind: "resolution", id: d.entityId }));
  }
  return (meetings: number[], resolutions: number[]) =>
    [
      ...meetings.flatMap((id) => byMeeting.get(id) ?? []),
      ...resolutions.flatMap((id) => byResolution.get(id) ?? []),
    ].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

function annexRow(
  d: { id: number; fileName: string; fileType: string; size: number; createdAt: string },
  of: AnnexDocument["of"],
): AnnexDocument {
  return { id: d.id, fileName: d.fileName, fileType: d.fileType, size: d.size, createdAt: d.createdAt, of };
}

/** The report's own documents (attached on its page), for its annex; read without a scope check as above. */
export function reportDocuments(reportId: number): AnnexDocument[] {
  return db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      fileType: documents.fileType,
      size: documents.size,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(and(eq(documents.entity, "report"), eq(documents.entityId, reportId), isNull(documents.removedAt)))
    .orderBy(asc(documents.id))
    .all()
    .map((d) => annexRow(d, { kind: "report", id: reportId }));
}

/** The period's name, e.g. autumn 1405. */
export function periodName(p: Period, t: TFunction) {
  const label = p.kind === "quarterly" ? t(`reports.quarters.${p.period}`) : t(`reports.halves.${p.period}`);
  return `${label} ${t("reports.yearOnly", { year: p.year })}`;
}
