import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../db/schema";
import * as clock from "./clock.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (and creates) the SQLite file with the pragmas the app relies on, and applies pending migrations. */
export function openDatabase(file = process.env.DATABASE_PATH ?? "data/app.db"): Db {
  if (file !== ":memory:") {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    restrictToOwner(file);
  }
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // The triggers ask the app's clock for Tehran's day (db/migrations/0008); SQLite's own "now" is the UTC day.
  clock.registerSqlClock(sqlite);
  const db = drizzle(keepingStatements(sqlite), { schema }) as Db;
  db.$client = sqlite;
  migrate(db, { migrationsFolder: path.resolve(process.env.MIGRATIONS_DIR ?? "db/migrations") });
  // Statistics for the query planner where they are missing or stale (quick: SQLite limits how much it reads), so
  // the lists' partial indexes are chosen on a database nobody has analysed.
  sqlite.pragma("optimize = 0x10002");
  return db;
}

/**
 * The connection as drizzle sees it: each distinct SQL text is compiled once. Drizzle prepares a new statement for
 * every query it runs, and compiling the lists' queries cost more than a page's own work right after a write. Only
 * drizzle's queries share these statements (code holding its own from `$client.prepare` is left alone); one handed out
 * again is reset to return rows as objects, as a fresh one does (drizzle switches it to arrays with `raw()` when it
 * maps the columns itself). Queries run synchronously and none iterates, so a statement is never busy when reused.
 */
function keepingStatements(sqlite: Database.Database, max = 500): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    const found = kept.get(source);
    if (found) {
      // Most recently used last, so the one let go is the longest unused.
      kept.delete(source);
      kept.set(source, found);
      if (found.reader) found.raw(false);
      return found;
    }
    const statement = sqlite.prepare(source);
    if (kept.size >= max) kept.delete(kept.keys().next().value as string);
    kept.set(source, statement);
    return statement;
  };
  return Object.create(sqlite, { prepare: { value: prepare } }) as Database.Database;
}

/**
 * Makes the database file (created empty if missing) and any -wal/-shm beside it readable by their owner only.
 * SQLite creates a -wal, -journal or -shm file with the database file's mode, so the ones made later follow.
 */
function restrictToOwner(file: string) {
  closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

declare global {
  var __db: Db | undefined;
}

/** The app's one connection; better-sqlite3 is synchronous, so one connection serves every request in order. */
export const db: Db = globalThis.__db ?? openDatabase();
globalThis.__db = db;

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Runs a write transaction that takes the write lock up front (BEGIN IMMEDIATE), so checks and writes cannot interleave. */
export function writeTransaction<T>(fn: (tx: Tx) => T, database: Db = db): T {
  return database.transaction(fn, { behavior: "immediate" });
}

/** True when the database answers a trivial query. */
export function isDatabaseHealthy(database: Db = db): boolean {
  try {
    return database.$client.prepare("select 1 as ok").get() !== undefined;
  } catch {
    return false;
  }
}
