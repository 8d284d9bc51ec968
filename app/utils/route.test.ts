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
