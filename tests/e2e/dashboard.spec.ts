import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the secretariat opens the dashboard from the menu; a stage's figure leads to the data sets behind it", async ({
  page,
}) => {
  await signIn(page, "secretariat");
  await page.getByRole("link", { name: "داشبورد مدیریتی" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "داشبورد مدیریتی" })).toBeVisible();
  const main = page.getByRole("main");
  // The chart is a named group of links (one bar per stage), and its figures are in a table for screen readers.
  await expect(main.getByRole("group", { name: "مجموعه‌داده‌ها به تفکیک مرحله" })).toBeVisible();
  await main.getByText("جدول همین ارقام").click();
  const figures = main.locator("details table tbody tr");
  expect(await figures.count()).toBeGreaterThan(1);
  // The first stage with data sets: its count is what the supply list shows behind its link.
  const links = main.locator("details table tbody a");
  let shown = 0;
  let index = -1;
  for (let i = 0; i < (await links.count()); i++) {
    shown = Number((await links.nth(i).innerText()).replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))));
    if (shown > 0) {
      index = i;
      break;
    }
  }
  expect(index).toBeGreaterThanOrEqual(0);
  await links.nth(index).click();
  await expect(page).toHaveURL(/\/supply\?stage=\d+/);
  await expect(page.getByRole("main").locator("table tbody tr")).toHaveCount(shown);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/dashboard");
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/dashboard-${width}.png`, fullPage: true });
  }
});

test("a committee member has no dashboard in the menu and is refused it", async ({ page }) => {
  await signIn(page, "member");
  await expect(page.getByRole("link", { name: "داشبورد مدیریتی" })).toHaveCount(0);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
});

test("on a 390 px phone, with unread notifications, the main pages do not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, "secretariat");
  await expect(page.getByRole("navigation").getByText(/اعلان/).first()).toBeVisible();
  for (const path of ["/", "/my-actions", "/overdue", "/meetings", "/supply", "/dashboard"]) {
    await page.goto(path);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(`${path}: ${scrollWidth}`).toBe(`${path}: ${innerWidth}`);
  }
});
