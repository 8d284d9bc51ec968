import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { isRendering, renderPurely } from "./render-cache.server";

const ReadsClock = () => createElement("p", null, String(Date.now()));
const ConstructsNow = () => createElement("p", null, new Date().toISOString());
const FormatsAValue = () => createElement("p", null, new Date("2026-12-02T08:00:00Z").toISOString());

test("a cached page cannot depend on the time: a component that reads the clock while rendering fails", () => {
  assert.throws(() => renderPurely(() => renderToString(createElement(ReadsClock))), /read the clock while rendering/);
  assert.throws(
    () => renderPurely(() => renderToString(createElement(ConstructsNow))),
    /read the clock while rendering/,
  );
  // Formatting a value from loader data is not reading the clock; neither is anything outside a render.
  assert.match(
    renderPurely(() => renderToString(createElement(FormatsAValue))),
    /2026-12-02/,
  );
  assert.ok(Date.now() > 0 && new Date() instanceof Date);
  assert.equal(isRendering(), false);
});

test("nothing in app/ reads cookies but the server's session and language helpers (components get loader data)", () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(file);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
    });
  const readers = sources("app").filter((file) =>
    /document\.cookie|headers\.get\(["']cookie/i.test(readFileSync(file, "utf8")),
  );
  // Only server helpers under app/utils (session, language) see cookies; no component or route module does.
  assert.deepEqual(
    readers.filter((f) => !(f.startsWith("app/utils/") && f.endsWith(".server.ts"))),
    [],
  );
  assert.ok(readers.includes("app/utils/session.server.ts"), "the scan finds the session's cookie");
});
