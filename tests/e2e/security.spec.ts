import { type Browser, expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { toPersianDigits } from "../../app/utils/digits";
import { hashPassword } from "../../app/utils/password.server";
import { DATABASE_PATH } from "../playwright.config";
import { ACCOUNTS, signInAs } from "./helpers";
import { allPageUrls } from "./routes";

const dbFile = new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname;
function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

// The server's clock is pinned (playwright.config.ts), not this process's: times are set back from the server's
// latest audit entry (every sign-in writes one).
function serverTimeMinus(db: Database.Database, ms: number): string {
  // Stamped by the app's clock (pinned in tests), unlike audit_log.created_at, which SQLite stamps.
  const { at } = db.prepare("select max(at) at from login_attempts").get() as { at: string };
  return new Date(Date.parse(at) - ms).toISOString();
}

/** A throwaway member account, so tests that lock or disable accounts touch no one else. */
async function makeUser() {
  const username = `temp${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const password = "a-strong-pass-1404";
  const hash = await hashPassword(password);
  withDb((db) =>
    db.prepare("insert into users (username, password_hash, role) values (?, ?, 'member')").run(username, hash),
  );
  return { username, password };
}

async function signInWith(browser: Browser, account: { username: string; password: string }) {
  const page = await browser.newPage();
  await page.goto("/login");
  await page.getByLabel("نام کاربری").fill(account.username);
  await page.getByLabel("رمز عبور").fill(account.password);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
  return page;
}

test("a session ends after 30 idle minutes and after 12 hours", async ({ browser }) => {
  const account = await makeUser();
  const idle = await signInWith(browser, account);
  withDb((db) =>
    db
      .prepare("update sessions set last_seen_at = ? where user_id = (select id from users where username = ?)")
      .run(serverTimeMinus(db, 31 * 60_000), account.username),
  );
  await idle.goto("/my-actions");
  await expect(idle).toHaveURL(/\/login\?redirectTo=%2Fmy-actions/);

  const old = await signInWith(browser, account);
  withDb((db) =>
    db
      .prepare("update sessions set expires_at = ? where user_id = (select id from users where username = ?)")
      .run(serverTimeMinus(db, 1000), account.username),
  );
  await old.reload();
  await expect(old).toHaveURL(/\/login/);
});

test("signing out everywhere ends the other sessions too", async ({ browser }) => {
  const account = await makeUser();
  const laptop = await signInWith(browser, account);
  const phone = await signInWith(browser, account);
  await laptop.getByRole("link", { name: "نشست‌ها" }).click();
  await expect(laptop.getByRole("row")).toHaveCount(3);
  await expect(laptop.getByText("همین نشست")).toBeVisible();
  await laptop.getByRole("button", { name: "خروج از همه دستگاه‌ها" }).click();
  await expect(laptop).toHaveURL("/login");
  await phone.goto("/");
  await expect(phone).toHaveURL(/\/login/);
});

test("an admin disables a user: their sessions end at once and they cannot sign in", async ({ page, browser }) => {
  const account = await makeUser();
  const victim = await signInWith(browser, account);
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "کاربران" }).click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `غیرفعال کردن: ${account.username}` }).click();
  await expect(page.getByRole("row").filter({ hasText: account.username })).toContainText("غیرفعال");
  await victim.goto("/");
  await expect(victim).toHaveURL(/\/login/);
  await victim.getByLabel("نام کاربری").fill(account.username);
  await victim.getByLabel("رمز عبور").fill(account.password);
  await victim.getByRole("button", { name: "ورود" }).click();
  await expect(victim.getByRole("alert")).toHaveText("نام کاربری یا رمز عبور نادرست است.");
});

test("after 5 wrong passwords from one address the next waits (429, growing delays); the owner is told on their next sign-in", async ({
  page,
  request,
}) => {
  const account = await makeUser();
  // Sent at once: each attempt is counted before its password is hashed, so parallel ones cannot slip past.
  const statuses = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      request
        .post("/login", { form: { username: account.username, password: `wrong-${i}` }, maxRedirects: 0 })
        .then((r) => r.status()),
    ),
  );
  // Five are tried; after them each further try waits 1 s, 2 s, 4 s … after the previous failure. On a slow machine
  // the twelve may arrive over more than a second, so a sixth may rightly be tried — but never before its wait.
  const tried = withDb(
    (db) =>
      db.prepare("select at from login_attempts where username = ? order by at, id").all(account.username) as {
        at: string;
      }[],
  ).map((r) => Date.parse(r.at));
  expect(statuses.filter((s) => s === 400)).toHaveLength(tried.length);
  expect(tried.length).toBeGreaterThanOrEqual(5);
  for (let i = 5; i < tried.length; i++) expect(tried[i] - tried[i - 1]).toBeGreaterThanOrEqual(1000 * 2 ** (i - 5));
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
  // Five more failures a moment ago (as a patient attacker would have sent them): the next wait is a minute or more.
  withDb((db) => {
    const at = serverTimeMinus(db, 0);
    for (let i = 0; i < 5; i++)
      db.prepare("insert into login_attempts (username, ip, ok, at) values (?, '127.0.0.1', 0, ?)").run(
        account.username,
        at,
      );
  });
  // Even the right password waits, with a Persian message that says how long.
  await page.goto("/login");
  await page.getByLabel("نام کاربری").fill(account.username);
  await page.getByLabel("رمز عبور").fill(account.password);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("alert")).toContainText(/[۰-۹]+ ثانیه دیگر دوباره تلاش کنید/);

  // Once the delay has passed, the owner signs in and learns of the attempts.
  withDb((db) =>
    db
      .prepare("update login_attempts set at = ? where username = ?")
      .run(serverTimeMinus(db, 16 * 60_000), account.username),
  );
  await page.getByLabel("رمز عبور").fill(account.password);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("alert")).toContainText(`${toPersianDigits(tried.length + 5)} تلاش ناموفق`);
});

test("a cross-site POST is refused before any action runs", async ({ page, request }) => {
  const before = withDb((db) => (db.prepare("select count(*) n from sessions").get() as { n: number }).n);
  for (const headers of <Record<string, string>[]>[
    { Origin: "http://evil.example" },
    { "Sec-Fetch-Site": "cross-site" },
    { Origin: "null" },
  ]) {
    const r = await request.post("/login", { form: ACCOUNTS.admin, headers, maxRedirects: 0 });
    expect(r.status()).toBe(403);
    expect(await r.text()).toContain("پذیرفته نشد");
  }
  expect(withDb((db) => (db.prepare("select count(*) n from sessions").get() as { n: number }).n)).toBe(before);
  // A same-site form still works.
  await signInAs(page, "member");
  // A page on another site that posts a form to the app: the browser says where it comes from, and it is refused.
  const app = new URL(page.url());
  const other = await page.context().newPage();
  await other.route("http://attacker.example/", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><html><body><p>hello</p></body></html>" }),
  );
  await other.goto("http://attacker.example/");
  const [response] = await Promise.all([
    other.waitForResponse((r) => r.url() === `${app.origin}/language`),
    other.evaluate((action) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      form.innerHTML = '<input name="lang" value="en">';
      document.body.append(form);
      form.submit();
    }, `${app.origin}/language`),
  ]);
  expect(response.status()).toBe(403);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fa");
});

test("every page carries the security headers and a CSP nonce on every inline script", async ({ page }) => {
  await signInAs(page, "admin");
  // Each page twice: the second answer usually comes from the render cache and must still carry its own nonce.
  const seen = new Map<string, string>();
  for (const { url } of [...allPageUrls(), { url: "/login" }].flatMap((u) => [u, u])) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    const h = response.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, url).toContain(d);
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("same-origin");
    if ((h["content-type"] ?? "").startsWith("text/html")) {
      expect(h["cache-control"], url).toBe("no-store");
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      const html = await response.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      for (const attrs of inline) expect(attrs, url).toContain(`nonce="${nonce}"`);
      expect(
        html.match(/nonce="[^"]*"/g)?.every((n) => n === `nonce="${nonce}"`),
        url,
      ).toBe(true);
      expect(seen.get(url), `${url} reuses a nonce`).not.toBe(nonce);
      seen.set(url, nonce);
      expect(html, url).not.toMatch(/at .+\.(js|ts):\d+/);
    }
  }
  // A malformed request gets a plain Persian answer, not a stack trace.
  const bad = await page.request.get("/%E0%A4%A");
  expect(bad.status()).toBeGreaterThanOrEqual(400);
  expect(await bad.text()).not.toMatch(/\bat\b.*\.js/);
});

test("refused access is in the audit log, which the admin browses in Jalali", async ({ page, browser }) => {
  const member = await browser.newPage();
  await signInAs(member, "member");
  expect((await member.goto("/admin/users"))?.status()).toBe(403);
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "ممیزی" }).click();
  await page.getByLabel("رویداد").selectOption({ label: "دسترسی رد شد" });
  await page.getByRole("button", { name: "اعمال" }).click();
  const row = page.getByRole("row").filter({ hasText: "/admin/users" }).first();
  await expect(row).toContainText("member");
  await expect(row.getByRole("cell").first()).toHaveText(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$/);
});
