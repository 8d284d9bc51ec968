import { createHash } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { TFunction } from "i18next";
import {
  attendance,
  bodies,
  committeeReports,
  meetings,
  memberships,
  people,
  reports,
  resolutionOwners,
  resolutions,
  users,
  workingGroups,
} from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { daysBetween, halfYearRange, type Quarter, quarterRange } from "../utils/jalali";
import { formatPersonName } from "../utils/person-name";
import { readCache } from "../utils/read-cache.server";
import { isActive, isOverdue } from "../utils/resolution-status";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { canComposeReports, canReadReports, requireAllowed, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { isCurrentMembership } from "./memberships.server";
import { groupOrdinalSql, isActiveSql, ownerNames, resolutionCode } from "./resolutions.server";

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

export type Figures = {
  passed: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  extended: number;
  open: number;
};

/** Counts of a set of resolutions as of a day: done, done by their deadline, overdue (active past deadline), extended. */
export function figuresOf(
  rows: Pick<ResolutionRow, "status" | "dueDate" | "doneDate" | "extended">[],
  asOf: string,
): Figures {
  const f: Figures = { passed: rows.length, done: 0, doneOnTime: 0, overdue: 0, extended: 0, open: 0 };
  for (const r of rows) {
    const doneByAsOf = r.status === "done" && r.doneDate !== null && r.doneDate <= asOf;
    if (doneByAsOf) {
      f.done++;
      if (r.dueDate === null || (r.doneDate ?? "") <= r.dueDate) f.doneOnTime++;
    } else if (r.status !== "cancelled") {
      f.open++;
      if (r.dueDate !== null && r.dueDate < asOf) f.overdue++;
    }
    if (r.extended > 0) f.extended++;
  }
  return f;
}

/** Share of resolutions done by their deadline among those whose deadline fell in [start, end]; null when none. */
export function onTimeRate(
  rows: Pick<ResolutionRow, "status" | "dueDate" | "doneDate">[],
  start: string,
  end: string,
): number | null {
  const due = rows.filter(
    (r) => r.dueDate !== null && r.dueDate >= start && r.dueDate <= end && r.status !== "cancelled",
  );
  if (due.length === 0) return null;
  return (
    due.filter((r) => r.status === "done" && r.doneDate !== null && r.doneDate <= (r.dueDate as string)).length /
    due.length
  );
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
      .all()
  );
}

/** Quarters ending with the given one, oldest first. */
function previousQuarters(year: number, quarter: number, n: number) {
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
 * Drafts a report from the data: figures per body, one section per committee (meetings, activities reported in
 * minutes, resolutions owned and their state), the annex of overdue resolutions, and the on-time rate over quarters.
 * Figures are counted as of the period's last day (or today, while the period runs).
 */
export function composeReport(p: Period, today = clock.today()) {
  const key = JSON.stringify(["report", p.kind, p.year, p.period, today]);
  return readCache.get(key, () => queryReport(p, today));
}

function queryReport(p: Period, today: string) {
  const range = periodRange(p);
  const asOf = range.end < today ? range.end : today;
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
    .where(
      and(
        eq(meetings.status, "final"),
        eq(bodies.outsideHq, false),
        gte(meetings.date, range.start),
        lte(meetings.date, range.end),
      ),
    )
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
  const passed = resolutionRows(and(gte(meetings.date, range.start), lte(meetings.date, range.end)));
  const lastQuarter = p.kind === "quarterly" ? p.period : p.period * 2;
  const quarters = previousQuarters(p.year, lastQuarter, 6);
  const trendStart = quarterRange(quarters[0].year, quarters[0].quarter).start;
  // Only what the report can show: passed in the period, still active, or due within the trend's quarters.
  const everything = resolutionRows(
    or(
      and(gte(meetings.date, range.start), lte(meetings.date, range.end)),
      isActiveSql,
      and(gte(resolutions.dueDate, trendStart), lte(resolutions.dueDate, range.end)),
    ),
  );

  const perBody = allBodies
    .map((b) => {
      const mine = held.filter((m) => m.bodyId === b.id);
      const rows = attendanceRows.filter((a) => mine.some((m) => m.id === a.meetingId));
      const present = rows.filter((a) => a.status === "present" || a.status === "represented").length;
      return {
        bodyId: b.id,
        name: b.name,
        kind: b.kind,
        meetings: mine.length,
        attendanceRate: rows.length ? present / rows.length : null,
        figures: figuresOf(
          passed.filter((r) => r.bodyId === b.id),
          asOf,
        ),
      };
    })
    .filter((b) => b.meetings > 0 || b.figures.passed > 0 || b.kind === "committee");

  // A committee's part counts its working groups' own meetings and resolutions (held under the committee), and what
  // the minutes gave the committee or one of its groups to do.
  const ownedBy = (bodyId: number) =>
    new Set(
      db
        .select({ id: resolutionOwners.resolutionId })
        .from(resolutionOwners)
        .where(
          or(
            eq(resolutionOwners.bodyId, bodyId),
            inArray(
              resolutionOwners.workingGroupId,
              db.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.committeeId, bodyId)),
            ),
          ),
        )
        .all()
        .map((r) => r.id),
    );
  const committees = allBodies
    .filter((b) => b.kind === "committee")
    .map((c) => {
      const owned = ownedBy(c.id);
      // Resolutions passed in the period; older ones still open are counted in the figures and listed in the annex.
      const mine = (r: ResolutionRow) => owned.has(r.id) || r.bodyId === c.id;
      const theirs = everything.filter((r) => mine(r) && r.meetingDate >= range.start && r.meetingDate <= range.end);
      const stillOpen = everything.filter((r) => mine(r) && r.meetingDate < range.start && isActive(r.status));
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
        .where(
          and(
            eq(committeeReports.bodyId, c.id),
            eq(meetings.status, "final"),
            gte(meetings.date, range.start),
            lte(meetings.date, range.end),
          ),
        )
        .orderBy(asc(meetings.date))
        .all();
      return {
        bodyId: c.id,
        name: c.name,
        isExternal: c.isExternal,
        meetings: held
          .filter((m) => m.bodyId === c.id)
          .map((m) => ({ number: m.number, date: m.date, groupName: m.groupName })),
        activities,
        figures: figuresOf([...theirs, ...stillOpen], asOf),
        // Done ones are counted above; the list keeps what still needs attention, so the report stays readable.
        resolutions: theirs
          .filter((r) => r.status !== "done")
          .map((r) => ({
            code: resolutionCode(r),
            subject: r.subject,
            status: r.status,
            dueDate: r.dueDate,
            doneDate: r.doneDate,
            overdue: isOverdue(r, asOf),
          })),
      };
    });

  const overdueRows = everything
    .filter((r) => isOverdue(r, asOf) && r.meetingDate <= range.end)
    .sort((a, b) => (a.dueDate as string).localeCompare(b.dueDate as string));
  // Owner names only for the rows the annex lists.
  const names = ownerNames(overdueRows.map((r) => r.id));
  const overdue = overdueRows.map((r) => ({
    code: resolutionCode(r),
    subject: r.subject,
    owners: names.get(r.id) ?? [],
    dueDate: r.dueDate as string,
    daysOverdue: daysBetween(r.dueDate as string, asOf),
  }));

  const trend = quarters.map((q) => {
    const r = quarterRange(q.year, q.quarter);
    return { year: q.year, quarter: q.quarter, rate: onTimeRate(everything, r.start, r.end) };
  });

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
    totals: figuresOf(passed, asOf),
    meetingsHeld: held.length,
    perBody,
    committees,
    overdue,
    trend,
  };
}

export type ReportData = ReturnType<typeof composeReport>;

/** The period's name, e.g. autumn 1405. */
export function periodName(p: Period, t: TFunction) {
  const label = p.kind === "quarterly" ? t(`reports.quarters.${p.period}`) : t(`reports.halves.${p.period}`);
  return `${label} ${t("reports.yearOnly", { year: p.year })}`;
}

// ---------- drafts, issue, archive ----------

/** The archive as this scope sees it: issued reports for every reader, drafts only for those who compose them. */
export function listReports(scope: Scope) {
  requireAllowed(canReadReports(scope), scope);
  return db
    .select({
      id: reports.id,
      kind: reports.kind,
      year: reports.year,
      period: reports.period,
      status: reports.status,
      number: reports.number,
      issuedAt: reports.issuedAt,
      sha256: reports.sha256,
      pages: reports.pages,
      replacesId: reports.replacesId,
      issuer: users.username,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.issuedBy))
    .where(canComposeReports(scope) ? undefined : eq(reports.status, "issued"))
    .orderBy(desc(reports.id))
    .all();
}

/** One report; null when missing, a ForbiddenError for a reader who may not see reports or (for a draft) compose them. */
export function getReport(scope: Scope, id: number) {
  requireAllowed(canReadReports(scope), scope);
  const report = db
    .select({
      id: reports.id,
      kind: reports.kind,
      year: reports.year,
      period: reports.period,
      status: reports.status,
      number: reports.number,
      issuedAt: reports.issuedAt,
      coverText: reports.coverText,
      notesJson: reports.notesJson,
      sha256: reports.sha256,
      pages: reports.pages,
      replacesId: reports.replacesId,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .where(eq(reports.id, id))
    .get();
  if (!report) return null;
  if (report.status === "draft") requireAllowed(canComposeReports(scope), scope);
  const replaces = report.replacesId
    ? (db
        .select({ id: reports.id, number: reports.number })
        .from(reports)
        .where(eq(reports.id, report.replacesId))
        .get() ?? null)
    : null;
  return { ...report, notes: JSON.parse(report.notesJson || "{}") as Record<string, string>, replaces };
}

/** Opens a draft for a period with the default cover letter (text from the locale, addressed to the HQ's head). */
export function createReportDraft(actor: Actor, p: Period, t: TFunction, replacesId: number | null = null): number {
  const data = composeReport(p);
  const coverText = t("reports.coverDefault", {
    addressee: data.addressee,
    kind: t(`reports.kinds.${p.kind}`),
    period: periodName(p, t),
  });
  return writeTransaction((tx) => {
    const { id } = tx
      .insert(reports)
      .values({ kind: p.kind, year: p.year, period: p.period, coverText, replacesId, createdBy: actor.userId })
      .returning({ id: reports.id })
      .get();
    recordAudit({ ...actor, action: "create", entity: "report", entityId: id, after: { ...p, replacesId } }, tx);
    return id;
  });
}

/** Saves the narrative of a draft; an issued report is refused (also by the database). */
export function updateReportDraft(
  actor: Actor,
  id: number,
  input: { coverText: string; notes: Record<string, string> },
) {
  try {
    writeTransaction((tx) => {
      const before = tx
        .select({ status: reports.status, coverText: reports.coverText, notesJson: reports.notesJson })
        .from(reports)
        .where(eq(reports.id, id))
        .get();
      if (!before) throw new NotFoundError();
      if (before.status === "issued") throw new RuleViolation("report_issued");
      const notesJson = JSON.stringify(input.notes);
      tx.update(reports)
        .set({ coverText: input.coverText, notesJson, updatedAt: clock.nowIso() })
        .where(eq(reports.id, id))
        .run();
      recordAudit(
        {
          ...actor,
          action: "update",
          entity: "report",
          entityId: id,
          before,
          after: { coverText: input.coverText, notesJson },
        },
        tx,
      );
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/** The next free number for a period: 1405-Q3-1, 1405-Q3-2 (for a correction), … */
function nextNumber(tx: Pick<typeof db, "select">, p: Period) {
  const prefix = `${p.year}-${p.kind === "quarterly" ? "Q" : "H"}${p.period}-`;
  const taken = tx
    .select({ number: reports.number })
    .from(reports)
    .where(sql`${reports.number} like ${`${prefix}%`}`)
    .all().length;
  return `${prefix}${taken + 1}`;
}

/** The number the draft will carry when issued. */
export function upcomingNumber(id: number) {
  const r = db
    .select({ kind: reports.kind, year: reports.year, period: reports.period })
    .from(reports)
    .where(eq(reports.id, id))
    .get();
  return r ? nextNumber(db, r) : null;
}

/**
 * Issues a draft with its printed PDF: numbered, dated, hashed, stored, and from then on immutable. The PDF was
 * printed from `printed` (the draft's narrative as read before printing); in the transaction that marks the report
 * issued, that text must still be the draft's, so the record never says what the PDF does not. If the narrative was
 * saved meanwhile, or another report took the number, nothing is issued and the issue can simply be tried again.
 */
export function issueReport(
  actor: Actor,
  id: number,
  printed: { number: string; coverText: string; notesJson: string },
  pdf: Buffer,
  pages: number,
) {
  const { number } = printed;
  try {
    return writeTransaction((tx) => {
      const r = tx
        .select({
          status: reports.status,
          kind: reports.kind,
          year: reports.year,
          period: reports.period,
          coverText: reports.coverText,
          notesJson: reports.notesJson,
        })
        .from(reports)
        .where(eq(reports.id, id))
        .get();
      if (!r) throw new NotFoundError();
      if (r.status === "issued") throw new RuleViolation("report_issued");
      if (r.coverText !== printed.coverText || r.notesJson !== printed.notesJson)
        throw new RuleViolation("report_changed");
      if (nextNumber(tx, r) !== number) throw new RuleViolation("duplicate");
      const sha256 = createHash("sha256").update(pdf).digest("hex");
      const issuedAt = clock.nowIso();
      tx.update(reports)
        .set({ status: "issued", number, issuedAt, issuedBy: actor.userId, pdfBlob: pdf, pages, sha256 })
        .where(eq(reports.id, id))
        .run();
      recordAudit({ ...actor, action: "issue", entity: "report", entityId: id, after: { number, sha256, pages } }, tx);
      return { number, sha256 };
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/** The stored PDF of an issued report. */
export function getReportPdf(scope: Scope, id: number) {
  requireAllowed(canReadReports(scope), scope);
  return (
    db
      .select({ pdf: reports.pdfBlob, number: reports.number, sha256: reports.sha256 })
      .from(reports)
      .where(and(eq(reports.id, id), eq(reports.status, "issued")))
      .get() ?? null
  );
}
