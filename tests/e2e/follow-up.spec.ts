import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "xlsx";
import { DATABASE_PATH } from "../playwright.config";
import { signInAs, waitForHydration } from "./helpers";

/** Reads the test server's database (read-only) to find records by what a person would see. */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

test("a member finds an assignment in «my actions», reports progress and marks it done", async ({ page }) => {
  await signInAs(page, "member");
  await page.getByRole("link", { name: "کارتابل من" }).first().click();
  await expect(page.getByRole("heading", { name: "کارتابل من" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "وضعیت دریافت ریزداده‌های ثبت احوال" });
  await expect(row).toBeVisible();
  await expect(row.getByText("مهلت این هفته")).toBeVisible();
  // Overdue items are marked.
  await expect(page.getByText(/روز گذشته از مهلت/).first()).toBeVisible();

  // One link per row opens the progress form in place.
  await waitForHydration(page);
  await row.getByRole("link", { name: /^ثبت گزارش پیشرفت/ }).click();
  await expect(row.getByLabel(/^شرح اقدام/)).toBeFocused();
  await row.getByLabel(/^شرح اقدام/).fill("فایل ثبت احوال دریافت و بررسی شد");
  await row.getByLabel(/^درصد پیشرفت/).fill("۶۰");
  await row.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  await expect(row.getByText("ثبت شد.")).toBeVisible();
  await expect(row).toContainText("در حال انجام · ۶۰٪");
  await expect(row.getByLabel(/^شرح اقدام/)).toHaveCount(0);

  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^مصوبه / })).toBeVisible();
  await expect(page.getByText("فایل ثبت احوال دریافت و بررسی شد")).toBeVisible();
  // A wrong percentage gets a Persian message and changes nothing.
  const progress = page.getByRole("form", { name: "ثبت گزارش پیشرفت" });
  await progress.getByLabel("شرح اقدام").fill("گزارش دوم");
  await progress.getByLabel("درصد پیشرفت").fill("۱۵۰");
  await progress.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  await expect(progress.getByText("درصد را عددی بین ۰ و ۱۰۰ بنویسید.")).toBeVisible();
  await expect(page.getByText("گزارش دوم")).toHaveCount(0);

  const done = page.getByRole("form", { name: "اعلام انجام" });
  await done.getByLabel("شرح اقدام").fill("گزارش هفتگی ارسال شد");
  await done.getByRole("button", { name: "اعلام انجام" }).click();
  await expect(page.getByText("انجام‌شده", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "اعلام انجام" })).toHaveCount(0);
  await expect(page.locator(".timeline")).toContainText("گزارش هفتگی ارسال شد");
  await page.goto("/my-actions");
  await expect(page.getByRole("row").filter({ hasText: "وضعیت دریافت ریزداده‌های ثبت احوال" })).toHaveCount(0);
});

test("an owner cannot change what they may not: extension, subject, owners, deadline", async ({ page }) => {
  await signInAs(page, "member");
  const [r] = query<{ id: number; subject: string; due_date: string }>(
    "select r.id, r.subject, r.due_date from resolutions r where r.subject like 'سند عدم افشای اطلاعات%'",
  );
  const origin = new URL(page.url()).origin;
  const extend = await page.request.post(`${origin}/resolutions/${r.id}`, {
    form: { intent: "extend", date: "1410/01/01", note: "خودم" },
  });
  expect(extend.status()).toBe(403);
  const sneaky = await page.request.post(`${origin}/resolutions/${r.id}`, {
    form: { intent: "progress", note: "یادداشت", subject: "موضوع دیگر", dueDate: "2099-01-01", owners: "1" },
  });
  expect(sneaky.status()).toBe(200);
  const [after] = query<{ subject: string; due_date: string }>(
    "select subject, due_date from resolutions where id = ?",
    r.id,
  );
  expect(after).toEqual({ subject: r.subject, due_date: r.due_date });
});

test("a member never sees or changes another body's resolutions, on any route", async ({ page }) => {
  await signInAs(page, "member");
  const hidden = query<{ id: number; meeting_id: number; subject: string }>(
    "select r.id, r.meeting_id, r.subject from resolutions r join meetings m on m.id = r.meeting_id join bodies b on b.id = m.body_id where b.name = 'کمیته طراحی و روش‌شناسی'",
  );
  expect(hidden.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  for (const r of hidden) {
    expect((await page.request.get(`${origin}/resolutions/${r.id}`)).status()).toBe(404);
    expect(
      (await page.request.post(`${origin}/resolutions/${r.id}`, { form: { intent: "progress", note: "x" } })).status(),
    ).toBe(404);
    expect((await page.request.get(`${origin}/meetings/${r.meeting_id}`)).status()).toBe(403);
    expect((await page.request.get(`${origin}/meetings/${r.meeting_id}/pdf`)).status()).toBe(403);
  }
  for (const url of ["/my-actions", "/overdue", "/notifications", "/"]) {
    const html = await (await page.request.get(`${origin}${url}`)).text();
    for (const r of hidden) expect(html, url).not.toContain(r.subject.slice(0, 30));
  }
  const sheet = XLSX.read(await (await page.request.get(`${origin}/overdue.xlsx`)).body());
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet.Sheets[sheet.SheetNames[0]], { header: 1 });
  expect(rows.length).toBe(1);
});

test("a chair reviews overdue resolutions, filters by committee, searches with Arabic letters and exports exactly those rows", async ({
  page,
}) => {
  await signInAs(page, "chair");
  await page.getByRole("link", { name: "مصوبات معوق" }).click();
  await expect(page.getByRole("heading", { name: "مرور مصوبات معوق" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /مصوبه معوق$/ })).toBeVisible();

  await page.getByLabel("نهاد تصویب‌کننده", { exact: true }).selectOption({ label: "کمیته طراحی و روش‌شناسی" });
  // «ي» and «ك» typed with Arabic letters find the Persian «ی» and «ک».
  await page.getByLabel("جستجو در موضوع و یادداشت‌ها").fill("پيش‌نويس طرح");
  await page.getByRole("button", { name: "اعمال" }).click();
  await expect(page).toHaveURL(/body=\d+/);
  await expect(page).toHaveURL(/q=/);
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toContainText("پیش‌نویس طرح آزمایش");
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  const codes = await page.locator("table tbody tr td:first-child").allTextContents();
  for (const text of await rows.allTextContents()) expect(text).toContain("کمیته طراحی و روش‌شناسی");

  // Sorting by deadline is kept in the URL, so the view can be shared.
  await page.getByRole("button", { name: "مرتب‌سازی بر اساس مهلت" }).click();
  await expect(page).toHaveURL(/sort=dueDate/);
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByLabel("جستجو در موضوع و یادداشت‌ها")).toHaveValue("پيش‌نويس طرح");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "خروجی Excel" }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file!);
  const book = XLSX.read(bytes);
  const sheet = book.Sheets[book.SheetNames[0]];
  const table = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1 });
  expect(table[0]).toEqual([
    "کد",
    "نهاد تصویب‌کننده",
    "موضوع",
    "متولی",
    "مهلت",
    "روز تأخیر",
    "وضعیت",
    "آخرین پیگیری",
    "رأی‌گیری",
  ]);
  expect(table.length - 1).toBe(shown);
  expect(
    table
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual([...codes].map((c) => c.trim()).sort());
  for (const r of table.slice(1)) {
    expect(String(r[4])).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    expect(Number(r[5])).toBeGreaterThan(0);
  }
  // The sheet is laid out right to left.
  const sheetXml = strFromU8(unzipSync(new Uint8Array(bytes))["xl/worksheets/sheet1.xml"]);
  expect(sheetXml).toContain('rightToLeft="1"');
});

test("the secretariat sees every body's overdue resolutions and the counts per body", async ({ page }) => {
  await signInAs(page, "secretariat");
  await page.goto(`/overdue?q=${encodeURIComponent("كميته ها")}`);
  const counts = page.locator(".summary-counts li");
  await expect(counts.first()).toContainText("شورای هماهنگی و تلفیق");
  const rows = page.locator("table tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text.replace(/\s/g, "")).toContain("کمیته");
});

test("the secretariat extends a deadline with a reason; the timeline and the notifications show it", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  await page.goto(`/overdue?q=${encodeURIComponent("برنامه زمانبندی سریعتر")}`);
  const first = page.locator("table tbody tr").first();
  await expect(first).toContainText("برنامه زمانبندی سریعتر");
  await first.getByRole("link").first().click();
  const extend = page.getByRole("form", { name: "تمدید مهلت" });
  await extend.getByLabel("مهلت پیشنهادی").fill("1499/01/15");
  await extend.getByRole("button", { name: "تمدید مهلت" }).click();
  await expect(extend.getByText("دلیل")).toBeVisible();
  await expect(extend.getByRole("alert")).toContainText("شرح را بنویسید.");
  await extend.getByLabel("دلیل").fill("در انتظار پاسخ استان‌ها");
  await extend.getByRole("button", { name: "تمدید مهلت" }).click();
  await expect(page.locator(".timeline")).toContainText("در انتظار پاسخ استان‌ها");
  await expect(page.getByText("۱۴۹۹/۰۱/۱۵").first()).toBeVisible();
  await expect(page.getByText(/تمدیدشده؛ مهلت محاسبه‌شده در جلسه/)).toBeVisible();

  // Notifications: a count in the navigation, marked read one by one.
  await page.goto("/");
  const count = page.locator(".nav-count");
  await expect(count).toBeVisible();
  const before = (await count.textContent()) ?? "";
  await page
    .getByRole("button", { name: /^خوانده شد/ })
    .first()
    .click();
  await expect(page.locator(".nav-count")).not.toHaveText(before);
});
