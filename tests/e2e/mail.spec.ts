import { expect, type Page, test } from "@playwright/test";
import { signInAs, waitForHydration } from "./helpers";

const SUBJECT = "سند عدم افشای اطلاعات";
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/mail-${name}.png`, fullPage: true });
};

test("an owner asks for more time, the secretariat rejects it from its home, the owner is told; the admin reads the mail in the outbox", async ({
  browser,
}) => {
  test.slow();
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, "member");
  // Mail goes out in the language the person last chose; earlier journeys may have left the member in English.
  await member.request.post("/language", { form: { lang: "fa", redirectTo: "/" } });
  await member.goto("/my-actions");
  await member
    .getByRole("main")
    .getByRole("link", { name: new RegExp(SUBJECT) })
    .first()
    .click();
  await waitForHydration(member);
  const ask = member.getByRole("form", { name: "درخواست تمدید" });
  await ask.getByLabel("مهلت پیشنهادی").fill("1406/02/15");
  await ask.getByLabel("دلیل").fill("سازمان ثبت احوال هنوز پاسخ نداده است");
  await ask.getByRole("button", { name: "درخواست تمدید" }).click();
  await expect(member.getByText(/درخواست تمدید تا ۱۴۰۶\/۰۲\/۱۵ در انتظار تصمیم است/)).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "secretariat");
  const pending = staff.getByRole("region", { name: "درخواست‌های تمدید در انتظار تصمیم" });
  await expect(pending).toContainText("۱۴۰۶/۰۲/۱۵");
  await expect(pending).toContainText("سیفی");
  await shot(staff, "home-pending");
  await pending.getByRole("link", { name: /۱۴۰۶\/۰۲\/۱۵/ }).click();
  await waitForHydration(staff);
  const decide = staff.getByRole("form", { name: "تصمیم درباره درخواست تمدید" });
  await decide.getByLabel(/توضیح برای درخواست‌کننده/).fill("مهلت فعلی کافی است");
  await decide.getByRole("button", { name: "رد درخواست" }).click();
  await expect(staff.locator(".timeline")).toContainText("مهلت فعلی کافی است");
  await expect(staff.getByRole("form", { name: "تصمیم درباره درخواست تمدید" })).toHaveCount(0);
  await staff.goto("/");
  await expect(staff.getByRole("region", { name: "درخواست‌های تمدید در انتظار تصمیم" })).toHaveCount(0);

  // The owner: a notice of the decision, and the form to ask again.
  await member.goto("/notifications");
  await expect(member.getByRole("main")).toContainText("تمدید مهلت پذیرفته نشد");
  await expect(member.getByRole("main")).toContainText(SUBJECT);

  // The admin: the request to the committee's chair and secretary and the answer to the owner, queued (no SMTP).
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.getByRole("link", { name: "صندوق نامه‌ها" }).first().click();
  const main = admin.getByRole("main");
  await expect(main.getByRole("heading", { name: "صندوق پیام‌های خروجی" })).toBeVisible();
  await expect(main).toContainText("SMTP_URL");
  await expect(main).toContainText(/کارهای روزانه .* آخرین بار/);
  const decision = main.getByRole("row").filter({ hasText: "پذیرفته نشد" }).filter({ hasText: "seifi@example.org" });
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText("در صف");
  await decision
    .getByText(/پذیرفته نشد/)
    .first()
    .click();
  await expect(decision).toContainText("مهلت فعلی کافی است");
  await expect(
    main.getByRole("row").filter({ hasText: "درخواست تمدید مهلت مصوبه" }).filter({ hasNotText: "seifi@example.org" }),
  ).toHaveCount(2);
  await shot(admin, "outbox-1366");
  await admin.setViewportSize({ width: 390, height: 800 });
  await shot(admin, "outbox-390");
  await admin.setViewportSize({ width: 1280, height: 800 });

  // The reminder days: a Persian message for a wrong list, kept when right.
  const days = main.getByRole("textbox", { name: "یادآوری چند روز پیش از مهلت" });
  await days.fill("هفت");
  await main.getByRole("button", { name: "ذخیره" }).click();
  await expect(main.getByText("روزها باید عددهای ۱ تا ۶۰ باشند، با ویرگول جدا.")).toBeVisible();
  await days.fill("۱۴، ۷، ۱");
  await main.getByRole("button", { name: "ذخیره" }).click();
  await expect(main.getByText("روزهای یادآوری ذخیره شد.")).toBeVisible();
  await admin.reload();
  await expect(days).toHaveValue("۱۴، ۷، ۱");

  // Filtered by status, the decision is among the queued.
  await main.getByLabel("وضعیت").selectOption("queued");
  await main.getByRole("button", { name: "نمایش" }).click();
  await expect(admin).toHaveURL(/status=queued/);
  await expect(main.getByRole("row").filter({ hasText: "seifi@example.org" }).first()).toBeVisible();
});

test("a member turns reminder mail off on their account page, and it stays off", async ({ page }) => {
  await signInAs(page, "member");
  await page.goto("/account/sessions");
  await page.getByRole("main").getByRole("link", { name: "نامه‌های الکترونیکی" }).click();
  const main = page.getByRole("main");
  await expect(main).toContainText("seifi@example.org");
  const reminders = main.getByRole("checkbox", { name: "یادآوری مهلت‌ها" });
  await expect(reminders).toBeChecked();
  await reminders.uncheck();
  await main.getByRole("button", { name: "ذخیره تنظیم نامه‌ها" }).click();
  await expect(main.getByText("تنظیم نامه‌ها ذخیره شد.")).toBeVisible();
  await page.reload();
  await expect(main.getByRole("checkbox", { name: "یادآوری مهلت‌ها" })).not.toBeChecked();
  await expect(main.getByRole("checkbox", { name: "مصوبات سپرده‌شده" })).toBeChecked();
  await shot(page, "prefs-1280");
  await main.getByRole("checkbox", { name: "یادآوری مهلت‌ها" }).check();
  await main.getByRole("button", { name: "ذخیره تنظیم نامه‌ها" }).click();
  await expect(main.getByText("تنظیم نامه‌ها ذخیره شد.")).toBeVisible();
});
