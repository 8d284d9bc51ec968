// npm run db:restore FILE — replaces DATABASE_PATH with a backup. Stop the server first; the current database is
// kept beside it as *.before-restore so a mistaken restore can itself be undone.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

const file = process.argv[2];
const target = process.env.DATABASE_PATH ?? "data/app.db";
if (!file || !existsSync(file)) {
  console.error("usage: npm run db:restore FILE   (FILE: a backup made by npm run db:backup)");
  process.exit(2);
}
const backup = new Database(file, { readonly: true, fileMustExist: true });
const check = backup.pragma("integrity_check", { simple: true });
backup.close();
if (check !== "ok") {
  console.error(`${file} is damaged (${check}); nothing was changed.`);
  process.exit(1);
}
if (existsSync(target)) {
  // Fold the write-ahead log into the database before moving it aside.
  const current = new Database(target);
  current.pragma("wal_checkpoint(TRUNCATE)");
  current.close();
  renameSync(target, `${target}.before-restore`);
}
for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
copyFileSync(file, target);
console.log(`restored ${file} → ${target} (previous database kept as ${target}.before-restore)`);
