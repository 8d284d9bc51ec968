/** Organisations outside the HQ (دستگاه‌های اجرایی، استان‌ها، پژوهشکده آمار…): they own resolutions and send people. */
import { and, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { bodies, meetings, organisations, people, resolutionOwners, resolutions } from "../../db/schema";
import type { OrganisationInput } from "../schemas/organisation";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { comparePersian, searchKey } from "../utils/normalize";
import { asRuleViolation } from "../utils/rules";
import { type Scope, visibleResolutionSql } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { groupOrdinalSql, resolutionCode } from "./resolutions.server";

/** An organisation's other names, one a line, trimmed and without repeats or the name itself. */
export function aliasList(aliases: string, name = ""): string[] {
  const seen = new Set([searchKey(name)]);
  return aliases
    .split(/\n+/)
    .map((a) => a.trim())
    .filter((a) => a && !seen.has(searchKey(a)) && seen.add(searchKey(a)));
}

/** The normalised name and aliases an organisation is searched and matched by. */
export const organisationSearchKey = (input: { name: string; aliases: string }) =>
  [input.name, ...aliasList(input.aliases)].map(searchKey).join(" ");

/**
 * The organisations, found by name or alias on Persian-aware keys (كميته finds کمیته), sorted the Persian way; with
 * how many people they send. Read by everyone signed in (the directory is open to all); the scope is taken so the
 * list stays the one place to narrow, should that change.
 */
export function listOrganisations(_scope: Scope, { q = "", activeOnly = false } = {}) {
  const words = q.split(/\s+/).map(searchKey).filter(Boolean);
  const staff = db.select({ organisationId: people.organisationId }).from(people).where(eq(people.active, true)).all();
  return db
    .select()
    .from(organisations)
    .where(activeOnly ? eq(organisations.active, true) : undefined)
    .all()
    .filter((o) => words.every((w) => o.searchKey.includes(w)))
    .sort((a, b) => comparePersian(a.name, b.name))
    .map(({ searchKey: _k, ...o }) => ({
      ...o,
      aliases: aliasList(o.aliases, o.name),
      peopleCount: staff.filter((p) => p.organisationId === o.id).length,
    }));
}

/** Active organisations for a select (a person's organisation, a guest's, an owner), and the one already chosen. */
export function listOrganisationOptions(keepId?: number | null) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      aliases: organisations.aliases,
    })
    .from(organisations)
    .where(keepId ? or(eq(organisations.active, true), eq(organisations.id, keepId)) : eq(organisations.active, true))
    .all()
    .sort((a, b) => comparePersian(a.name, b.name))
    .map((o) => ({ ...o, aliases: aliasList(o.aliases, o.name) }));
}

/** One organisation with its people and the final resolutions it owns that this scope may read; null when missing. */
export function getOrganisation(scope: Scope, id: number) {
  const organisation = db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!organisation) return null;
  const members = db
    .select()
    .from(people)
    .where(eq(people.organisationId, id))
    .all()
    .sort((a, b) => comparePersian(a.lastName, b.lastName) || comparePersian(a.firstName, b.firstName));
  const owned = db
    .select({ id: resolutionOwners.resolutionId })
    .from(resolutionOwners)
    .where(eq(resolutionOwners.organisationId, id))
    .all()
    .map((r) => r.id);
  const where: (SQL | undefined)[] = [
    inArray(resolutions.id, owned.length ? owned : [-1]),
    eq(meetings.status, "final"),
    visibleResolutionSql(scope),
  ];
  const owns = db
    .select({
      id: resolutions.id,
      number: resolutions.number,
      subject: resolutions.subject,
      status: resolutions.status,
      dueDate: resolutions.dueDate,
      meetingId: meetings.id,
      meetingNumber: meetings.number,
      meetingDate: meetings.date,
      bodyId: bodies.id,
      bodyName: bodies.name,
      bodyCode: bodies.code,
      groupOrdinal: groupOrdinalSql,
      numbering: bodies.resolutionNumbering,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(...where))
    .orderBy(desc(meetings.date), desc(resolutions.id))
    .all()
    .map((r) => ({ ...r, code: resolutionCode(r) }));
  return {
    organisation: { ...organisation, aliasList: aliasList(organisation.aliases, organisation.name) },
    members,
    resolutions: owns,
  };
}

/** Turns the unique index's refusal into the Persian message beside the name. */
const nameRefusal = (error: unknown) => {
  const rule = asRuleViolation(error, "name");
  if (rule?.code === "duplicate") rule.code = "organisation_name_taken";
  return rule;
};

const clean = (input: OrganisationInput) => ({ ...input, aliases: aliasList(input.aliases, input.name).join("\n") });

/** Creates an organisation (the name unique, held by the database); returns its id. */
export function createOrganisation(actor: Actor, input: OrganisationInput): number {
  const values = { ...clean(input), active: true };
  try {
    return writeTransaction((tx) => {
      const { id } = tx
        .insert(organisations)
        .values({ ...values, searchKey: organisationSearchKey(values) })
        .returning({ id: organisations.id })
        .get();
      recordAudit({ ...actor, action: "create", entity: "organisation", entityId: id, after: values }, tx);
      return id;
    });
  } catch (error) {
    throw nameRefusal(error) ?? error;
  }
}

export function updateOrganisation(actor: Actor, id: number, input: OrganisationInput) {
  const values = clean(input);
  try {
    writeTransaction((tx) => {
      const before = tx.select().from(organisations).where(eq(organisations.id, id)).get();
      if (!before) throw new NotFoundError();
      tx.update(organisations)
        .set({ ...values, searchKey: organisationSearchKey(values), updatedAt: clock.nowIso() })
        .where(eq(organisations.id, id))
        .run();
      const { createdAt: _c, updatedAt: _u, searchKey: _k, ...snapshot } = before;
      recordAudit(
        {
          ...actor,
          action: "update",
          entity: "organisation",
          entityId: id,
          before: snapshot,
          after: { ...snapshot, ...values },
        },
        tx,
      );
    });
  } catch (error) {
    throw nameRefusal(error) ?? error;
  }
}
