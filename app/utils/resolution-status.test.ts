import assert from "node:assert/strict";
import { test } from "node:test";
import { type ChangeIntent, isOverdue, nextStatus, TRANSITIONS } from "./resolution-status";

test("a done or cancelled resolution takes nothing but «reopen»; active ones take every follow-up", () => {
  const intents = Object.keys(TRANSITIONS) as ChangeIntent[];
  for (const closed of ["done", "cancelled"] as const)
    assert.deepEqual(
      intents.filter((i) => nextStatus(i, closed) !== null),
      ["reopen"],
    );
  for (const active of ["open", "in_progress"] as const)
    assert.deepEqual(
      intents.filter((i) => nextStatus(i, active) === null),
      [],
    );
  assert.equal(nextStatus("progress", "open"), "in_progress");
  assert.equal(nextStatus("done", "in_progress"), "done");
  assert.equal(nextStatus("extend", "open"), "open");
});

test("overdue after the deadline day, not on it; never when closed or standing", () => {
  assert.equal(isOverdue({ status: "open", dueDate: "2026-12-02" }, "2026-12-02"), false);
  assert.equal(isOverdue({ status: "open", dueDate: "2026-12-02" }, "2026-12-03"), true);
  assert.equal(isOverdue({ status: "done", dueDate: "2026-12-02" }, "2026-12-03"), false);
  assert.equal(isOverdue({ status: "in_progress", dueDate: null }, "2026-12-03"), false);
});
