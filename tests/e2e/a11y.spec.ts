/**
 * Issue 21 sweep: every page of the route table, as each role, in Persian and English, at 1366px and 390px — axe finds
 * no violation of any impact and nothing scrolls sideways. One load per route × role × language; the second width is a
 * viewport resize, not a reload, to keep the run short on two cores.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, type DemoRole } from "./helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
type RouteNode = { id: string; path?: string; index?: boolean; file: string; children?: RouteNode[] };

/** Not pages a person reads, or pages only reachable without a session. */
const SKIP = new Set([
  "routes/login",
  "routes/login_.code",
  "routes/healthz",
  "routes/language",
  "routes/logout",
  "routes/$",
]);

/**
 * A real value for each dynamic segment, by route id then by param name. Routes whose params are not here get `1`;
 * a route that answers 404 with `1` fails with a message naming it, so a page landing later is listed here.
 */
const PARAMS: Record<string, Record<string, string>> = {
  "routes/meetings.$meetingId_.editions.$edition": { meetingId: "1", edition: "1" },
};

function pages(): { id: string; url: string }[] {
  const tree = JSON.parse(
    execFileSync("npx", ["remix", "routes", "--json"], { cwd: ROOT, encoding: "utf8" }),
  ) as RouteNode[];
  const out: { id: string; url: string }[] = [];
  const walk = (nodes: RouteNode[], prefix: string) => {
    for (const node of nodes) {
      const map = PARAMS[node.id] ?? {};
      const segment = (node.path ?? "").replace(/:([^/]+)/g, (_, name: string) => map[name] ?? "1");
      const url = [prefix, segment].filter(Boolean).join("/");
      const resource = /\.ts$/.test(node.file) || /\.(pdf|xlsx)$/.test(url) || url.endsWith("/pdf");
      if (!SKIP.has(node.id) && node.id !== "root" && !resource && (node.index || node.path)) {
        out.push({ id: node.id, url: `/${url}`.replace(/\/+/g, "/") });
      }
      if (node.children) walk(node.children, url);
    }
  };
  walk(tree, "");
  return out;
}

const ROLES: DemoRole[] = ["member", "secretariat"];
const LANGS = ["fa", "en"] as const;

for (const role of ROLES) {
  for (const lang of LANGS) {
    test(`a11y sweep: ${role}, ${lang}`, async ({ page }) => {
      test.slow();
      const login = await page.request.post("/login", {
        form: { ...ACCOUNTS[role], redirectTo: "/" },
        maxRedirects: 0,
      });
      expect(login.status()).toBe(302);
      await page.request.post("/language", { form: { lang, redirectTo: "/" }, maxRedirects: 0 });
      const failures: string[] = [];
      for (const { id, url } of pages()) {
        await page.setViewportSize({ width: 1366, height: 900 });
        const response = await page.goto(url);
        const status = response?.status() ?? 0;
        if (status === 403) continue; // not this role's page
        if (status >= 400) {
          failures.push(`${id} ${url}: HTTP ${status} — add a real param to PARAMS in a11y.spec.ts`);
          continue;
        }
        for (const width of [1366, 390]) {
          await page.setViewportSize({ width, height: 900 });
          const axe = await new AxeBuilder({ page }).analyze();
          for (const v of axe.violations) {
            failures.push(`${url} @${width}: ${v.id} (${v.impact}) ×${v.nodes.length} ${v.nodes[0]?.target.join(" ")}`);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) failures.push(`${url} @${width}: scrolls sideways by ${overflow}px`);
        }
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
}
