/**
 * Issue 21 sweep: every page of the route table, as each role, in Persian and English, at 1366px and 390px — axe finds
 * no violation of any impact and nothing scrolls sideways. One load per route × role × language; the second width is a
 * viewport resize, not a reload, to keep the run short on two cores.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import en from "../../app/locales/en";
import fa from "../../app/locales/fa";
import { DATABASE_PATH } from "../playwright.config";
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
  // Answers POSTs only (a GET is a 404 by design).
  "routes/meetings.$meetingId_.signoff",
]);

/**
 * A real value for each dynamic segment, by route id then by param name, read from the seeded demo (the sweep runs
 * first, on a fresh seed, so these are the demo's own rows). Routes whose params are not here get `1`; a route that
 * answers 404 with `1` fails with a message naming it, so a page landing later is listed here.
 */
function demoParams(): Record<string, Record<string, string>> {
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  const one = (sql: string) => String((db.prepare(sql).get() as { v: number } | undefined)?.v ?? 1);
  // A final meeting with a past edition shows the most: minutes, resolutions, sign-off, the editions' history.
  const edition = db.prepare("select meeting_id m, edition e from meeting_editions order by id limit 1").get() as
    | { m: number; e: number }
    | undefined;
  const meetingId = String(edition?.m ?? one("select id v from meetings where status = 'final' order by id limit 1"));
  const draftId = one("select id v from meetings where status = 'draft' order by id limit 1");
  const params = {
    meetingId,
    organisationId: one("select id v from organisations order by id limit 1"),
    resolutionId: one("select id v from resolutions order by id limit 1"),
    personId: one("select id v from people order by id limit 1"),
    bodyId: one("select id v from bodies order by id limit 1"),
    reportId: one("select id v from reports order by id limit 1"),
    dataSetId: one("select id v from data_sets order by id limit 1"),
    groupId: one("select id v from working_groups order by id limit 1"),
  };
  db.close();
  return {
    "*": params,
    "routes/meetings.$meetingId_.edit": { ...params, meetingId: draftId },
    "routes/meetings.$meetingId_.editions.$edition": { ...params, edition: String(edition?.e ?? 1) },
  };
}

function pages(): { id: string; url: string }[] {
  const PARAMS = demoParams();
  const tree = JSON.parse(
    execFileSync("npx", ["remix", "routes", "--json"], { cwd: ROOT, encoding: "utf8" }),
  ) as RouteNode[];
  const out: { id: string; url: string }[] = [];
  const walk = (nodes: RouteNode[], prefix: string) => {
    for (const node of nodes) {
      const map = PARAMS[node.id] ?? PARAMS["*"];
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
const SITE = { fa: fa.titles.site, en: en.titles.site };
/**
 * Axe at 1366px in both languages and at 390px in Persian (the phone layout is the same markup in English, and the
 * full matrix took over six minutes on two busy cores); sideways scroll is measured at both widths in both.
 */
const AXE_WIDTHS = { fa: [1366, 390], en: [1366] } as const;

for (const role of ROLES) {
  for (const lang of LANGS) {
    test(`a11y sweep: ${role}, ${lang}`, async ({ page }) => {
      test.setTimeout(240_000);
      const login = await page.request.post("/login", {
        form: { ...ACCOUNTS[role], redirectTo: "/" },
        maxRedirects: 0,
      });
      expect(login.status()).toBe(302);
      await page.request.post("/language", { form: { lang, redirectTo: "/" }, maxRedirects: 0 });
      const failures: string[] = [];
      const titles = new Map<string, string>();
      for (const { id, url } of pages()) {
        await page.setViewportSize({ width: 1366, height: 900 });
        const response = await page.goto(url);
        const status = response?.status() ?? 0;
        if (status === 403) continue; // not this role's page
        if (status >= 400) {
          failures.push(`${id} ${url}: HTTP ${status} — add a real param to PARAMS in a11y.spec.ts`);
          continue;
        }
        // Each page says what it is, before the site's name, and no two pages say the same.
        const title = await page.title();
        const page_ = title.endsWith(` — ${SITE[lang]}`) ? title.slice(0, -` — ${SITE[lang]}`.length).trim() : "";
        if (!page_) failures.push(`${url}: <title> «${title}» does not name the page before «${SITE[lang]}»`);
        const twin = [...titles].find(([, other]) => other === title)?.[0];
        if (twin) failures.push(`${url}: <title> «${title}» is also ${twin}'s`);
        titles.set(url, title);
        for (const width of [1366, 390]) {
          await page.setViewportSize({ width, height: 900 });
          if ((AXE_WIDTHS[lang] as readonly number[]).includes(width)) {
            const axe = await new AxeBuilder({ page }).analyze();
            for (const v of axe.violations) {
              const where = v.nodes.map((n) => n.target.join(" ")).slice(0, 3);
              failures.push(`${url} @${width}: ${v.id} (${v.impact}) ×${v.nodes.length} ${where.join(" | ")}`);
            }
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) failures.push(`${url} @${width}: scrolls sideways by ${overflow}px`);
        }
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
}
