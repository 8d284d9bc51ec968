import { expect, test } from "@playwright/test";
import { ACCOUNTS, type DemoRole, signIn, waitForHydration } from "./helpers";
import { allPageUrls } from "./routes";

const ROLE_NAMES: Record<DemoRole, string> = {
  admin: "مدیر سامانه",
  secretariat: "دبیرخانه",
  chair: "رئیس کمیته",
  member: "عضو",
};

test.describe("signing in", () => {
  for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
    test(`${role} signs in and lands on a Persian home page`, async ({ page }) => {
      await signIn(page, role);
      await expect(page).toHaveURL("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "fa");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByText(`نقش شما در سامانه: ${ROLE_NAMES[role]}`)).toBeVisible();
      // Today's date is shown in Jalali with Persian digits.
      await expect(page.getByText(/امروز: .*[۰-۹]{4}/)).toBeVisible();
      await expect(page.getByRole("navigation", { name: "پیمایش اصلی" })).toBeVisible();
    });
  }

  test("a wrong password shows a Persian error and sets no session", async ({ page, context }) => {
    await page.goto("/login");
    await page.getByLabel("نام کاربری").fill("admin");
    await page.getByLabel("رمز عبور").fill("not-the-password");
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page.getByRole("alert")).toHaveText("نام کاربری یا رمز عبور نادرست است.");
    expect((await context.cookies()).filter((c) => c.name.includes("session"))).toEqual([]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields get messages next to them", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page.getByText("نام کاربری را وارد کنید.")).toBeVisible();
    await expect(page.getByText("رمز عبور را وارد کنید.")).toBeVisible();
  });

  test("sign-in returns the visitor to the page they asked for", async ({ page }) => {
    await page.goto("/people?q=abc");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fpeople%3Fq%3Dabc/);
    await page.getByLabel("نام کاربری").fill(ACCOUNTS.member.username);
    await page.getByLabel("رمز عبور").fill(ACCOUNTS.member.password);
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page).toHaveURL("/people?q=abc");
  });
});

test("a signed-out visitor is sent to sign-in from every page", async ({ request }) => {
  const pages = allPageUrls();
  expect(pages.length).toBeGreaterThan(1);
  for (const { url } of pages) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(302);
    // The second step of signing in, with no first step behind it, starts the sign-in again.
    const start = url === "/" || url === "/login/code";
    expect(response.headers().location, url).toBe(start ? "/login" : `/login?redirectTo=${encodeURIComponent(url)}`);
  }
});

test("after sign-out the old cookie no longer opens any page", async ({ page, browser }) => {
  await signIn(page, "secretariat");
  const oldCookies = await page.context().cookies();
  expect(oldCookies.some((c) => c.name === "session" && c.httpOnly && c.sameSite === "Lax")).toBe(true);
  await page.getByRole("button", { name: "خروج" }).click();
  await expect(page).toHaveURL("/login");

  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const request = replay.request;
  for (const { url } of allPageUrls()) {
    const response = await request.get(new URL(url, page.url()).href, { maxRedirects: 0 });
    expect(response.status(), url).toBe(302);
    expect(response.headers().location, url).toMatch(/^\/login/);
  }
  await replay.close();
});

test("the language switch turns the page English and left-to-right, and back", async ({ page }) => {
  await signIn(page, "chair");
  await page.getByRole("button", { name: "تغییر زبان" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
  await expect(page.getByText(/Today: .*\d{4}/)).toBeVisible();
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
});

test("pages hydrate without warnings in either language", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  await signIn(page, "admin");
  // Reloaded with unchanged data, the page comes from the render cache: its scripts must still run (nonce, CSP).
  await page.reload();
  await page.waitForLoadState("networkidle");
  await waitForHydration(page);
  await page.getByRole("button", { name: "تغییر زبان" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("an unknown address shows the Persian not-found page", async ({ page }) => {
  await signIn(page, "member");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "صفحه پیدا نشد" })).toBeVisible();
});

test("health check answers when the database does", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("no page carries a NUL byte or a broken letter (react#31134 at the renderer's 2 KB seams)", async ({ page }) => {
  await signIn(page, "secretariat");
  let checked = 0;
  for (const { url } of allPageUrls()) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const body = await response.body();
    expect(body.indexOf(0), url).toBe(-1);
    expect(body.toString("utf8"), url).not.toContain("\uFFFD");
    checked++;
  }
  expect(checked).toBeGreaterThan(20);
});
