import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { openDatabase } from "../app/utils/db.server";

// The usual umask, so a file made without care comes out 0644 and the mode checks below mean something.
process.umask(0o022);

/** Runs db/SCRIPT.ts as `npm run db:SCRIPT` does, against the database file given. */
function run(script: "backup" | "restore", database: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", `db/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: database },
    encoding: "utf8",
  });
}

/** A child process that opens the database the way the server does (importing db.server) and keeps it open. */
async function holdOpen(database: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      'await import(process.argv[1]); console.log("open"); setInterval(() => {}, 60_000);',
      path.resolve("app/utils/db.server.ts"),
    ],
    { env: { ...process.env, DATABASE_PATH: database }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const [line] = await once(child.stdout, "data");
  assert.equal(String(line).trim(), "open");
  return child;
}

const mode = (file: string) => statSync(file).mode & 0o777;

/** A database of 200 people in DIR/live.db, closed, and a backup of it made by db:backup. */
function seededBackup(dir: string) {
  const live = path.join(dir, "live.db");
  const db = openDatabase(live);
  const insert = db.$client.prepare("insert into people (honorific, last_name, organisation) values ('ms', ?, ?)");
  for (let i = 0; i < 200; i++) insert.run(`نام‌خانوادگی ${i}`, "مرکز آمار ایران");
  db.$client.close();
  const made = run("backup", live, path.join(dir, "backups"));
  assert.equal(made.status, 0, made.stderr);
  return { live, backup: made.stdout.trim() };
}

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare(sql).pluck().get();
  db.close();
  return n;
};

function dump(file: string) {
  const db = new Database(file, { readonly: true });
  // Tables without a rowid (the search index's queue and FTS5's own) are ordered by their key instead.
  const tables = db
    .prepare("select name, wr from pragma_table_list where schema = 'main' and type = 'table' order by name")
    .all() as { name: string; wr: number }[];
  const out = Object.fromEntries(
    tables
      .filter(({ name }) => name !== "sqlite_schema")
      .map(({ name, wr }) => [name, db.prepare(`select * from "${name}" order by ${wr ? "1, 2" : "rowid"}`).all()]),
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
  assert.equal(run("backup", live, path.join(dir, "backups")).status, 0);
  const [file] = readdirSync(path.join(dir, "backups"));
  assert.match(file, /^live-\d{8}-\d{6}\.db$/);
  db.$client.prepare("insert into people (honorific, last_name) values ('mr', 'پس از پشتیبان')").run();
  const atBackup = dump(path.join(dir, "backups", file));
  db.$client.close();

  const restored = path.join(dir, "restored.db");
  openDatabase(restored).$client.close();
  assert.equal(run("restore", restored, path.join(dir, "backups", file)).status, 0);
  assert.ok(existsSync(`${restored}.before-restore`));
  const after = dump(restored);
  assert.deepEqual(after, atBackup);
  assert.equal((after.people as unknown[]).length, 200);
  assert.deepEqual(Object.keys(after).sort(), Object.keys(dump(live)).sort());
});

test("restore refuses while a process holds the database as the server does, and goes ahead once it has died", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "restore-"));
  const { live, backup } = seededBackup(dir);
  const server = await holdOpen(live);
  t.after(() => server.kill("SIGKILL"));
  const writer = new Database(live);
  writer.prepare("insert into people (honorific, last_name) values ('mr', 'پس از پشتیبان')").run();
  writer.close();

  const refused = run("restore", live, backup);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /open in another process.*nothing was changed/);
  assert.deepEqual(readdirSync(dir).sort(), ["backups", "live.db", "live.db-shm", "live.db-wal"]);
  assert.equal(count(live, "select count(*) from people"), 201);

  // A crash leaves no stale lock: the kernel drops a dead process's locks.
  server.kill("SIGKILL");
  await once(server, "exit");
  const restored = run("restore", live, backup);
  assert.equal(restored.status, 0, restored.stderr);
  assert.equal(count(live, "select count(*) from people"), 200);
  assert.equal(count(`${live}.before-restore`, "select count(*) from people"), 201);
  assert.deepEqual(readdirSync(dir).sort(), ["backups", "live.db", "live.db.before-restore"]);
});

test("the database, its -wal and -shm, backups and restored files are readable by their owner only", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "modes-"));
  const live = path.join(dir, "live.db");
  // A database left by an earlier version, its write-ahead log still beside it, all 0644.
  const earlier = new Database(live);
  earlier.pragma("journal_mode = WAL");
  earlier.exec("create table leftover (a)");
  assert.equal(mode(`${live}-wal`), 0o644);

  const db = openDatabase(live);
  for (const file of [live, `${live}-wal`, `${live}-shm`]) assert.equal(mode(file), 0o600, file);
  earlier.close();
  db.$client.close();
  const fresh = path.join(dir, "fresh.db");
  const created = openDatabase(fresh);
  for (const file of [fresh, `${fresh}-wal`, `${fresh}-shm`]) assert.equal(mode(file), 0o600, file);
  created.$client.close();

  const made = run("backup", live, path.join(dir, "backups"));
  assert.equal(made.status, 0, made.stderr);
  assert.equal(mode(path.join(dir, "backups")), 0o700);
  assert.equal(mode(made.stdout.trim()), 0o600);

  const target = path.join(dir, "target.db");
  new Database(target).close();
  assert.equal(mode(target), 0o644);
  assert.equal(run("restore", target, made.stdout.trim()).status, 0);
  assert.equal(mode(target), 0o600);
  assert.equal(mode(`${target}.before-restore`), 0o600);
});

test("backup --verify summarises a sound backup and refuses a truncated, damaged, foreign or outdated one", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "verify-"));
  const { live, backup } = seededBackup(dir);
  const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8"));
  const latest: string = journal.entries.at(-1).tag;

  const sound = run("backup", live, "--verify", backup);
  assert.equal(sound.status, 0, sound.stderr);
  assert.match(sound.stdout, /: ok\n/);
  assert.match(sound.stdout, new RegExp(`latest migration: ${latest}`));
  assert.match(sound.stdout, /people 200/);
  assert.match(sound.stdout, /size: .* bytes/);

  const { size } = statSync(backup);
  const truncated = path.join(dir, "truncated.db");
  copyFileSync(backup, truncated);
  truncateSync(truncated, Math.floor(size / 2));

  const damaged = path.join(dir, "damaged.db");
  copyFileSync(backup, damaged);
  const fd = openSync(damaged, "r+");
  writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);

  const text = path.join(dir, "notes.txt");
  writeFileSync(text, "not a database\n".repeat(500));

  const foreign = path.join(dir, "foreign.db");
  const other = new Database(foreign);
  other.exec("create table things (a)");
  other.close();

  const outdated = path.join(dir, "outdated.db");
  copyFileSync(backup, outdated);
  const old = new Database(outdated);
  old.exec(
    'delete from "__drizzle_migrations" where created_at = (select max(created_at) from "__drizzle_migrations")',
  );
  old.close();

  for (const [file, reason] of [
    [truncated, /malformed|integrity_check/],
    [damaged, /malformed|integrity_check/],
    [text, /not a database/],
    [foreign, /tables missing: .*people/],
    [outdated, new RegExp(`this version's is ${latest}`)],
  ] as const) {
    const refused = run("backup", live, "--verify", file);
    assert.equal(refused.status, 1, file);
    assert.match(refused.stderr, /is not a usable backup/);
    assert.match(refused.stderr, reason);
  }
  assert.equal(run("backup", live, "--verify", path.join(dir, "missing.db")).status, 2);
});
