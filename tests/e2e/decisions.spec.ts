import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { DATABASE_PATH } from "../playwright.config";
import { pdfText, signInAs } from "./helpers";

const saved = (page: Page) => expect(page.getByRole("status")).toContainText("ذخیره شد", { timeout: 10_000 });
const SUBJECT = "ثبت احوال فایل ازدواج و طلاق را تا پایان ماه ارسال کند.";

/** A new meeting of the data-supply committee on this date with one agenda item; returns the editor's path. */
async function newMeeting(page: Page, date: string) {
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: "کمیته تامین داده" });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  const editor = new URL(page.url()).pathname;
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill(date);
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("پیگیری دریافت ریزداده‌ها");
  return editor;
}

// The journey follows up only a resolution it passes itself, so the demo's resolutions stay as other specs expect.
test("a meeting without its quorum, a counted vote and the follow-up of an earlier resolution reach the minutes and the PDF", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "secretariat");
  page.on("dialog", (d) => d.accept());
  const editor = await newMeeting(page, "۱۴۰۵/۹/۱۴");

  // Only one member present: the editor says the quorum is not met.
  const attendance = page.locator("section[aria-labelledby=sec-attendance]");
  await attendance.getByRole("button", { name: "همه حاضر" }).click();
  const statuses = attendance.getByLabel(/^وضعیت: /);
  const count = await statuses.count();
  for (let i = 1; i < count; i++) await statuses.nth(i).selectOption({ label: "غایب" });
  await expect(attendance.getByText(/حد نصاب فراهم نیست: ۱ نفر از/)).toBeVisible();

  // A resolution passed by a counted majority.
  await page.getByRole("button", { name: "+ افزودن مصوبه" }).click();
  await page.getByLabel("موضوع", { exact: true }).fill(SUBJECT);
  await page.getByLabel("افزودن متولی").first().selectOption({ label: "کمیته تامین داده" });
  await page.getByLabel("رأی‌گیری").selectOption({ label: "با اکثریت آراء" });
  await page.getByLabel("موافق", { exact: true }).fill("۵");
  await page.getByLabel("مخالف", { exact: true }).fill("۶");

  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  // Refused, each message beside its field; nothing typed is lost.
  await expect(page.getByText("آراء موافق باید بیش از آراء مخالف باشد.")).toBeVisible();
  await expect(page.getByText("حد نصاب فراهم نبوده است؛ دلیل رسمی بودن جلسه را بنویسید.")).toBeVisible();
  await expect(page.getByLabel("موافق", { exact: true })).toHaveValue("۵");
  await page.getByLabel("مخالف", { exact: true }).fill("۱");
  await page.getByLabel("ممتنع", { exact: true }).fill("۲");
  await page.getByLabel("دلیل رسمی بودن جلسه بدون حد نصاب").fill("جلسه اضطراری به دعوت دبیر ستاد");
  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(editor.replace("/edit", ""));

  const minutes = page.locator("article.minutes");
  await expect(minutes.getByText("با ۵ رأی موافق، ۱ مخالف و ۲ ممتنع")).toBeVisible();
  await expect(minutes.getByText(/جلسه بدون حد نصاب برگزار شد: جلسه اضطراری به دعوت دبیر ستاد/)).toBeVisible();
  const text = pdfText(await (await page.request.get(`${editor.replace("/edit", "")}/pdf`)).body());
  expect(text).toMatch(/با\s*۵\s*رأی\s*موافق/);
  expect(text).toContain("حد نصاب فراهم نیست");

  // The next meeting follows that resolution up: reported done there, it is done on its own page.
  const next = await newMeeting(page, "۱۴۰۵/۹/۱۵");
  await page.locator("section[aria-labelledby=sec-attendance]").getByRole("button", { name: "همه حاضر" }).click();
  const followUp = page
    .locator("section[aria-labelledby=sec-followup]")
    .getByRole("listitem")
    .filter({ hasText: SUBJECT });
  await followUp.getByLabel("وضعیت تازه").selectOption({ label: "انجام‌شده" });
  await followUp.getByLabel("گزارش پیگیری").fill("فایل ازدواج و طلاق دریافت شد.");
  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(next.replace("/edit", ""));
  const section = page
    .locator("article.minutes section")
    .filter({ has: page.getByRole("heading", { name: "پیگیری مصوبات جلسات قبل:" }) });
  await expect(section.getByRole("row").filter({ hasText: SUBJECT })).toContainText("فایل ازدواج و طلاق دریافت شد.");
  const nextText = pdfText(await (await page.request.get(`${next.replace("/edit", "")}/pdf`)).body());
  expect(nextText).toContain("پیگیری مصوبات جلسات قبل");

  const db = new Database(DATABASE_PATH, { readonly: true });
  const { id } = db.prepare("select id from resolutions where subject = ?").get(SUBJECT) as { id: number };
  db.close();
  await page.goto(`/resolutions/${id}`);
  await expect(page.getByText("انجام‌شده").first()).toBeVisible();
  await expect(page.getByText("فایل ازدواج و طلاق دریافت شد.")).toBeVisible();
});
