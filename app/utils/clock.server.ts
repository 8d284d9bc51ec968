/**
 * The app's one clock: the instant (stored as UTC ISO text) and Tehran's calendar day (stored as `YYYY-MM-DD`).
 * Every "now", "today", "this week", "overdue", "current membership" and "due soon" asks here, and so does the
 * database: `openDatabase` registers `app_today()` for the triggers that hold the 4 × 7 caps.
 *
 * Tests pin it: with NODE_ENV=test, `TEST_CLOCK=<ISO instant>` makes the clock read that instant the first time it
 * is asked and run on from there (a process started at 20:29:00 UTC reads 20:29:05 five seconds later). Outside
 * NODE_ENV=test a TEST_CLOCK stops the process as soon as this module loads: `npm start` sets NODE_ENV=production,
 * so a stray variable cannot move a real office's clock, and nothing goes on quietly on the wrong day.
 */
import type Database from "better-sqlite3";
import { type IsoDate, tehranDay } from "./jalali";

const isTestProcess = isTestEnvironment();
if (process.env.TEST_CLOCK && !isTestProcess) {
  throw new Error(
    `TEST_CLOCK=${process.env.TEST_CLOCK} is set, but NODE_ENV is "${process.env.NODE_ENV ?? ""}", not "test": ` +
      "the clock is pinned only in tests. Unset TEST_CLOCK.",
  );
}

/**
 * True when the process runs as a test (NODE_ENV=test). Read by name at run time: the Remix compiler writes the
 * build's own NODE_ENV ("production") over every literal `process.env.NODE_ENV` in the server bundle.
 */
export function isTestEnvironment(): boolean {
  const name = "NODE_ENV";
  return process.env[name] === "test";
}

let pin: { value: string; at: number; realAt: number } | null = null;

/** Milliseconds since the epoch, pinned by TEST_CLOCK in tests. */
export function nowMs(): number {
  const real = Date.now();
  if (!isTestProcess) return real;
  const value = process.env.TEST_CLOCK;
  if (!value) return real;
  if (pin?.value !== value) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw new Error(`TEST_CLOCK is not an ISO instant: ${value}`);
    pin = { value, at, realAt: real };
  }
  return pin.at + (real - pin.realAt);
}

/** The instant, as a Date. */
export function now(): Date {
  return new Date(nowMs());
}

/** The instant as stored: UTC ISO text (`2026-12-02T20:45:00.000Z`), optionally shifted by some milliseconds. */
export function nowIso(offsetMs = 0): string {
  return new Date(nowMs() + offsetMs).toISOString();
}

/** Today's calendar day in Tehran, as `YYYY-MM-DD` — the day a person in the office would name. */
export function today(): IsoDate {
  return tehranDay(now());
}

/**
 * Gives a SQLite connection `app_today()`, the day the triggers compare end dates with (db/migrations/0008).
 * `openDatabase` calls it; a script that opens the file with better-sqlite3 itself and writes memberships must too.
 */
export function registerSqlClock(sqlite: Database.Database) {
  sqlite.function("app_today", { deterministic: false }, () => today());
}
