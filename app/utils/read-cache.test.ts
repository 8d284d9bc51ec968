import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { openDatabase } from "./db.server";
import { createReadCache } from "./read-cache.server";

test("the read cache answers from memory until the database changes, by this connection or another", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "read-cache-")), "app.db");
  const db = openDatabase(file);
  db.$client.exec("create table things (name text)");
  const cache = createReadCache(db);
  let computed = 0;
  const names = () =>
    cache.get("names", () => {
      computed++;
      return db.$client.prepare("select name from things order by name").pluck().all();
    });

  assert.deepEqual(names(), []);
  assert.deepEqual(names(), []);
  assert.equal(computed, 1, "a second read with no write in between is answered from memory");

  db.$client.prepare("insert into things values ('یک')").run();
  assert.deepEqual(names(), ["یک"], "a write by this connection empties the cache");
  assert.equal(computed, 2);

  const other = new Database(file);
  other.prepare("insert into things values ('دو')").run();
  assert.deepEqual(names(), ["دو", "یک"], "a commit by another connection (another process) empties it too");
  assert.equal(computed, 3);

  db.$client.prepare("update things set name = name where 0").run();
  names();
  assert.equal(computed, 3, "a statement that changes no row keeps the cache");
  // A read inside a transaction that is then rolled back must not be remembered.
  assert.throws(() =>
    db.$client.transaction(() => {
      db.$client.prepare("insert into things values ('سه')").run();
      assert.deepEqual(names(), ["دو", "سه", "یک"]);
      throw new Error("rolled back");
    })(),
  );
  assert.deepEqual(names(), ["دو", "یک"]);
  other.close();
  db.$client.close();
});

test("a cached answer is shared, so it cannot be changed by the one who asked", () => {
  const cache = createReadCache(openDatabase(":memory:"));
  const rows = cache.get("rows", () => [{ name: "شورا", owners: ["دبیرخانه", "آمار"] }]);
  assert.throws(() => rows.push({ name: "x", owners: [] }), TypeError);
  assert.throws(() => {
    rows[0].name = "x";
  }, TypeError);
  assert.throws(() => rows[0].owners.sort(), TypeError);
  assert.deepEqual(
    cache.get("rows", () => []),
    [{ name: "شورا", owners: ["دبیرخانه", "آمار"] }],
  );
});
