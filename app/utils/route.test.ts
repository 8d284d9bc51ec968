import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

// A typed error (NotFoundError, ForbiddenError) thrown by a model becomes its 404/403 only inside route(); an
// unwrapped loader would answer 500 instead, and a refusal would go unaudited.
test("every route's loader and action goes through route()", () => {
  const unwrapped = readdirSync("app/routes").flatMap((file) => {
    const source = readFileSync(`app/routes/${file}`, "utf8");
    return [...source.matchAll(/export (?:async function|const|function) (loader|action)\b[^{]*\{\n(.*)/g)]
      .filter((m) => !m[2].trim().startsWith("return route(args, async ("))
      .map((m) => `${file}: ${m[1]}`);
  });
  assert.deepEqual(unwrapped, []);
});

// The browser's build empties `*.server` modules: a value a page's component takes from one is undefined there, and
// the page breaks only on client-side navigation (the server's render works). Types are erased, so they may.
test("no component uses a value imported from a .server module", () => {
  const files = [
    ...readdirSync("app/routes").map((f) => `app/routes/${f}`),
    ...readdirSync("app/components", { recursive: true, encoding: "utf8" }).map((f) => `app/components/${f}`),
  ].filter((f) => f.endsWith(".tsx"));
  const leaks = files.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const names = [...source.matchAll(/^import \{([^}]*)\} from "[^"]*\.server";/gm)].flatMap((m) =>
      m[1]
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith("type "))
        .map((n) => n.split(/\s+as\s+/).pop()!),
    );
    const start = file.startsWith("app/routes/") ? source.search(/^export default function/m) : 0;
    if (start < 0) return [];
    const client = source
      .slice(start)
      .replace(/^import .*$/gm, "")
      .replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "")
      // Text in strings is not a use: keep only a template's expressions.
      .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
      .replace(/`[^`]*`/g, (t) => [...t.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).join(" "));
    return names.filter((n) => new RegExp(`(?<![\\w.$])${n}\\b`).test(client)).map((n) => `${file}: ${n}`);
  });
  assert.deepEqual(leaks, []);
});
