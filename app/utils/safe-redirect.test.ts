import assert from "node:assert/strict";
import { test } from "node:test";
import { safeRedirect } from "./session.server";

test("after sign-in, only a path on this server is followed, read as a browser reads it", () => {
  assert.equal(safeRedirect("/meetings/12?tab=2#r3"), "/meetings/12?tab=2#r3");
  // Browsers drop tabs and newlines: `/\t/host` is `//host`, another host.
  for (const attack of ["/\t/127.0.0.1:8999/x", "/\n/evil.example", "//evil.example", "/\\evil.example", "/\\/evil"])
    assert.equal(safeRedirect(attack), "/", JSON.stringify(attack));
  for (const other of ["https://evil.example/", "javascript:alert(1)", "meetings", "", null, undefined])
    assert.equal(safeRedirect(other, "/home"), "/home", String(other));
  // Control and non-Latin-1 characters come back percent-encoded: always a valid Location header.
  assert.equal(safeRedirect("/people?q=سیفی"), "/people?q=%D8%B3%DB%8C%D9%81%DB%8C");
  assert.equal(safeRedirect("/a\u0001b"), "/a%01b");
  assert.equal(safeRedirect(`/${"x".repeat(3000)}`), "/");
});
