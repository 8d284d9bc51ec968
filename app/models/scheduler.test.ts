import assert from "node:assert/strict";
import { test } from "node:test";
import { remindsToday, runDailyJobs } from "./scheduler.server";

process.env.TEST_CLOCK = "2026-11-16T08:00:00Z";

test("reminders go out 7 and 1 days before, on the day, and weekly while overdue", () => {
  const today = "2026-11-16";
  assert.equal(remindsToday("2026-11-23", today), true);
  assert.equal(remindsToday("2026-11-17", today), true);
  assert.equal(remindsToday("2026-11-16", today), true);
  assert.equal(remindsToday("2026-11-09", today), true);
  assert.equal(remindsToday("2026-11-02", today), true);
  assert.equal(remindsToday("2026-11-20", today), false);
  assert.equal(remindsToday("2026-11-12", today), false);
});

test("a second run on the same day writes no mail", () => {
  runDailyJobs();
  assert.equal(runDailyJobs(), 0);
});
