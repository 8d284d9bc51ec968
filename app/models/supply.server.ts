/**
 * The data-supply pipeline (تأمین داده): the data sets each agency must deliver to the Statistical Centre, the stages
 * they pass (named and ordered by the secretariat), the dated history of their changes with documents, and what
 * arrived. Reads take the scope; changes are the secretariat's and the following committee's leaders'. What the
 * reports make of it (the weekly status, the quarterly and half-year figures, the dashboard's matrix) is in
 * supply-reports.server.ts.
 */

import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, type SQL, sql } from "drizzle-orm";
import {
  bodies,
  dataDeliveries,
  dataSetChanges,
  dataSets,
  meetings,
  organisations,
  people,
  resolutions,
  supplyStages,
  users,
} from "../../db/schema";
import { slicePage } from "../schemas/paging";
import type { ChangeInput, DataSetInput } from "../schemas/supply";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError, ValidationError } from "../utils/errors";
import { type IsoDate, nextWorkingDay } from "../utils/jalali";
import { comparePersian, searchKey } from "../utils/normalize";
import { formatPersonName } from "../utils/person-name";
import { readCache } from "../utils/read-cache.server";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { allowedMoves, canMove, DELIVERED_KINDS, firstStage, isLate, type Stage } from "../utils/supply-stages";
import {
  cacheKey,
  canChangeDataSet,
  canManageSupply,
  canReadSupply,
  requireAllowed,
  type Scope,
} from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { getWorkCalendar } from "./calendar.server";
import { type CheckedFile, insertDocuments, listDocuments } from "./documents.server";
import { groupOrdinalSql, resolutionCode } from "./resolutions.server";

/** The pipeline's stages in order (the problem stage last). */
export function listStages(): Stage[] {
  return db.select().from(supplyStages).orderBy(asc(supplyStages.position)).all();
}

/** Renames the stages and puts them in the given order (the secretariat); the problem stage keeps its meaning. */
export function setStages(actor: Actor, scope: Scope, stages: { id: number; name: string }[]) {
  requireAllowed(canManageSupply(scope), scope);
  const before = listStages();
  if (stages.length !== before.length || !before.every((s) => stages.some((n) => n.id === s.id)))
    throw new ValidationError();
  if (stages.some((s) => !s.name.trim())) throw new RuleViolation("supply_stage_name", "stages");
  writeTransaction((tx) => {
    // Positions are unique: move them out of the way first.
    for (const [i, s] of stages.entries())
      tx.update(supplyStages)
        .set({ position: -1 - i })
        .where(eq(supplyStages.id, s.id))
        .run();
    for (const [i, s] of stages.entries())
      tx.update(supplyStages)
        .set({ position: (i + 1) * 10, name: s.name.trim() })
        .where(eq(supplyStages.id, s.id))
        .run();
    recordAudit({ ...actor, action: "update", entity: "supply_stages", before, after: stages }, tx);
  });
}

const itemList = (items: string) =>
  items
    .split(/\n+|[،,]\s*/)
    .map((i) => i.trim())
    .filter(Boolean);

/** The deadline a schedule date gives: the date itself, or the next working day when it is a day off. */
export function dueDateOf(scheduleDate: IsoDate | null): IsoDate | null {
  return scheduleDate ? nextWorkingDay(scheduleDate, getWorkCalendar()) : null;
}

const listSelect = {
  id: dataSets.id,
  name: dataSets.name,
  level: dataSets.level,
  frequency: dataSets.frequency,
  organisationId: dataSets.organisationId,
  organisationName: organisations.name,
  committeeId: dataSets.committeeId,
  committeeName: bodies.name,
  resolutionId: dataSets.resolutionId,
  scheduleDate: dataSets.scheduleDate,
  dueDate: dataSets.dueDate,
  stageId: dataSets.stageId,
  stageName: supplyStages.name,
  stageKind: supplyStages.kind,
  stagePosition: supplyStages.position,
  blockedOn: dataSets.blockedOn,
  updatedAt: dataSets.updatedAt,
};

export type SupplyFilter = {
  q?: string;
  organisationId?: number | null;
  committeeId?: number | null;
  stageId?: number | null;
  level?: string | null;
  late?: boolean;
};

/**
 * The filter as SQL conditions on data sets: words in the search key, and late as `isLate` says (not in a delivered
 * stage, deadline before today), so the database picks the rows before any is read whole.
 */
function filterConditions(filter: SupplyFilter, today: IsoDate): SQL | undefined {
  const words = (filter.q ?? "").split(/\s+/).map(searchKey).filter(Boolean);
  return and(
    filter.organisationId ? eq(dataSets.organisationId, filter.organisationId) : undefined,
    filter.committeeId ? eq(dataSets.committeeId, filter.committeeId) : undefined,
    filter.stageId ? eq(dataSets.stageId, filter.stageId) : undefined,
    filter.level ? eq(dataSets.level, filter.level as "PIN") : undefined,
    ...words.map((w) => sql`instr(${dataSets.searchKey}, ${w}) > 0`),
    filter.late
      ? and(
          isNotNull(dataSets.dueDate),
          lt(dataSets.dueDate, today),
          inArray(
            dataSets.stageId,
            db
              .select({ id: supplyStages.id })
              .from(supplyStages)
              .where(notInArray(supplyStages.kind, [...DELIVERED_KINDS])),
          ),
        )
      : undefined,
  );
}

type Ordered = { organisationName: string; name: string };
/** The lists' order: agency, then data set, in Persian order. */
const byAgencyThenName = (a: Ordered, b: Ordered) =>
  comparePersian(a.organisationName, b.organisationName) || comparePersian(a.name, b.name);

/** The data sets (agency × data set), filtered, each with its stage and whether it is late; agencies in Persian order. */
export function listDataSets(scope: Scope, filter: SupplyFilter = {}, today = clock.today()) {
  requireAllowed(canReadSupply(scope), scope);
  return db
    .select(listSelect)
    .from(dataSets)
    .innerJoin(organisations, eq(organisations.id, dataSets.organisationId))
    .innerJoin(bodies, eq(bodies.id, dataSets.committeeId))
    .innerJoin(supplyStages, eq(supplyStages.id, dataSets.stageId))
    .where(filterConditions(filter, today))
    .all()
    .map((d) => ({ ...d, late: isLate(d, today) }))
    .sort(byAgencyThenName);
}

/**
 * One page of `listDataSets` (same filter, same order) with the count of all that match, kept in the read cache until
 * the next write. The filter (late included) runs in SQL and the order reads only each data set's id, name and
 * agency; only the page's rows are read whole and judged late (on ten years of data, reading and judging all 400 on
 * every request kept the list at 0.16–0.32 × the floor).
 */
export function pageDataSets(scope: Scope, filter: SupplyFilter, page: number, size: number, today = clock.today()) {
  requireAllowed(canReadSupply(scope), scope);
  return readCache.get(cacheKey(scope, "supplyPage", filter, page, size, today), () =>
    queryDataSetPage(filter, page, size, today),
  );
}

function queryDataSetPage(filter: SupplyFilter, page: number, size: number, today: IsoDate) {
  const found = db
    .select({ id: dataSets.id, name: dataSets.name, organisationId: dataSets.organisationId })
    .from(dataSets)
    .where(filterConditions(filter, today))
    .all();
  // Agencies are few: their Persian order is worked out once, then data sets are compared by name within one.
  const rank = agencyRanks();
  found.sort(
    (a, b) => (rank.get(a.organisationId) ?? 0) - (rank.get(b.organisationId) ?? 0) || comparePersian(a.name, b.name),
  );
  const shown = slicePage(found, page, size);
  const ids = shown.rows.map((r) => r.id);
  // Only what the list shows travels to the page (and into its hydration data).
  const byId = new Map(
    (ids.length
      ? db
          .select({
            id: dataSets.id,
            name: dataSets.name,
            level: dataSets.level,
            organisationId: dataSets.organisationId,
            organisationName: organisations.name,
            dueDate: dataSets.dueDate,
            stageName: supplyStages.name,
            stageKind: supplyStages.kind,
            blockedOn: dataSets.blockedOn,
          })
          .from(dataSets)
          .innerJoin(organisations, eq(organisations.id, dataSets.organisationId))
          .innerJoin(supplyStages, eq(supplyStages.id, dataSets.stageId))
          .where(inArray(dataSets.id, ids))
          .all()
      : []
    ).map((d) => [d.id, d]),
  );
  return {
    ...shown,
    rows: ids.flatMap((id) => {
      const d = byId.get(id);
      return d ? [{ ...d, late: isLate(d, today) }] : [];
    }),
  };
}

/** Each organisation's place in the Persian order of their names (ties keep one place). */
function agencyRanks(): Map<number, number> {
  const all = db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .all()
    .sort((a, b) => comparePersian(a.name, b.name));
  const rank = new Map<number, number>();
  all.forEach((o, i) => {
    const before = all[i - 1];
    rank.set(o.id, before && comparePersian(before.name, o.name) === 0 ? (rank.get(before.id) ?? i) : i);
  });
  return rank;
}

/** The data sets of one agency (its page), or approved by one resolution (the resolution's page). */
export function dataSetsOf(scope: Scope, of: { organisationId: number } | { resolutionId: number }) {
  if (!canReadSupply(scope)) return [];
  const where =
    "organisationId" in of
      ? eq(dataSets.organisationId, of.organisationId)
      : eq(dataSets.resolutionId, of.resolutionId);
  const today = clock.today();
  return db
    .select(listSelect)
    .from(dataSets)
    .innerJoin(organisations, eq(organisations.id, dataSets.organisationId))
    .innerJoin(bodies, eq(bodies.id, dataSets.committeeId))
    .innerJoin(supplyStages, eq(supplyStages.id, dataSets.stageId))
    .where(where)
    .all()
    .map((d) => ({ ...d, late: isLate(d, today) }))
    .sort(byAgencyThenName);
}

/** One data set with its history (who, note, documents, delivery), the moves it may make and who may make them. */
export function getDataSet(scope: Scope, id: number, today = clock.today()) {
  requireAllowed(canReadSupply(scope), scope);
  const row = db
    .select({ ...listSelect, items: dataSets.items, createdAt: dataSets.createdAt })
    .from(dataSets)
    .innerJoin(organisations, eq(organisations.id, dataSets.organisationId))
    .innerJoin(bodies, eq(bodies.id, dataSets.committeeId))
    .innerJoin(supplyStages, eq(supplyStages.id, dataSets.stageId))
    .where(eq(dataSets.id, id))
    .get();
  if (!row) return null;
  const resolution = row.resolutionId
    ? db
        .select({
          id: resolutions.id,
          number: resolutions.number,
          subject: resolutions.subject,
          meetingNumber: meetings.number,
          bodyCode: bodies.code,
          bodyId: bodies.id,
          bodyName: bodies.name,
          groupOrdinal: groupOrdinalSql,
          numbering: bodies.resolutionNumbering,
        })
        .from(resolutions)
        .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(eq(resolutions.id, row.resolutionId))
        .get()
    : undefined;
  const stages = listStages();
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const changes = db
    .select({
      id: dataSetChanges.id,
      date: dataSetChanges.date,
      fromStageId: dataSetChanges.fromStageId,
      toStageId: dataSetChanges.toStageId,
      note: dataSetChanges.note,
      blockedOn: dataSetChanges.blockedOn,
      createdAt: dataSetChanges.createdAt,
      username: users.username,
      person: people,
    })
    .from(dataSetChanges)
    .leftJoin(users, eq(users.id, dataSetChanges.createdBy))
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(dataSetChanges.dataSetId, id))
    .orderBy(desc(dataSetChanges.date), desc(dataSetChanges.id))
    .all();
  const deliveries = db
    .select()
    .from(dataDeliveries)
    .where(eq(dataDeliveries.dataSetId, id))
    .orderBy(desc(dataDeliveries.deliveredOn), desc(dataDeliveries.id))
    .all();
  const documents = listDocuments(
    scope,
    changes.map((c) => ({ entity: "data_set_change" as const, entityId: c.id })),
  );
  const canChange = canChangeDataSet(scope, row);
  return {
    dataSet: {
      ...row,
      itemList: itemList(row.items),
      late: isLate(row, today),
      resolution: resolution ? { ...resolution, code: resolutionCode(resolution) } : null,
    },
    history: changes.map(({ person, username, ...c }) => ({
      ...c,
      fromStageName: c.fromStageId ? (stageName.get(c.fromStageId) ?? "") : null,
      toStageName: stageName.get(c.toStageId) ?? "",
      by: person ? formatPersonName(person, "fa") : (username ?? ""),
      delivery: deliveries.find((d) => d.changeId === c.id) ?? null,
      documents: documents.filter((d) => d.entityId === c.id),
    })),
    deliveries,
    stages,
    moves: canChange ? allowedMoves(stages, row.stageId) : [],
    canChange,
    canManage: canManageSupply(scope),
  };
}

const values = (input: DataSetInput) => ({
  organisationId: input.organisationId,
  name: input.name.trim(),
  level: input.level,
  items: itemList(input.items).join("\n"),
  frequency: input.frequency,
  resolutionId: input.resolutionId,
  committeeId: input.committeeId,
  scheduleDate: input.scheduleDate,
  dueDate: dueDateOf(input.scheduleDate),
});

function checkRefs(input: DataSetInput) {
  const committee = db.select({ kind: bodies.kind }).from(bodies).where(eq(bodies.id, input.committeeId)).get();
  if (!committee) throw new RuleViolation("supply_committee", "committeeId");
  if (!db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get())
    throw new RuleViolation("supply_agency", "organisationId");
  if (
    input.resolutionId &&
    !db.select({ id: resolutions.id }).from(resolutions).where(eq(resolutions.id, input.resolutionId)).get()
  )
    throw new RuleViolation("supply_resolution", "resolutionId");
}

const nameRefusal = (error: unknown) => {
  const rule = asRuleViolation(error, "name");
  if (rule?.code === "duplicate") rule.code = "supply_name_taken";
  return rule;
};

/** Adds a data set an agency must deliver (the secretariat); it starts at the first stage. Returns its id. */
export function createDataSet(actor: Actor, scope: Scope, input: DataSetInput, on = clock.today()): number {
  requireAllowed(canManageSupply(scope), scope);
  checkRefs(input);
  const v = values(input);
  try {
    return writeTransaction((tx) => {
      const first = firstStage(tx.select().from(supplyStages).all());
      if (!first) throw new RuleViolation("supply_first_stage");
      const agency = tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, v.organisationId))
        .get();
      const { id } = tx
        .insert(dataSets)
        .values({ ...v, stageId: first.id, searchKey: searchKey(`${v.name} ${agency?.name ?? ""} ${v.items}`) })
        .returning({ id: dataSets.id })
        .get();
      tx.insert(dataSetChanges)
        .values({ dataSetId: id, date: on, fromStageId: null, toStageId: first.id, createdBy: actor.userId })
        .run();
      recordAudit({ ...actor, action: "create", entity: "data_set", entityId: id, after: v }, tx);
      return id;
    });
  } catch (error) {
    throw nameRefusal(error) ?? error;
  }
}

/** Changes what a data set is (the secretariat); its stage changes only through `recordChange`. */
export function updateDataSet(actor: Actor, scope: Scope, id: number, input: DataSetInput) {
  requireAllowed(canManageSupply(scope), scope);
  checkRefs(input);
  const v = values(input);
  try {
    writeTransaction((tx) => {
      const before = tx.select().from(dataSets).where(eq(dataSets.id, id)).get();
      if (!before) throw new NotFoundError();
      const agency = tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, v.organisationId))
        .get();
      tx.update(dataSets)
        .set({ ...v, searchKey: searchKey(`${v.name} ${agency?.name ?? ""} ${v.items}`), updatedAt: clock.nowIso() })
        .where(eq(dataSets.id, id))
        .run();
      recordAudit({ ...actor, action: "update", entity: "data_set", entityId: id, before, after: v }, tx);
    });
  } catch (error) {
    throw nameRefusal(error) ?? error;
  }
}

/**
 * Records a change of a data set: a move to another stage (only the pipeline's moves), or a note or delivery in its
 * stage; with a delivery (date, period, records, findings) and documents (the agency's letter, the NDA, a quality
 * report), all in one transaction. Returns the change's id.
 */
export function recordChange(
  actor: Actor & { userId: number | null },
  scope: Scope,
  id: number,
  input: Omit<ChangeInput, "intent">,
  files: CheckedFile[] = [],
): number {
  const current = db.select().from(dataSets).where(eq(dataSets.id, id)).get();
  if (!current) throw new NotFoundError();
  requireAllowed(canReadSupply(scope) && canChangeDataSet(scope, current), scope);
  if (input.date > clock.today()) throw new RuleViolation("supply_future_date", "date");
  try {
    return writeTransaction((tx) => {
      const row = tx.select().from(dataSets).where(eq(dataSets.id, id)).get();
      if (!row) throw new NotFoundError();
      const stages = tx.select().from(supplyStages).all();
      const moves = input.toStageId !== row.stageId;
      if (moves && !canMove(stages, row.stageId, input.toStageId))
        throw new RuleViolation("supply_stage_move", "toStageId");
      if (!moves && !input.note && !input.delivered && files.length === 0 && input.blockedOn === row.blockedOn)
        throw new RuleViolation("supply_nothing", "note");
      tx.update(dataSets)
        .set({ stageId: input.toStageId, blockedOn: input.blockedOn, updatedAt: clock.nowIso() })
        .where(eq(dataSets.id, id))
        .run();
      const { id: changeId } = tx
        .insert(dataSetChanges)
        .values({
          dataSetId: id,
          date: input.date,
          fromStageId: moves ? row.stageId : null,
          toStageId: input.toStageId,
          note: input.note,
          blockedOn: input.blockedOn,
          createdBy: actor.userId,
        })
        .returning({ id: dataSetChanges.id })
        .get();
      if (input.delivered)
        tx.insert(dataDeliveries)
          .values({
            dataSetId: id,
            changeId,
            deliveredOn: input.date,
            period: input.period,
            recordCount: input.recordCount,
            findings: input.findings,
          })
          .run();
      if (files.length) insertDocuments(tx, actor, { entity: "data_set_change", entityId: changeId }, files);
      recordAudit(
        {
          ...actor,
          action: "update",
          entity: "data_set",
          entityId: id,
          before: { stageId: row.stageId, blockedOn: row.blockedOn },
          after: { ...input, changeId },
        },
        tx,
      );
      return changeId;
    });
  } catch (error) {
    throw asRuleViolation(error, "toStageId") ?? error;
  }
}

/** The data set a change belongs to (for its documents' rights). */
export function dataSetOfChange(changeId: number) {
  return db
    .select({ id: dataSets.id, committeeId: dataSets.committeeId })
    .from(dataSetChanges)
    .innerJoin(dataSets, eq(dataSets.id, dataSetChanges.dataSetId))
    .where(eq(dataSetChanges.id, changeId))
    .get();
}

/** Organisations a data set may belong to and committees that may follow it, for the data-set form (read cache). */
export function dataSetFormOptions() {
  return readCache.get(JSON.stringify(["dataSetFormOptions"]), queryFormOptions);
}

function queryFormOptions() {
  return {
    agencies: db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.active, true))
      .all()
      .sort((a, b) => comparePersian(a.name, b.name)),
    committees: db
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .where(and(eq(bodies.active, true), inArray(bodies.kind, ["committee", "council"])))
      .all(),
  };
}
