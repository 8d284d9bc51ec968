import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const FIXTURES = path.resolve("tests/fixtures/import");

test("the secretariat imports a past council meeting from Word; the year of old minutes is asked, not guessed", async ({
  page,
}) => {
  test.slow();
  await signIn(page, "secretariat");
  await page.goto("/meetings");
  await page.getByRole("main").getByRole("link", { name: "ورود از Word" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ورود صورتجلسه‌های گذشته از Word" })).toBeVisible();
  await page
    .getByLabel("فایل‌های صورتجلسه")
    .setInputFiles([path.join(FIXTURES, "council-02.docx"), path.join(FIXTURES, "design-12-two-digit-year.docx")]);
  await page.getByRole("button", { name: "خواندن فایل‌ها" }).click();
  await expect(page.getByText("۲ فایل خوانده شد", { exact: false })).toBeVisible();
  await page.screenshot({ path: "/tmp/import-review-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "/tmp/import-review-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  // Creating without choosing the year is refused with the reason next to the field.
  await page.getByRole("button", { name: /ساختن/ }).click();
  await expect(page.getByText("سال را انتخاب کنید؛ سال دورقمی حدس زده نمی‌شود.")).toBeVisible();
  // Nothing was created by the refusal; the person answers the year and creates both drafts.
  const design = page.getByRole("region", { name: "design-12-two-digit-year.docx" });
  await design.getByRole("radio", { name: "۱۴۰۳/۰۵/۱۲" }).check();
  await design.getByRole("radio", { name: "۱۴۰۳/۰۵/۲۶" }).check();
  await page.getByRole("button", { name: /ساختن/ }).click();
  await expect(page.getByText("۲ پیش‌نویس از فایل‌های Word ساخته شد.")).toBeVisible();
  // The council's file: number 2 was taken, so it became 3; its draft has the file's agenda and keeps the file.
  await page.getByRole("main").getByRole("link", { name: "صورتجلسه شماره ۳" }).click();
  const main = page.getByRole("main");
  await expect(main.getByText("گزارش وضعیت آزمایش سرشماری در سال ۱۴۰۰").first()).toBeVisible();
  await expect(main.getByText("council-02.docx").first()).toBeVisible();
  await page.screenshot({ path: "/tmp/import-draft.png", fullPage: true });
});
