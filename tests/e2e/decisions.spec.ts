import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { DATABASE_PATH } from "../playwright.config";
import { pdfText, signInAs } from "./helpers";

const saved = (page: Page) => expect(page.getByRole("status")).toContainText("ذخیره شد", { timeout: 10_000 });

test("a meeting without its quorum, a counted vote and the follow-up of an earlier resolution reach the minutes and the PDF", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const db = new Database(DATABASE_PATH, { readonly: true });
  // The data-supply committee's demo meeting left resolutions open: the new meeting follows the first one up.
  const earlier = db
    .prepare(
      `select r.id, r.subject from resolutions r join meetings m on m.id = r.meeting_id join bodies b on b.id = m.body_id
       where b.name = 'کمیته تامین داده' and m.status = 'final' and r.status in ('open', 'in_progress') order by m.number, r.number limit 1`,
    )
    .get() as { id: number; subject: string };
  db.close();

  await signInAs(page, "secretariat");
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: "کمیته تامین داده" });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  const editor = new URL(page.url()).pathname;
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("۱۴۰۵/۹/۱۴");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("پیگیری دریافت ریزداده‌ها");

  // Only one member present: the editor says the quorum is not met.
  const attendance = page.locator("section[aria-labelledby=sec-attendance]");
  await attendance.getByRole("button", { name: "همه حاضر" }).click();
  const statuses = attendance.getByLabel(/^وضعیت: /);
  const count = await statuses.count();
  for (let i = 1; i < count; i++) await statuses.nth(i).selectOption({ label: "غایب" });
  await expect(attendance.getByText(/حد نصاب فراهم نیست: ۱ نفر از/)).toBeVisible();

  // A resolution passed by a counted majority.
  await page.getByRole("button", { name: "+ افزودن مصوبه" }).click();
  await page.getByLabel("موضوع", { exact: true }).fill("ثبت احوال فایل ازدواج و طلاق را تا پایان ماه ارسال کند.");
  await page.getByLabel("افزودن متولی").first().selectOption({ label: "کمیته تامین داده" });
  await page.getByLabel("رأی‌گیری").selectOption({ label: "با اکثریت آراء" });
  await page.getByLabel("موافق", { exact: true }).fill("۵");
  await page.getByLabel("مخالف", { exact: true }).fill("۶");

  // The follow-up section: the earlier resolution is reported done in this meeting.
  const followUp = page.locator("section[aria-labelledby=sec-followup]");
  await expect(followUp.getByText(earlier.subject)).toBeVisible();
  await followUp.getByLabel("وضعیت تازه").first().selectOption({ label: "انجام‌شده" });
  await followUp.getByLabel("گزارش پیگیری").first().fill("فایل آموزش و پرورش دریافت شد.");

  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  // Refused, each message beside its field; nothing typed is lost.
  await expect(page.getByText("آراء موافق باید بیش از آراء مخالف باشد.")).toBeVisible();
  await expect(page.getByText("حد نصاب فراهم نبوده است؛ دلیل رسمی بودن جلسه را بنویسید.")).toBeVisible();
  await expect(page.getByLabel("گزارش پیگیری").first()).toHaveValue("فایل آموزش و پرورش دریافت شد.");
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
  const section = minutes.locator("section", { has: page.getByRole("heading", { name: "پیگیری مصوبات جلسات قبل:" }) });
  await expect(section.getByRole("row", { name: new RegExp(earlier.subject.slice(0, 20)) })).toContainText(
    "فایل آموزش و پرورش دریافت شد.",
  );

  const text = pdfText(await (await page.request.get(`${editor.replace("/edit", "")}/pdf`)).body());
  expect(text).toContain("پیگیری مصوبات جلسات قبل");
  expect(text).toMatch(/با\s*۵\s*رأی\s*موافق/);
  expect(text).toContain("حد نصاب فراهم نیست");

  // The earlier resolution is done, and its page says the note came from this meeting's minutes.
  await page.goto(`/resolutions/${earlier.id}`);
  await expect(page.getByText("انجام‌شده").first()).toBeVisible();
  await expect(page.getByText("فایل آموزش و پرورش دریافت شد.")).toBeVisible();
});
