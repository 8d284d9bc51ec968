import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoPdf } from "../../db/demo-documents";
import { pdfText, signInAs } from "./helpers";

const DATA_SET = "اسناد مالکیت املاک";
const AGENCY = "سازمان ثبت اسناد و املاک کشور";
/** Persian digits of a whole number, grouped as the app prints counts (۱٬۲۳۴). */
const fa = (n: number) =>
  n
    .toLocaleString("en-US")
    .replace(/,/g, "٬")
    .replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);

test("the secretariat records a delivery with its letter; the weekly report, the council's minutes, the half-year report and the dashboard show it; another committee's chair is refused", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAs(page, "secretariat");
  // The council's next meeting, still open, for the weekly report to go into.
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: "شورای هماهنگی و تلفیق" });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);

  await page.goto("/supply");
  await page.getByRole("main").getByRole("link", { name: DATA_SET }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DATA_SET);
  const dataSetUrl = new URL(page.url()).pathname;
  const form = page.getByRole("form", { name: "ثبت تغییر یا تحویل" });
  await form.getByLabel("مرحلهٔ بعد").selectOption({ label: "تحویل شده" });
  await form.getByLabel("تاریخ", { exact: true }).fill("۱۴۰۵/۰۹/۱۵");
  await form.getByLabel("یادداشت").fill("فایل اسناد مالکیت با نامهٔ سازمان رسید.");
  await form.getByLabel("داده‌ای تحویل شد").check();
  await form.getByLabel("دورهٔ زمانی داده").fill("تا پایان ۱۴۰۴");
  await form.getByLabel("تعداد رکورد").fill("۳۲۱۰۰۰۰");
  await form.getByLabel(/^مستندات/).setInputFiles({
    name: "نامه-ثبت-اسناد.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(demoPdf("نامه سازمان ثبت اسناد")),
  });
  await form.getByRole("button", { name: "ثبت" }).click();
  await expect(page.getByText("تغییر ثبت شد.")).toBeVisible();
  const history = page.getByRole("region", { name: "تاریخچه" });
  await expect(history.locator(".timeline__item").first()).toContainText("تحویل شده");
  await expect(history.locator(".timeline__item").first()).toContainText(`${fa(3_210_000)} رکورد`);
  await expect(
    history.locator(".timeline__item").first().getByRole("link", { name: "نامه-ثبت-اسناد.pdf", exact: true }),
  ).toBeVisible();

  // The weekly report lists the change, with the records delivered.
  await page.goto("/supply/weekly");
  const week = page.getByRole("main");
  await expect(week.getByRole("row").filter({ hasText: DATA_SET }).first()).toContainText("تحویل شده");
  // Into the next council minutes, with one action: the committee's report there holds the delivery.
  const put = page.getByRole("form", { name: "افزودن به صورتجلسهٔ بعدی شورا" });
  await put.getByLabel("گزارش کمیتهٔ").selectOption({ label: "کمیته تامین داده" });
  await put.getByRole("button", { name: "افزودن به صورتجلسهٔ شورا" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  await expect(page.getByLabel("آنچه گزارش شد").last()).toHaveValue(new RegExp(`${AGENCY}، ${DATA_SET}`));

  // The half-year report to the cabinet counts it: the agency has delivered, on the page and in the PDF.
  await page.goto("/reports");
  const draft = page.getByRole("form", { name: "گزارش تازه" });
  await draft.getByLabel("نوع گزارش").selectOption("half_year");
  await draft.getByLabel("سال").fill("۱۴۰۵");
  await draft.getByLabel("دوره").selectOption("2");
  await draft.getByRole("button", { name: "پیش‌نویس گزارش" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  const report = page.locator("article.report");
  const part = report.locator("section.report__supply");
  await expect(part.getByRole("heading", { name: /اجرای بخشنامه: تأمین ریزداده‌ها/ })).toBeVisible();
  const row = part.getByRole("row").filter({ hasText: AGENCY });
  // total, due, delivered, accepted, late, changes, carried out
  await expect(row.getByRole("cell").nth(2)).toHaveText(fa(1));
  await expect(part.getByRole("img", { name: "مجموعه‌داده‌ها به تفکیک دستگاه" })).toBeVisible();
  // The period's changes list the delivery with its records.
  await expect(part.getByRole("row").filter({ hasText: DATA_SET }).first()).toContainText(fa(3_210_000));
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/preview.pdf`);
  expect(pdf.status()).toBe(200);
  const body = await pdf.body();
  if (process.env.SCREENSHOTS) writeFileSync("/tmp/half-year.pdf", body);
  const text = pdfText(body);
  expect(text).toContain("بخشنامه");
  expect(text.replace(/\s+/g, " ")).toContain(fa(3_210_000));

  // The dashboard's matrix counts the agency's data set as delivered.
  await page.goto("/dashboard");
  const matrix = page.getByRole("region", { name: "دستگاه‌ها × مجموعه‌داده‌ها به تفکیک مرحله" });
  const headers = await matrix.getByRole("columnheader").allInnerTexts();
  const delivered = headers.findIndex((h) => h.trim() === "تحویل شده");
  expect(delivered).toBeGreaterThan(0);
  const agencyRow = matrix.getByRole("row").filter({ hasText: AGENCY });
  await expect(agencyRow.getByRole("cell").nth(delivered - 1)).toHaveText(fa(1));

  // The chair of another committee (design) reads the data set but has no form, and a forged change is refused.
  const context = await browser.newContext();
  const chair = await context.newPage();
  await signInAs(chair, "chair");
  await chair.goto(dataSetUrl);
  await expect(chair.getByRole("heading", { level: 1 })).toContainText(DATA_SET);
  await expect(chair.getByRole("form", { name: "ثبت تغییر یا تحویل" })).toHaveCount(0);
  const origin = new URL(chair.url()).origin;
  const refused = await chair.request.post(`${origin}${dataSetUrl}`, {
    multipart: { intent: "change", toStageId: "1", date: "1405/09/15", note: "از کمیته دیگر", blockedOn: "" },
  });
  expect(refused.status()).toBe(403);
  await context.close();
  await page.goto(dataSetUrl);
  await expect(page.getByRole("region", { name: "تاریخچه" })).not.toContainText("از کمیته دیگر");
});
