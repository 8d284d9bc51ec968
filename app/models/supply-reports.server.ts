/**
 * What the reports make of the data-supply pipeline (supply.server.ts): the data-supply committee's weekly status
 * (a page, a PDF, a committee report put into the council's next minutes), the per-agency figures of the quarterly and
 * half-year reports as of a period's end, and the dashboard's agencies × data sets matrix. Reads take the scope,
 * but for the report composition's own read (`agencySupplyAsOf`).
 */

import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { TFunction } from "i18next";
import { bodies, dataDeliveries, dataSetChanges, dataSets, meetings, organisations } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { formatCount, type Lang } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { addDays, formatJalali, type IsoDate, isIsoDate } from "../utils/jalali";
import { comparePersian } from "../utils/normalize";
import { RuleViolation } from "../utils/rules";
import { isDelivered, isLate, type Stage } from "../utils/supply-stages";
import { canEditMinutesOf, canPutSupplyIntoMinutes, canReadSupply, requireAllowed, type Scope } from "./access.server";
import type { Actor } from "./audit.server";
import { saveDraft } from "./drafts.server";
import { getMeeting } from "./meetings.server";
import { listDataSets, listStages } from "./supply.server";

/** The changes of data sets between two days (inclusive), newest first, with the data set, agency and stages. */
export function changesBetween(scope: Scope, from: IsoDate, to: IsoDate) {
  requireAllowed(canReadSupply(scope), scope);
  return queryChanges(from, to);
}

function queryChanges(from: IsoDate, to: IsoDate) {
  const stageName = new Map(listStages().map((s) => [s.id, s]));
  return db
    .select({
      id: dataSetChanges.id,
      date: dataSetChanges.date,
      fromStageId: dataSetChanges.fromStageId,
      toStageId: dataSetChanges.toStageId,
      note: dataSetChanges.note,
      dataSetId: dataSets.id,
      dataSetName: dataSets.name,
      organisationId: dataSets.organisationId,
      organisationName: organisations.name,
      recordCount: dataDeliveries.recordCount,
      deliveredOn: dataDeliveries.deliveredOn,
      period: dataDeliveries.period,
      findings: dataDeliveries.findings,
    })
    .from(dataSetChanges)
    .innerJoin(dataSets, eq(dataSets.id, dataSetChanges.dataSetId))
    .innerJoin(organisations, eq(organisations.id, dataSets.organisationId))
    .leftJoin(dataDeliveries, eq(dataDeliveries.changeId, dataSetChanges.id))
    .where(and(gte(dataSetChanges.date, from), lte(dataSetChanges.date, to)))
    .orderBy(desc(dataSetChanges.date), desc(dataSetChanges.id))
    .all()
    .map((c) => ({
      ...c,
      fromStageName: c.fromStageId ? (stageName.get(c.fromStageId)?.name ?? "") : null,
      toStageName: stageName.get(c.toStageId)?.name ?? "",
    }));
}

/**
 * The data-supply committee's weekly status report (resolution ۲): the changes of the seven days ending `weekEnd`,
 * what is late (by days, oldest first) and what is blocked, on whom.
 */
export function weeklyStatus(scope: Scope, weekEnd = clock.today()) {
  const from = addDays(weekEnd, -6);
  const all = listDataSets(scope, {}, weekEnd);
  const late = all
    .filter((d) => d.late)
    .map((d) => ({ ...d, daysLate: d.dueDate ? Math.round((Date.parse(weekEnd) - Date.parse(d.dueDate)) / 864e5) : 0 }))
    .sort((a, b) => b.daysLate - a.daysLate);
  return {
    from,
    to: weekEnd,
    changes: changesBetween(scope, from, weekEnd),
    late,
    blocked: all.filter((d) => d.blockedOn.trim() !== ""),
    totals: supplyTotals(all),
  };
}

type Counted = { stageKind: Stage["kind"]; late: boolean };
/** The figures of a list of data sets: how many, delivered (or accepted), accepted, late, sent back. */
export function supplyTotals(rows: readonly Counted[]) {
  return {
    total: rows.length,
    delivered: rows.filter((r) => isDelivered(r.stageKind)).length,
    accepted: rows.filter((r) => r.stageKind === "accepted").length,
    late: rows.filter((r) => r.late).length,
    problems: rows.filter((r) => r.stageKind === "problem").length,
  };
}

/**
 * Per agency, as of a day: its data sets due (schedule by then), delivered, accepted and late, and the changes
 * between `from` and `to` — the data-supply section of the quarterly report and the heart of the half-year report.
 * An agency «has carried out the circular» when every data set due has been delivered (and one has).
 */
export function supplyByAgency(scope: Scope, from: IsoDate, to: IsoDate) {
  requireAllowed(canReadSupply(scope), scope);
  return agencySupplyAsOf(from, to);
}

/** Changes of the period a report lists (stage moves and deliveries; notes alone are left to the weekly report). */
export const REPORT_CHANGES_MAX = 200;

/**
 * `supplyByAgency` without the scope check, for the report composition (whose readers read all, as its documents
 * annex is read). Each data set counts in the stage it stood in on `to` — its last change dated by then — so a report
 * of a past period says what was true at its end; data sets added after `to` are not in it.
 */
export function agencySupplyAsOf(from: IsoDate, to: IsoDate) {
  const stages = new Map(listStages().map((s) => [s.id, s]));
  const all = db
    .select({
      id: dataSets.id,
      name: dataSets.name,
      organisationId: dataSets.organisationId,
      organisationName: organisations.name,
      dueDate: dataSets.dueDate,
      stageId: sql<number | null>`(select c.to_stage_id from data_set_changes c where c.data_set_id = "data_sets"."id"
        and c.date <= ${to} order by c.date desc, c.id desc limit 1)`,
    })
    .from(dataSets)
    .innerJoin(organisations, eq(organisations.id, dataSets.organisationId))
    .all()
    .flatMap((d) => {
      const stage = d.stageId === null ? undefined : stages.get(d.stageId);
      if (!stage) return [];
      return [{ ...d, stageKind: stage.kind, late: isLate({ stageKind: stage.kind, dueDate: d.dueDate }, to) }];
    });
  const changes = queryChanges(from, to);
  const agencies = new Map<number, { id: number; name: string; rows: typeof all }>();
  for (const d of all) {
    const a = agencies.get(d.organisationId) ?? { id: d.organisationId, name: d.organisationName, rows: [] };
    a.rows.push(d);
    agencies.set(d.organisationId, a);
  }
  const perAgency = new Map<number, number>();
  for (const c of changes) perAgency.set(c.organisationId, (perAgency.get(c.organisationId) ?? 0) + 1);
  const rows = [...agencies.values()]
    .map((a) => {
      const totals = supplyTotals(a.rows);
      const due = a.rows.filter((d) => d.dueDate !== null && d.dueDate <= to);
      return {
        id: a.id,
        name: a.name,
        ...totals,
        due: due.length,
        changes: perAgency.get(a.id) ?? 0,
        done: due.every((d) => isDelivered(d.stageKind)) && a.rows.some((d) => isDelivered(d.stageKind)),
      };
    })
    .sort((a, b) => comparePersian(a.name, b.name));
  const listed = changes.filter((c) => c.fromStageId !== null || c.deliveredOn !== null);
  return {
    rows,
    totals: { ...supplyTotals(all), due: rows.reduce((n, r) => n + r.due, 0) },
    changes,
    listedChanges: listed.slice(0, REPORT_CHANGES_MAX).map((c) => ({
      id: c.id,
      date: c.date,
      organisationName: c.organisationName,
      dataSetName: c.dataSetName,
      fromStageName: c.fromStageName,
      toStageName: c.toStageName,
      recordCount: c.recordCount,
    })),
    moreChanges: Math.max(0, listed.length - REPORT_CHANGES_MAX),
  };
}

/** The agencies × data sets matrix of the dashboard: each agency's data sets with their stage. */
export function supplyMatrix(scope: Scope, today = clock.today()) {
  const all = listDataSets(scope, {}, today);
  const stages = listStages();
  const byAgency = new Map<number, { id: number; name: string; sets: typeof all }>();
  for (const d of all) {
    const a = byAgency.get(d.organisationId) ?? { id: d.organisationId, name: d.organisationName, sets: [] };
    a.sets.push(d);
    byAgency.set(d.organisationId, a);
  }
  return {
    stages,
    agencies: [...byAgency.values()],
    byStage: stages.map((s) => ({ ...s, count: all.filter((d) => d.stageId === s.id).length })),
  };
}

/** The weekly report as the text of a committee report in minutes (one paragraph per part, Persian digits). */
export function weeklyReportText(report: ReturnType<typeof weeklyStatus>, t: TFunction, lang: Lang): string {
  const d = (iso: string) => formatJalali(iso, lang);
  const lines = [
    t("supply.weekly.textHead", { from: d(report.from), to: d(report.to) }),
    t("supply.weekly.textTotals", {
      total: formatCount(report.totals.total, lang),
      delivered: formatCount(report.totals.delivered, lang),
      accepted: formatCount(report.totals.accepted, lang),
      late: formatCount(report.totals.late, lang),
    }),
    ...report.changes.map((c) =>
      t("supply.weekly.textChange", {
        agency: c.organisationName,
        dataSet: c.dataSetName,
        what: c.fromStageName ? `${c.fromStageName} ← ${c.toStageName}` : c.toStageName,
        note: c.note ? ` (${c.note})` : "",
      }),
    ),
    ...report.late.map((l) =>
      t("supply.weekly.textLate", {
        agency: l.organisationName,
        dataSet: l.name,
        count: l.daysLate,
      }),
    ),
    ...report.blocked.map((b) => t("supply.weekly.textBlocked", { dataSet: b.name, who: b.blockedOn })),
  ];
  return lines.join("\n");
}

/**
 * Puts the weekly report into the next council meeting's open minutes as the committee's report, in one action:
 * the council's earliest draft; refused when it has none. Returns the meeting's id.
 */
/**
 * The committees whose progress report the weekly report may be put in as: those that follow a data set (all active
 * committees and the council while no data set names one).
 */
export function weeklyReportCommittees(): { id: number; name: string }[] {
  const all = db
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.active, true), inArray(bodies.kind, ["committee", "council"])))
    .all();
  const following = new Set(
    db
      .selectDistinct({ id: dataSets.committeeId })
      .from(dataSets)
      .all()
      .map((r) => r.id),
  );
  const chosen = all.filter((c) => following.has(c.id));
  return (chosen.length ? chosen : all).sort((a, b) => comparePersian(a.name, b.name));
}

export function putWeeklyIntoMinutes(
  actor: Actor,
  scope: Scope,
  committeeId: number,
  text: string,
): { meetingId: number } {
  requireAllowed(canPutSupplyIntoMinutes(scope), scope);
  if (!weeklyReportCommittees().some((c) => c.id === committeeId)) throw new RuleViolation("supply_report_committee");
  const draft = db
    .select({ id: meetings.id, bodyId: meetings.bodyId })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(bodies.kind, "council"), eq(meetings.status, "draft"), isNull(meetings.workingGroupId)))
    .orderBy(asc(meetings.date), asc(meetings.id))
    .get();
  if (!draft) throw new RuleViolation("supply_no_council_draft");
  requireAllowed(canEditMinutesOf(scope, draft.bodyId), scope);
  const found = getMeeting(scope, draft.id);
  if (!found) throw new NotFoundError();
  const doc = found.doc;
  const saved = saveDraft(actor, draft.id, {
    version: found.meeting.version,
    saveId: `supply-weekly-${clock.nowMs()}`,
    doc: {
      ...doc,
      reports: [...doc.reports, { key: `supply${clock.nowMs()}`, id: null, agendaKey: "", bodyId: committeeId, text }],
    },
  });
  if (!saved.ok) throw new RuleViolation("supply_no_council_draft");
  return { meetingId: draft.id };
}

/** The last day of the week reported on: `?to=` (an ISO date, not after today), or today. */
export function weekEndOf(request: Request): IsoDate {
  const to = new URL(request.url).searchParams.get("to");
  const today = clock.today();
  return to && isIsoDate(to) && to <= today && to >= "2000-01-01" ? to : today;
}
