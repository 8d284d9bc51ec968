// npm run db:backup [DIR] — an online backup of DATABASE_PATH to DIR/app-YYYYMMDD-HHMMSS.db (default data/backups),
// safe while the server runs (SQLite's backup API copies a consistent snapshot), then checked with integrity_check.
// npm run db:backup -- --verify FILE — checks that FILE is a whole database of this version of the app and
// summarises it; exits non-zero with the reason when it is not.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as clock from "../app/utils/clock.server";
import * as schema from "./schema";

// A backup holds everyone's data and the password hashes: what this script creates (the backups folder, the backup
// and its journal) is the owner's only.
process.umask(0o077);

const appTables = Object.values(schema)
  .filter((value) => is(value, SQLiteTable))
  .map((table) => getTableName(table));
const mainTables = [
  schema.bodies,
  schema.people,
  schema.users,
  schema.meetings,
  schema.resolutions,
  schema.followUps,
  schema.reports,
  schema.auditLog,
].map((table) => getTableName(table));

async function backup(dir: string | undefined) {
  const source = process.env.DATABASE_PATH ?? "data/app.db";
  const folder = dir ?? path.join(path.dirname(source), "backups");
  mkdirSync(folder, { recursive: true });
  const stamp = clock.nowIso().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const target = path.join(folder, `${path.basename(source, ".db")}-${stamp}.db`);

  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  await db.backup(target);
  db.close();

  // A backup is one self-contained file: no write-ahead log beside it.
  const copy = new Database(target);
  copy.pragma("journal_mode = DELETE");
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") {
    console.error(`backup ${target} failed its integrity check: ${check}`);
    process.exit(1);
  }
  console.log(target);
}

/** The summary of a sound backup made by this version of the app; throws the reason when it is not one. */
function summarise(file: string): string {
  const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? "db/migrations");
  const journal: { entries: { tag: string; when: number }[] } = JSON.parse(
    readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"),
  );
  const latest = journal.entries[journal.entries.length - 1];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`integrity_check: ${check}`);
    const tables = new Set(
      db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all(),
    );
    const missing = appTables.filter((name) => !tables.has(name));
    if (missing.length > 0) throw new Error(`tables missing: ${missing.join(", ")}`);
    if (!tables.has("__drizzle_migrations")) throw new Error("no migrations table (__drizzle_migrations)");
    // The migrator applies what is newer than the latest created_at, so that one number says which ones are in.
    const applied = Number(db.prepare('select max(created_at) from "__drizzle_migrations"').pluck().get());
    if (applied !== latest.when) {
      const tag = journal.entries.find((entry) => entry.when === applied)?.tag ?? "none of this app's";
      throw new Error(`its latest migration is ${tag}, this version's is ${latest.tag}`);
    }
    const rows = mainTables.map((name) => `${name} ${db.prepare(`select count(*) from "${name}"`).pluck().get()}`);
    const { size } = statSync(file);
    return [
      `${file}: ok`,
      `  size: ${(size / 1024 / 1024).toFixed(1)} MB (${size} bytes)`,
      `  tables: ${tables.size}, integrity_check ok`,
      `  latest migration: ${latest.tag} (all ${journal.entries.length} applied)`,
      `  rows: ${rows.join(", ")}`,
    ].join("\n");
  } finally {
    db.close();
  }
}

function verify(file: string | undefined) {
  if (!file || !existsSync(file)) {
    console.error("usage: npm run db:backup -- --verify FILE   (FILE: a backup made by npm run db:backup)");
    process.exit(2);
  }
  try {
    console.log(summarise(file));
  } catch (error) {
    console.error(`${file} is not a usable backup: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[2] === "--verify") verify(process.argv[3]);
else await backup(process.argv[2]);
