import assert from "node:assert/strict";
import { test } from "node:test";
import { parseResolutionsQuery } from "./resolutions-list";

const parse = (q: string) => parseResolutionsQuery(new URLSearchParams(q));

test("the resolutions list reads its owner body and state from the URL, in any digits, and drops the unreadable", () => {
  assert.deepEqual(parse("ownerBody=۱۲&state=done&page=۳"), { filter: { ownerBodyId: 12, state: "done" }, page: 3 });
  assert.deepEqual(parse("ownerBody=-1&state=closed&page=x"), {
    filter: { ownerBodyId: undefined, state: undefined },
    page: 1,
  });
});
