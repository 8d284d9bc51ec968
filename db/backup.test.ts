import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { openDatabase } from "../app/utils/db.server";

const tsx = path.resolve("node_modules/.bin/tsx");

function dump(file: string) {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
    name: string;
  }[];
  const out = Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]),
  );
  db.close();
  return out;
}

test("a backup taken while the database is open restores row for row", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "backup-"));
  const live = path.join(dir, "live.db");
  const db = openDatabase(live);
  const insert = db.$client.prepare("insert into people (honorific, last_name, organisation) values ('ms', ?, ?)");
  for (let i = 0; i < 200; i++) insert.run(`نام‌خانوادگی ${i}`, "مرکز آمار ایران");
  db.$client.prepare("insert into bodies (kind, name, code) values ('committee', 'کمیته آزمون', 'آزمون')").run();

  // The server keeps its connection open (and its WAL) while the backup runs.
  execFileSync(tsx, ["db/backup.ts", path.join(dir, "backups")], { env: { ...process.env, DATABASE_PATH: live } });
  const [file] = readdirSync(path.join(dir, "backups"));
  assert.match(file, /^live-\d{8}-\d{6}\.db$/);
  db.$client.prepare("insert into people (honorific, last_name) values ('mr', 'پس از پشتیبان')").run();
  const atBackup = dump(path.join(dir, "backups", file));
  db.$client.close();

  const restored = path.join(dir, "restored.db");
  openDatabase(restored).$client.close();
  execFileSync(tsx, ["db/restore.ts", path.join(dir, "backups", file)], {
    env: { ...process.env, DATABASE_PATH: restored },
  });
  assert.ok(existsSync(`${restored}.before-restore`));
  const after = dump(restored);
  assert.deepEqual(after, atBackup);
  assert.equal((after.people as unknown[]).length, 200);
  assert.deepEqual(Object.keys(after).sort(), Object.keys(dump(live)).sort());
});
