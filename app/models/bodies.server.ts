import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { type BodyKind, bodies, memberships, people, resolutions, workingGroups } from "../../db/schema";
import type { BodyInput } from "../schemas/organisation";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { comparePersian } from "../utils/normalize";
import { readCache } from "../utils/read-cache.server";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { type Actor, recordAudit } from "./audit.server";
import { isCurrent, isCurrentMembership } from "./memberships.server";
import { listWorkingGroupsOf } from "./working-groups.server";

const personColumns = {
  honorific: people.honorific,
  title: people.title,
  firstName: people.firstName,
  lastName: people.lastName,
};

export type BodySummary = {
  id: number;
  kind: BodyKind;
  name: string;
  parentId: number | null;
  isExternal: boolean;
  outsideHq: boolean;
  active: boolean;
  sortOrder: number;
  memberCount: number;
  groupCount: number;
  chair: PersonRef | null;
  secretary: PersonRef | null;
};
export type PersonRef = {
  id: number;
  honorific: "mr" | "ms";
  title: "dr" | "eng" | null;
  firstName: string;
  lastName: string;
};

/** Every body with its chair, secretary, current head count and open working groups, in the organisation's order. */
export function listBodies(): BodySummary[] {
  const today = clock.today();
  // Read by the organisation chart, the bodies list and the meetings filter; kept until the next write.
  return readCache.get(JSON.stringify(["bodies", today]), () => queryBodies(today));
}

function queryBodies(today: string): BodySummary[] {
  const rows = db.select().from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.id)).all();
  const seats = db
    .select({ bodyId: memberships.bodyId, role: memberships.role, id: people.id, ...personColumns })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(sql`${memberships.bodyId} is not null`, isCurrentMembership(today)))
    .all();
  const groups = db
    .select({ committeeId: workingGroups.committeeId, n: count() })
    .from(workingGroups)
    .where(isNull(workingGroups.closedAt))
    .groupBy(workingGroups.committeeId)
    .all();
  return rows.map((b) => {
    const mine = seats.filter((s) => s.bodyId === b.id);
    const pick = (role: string) => {
      const s = mine.find((m) => m.role === role);
      return s
        ? { id: s.id, honorific: s.honorific, title: s.title, firstName: s.firstName, lastName: s.lastName }
        : null;
    };
    return {
      id: b.id,
      kind: b.kind,
      name: b.name,
      parentId: b.parentId,
      isExternal: b.isExternal,
      outsideHq: b.outsideHq,
      active: b.active,
      sortOrder: b.sortOrder,
      memberCount: new Set(mine.map((m) => m.id)).size,
      groupCount: groups.find((g) => g.committeeId === b.id)?.n ?? 0,
      chair: pick("chair"),
      secretary: pick("secretary"),
    };
  });
}

/** One body with its current and past members and its working groups; null when there is none. */
export function getBody(id: number) {
  const body = db.select().from(bodies).where(eq(bodies.id, id)).get();
  if (!body) return null;
  const today = clock.today();
  const parent = body.parentId
    ? (db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.id, body.parentId)).get() ?? null)
    : null;
  const members = db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      letterNumber: memberships.letterNumber,
      letterDate: memberships.letterDate,
      personId: people.id,
      ...personColumns,
      organisation: people.organisation,
      position: people.position,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.bodyId, id))
    .all()
    .map((m) => ({ ...m, current: isCurrent(m.endDate, today) }));
  const roleOrder = { chair: 0, secretary: 1, member: 2 } as const;
  members.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || comparePersian(a.lastName, b.lastName));
  const groups = listWorkingGroupsOf(id);
  const children = db
    .select({ id: bodies.id, name: bodies.name, kind: bodies.kind, active: bodies.active })
    .from(bodies)
    .where(eq(bodies.parentId, id))
    .orderBy(asc(bodies.sortOrder))
    .all();
  return { body, parent, members, groups, children };
}

/** Bodies that may be chosen as a parent of `id` (not itself, nor anything under it). */
export function listParentOptions(id?: number) {
  const all = db
    .select({ id: bodies.id, name: bodies.name, parentId: bodies.parentId, kind: bodies.kind })
    .from(bodies)
    .all();
  if (!id) return all;
  const excluded = descendantsOf(all, id);
  return all.filter((b) => !excluded.has(b.id));
}

function descendantsOf(all: { id: number; parentId: number | null }[], id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of all) {
      if (b.parentId !== null && out.has(b.parentId) && !out.has(b.id)) {
        out.add(b.id);
        grew = true;
      }
    }
  }
  return out;
}

function checkParent(tx: Pick<typeof db, "select">, input: BodyInput, id?: number) {
  if (input.outsideHq) {
    // A council outside the HQ hangs under nothing of the HQ, and the HQ itself cannot be outside it.
    if (input.kind === "headquarters") throw new RuleViolation("hqNotOutside", "outsideHq");
    if (input.parentId !== null) throw new RuleViolation("outsideHqNoParent", "parentId");
    return;
  }
  if (input.kind === "headquarters") {
    if (input.parentId !== null) throw new RuleViolation("hqHasNoParent", "parentId");
    return;
  }
  if (input.parentId === null) throw new RuleViolation("parentRequired", "parentId");
  const all = tx.select({ id: bodies.id, parentId: bodies.parentId }).from(bodies).all();
  if (!all.some((b) => b.id === input.parentId)) throw new RuleViolation("parentRequired", "parentId");
  if (id && descendantsOf(all, id).has(input.parentId)) throw new RuleViolation("parentCycle", "parentId");
}

export function createBody(actor: Actor, input: BodyInput): number {
  try {
    return writeTransaction((tx) => {
      checkParent(tx, input);
      const { id } = tx
        .insert(bodies)
        .values({ ...input, active: true, sortOrder: 100 })
        .returning({ id: bodies.id })
        .get();
      recordAudit({ ...actor, action: "create", entity: "body", entityId: id, after: input }, tx);
      return id;
    });
  } catch (error) {
    throw bodyRefusal(error) ?? error;
  }
}

/** Whether the body has passed resolutions (its numbering is then fixed). */
export function bodyHasResolutions(id: number): boolean {
  return Boolean(db.select({ id: resolutions.id }).from(resolutions).where(eq(resolutions.bodyId, id)).limit(1).get());
}

/** A refusal of the body form, on the field it concerns (the name, unless a rule says otherwise). */
const FIELD_OF_RULE: Record<string, string> = { numbering_in_use: "resolutionNumbering", quorum_rule: "quorumCount" };
const bodyRefusal = (error: unknown) => {
  const rule = asRuleViolation(error, "name");
  if (rule) rule.field = FIELD_OF_RULE[rule.code] ?? rule.field;
  return rule;
};

export function updateBody(actor: Actor, id: number, input: BodyInput) {
  try {
    writeTransaction((tx) => {
      const before = tx.select().from(bodies).where(eq(bodies.id, id)).get();
      if (!before) throw new NotFoundError();
      checkParent(tx, input, id);
      tx.update(bodies)
        .set({ ...input, updatedAt: clock.nowIso() })
        .where(eq(bodies.id, id))
        .run();
      const { createdAt: _c, updatedAt: _u, ...snapshot } = before;
      recordAudit(
        {
          ...actor,
          action: "update",
          entity: "body",
          entityId: id,
          before: snapshot,
          after: { ...snapshot, ...input },
        },
        tx,
      );
    });
  } catch (error) {
    throw bodyRefusal(error) ?? error;
  }
}
