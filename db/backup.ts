// npm run db:backup [DIR] — an online backup of DATABASE_PATH to DIR/app-YYYYMMDD-HHMMSS.db (default data/backups),
// safe while the server runs (SQLite's backup API copies a consistent snapshot), then checked with integrity_check.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import * as clock from "../app/utils/clock.server";

const source = process.env.DATABASE_PATH ?? "data/app.db";
const dir = process.argv[2] ?? path.join(path.dirname(source), "backups");
mkdirSync(dir, { recursive: true });
const stamp = clock.nowIso().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const target = path.join(dir, `${path.basename(source, ".db")}-${stamp}.db`);

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
