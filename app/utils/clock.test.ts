import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { desc } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { atInstant } from "../../tests/pin-clock";
import * as clock from "./clock.server";
import { db } from "./db.server";
import { formatJalali, persianWeekday, tehranDay, tehranDayStart, weekOf } from "./jalali";

describe("Tehran's day, at the instants that break naive code", () => {
  test("the day changes at 20:30 UTC, not at UTC midnight", () => {
    assert.equal(tehranDay(new Date("2026-12-02T20:29:00Z")), "2026-12-02");
    assert.equal(tehranDay(new Date("2026-12-02T20:31:00Z")), "2026-12-03");
    assert.equal(tehranDay(new Date("2026-12-02T23:59:59Z")), "2026-12-03");
    assert.equal(tehranDay(new Date("2026-12-03T00:00:01Z")), "2026-12-03");
  });

  test("Friday night to Saturday starts a new Persian week", () => {
    const friday = tehranDay(new Date("2026-12-04T20:29:00Z"));
    const saturday = tehranDay(new Date("2026-12-04T20:31:00Z"));
    assert.deepEqual([persianWeekday(friday), persianWeekday(saturday)], [6, 0]);
    assert.deepEqual(weekOf(friday), { start: "2026-11-28", end: "2026-12-04" });
    assert.deepEqual(weekOf(saturday), { start: "2026-12-05", end: "2026-12-11" });
  });

  test("Esfand 29 → Farvardin 1 (1405 is not a leap year) and Esfand 30 → Farvardin 1 (1403 is)", () => {
    assert.equal(formatJalali(tehranDay(new Date("2027-03-20T20:29:00Z")), "en"), "1405/12/29");
    assert.equal(formatJalali(tehranDay(new Date("2027-03-20T20:31:00Z")), "en"), "1406/01/01");
    assert.equal(formatJalali(tehranDay(new Date("2025-03-20T20:29:00Z")), "en"), "1403/12/30");
    assert.equal(formatJalali(tehranDay(new Date("2025-03-20T20:31:00Z")), "en"), "1404/01/01");
  });

  test("a Tehran day starts 3.5 hours before UTC midnight (4.5 in the summers before 2023)", () => {
    assert.equal(tehranDayStart("2026-12-03"), "2026-12-02T20:30:00.000Z");
    assert.equal(tehranDayStart("2027-03-21"), "2027-03-20T20:30:00.000Z");
    assert.equal(tehranDayStart("2021-07-01"), "2021-06-30T19:30:00.000Z");
  });
});

describe("the pinned clock", () => {
  test("TEST_CLOCK sets the instant and the day, and the clock runs on from it", async () => {
    await atInstant("2026-12-02T20:29:58Z", async () => {
      assert.equal(clock.today(), "2026-12-02");
      const first = clock.nowMs();
      assert.ok(first >= Date.parse("2026-12-02T20:29:58Z") && first < Date.parse("2026-12-02T20:29:59Z"));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(clock.nowMs() - first >= 50);
    });
    atInstant("2026-12-02T20:31:00Z", () => {
      assert.equal(clock.today(), "2026-12-03");
      assert.match(clock.nowIso(), /^2026-12-02T20:31:00\.\d{3}Z$/);
    });
  });

  test("outside NODE_ENV=test a TEST_CLOCK stops the process at once, with a message", () => {
    const run = (nodeEnv: "production" | "test") => {
      try {
        execFileSync(process.execPath, ["--import", "tsx", "-e", 'await import("./app/utils/clock.server.ts")'], {
          env: { ...process.env, NODE_ENV: nodeEnv, TEST_CLOCK: "2026-12-02T20:45:00Z" },
          stdio: "pipe",
        });
        return { code: 0, stderr: "" };
      } catch (error) {
        const e = error as { status: number; stderr: Buffer };
        return { code: e.status, stderr: e.stderr.toString() };
      }
    };
    const production = run("production");
    assert.notEqual(production.code, 0);
    assert.match(production.stderr, /TEST_CLOCK=2026-12-02T20:45:00Z is set, but NODE_ENV is "production"/);
    assert.equal(run("test").code, 0);
  });
});

describe("one clock", () => {
  // Reading the machine's clock anywhere else gives a second "today" (UTC, or the browser's) that disagrees with
  // Tehran's from 00:00 to 03:30 every night; this keeps it from coming back.
  const READS_THE_CLOCK = [
    /\bDate\.now\(\)/,
    /new Date\(\)/,
    /toISOString\(\)\.slice\(0, ?10\)/,
    /\b(date|datetime|julianday|unixepoch)\('now'/i,
    /\bCURRENT_(DATE|TIME|TIMESTAMP)\b/i,
  ];
  const ALLOWED = new Set([
    "app/utils/clock.server.ts", // the clock itself
    "app/utils/use-today.ts", // an error page without the server's day falls back to the browser's
    "app/utils/render-cache.server.ts", // refuses the clock inside a render (test processes)
  ]);
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "migrations" ? [] : sources(file);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
    });

  test("app/ and db/ read the time only through clock.server.ts", () => {
    const offenders = [...sources("app"), ...sources("db")]
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) =>
            READS_THE_CLOCK.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    assert.deepEqual(offenders, []);
  });

  test("no trigger, view or index of the live schema compares with SQLite's own (UTC) clock", () => {
    const rows = db.$client
      .prepare("select name, sql from sqlite_master where type in ('trigger', 'view', 'index') and sql is not null")
      .all() as { name: string; sql: string }[];
    assert.ok(rows.some((r) => r.name === "group_members_cap_insert" && r.sql.includes("app_today()")));
    assert.deepEqual(
      rows.filter((r) => READS_THE_CLOCK.some((re) => re.test(r.sql))).map((r) => r.name),
      [],
    );
  });
});

test("rows the app writes are stamped by its clock, pinned or not (created_at, audit, sessions)", () => {
  atInstant("2031-03-20T20:31:00.000Z", () => {
    db.insert(auditLog).values({ userId: null, action: "clock_test", entity: "test" }).run();
  });
  const row = db.select({ at: auditLog.at }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  assert.match(row?.at ?? "", /^2031-03-20T20:31:00/);
});
