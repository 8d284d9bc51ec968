import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// The seed loads the shipped official holidays (db/holidays-iran.json). This journey touches only a date in 1410,
// which no other spec reads.
test("the admin sees a shipped lunar holiday of 1410 marked estimated and confirms it", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/calendar?year=1410");
  await expect(page.getByRole("heading", { level: 3 })).toHaveText("سال ۱۴۱۰");
  // The server's year is 1405 and the shipped table has 1406's lunar holidays: no warning.
  await expect(page.getByText(/هنوز هیچ تعطیل قمری ثبت نشده است/)).toHaveCount(0);

  const row = page.getByRole("row").filter({ hasText: "شهادت امام جعفر صادق" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("۱۴۱۰");
  await expect(row).toContainText("قمری");
  await expect(row).toContainText("جدول رسمی (vacanza/holidays");
  await expect(row.getByText("تخمینی", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "تأیید تاریخ" }).click();
  await expect(row.getByRole("button", { name: "تأیید تاریخ" })).toHaveCount(0);
  await expect(row.getByText("تخمینی", { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "شهادت امام جعفر صادق" })).not.toContainText("تخمینی");
});
