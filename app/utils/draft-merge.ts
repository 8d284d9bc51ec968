/**
 * Three-way merge of minutes drafts: what two secretaries typed into one draft, against the version both started
 * from. Fields and rows changed by one side only are taken from that side; the same field changed by both, to
 * different values, is a conflict: the merged draft keeps the text already saved ("theirs"), and the conflict keeps
 * the other ("mine"), so the person can pick or combine — nothing either typed is lost.
 *
 * Rows (agenda items, reports, resolutions, attendance, follow-ups) are matched by identity, never by position, so
 * inserting, deleting or reordering rows on one side merges with edits on the other. Lists without identity (guests,
 * the next meeting's agenda) and small objects (a resolution's owners, its vote) are merged as one value each.
 *
 * Used by the server when a save arrives on an older version, and by the editor when the merged draft comes back
 * while the person has typed on.
 */
import type { MinutesDoc } from "../schemas/minutes";

type Row = Record<string, unknown>;
/** A value of a draft as it travels in JSON. */
export type DraftValue = string | number | boolean | null | DraftValue[] | { [key: string]: DraftValue };

/** The rows of a draft matched by identity, and the field that holds it. */
export const ROW_IDENTITY = {
  agenda: "key",
  reports: "key",
  resolutions: "key",
  attendance: "personId",
  followUps: "resolutionId",
} as const satisfies Partial<Record<keyof MinutesDoc, string>>;

type RowSection = keyof typeof ROW_IDENTITY;

/**
 * One field both sides changed. `section`+`row` locate a row by identity (null for a top-level field); `field` is
 * the row's field (or the top-level field when `row` is null).
 */
export type DraftConflict = {
  section: keyof MinutesDoc;
  row: string | number | null;
  field: string;
  mine: DraftValue;
  theirs: DraftValue;
};

/** A conflict as the editor shows it: both texts, who saved the other one, when it was found. */
export type OpenConflict = DraftConflict & { id: number; by: string | null; at: string };

export type MergeResult = { doc: MinutesDoc; conflicts: DraftConflict[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One value: taken from the side that changed it; a conflict when both changed it differently. */
function mergeValue(base: unknown, mine: unknown, theirs: unknown, onConflict: () => void, hasBase: boolean): unknown {
  if (same(mine, theirs)) return theirs;
  if (hasBase && same(mine, base)) return theirs;
  if (hasBase && same(theirs, base)) return mine;
  onConflict();
  return theirs;
}

function isRowSection(key: string): key is RowSection {
  return key in ROW_IDENTITY;
}

/**
 * The order of the merged rows: theirs, unless only mine reordered; a row only the other side has goes after the row
 * it follows there (or before the row it precedes, or last).
 */
function mergedOrder(baseIds: unknown[], mineIds: unknown[], theirIds: unknown[], keep: Set<unknown>): unknown[] {
  const common = (ids: unknown[]) => ids.filter((id) => baseIds.includes(id) && keep.has(id));
  const mineReordered = !same(common(mineIds), common(baseIds));
  const theirsReordered = !same(common(theirIds), common(baseIds));
  const [primary, secondary] = mineReordered && !theirsReordered ? [mineIds, theirIds] : [theirIds, mineIds];
  const order = primary.filter((id) => keep.has(id));
  secondary.forEach((id, i) => {
    if (!keep.has(id) || order.includes(id)) return;
    const before = secondary
      .slice(0, i)
      .reverse()
      .find((prev) => order.includes(prev));
    const after = secondary.slice(i + 1).find((next) => order.includes(next));
    const at =
      before !== undefined ? order.indexOf(before) + 1 : after !== undefined ? order.indexOf(after) : order.length;
    order.splice(at, 0, id);
  });
  return order;
}

function mergeRows(
  section: RowSection,
  base: Row[] | null,
  mine: Row[],
  theirs: Row[],
  conflicts: DraftConflict[],
): Row[] {
  const idField = ROW_IDENTITY[section];
  const byId = (rows: Row[]) => new Map(rows.map((r) => [r[idField], r]));
  const [b, m, t] = [byId(base ?? []), byId(mine), byId(theirs)];
  const merged = new Map<unknown, Row>();
  for (const id of new Set([...m.keys(), ...t.keys(), ...b.keys()])) {
    const [br, mr, tr] = [b.get(id), m.get(id), t.get(id)];
    if (mr && tr) {
      const row: Row = {};
      for (const field of new Set([...Object.keys(tr), ...Object.keys(mr)])) {
        row[field] = mergeValue(
          br?.[field],
          mr[field],
          tr[field],
          () =>
            conflicts.push({
              section,
              row: id as string | number,
              field,
              mine: mr[field] as DraftValue,
              theirs: tr[field] as DraftValue,
            }),
          br !== undefined,
        );
      }
      merged.set(id, row);
    } else if (mr || tr) {
      // On one side only: new there, or removed on the other side. A removal wins only over a row left as it was;
      // a row the other side changed is kept (nothing typed is thrown away).
      const row = (mr ?? tr) as Row;
      if (!br || !same(row, br)) merged.set(id, row);
    }
  }
  const ids = (rows: Row[]) => rows.map((r) => r[idField]);
  return mergedOrder(ids(base ?? []), ids(mine), ids(theirs), new Set(merged.keys())).map(
    (id) => merged.get(id) as Row,
  );
}

/**
 * Merges `mine` (the save that arrived) and `theirs` (the draft as saved since) against `base` (the version `mine`
 * started from). Without a base (it is no longer kept), every field the two differ in is a conflict.
 */
export function mergeDrafts(base: MinutesDoc | null, mine: MinutesDoc, theirs: MinutesDoc): MergeResult {
  const conflicts: DraftConflict[] = [];
  const doc: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(theirs), ...Object.keys(mine)]) as Set<keyof MinutesDoc>;
  for (const key of keys) {
    if (isRowSection(key)) {
      doc[key] = mergeRows(
        key,
        base ? (base[key] as Row[]) : null,
        mine[key] as Row[],
        theirs[key] as Row[],
        conflicts,
      );
    } else {
      doc[key] = mergeValue(
        base?.[key],
        mine[key],
        theirs[key],
        () =>
          conflicts.push({
            section: key,
            row: null,
            field: key,
            mine: mine[key] as DraftValue,
            theirs: theirs[key] as DraftValue,
          }),
        base !== null,
      );
    }
  }
  return { doc: doc as MinutesDoc, conflicts };
}

/** The form path (`resolutions.3.subject`, `summary`) of a conflict in `doc`, or null when its row is gone. */
export function conflictPath(doc: MinutesDoc, c: DraftConflict): string | null {
  if (c.row === null) return c.field;
  if (!isRowSection(c.section)) return null;
  const idField = ROW_IDENTITY[c.section];
  const index = (doc[c.section] as Row[]).findIndex((r) => r[idField] === c.row);
  return index < 0 ? null : `${c.section}.${index}.${c.field}`;
}

/** The same conflict (same place), whatever the texts. */
export function sameConflictPlace(a: DraftConflict, b: DraftConflict): boolean {
  return a.section === b.section && a.row === b.row && a.field === b.field;
}
