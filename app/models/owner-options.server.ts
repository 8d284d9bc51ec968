import { asc, eq, isNull } from "drizzle-orm";
import { bodies, people, workingGroups } from "../../db/schema";
import { db } from "../utils/db.server";
import { comparePersian } from "../utils/normalize";
import type { OwnerOptions } from "../utils/owner-match";
import { formatPersonName } from "../utils/person-name";
import { listOrganisationOptions } from "./organisations.server";

/**
 * Everything that may own a resolution: active bodies, open working groups, people (with their names as aliases) and
 * active outside organisations (with their other names).
 */
export function getOwnerOptions(): OwnerOptions {
  const bodyRows = db.select().from(bodies).where(eq(bodies.active, true)).orderBy(asc(bodies.sortOrder)).all();
  const groupRows = db.select().from(workingGroups).where(isNull(workingGroups.closedAt)).all();
  const personRows = db.select().from(people).where(eq(people.active, true)).all();
  personRows.sort((a, b) => comparePersian(a.lastName, b.lastName));
  return {
    bodies: bodyRows.map((b) => ({ kind: "body" as const, id: b.id, name: b.name, bodyKind: b.kind })),
    groups: groupRows.map((g) => ({ kind: "group" as const, id: g.id, name: g.name })),
    people: personRows.map((p) => ({
      kind: "person" as const,
      id: p.id,
      name: formatPersonName(p, "fa"),
      aliases: [p.lastName, `${p.firstName} ${p.lastName}`.trim()],
    })),
    organisations: listOrganisationOptions().map((o) => ({
      kind: "organisation" as const,
      id: o.id,
      name: o.name,
      aliases: o.aliases,
    })),
  };
}
