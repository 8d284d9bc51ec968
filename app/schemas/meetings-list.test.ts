import assert from "node:assert/strict";
import { test } from "node:test";
import { parseMeetingsQuery } from "./meetings-list";

const parse = (q: string) => parseMeetingsQuery(new URLSearchParams(q));

test("the meetings list reads its filters from the URL in any digits, and says which date it could not read", () => {
  const ok = parse(
    "q=%D8%B3%D8%B1%D8%B4%D9%85%D8%A7%D8%B1%DB%8C&body=%DB%B3&status=final&from=۱۴۰۵/۰۱/۰۱&to=1405-06-31&page=۲",
  );
  assert.deepEqual(ok.filter, {
    q: "سرشماری",
    bodyId: 3,
    groupId: undefined,
    status: "final",
    from: "2026-03-21",
    to: "2026-09-22",
  });
  assert.equal(ok.page, 2);
  assert.deepEqual(ok.errors, { from: undefined, to: undefined });

  const bad = parse("status=closed&from=2026-12-01&to=۱۴۰۵/۱۳/۰۱&body=-1");
  assert.equal(bad.filter.status, undefined);
  assert.equal(bad.filter.bodyId, undefined);
  assert.equal(bad.filter.from, undefined);
  assert.deepEqual(bad.errors, { from: "gregorian", to: "invalid" });

  const reversed = parse("from=۱۴۰۵/۰۶/۰۱&to=۱۴۰۵/۰۱/۰۱");
  assert.equal(reversed.errors.to, "order");
  assert.equal(reversed.filter.to, undefined);
  assert.equal(reversed.filter.from, "2026-08-23");
});
