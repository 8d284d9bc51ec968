/**
 * Issue 21 sweep: every page of the route table, as each role, in Persian and English, at 1366px and 390px — axe finds
 * no violation of any impact, nothing scrolls sideways, and each page's <title> names it. One test per route × role ×
 * language, on one signed-in page per role and language; the second width is a viewport resize, not a reload, to keep
 * the run short on two cores.
 *
 * All of it runs in every `npm test` (the axe and width sweep, @sweep: 130 pages, about six minutes on two busy
 * cores); `A11Y_SWEEP=0` leaves the sweep out of a local run, and A11Y_FINDINGS=<file> lists every finding in one
 * file as it goes.
 */

import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
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
  // A calendar feed for calendar programs (text/calendar, opened with its key), not a page.
  "routes/calendar[.]ics",
  // A GET only redirects to the meeting page's sign-off panel (the sign-off request mail's link).
  "routes/meetings.$meetingId_.signoff",
]);

/**
 * A real value for each dynamic segment, by route id then by param name, read from the seeded demo when the first
 * test runs (the server seeds afresh at start, after the tests are listed). Routes not named here take the defaults
 * under "*"; a route answering 404 fails with a message naming PARAMS, so a page landing later is listed here.
 */
let params: Record<string, Record<string, string>> | undefined;
function demoParams(): Record<string, Record<string, string>> {
  if (params) return params;
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  // "" when the demo has no such row (it seeds no HQ report: those are drafted by hand); such a page is skipped.
  const one = (sql: string) => String((db.prepare(sql).get() as { v: number } | undefined)?.v ?? "");
  // A meeting with a past edition shows the most: minutes, resolutions, the editions' history.
  const edition = db.prepare("select meeting_id m, edition e from meeting_editions order by id limit 1").get() as
    | { m: number; e: number }
    | undefined;
  const meetingId = String(edition?.m ?? one("select id v from meetings where status = 'final' order by id limit 1"));
  const defaults = {
    meetingId,
    organisationId: one("select id v from organisations order by id limit 1"),
    resolutionId: one("select id v from resolutions order by id limit 1"),
    personId: one("select id v from people order by id limit 1"),
    bodyId: one("select id v from bodies order by id limit 1"),
    reportId: one("select id v from reports order by id limit 1"),
    dataSetId: one("select id v from data_sets order by id limit 1"),
    groupId: one("select id v from working_groups order by id limit 1"),
  };
  const draftId = one("select id v from meetings where status = 'draft' order by id limit 1");
  db.close();
  params = {
    "*": defaults,
    "routes/meetings.$meetingId_.edit": { ...defaults, meetingId: draftId },
    "routes/meetings.$meetingId_.editions.$edition": { ...defaults, edition: String(edition?.e ?? 1) },
  };
  return params;
}

/** The page routes of Remix's own route table, as `/meetings/:meetingId` patterns. */
function pages(): { id: string; pattern: string }[] {
  const tree = JSON.parse(
    execFileSync("npx", ["remix", "routes", "--json"], { cwd: ROOT, encoding: "utf8" }),
  ) as RouteNode[];
  const out: { id: string; pattern: string }[] = [];
  const walk = (nodes: RouteNode[], prefix: string) => {
    for (const node of nodes) {
      const url = [prefix, node.path ?? ""].filter(Boolean).join("/");
      const resource = /\.ts$/.test(node.file) || /\.(pdf|xlsx)$/.test(url) || url.endsWith("/pdf");
      if (!SKIP.has(node.id) && node.id !== "root" && !resource && (node.index || node.path)) {
        out.push({ id: node.id, pattern: `/${url}`.replace(/\/+/g, "/") });
      }
      if (node.children) walk(node.children, url);
    }
  };
  walk(tree, "");
  return out;
}

function urlOf({ id, pattern }: { id: string; pattern: string }): string {
  const map = demoParams()[id] ?? demoParams()["*"];
  return pattern.replace(/:([^/]+)/g, (_, name: string) => map[name] ?? "1");
}

const ROLES: DemoRole[] = ["member", "secretariat", "chair", "admin"];
/**
 * The member's and the secretariat's sweeps open every page those two can; the chair is swept on the pages where a
 * chair sees controls of their own (extension decisions, pending requests, working groups), the admin on theirs.
 */
const PAGES_OF: Partial<Record<DemoRole, (pattern: string) => boolean>> = {
  chair: (p) =>
    ["/", "/overdue", "/my-actions", "/resolutions/:resolutionId", "/bodies/:bodyId", "/groups/:groupId"].includes(p),
  admin: (p) => p.startsWith("/admin"),
};
const LANGS = ["fa", "en"] as const;
const SITE = { fa: fa.titles.site, en: en.titles.site };
/**
 * Axe at 1366px in both languages and at 390px in Persian (the phone layout is the same markup in English, and the
 * full matrix took over six minutes on two busy cores); sideways scroll is measured at both widths in both.
 */
const AXE_WIDTHS = { fa: [1366, 390], en: [1366] } as const;
// Read once, in the runner: its workers inherit the environment, so a worker restarted after a failure does not ask
// Remix for the route table again (about twenty seconds on two busy cores).
process.env.A11Y_PAGES ??= JSON.stringify(pages());
const PAGES = JSON.parse(process.env.A11Y_PAGES) as ReturnType<typeof pages>;

async function signInWith(page: Page, role: DemoRole, lang: "fa" | "en") {
  const login = await page.request.post("/login", { form: { ...ACCOUNTS[role], redirectTo: "/" }, maxRedirects: 0 });
  expect(login.status()).toBe(302);
  await page.request.post("/language", { form: { lang, redirectTo: "/" }, maxRedirects: 0 });
}

for (const role of ROLES) {
  for (const lang of LANGS) {
    test.describe(`a11y sweep: ${role}, ${lang}`, () => {
      let page: Page;
      test.beforeAll(async ({ browser }) => {
        // Axe reads frames through the context, so the page comes from a context of its own.
        page = await (await browser.newContext()).newPage();
        await signInWith(page, role, lang);
      });
      test.afterAll(async () => {
        await page.context().close();
      });

      test("every page's <title> names it, before the site's name, and no two pages share one", async () => {
        const seen = new Map<string, string>();
        const failures: string[] = [];
        for (const p of PAGES) {
          const url = urlOf(p);
          if (url.includes("//") || (url.endsWith("/") && url !== "/")) continue; // nothing seeded for it
          const response = await page.request.get(url, { maxRedirects: 0 });
          if (response.status() !== 200) continue; // not this role's page (403), or it sends them elsewhere
          const html = await response.text();
          const title = (/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "").replace(/&amp;/g, "&");
          const suffix = ` — ${SITE[lang]}`;
          if (!title.endsWith(suffix) || !title.slice(0, -suffix.length).trim()) {
            failures.push(`${url}: <title> «${title}» does not name the page before «${SITE[lang]}»`);
          }
          const twin = [...seen].find(([, other]) => other === title)?.[0];
          if (twin) failures.push(`${url}: <title> «${title}» is also ${twin}'s`);
          seen.set(url, title);
        }
        expect(seen.size).toBeGreaterThan(10);
        expect(failures, failures.join("\n")).toEqual([]);
      });

      for (const p of PAGES.filter((page) => PAGES_OF[role]?.(page.pattern) ?? true)) {
        test(`${p.pattern}: axe finds nothing, nothing scrolls sideways @sweep`, async () => {
          const url = urlOf(p);
          test.skip(
            url.includes("//") || (url.endsWith("/") && url !== "/"),
            `the seeded demo has nothing for ${p.pattern}`,
          );
          await page.setViewportSize({ width: 1366, height: 900 });
          const response = await page.goto(url);
          const status = response?.status() ?? 0;
          test.skip(status === 403, "not this role's page");
          expect(status, `${p.id} ${url}: HTTP ${status} — add a real param to PARAMS in a11y.spec.ts`).toBeLessThan(
            400,
          );
          const failures: string[] = [];
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
          // A11Y_FINDINGS=<file> collects every finding in one list while the sweep runs.
          if (failures.length && process.env.A11Y_FINDINGS)
            appendFileSync(process.env.A11Y_FINDINGS, `${failures.join("\n")}\n`);
          expect(failures, failures.join("\n")).toEqual([]);
        });
      }
    });
  }
}
