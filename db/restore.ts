// npm run db:restore FILE — replaces DATABASE_PATH with a backup. It refuses while a server (or any other process)
// has the database open; the current database is kept beside it as *.before-restore so a mistaken restore can itself
// be undone.
import { chmodSync, existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

// The restored database and its journal are the owner's only, as the server keeps them.
process.umask(0o077);

const file = process.argv[2];
const target = process.env.DATABASE_PATH ?? "data/app.db";
const incoming = `${target}.restoring`;
if (!file || !existsSync(file)) {
  console.error("usage: npm run db:restore FILE   (FILE: a backup made by npm run db:backup)");
  process.exit(2);
}

function refuse(reason: string): never {
  rmSync(incoming, { force: true });
  console.error(`${reason}; nothing was changed.`);
  process.exit(1);
}

/**
 * Opens the database holding its exclusive lock until closed, or refuses when another process has it open.
 * SQLite's own file locks tell: every connection to a WAL database holds a shared lock on the file for as long as it
 * is open, and a connection in exclusive locking mode must take the exclusive lock to begin, which fails at once
 * while any other connection exists (the server's, a running backup's). The kernel drops a process's locks when it
 * ends, even by SIGKILL, so a crashed server leaves no stale lock behind (a pid file would, and pids are reused).
 */
function lockExclusively(database: string) {
  const current = new Database(database, { fileMustExist: true, timeout: 0 });
  current.pragma("locking_mode = EXCLUSIVE");
  try {
    current.exec("BEGIN EXCLUSIVE; COMMIT");
    return current;
  } catch (error) {
    current.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      refuse(`${database} is open in another process (a running server or backup): stop it and restore again`);
    }
    refuse(`${database} cannot be opened (${(error as Error).message}): if it is damaged, move it aside by hand`);
  }
}

const backup = new Database(file, { readonly: true, fileMustExist: true });
let check: unknown;
try {
  check = backup.pragma("integrity_check", { simple: true });
} catch (error) {
  check = (error as Error).message;
}
if (check !== "ok") refuse(`${file} is damaged (${check})`);
rmSync(incoming, { force: true });
await backup.backup(incoming);
backup.close();

// The copy is made first, so the database is locked only for the swap. A server started within those milliseconds
// would wait for the lock and then go on with the previous file: stop the server under its supervisor first.
const current = existsSync(target) ? lockExclusively(target) : undefined;
if (current) {
  // Fold the write-ahead log in, so the kept database is one self-contained file.
  current.pragma("journal_mode = DELETE");
  renameSync(target, `${target}.before-restore`);
  chmodSync(`${target}.before-restore`, 0o600);
}
for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
renameSync(incoming, target);
current?.close();
console.log(`restored ${file} → ${target} (previous database kept as ${target}.before-restore)`);
