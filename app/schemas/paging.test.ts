import assert from "node:assert/strict";
import { test } from "node:test";
import { slicePage } from "./paging";

test("a list in memory comes a page at a time; a page past the end gives the last, an empty list one empty page", () => {
  const all = Array.from({ length: 120 }, (_, i) => i + 1);
  assert.deepEqual(slicePage(all, 1, 50).rows.slice(0, 2), [1, 2]);
  const last = slicePage(all, 9, 50);
  assert.deepEqual([last.page, last.pages, last.total, last.rows[0], last.rows.length], [3, 3, 120, 101, 20]);
  assert.deepEqual(slicePage(all, 0, 50).page, 1);
  assert.deepEqual(slicePage([], 4, 50), { rows: [], total: 0, page: 1, pages: 1 });
});
