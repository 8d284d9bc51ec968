import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

type RouteNode = { id: string; path?: string; index?: boolean; file: string; children?: RouteNode[] };

/** Routes that answer without a session on purpose. */
// The calendar feed opens with its secret key instead of a session (calendar apps send none): a 404 without one.
const PUBLIC = new Set(["routes/login", "routes/healthz", "routes/language", "routes/logout", "routes/calendar[.]ics"]);

/**
 * Every page URL the app has, read from Remix's own route table, with dynamic segments filled with `1`,
 * so a route added later is covered by the access tests without anyone remembering to list it.
 */
export function allPageUrls(): { id: string; url: string }[] {
  const json = execFileSync("npx", ["remix", "routes", "--json"], { cwd: ROOT, encoding: "utf8" });
  const tree = JSON.parse(json) as RouteNode[];
  const out: { id: string; url: string }[] = [];
  const walk = (nodes: RouteNode[], prefix: string) => {
    for (const node of nodes) {
      const segment = (node.path ?? "").replace(/:[^/]+/g, "1").replace(/\*$/, "no-such-page");
      const url = [prefix, segment].filter(Boolean).join("/");
      if (!PUBLIC.has(node.id) && node.id !== "root" && (node.index || node.path)) {
        out.push({ id: node.id, url: `/${url}`.replace(/\/+/g, "/") });
      }
      if (node.children) walk(node.children, url);
    }
  };
  walk(tree, "");
  return out;
}
