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
  const byStage = main.getByRole("region", { name: "مجموعه‌داده‌ها به تفکیک مرحله" });
  await byStage.getByText("جدول همین ارقام").click();
  const figures = byStage.locator("details table tbody tr");
  expect(await figures.count()).toBeGreaterThan(1);
  // The first stage with data sets: its count is what the supply list shows behind its link.
  const links = byStage.locator("details table tbody a");
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
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/dashboard");
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/dashboard-${width}.png`, fullPage: true });
  }
  if (process.env.SCREENSHOTS) {
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: "/tmp/dashboard-print.png", fullPage: true });
  }
});

const digits = (text: string) =>
  Number(text.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/\D/g, ""));

test("each overdue figure of the dashboard is the count its overdue review lists; printing leaves the menu out", async ({
  page,
}) => {
  await signIn(page, "secretariat");
  await page.goto("/dashboard");
  const main = page.getByRole("main");
  for (const name of ["مصوبات هر کمیته به تفکیک وضعیت", "مصوبات معوق به تفکیک مدت", "جلسات برگزارشده در ماه"])
    await expect(main.getByRole("group", { name })).toBeVisible();
  // Overdue by age: the three figures add up to all overdue, and the largest leads to a review of that many.
  const section = main.getByRole("region", { name: "مصوبات معوق به تفکیک مدت" });
  await section.getByText("جدول همین ارقام").click();
  const ages = section.locator("details table tbody a");
  await expect(ages).toHaveCount(3);
  const counts = await Promise.all([0, 1, 2].map(async (i) => digits(await ages.nth(i).innerText())));
  const all = digits(await section.getByRole("link", { name: /همهٔ مصوبات معوق/ }).innerText());
  expect(counts.reduce((a, b) => a + b, 0)).toBe(all);
  const biggest = counts.indexOf(Math.max(...counts));
  expect(counts[biggest]).toBeGreaterThan(0);
  await ages.nth(biggest).click();
  await expect(page).toHaveURL(/\/overdue\?/);
  const fa = String(counts[biggest]).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: `${fa} مصوبه معوق` })).toBeVisible();
  // On paper: no header and menu; the charts stay.
  await page.goto("/dashboard");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.getByRole("main").getByRole("group", { name: "مصوبات معوق به تفکیک مدت" })).toBeVisible();
});

test("every figure of the resolutions and meetings charts links to the list it counts, showing that many", async ({
  page,
}) => {
  await signIn(page, "secretariat");
  await page.goto("/dashboard");
  const main = page.getByRole("main");
  // Resolutions by committee and status: every bar part is a link (none left as a bare picture), and a figure other
  // than overdue leads to the resolutions list of that committee in that state, counting as many.
  const resolutions = main.getByRole("region", { name: "مصوبات هر کمیته به تفکیک وضعیت" });
  const chart = resolutions.getByRole("group", { name: "مصوبات هر کمیته به تفکیک وضعیت" });
  await resolutions.getByText("جدول همین ارقام").click();
  // As many linked bar parts as figures above zero in the table (each a link there too).
  const figures = await resolutions.locator("details table tbody td a").count();
  expect(figures).toBeGreaterThan(0);
  await expect(chart.locator("a rect")).toHaveCount(figures);
  const listed = resolutions.locator('details table tbody a[href^="/resolutions?"]');
  expect(await listed.count()).toBeGreaterThan(0);
  // The chart's links are the table's: one list behind each figure.
  const chartHrefs = await chart.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of await listed.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
    expect(chartHrefs).toContain(href);
  const shown = digits(await listed.first().innerText());
  await listed.first().click();
  await expect(page).toHaveURL(/\/resolutions\?ownerBody=\d+&state=(done|open|cancelled)/);
  const fa = (n: number) => String(n).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: `${fa(shown)} مصوبه` })).toBeVisible();
  await expect(page.getByRole("main").locator("table tbody tr")).toHaveCount(Math.min(shown, 25));

  // Meetings per body per month: each month's figure leads to that body's final meetings of that Jalali month.
  await page.goto("/dashboard");
  const meetings = main.getByRole("region", { name: /جلسات برگزارشده در ماه/ });
  await meetings.getByText("جدول همین ارقام").click();
  const months = meetings.locator('details table tbody td a[href*="status=final"]');
  expect(await months.count()).toBeGreaterThan(0);
  const grid = meetings.getByRole("group", { name: "جلسات برگزارشده در ماه" });
  const gridHrefs = await grid.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of await months.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
    expect(gridHrefs).toContain(href);
  const held = digits(await months.first().innerText());
  await months.first().click();
  await expect(page).toHaveURL(/\/meetings\?body=\d+&status=final&from=\d{4}%2F\d\d%2F01&to=/);
  await expect(page.getByRole("main").getByText(`${fa(held)} جلسه یافت شد`)).toBeVisible();
  await expect(page.getByRole("main").locator("table tbody tr")).toHaveCount(held);
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
  for (const path of [
    "/",
    "/my-actions",
    "/overdue",
    "/meetings",
    "/supply",
    "/dashboard",
    "/resolutions?state=open",
  ]) {
    await page.goto(path);
    if (process.env.SCREENSHOTS && path.startsWith("/resolutions"))
      await page.screenshot({ path: "/tmp/resolutions-390.png", fullPage: true });
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(`${path}: ${scrollWidth}`).toBe(`${path}: ${innerWidth}`);
  }
});
