import { type Db, db } from "./db.server";

/**
 * A cache of read results that is emptied whenever the database changes. SQLite says when: `total_changes()` counts
 * every row this connection has written (triggers included), and `PRAGMA data_version` moves when another connection
 * (a second server process, a restore, a seed script) commits. Both are read on every lookup — a few microseconds —
 * so a cached answer is never older than the last write. Callers put everything else the answer depends on (the
 * user's scope, the query, today's date) in the key.
 */
export function createReadCache(database: Db = db, maxEntries = 300) {
  const generationOf = database.$client
    .prepare("select total_changes() || ':' || data_version from pragma_data_version")
    .pluck();
  let generation = "";
  const entries = new Map<string, unknown>();

  return {
    get<T>(key: string, compute: () => T): T {
      // Inside a transaction a read may see rows that are then rolled back: never kept.
      if (database.$client.inTransaction) return compute();
      const now = generationOf.get() as string;
      if (now !== generation) {
        entries.clear();
        generation = now;
      }
      if (entries.has(key)) return entries.get(key) as T;
      // Shared by every request that asks: frozen, so a caller that changes it fails at once instead of changing the
      // next person's page.
      const value = deepFreeze(compute());
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, value);
      return value;
    },
  };
}

/**
 * The app's read cache: the overdue review, my actions, the owner filters, report compositions, the meetings list,
 * minutes pages, bodies and working groups.
 */
export const readCache = createReadCache();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
