import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { DATABASE_PATH } from "../playwright.config";
import { pdfText, signInAs, waitForHydration } from "./helpers";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const REFERENCE = fixture("reference-resolutions.tsv");

/** Opens a new meeting of a body from the meetings page; returns the editor's URL. */
async function newMeeting(page: Page, body: string) {
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: body });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  await expect(page.getByRole("heading", { level: 1, name: /صورتجلسه شماره/ })).toBeVisible();
  return new URL(page.url()).pathname;
}

const saved = (page: Page) => expect(page.getByRole("status")).toContainText("ذخیره شد", { timeout: 10_000 });

test("the secretariat types minutes like the reference, finalises them, and the page and the PDF show them", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "secretariat");
  const editor = await newMeeting(page, "کمیته طراحی و روش‌شناسی");
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("۱۴۰۰/۲/۶");
  await page.getByLabel("ساعت شروع").fill("10:00");
  await page.getByLabel("ساعت پایان").fill("12:30");
  await page.getByLabel("محل برگزاری").fill("سالن شورای مرکز آمار ایران");
  await page.getByLabel("خلاصه مذاکرات", { exact: true }).fill("جلسه با تلاوت آیاتی چند از کلام الله مجید آغاز شد.");

  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("گزارش وضعیت آزمایش سرشماری در سال ۱۴۰۰");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۲").fill("ارائه گزارش اقدامات انجام شده توسط کمیته ها");
  // Reorder: the committees' report becomes the first item.
  await page.getByLabel("دستور ۲").press("Alt+ArrowUp");
  await expect(page.getByLabel("دستور ۱")).toHaveValue("ارائه گزارش اقدامات انجام شده توسط کمیته ها");

  await page.getByRole("button", { name: "+ افزودن گزارش کمیته" }).click();
  await page.getByLabel("کمیته", { exact: true }).selectOption({ label: "کمیته تامین داده" });
  await page.getByLabel("ذیل دستور").selectOption({ index: 1 });
  await page
    .getByLabel("آنچه گزارش شد")
    .fill("در ارتباط با دستگاهها تنها فایلی که اکنون در مرکز آمار موجود است فایل اداره پست است.");

  // Paste the reference table: 14 rows; «معاونت طرح های آماری» and «پژوهشکده آمار» are outside organisations of the
  // seed, so only «معاونت اقتصادی» is flagged.
  await page.locator("summary", { hasText: "چسباندن جدول مصوبات" }).click();
  await page.getByLabel("متن چسبانده‌شده").fill(REFERENCE);
  await expect(page.getByText("۱۴ ردیف خوانده شد")).toBeVisible();
  await expect(page.getByText("۱ متولی پیدا نشد")).toBeVisible();
  await page.getByRole("button", { name: "افزودن ۱۴ مصوبه به جدول" }).click();
  await expect(page.getByText("۱۴ مصوبه", { exact: true })).toBeVisible();
  await page.getByLabel("انتخاب متولی برای «معاونت اقتصادی»").selectOption({ label: "آقای میرفلاح نصیری" });
  await expect(page.locator(".chip", { hasText: "معاونت طرح‌های آماری" })).toBeVisible();
  await page.getByRole("button", { name: "حذف متولی پژوهشکده آمار" }).click();

  const members = page
    .getByRole("region", { name: "حاضرین و غایبین" })
    .or(page.locator("section[aria-labelledby=sec-attendance]"));
  // New minutes start with attendance unmarked; one click marks everyone present, then the exceptions.
  await members.getByRole("button", { name: "همه حاضر" }).click();
  await members.getByLabel("وضعیت: آقای پیرحسینی").selectOption({ label: "نماینده" });
  await members.getByLabel("نام نماینده: آقای پیرحسینی").fill("آقای کاظمی");
  await members.getByLabel("زمان: آقای پیرحسینی").fill("۳");
  await members.getByLabel("وضعیت: آقای رحیمی").selectOption({ label: "غایب" });
  await page.getByRole("button", { name: "+ افزودن مهمان" }).click();
  await page.getByLabel("نام 1").fill("آقای دکتر اصغری");
  await page.getByLabel("تاریخ جلسه آینده").fill("1400/2/13");
  await page.getByRole("button", { name: "+ افزودن دستور جلسه آینده" }).click();
  await page.getByLabel("دستور جلسه آینده 1").fill("ارائه گزارش کمیته زیر ساخت در خصوص پایلوت استان گیلان");

  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(editor.replace("/edit", ""));

  // The minutes page reads like the reference.
  await expect(page.getByText("نهایی", { exact: true })).toBeVisible();
  const minutes = page.locator("article.minutes");
  await expect(minutes.getByRole("heading", { name: /دستور اول: ارائه گزارش اقدامات/ })).toBeVisible();
  await expect(minutes.getByRole("heading", { name: "گزارش اقدامات کمیته تامین داده" })).toBeVisible();
  await expect(minutes.getByText("دوشنبه ۶ اردیبهشت ۱۴۰۰")).toBeVisible();
  const resolutionRows = minutes.locator(".minutes__table").first().locator("tbody tr");
  await expect(resolutionRows).toHaveCount(14);
  await expect(resolutionRows.nth(0)).toContainText("۲ هفته");
  await expect(resolutionRows.nth(0)).toContainText("۱۴۰۰/۰۲/۲۰");
  await expect(resolutionRows.nth(6)).toContainText("آقای میرفلاح نصیری");
  await expect(minutes.getByRole("row", { name: /آقای پیرحسینی نماینده آقای کاظمی/ })).toBeVisible();

  // The PDF holds the resolutions in order, in Persian.
  const response = await page.request.get(`${editor.replace("/edit", "")}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(body);
  const starts = [
    "تهیه و ارائه گزارش سه ماهه",
    "مقرر شد شروع مذاکرات",
    "گزارش مکتوب و مستندات",
    "دبیر کمیته زیر ساخت",
    "هر کمیته می تواند حداکثر",
  ];
  const positions = starts.map((s) => text.indexOf(s.split(" ").slice(0, 2).join(" ")));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(text).toContain("۱۴۰۰/۰۲/۲۰");
  expect(text).toMatch(/صفحه\s+۱\s*از\s*[۱-۹]/);
});

test("two secretaries type into one draft: different fields merge, the same field shows both texts, nothing is lost", async ({
  browser,
}) => {
  // Two browsers, five saves and four reloads: a long journey on a busy two-core machine.
  test.slow();
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await signInAs(a, "secretariat");
  await signInAs(b, "admin");
  const editor = await newMeeting(a, "کمیته تامین داده");
  await b.goto(editor);
  const summary = (p: Page) => p.getByLabel("خلاصه مذاکرات", { exact: true });
  const opening = (p: Page) => p.getByLabel("بیانات آغازین", { exact: true });
  const save = async (p: Page) => {
    await p.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
    await saved(p);
  };

  // Different fields: both are kept, and the second person sees the first one's text without reloading.
  await summary(a).fill("متن دبیر اول");
  await save(a);
  await opening(b).fill("بیانات آغازین به قلم دبیر دوم");
  await save(b);
  await expect(summary(b)).toHaveValue("متن دبیر اول");
  // The first, with nothing unsaved, sees the second's text come in by itself.
  await expect(opening(a)).toHaveValue("بیانات آغازین به قلم دبیر دوم", { timeout: 15_000 });
  await expect(a.getByRole("status")).toContainText("به‌روز شد");
  await a.reload();
  await expect(summary(a)).toHaveValue("متن دبیر اول");
  await expect(opening(a)).toHaveValue("بیانات آغازین به قلم دبیر دوم");

  // The same field: the second sees both texts side by side and keeps both; nothing either typed is gone.
  // The second types before the first saves: with text unsaved, their editor does not take in the newer save (which
  // it would within 10 s otherwise, leaving nothing to merge), so their save meets the first one's.
  await summary(a).fill("جمع‌بندی دبیر اول");
  await summary(b).fill("جمع‌بندی دبیر دوم که نباید گم شود");
  await save(a);
  await save(b);
  const conflict = b.getByRole("region", { name: /هم‌زمان با شما تغییر/ });
  await expect(conflict).toContainText("جمع‌بندی دبیر اول");
  await expect(conflict).toContainText("جمع‌بندی دبیر دوم که نباید گم شود");
  await expect(conflict.getByRole("heading", { level: 3 })).toHaveText("خلاصه مذاکرات");
  // Kept on the server: it is still offered after a reload.
  await b.reload();
  await expect(conflict).toContainText("جمع‌بندی دبیر دوم که نباید گم شود");
  await expect(summary(b)).toHaveValue("جمع‌بندی دبیر اول");
  await conflict.getByRole("button", { name: "نگه داشتن هر دو (برای ویرایش)" }).click();
  await saved(b);
  await expect(conflict).toHaveCount(0);
  await expect(summary(b)).toHaveValue("جمع‌بندی دبیر اول\nجمع‌بندی دبیر دوم که نباید گم شود");
  await a.reload();
  await expect(summary(a)).toHaveValue("جمع‌بندی دبیر اول\nجمع‌بندی دبیر دوم که نباید گم شود");

  // Typed but not saved when the page was reloaded, while the other saved meanwhile: offered back, merged.
  await a.reload();
  await b.reload();
  // Typed only once the editor runs: text typed into the server's page before hydration is not the journey here.
  await waitForHydration(a);
  await waitForHydration(b);
  await opening(b).fill("بیانات تازه‌ای که پیش از ذخیره، صفحه بسته شد");
  await summary(a).fill("جمع‌بندی نهایی دبیر اول");
  await save(a);
  await b.reload();
  await expect(b.getByText("با پیش‌نویس ذخیره‌شده ادغام شد")).toBeVisible();
  await expect(opening(b)).toHaveValue("بیانات تازه‌ای که پیش از ذخیره، صفحه بسته شد");
  await expect(summary(b)).toHaveValue("جمع‌بندی نهایی دبیر اول");

  // The network drops: the save waits, says so, and goes through by itself when the network is back.
  await ctxB.setOffline(true);
  await opening(b).fill("بیاناتی که در قطعی شبکه تایپ شد");
  await b.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await expect(b.getByRole("alert")).toContainText("ذخیره نشده — در انتظار اتصال");
  await ctxB.setOffline(false);
  await saved(b);
  await a.reload();
  await expect(opening(a)).toHaveValue("بیاناتی که در قطعی شبکه تایپ شد");
  await expect(summary(a)).toHaveValue("جمع‌بندی نهایی دبیر اول");
  await ctxA.close();
  await ctxB.close();
});

test("an expired session does not throw away typed text, and a double submit saves once", async ({ page, context }) => {
  await signInAs(page, "secretariat");
  const editor = await newMeeting(page, "کمیته فناوری اطلاعات");
  const id = editor.split("/")[2];
  const before = await page.request.post(`/meetings/${id}/draft`, {
    data: { doc: {}, version: 1, saveId: "double-submit-0001" },
  });
  const again = await page.request.post(`/meetings/${id}/draft`, {
    data: { doc: {}, version: 1, saveId: "double-submit-0001" },
  });
  expect([before.status(), again.status()]).toEqual([200, 200]);
  expect((await before.json()).version).toBe(2);
  expect((await again.json()).version).toBe(2);
  await page.reload();

  // The session ends on the server (signed out elsewhere) while the secretary is typing.
  const other = await context.newPage();
  await other.goto("/");
  await other.getByRole("button", { name: "خروج" }).click();
  // Closed only once signed out: closing at once could cancel the sign-out (seen on a fresh clone).
  await expect(other).toHaveURL(/\/login/);
  await other.close();
  await page.getByLabel("خلاصه مذاکرات", { exact: true }).fill("متنی که در جلسه زنده تایپ شد");
  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await expect(page.getByRole("alert")).toContainText("نشست شما به پایان رسیده است");
  await expect(page.getByLabel("خلاصه مذاکرات", { exact: true })).toHaveValue("متنی که در جلسه زنده تایپ شد");

  // After signing in again, the text comes back from the browser and is saved.
  await signInAs(page, "secretariat");
  await page.goto(editor);
  await expect(page.getByText("بازگردانده شد")).toBeVisible();
  await expect(page.getByLabel("خلاصه مذاکرات", { exact: true })).toHaveValue("متنی که در جلسه زنده تایپ شد");
  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("خلاصه مذاکرات", { exact: true })).toHaveValue("متنی که در جلسه زنده تایپ شد");
});

test("leaving the editor with unsaved changes asks first", async ({ page }) => {
  await signInAs(page, "secretariat");
  await newMeeting(page, "کمیته سازماندهی، آموزش و پشتیبانی");
  await page.getByLabel("محل برگزاری").fill("اتاق جلسات");
  let asked = "";
  page.once("dialog", async (d) => {
    asked = d.message();
    await d.dismiss();
  });
  await page.getByRole("link", { name: "اشخاص" }).click();
  await expect.poll(() => asked).toContain("تغییرات ذخیره‌نشده");
  await expect(page).toHaveURL(/\/edit$/);
});

test("final minutes are corrected as a new edition with a reason; the first edition stays readable", async ({
  page,
}) => {
  // Two editions and their PDFs.
  test.slow();
  await signInAs(page, "secretariat");
  const editor = await newMeeting(page, "دبیرخانه ستاد");
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("1404/07/01");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("برنامه گزارش سه ماهه");
  await page.getByRole("button", { name: "+ افزودن مصوبه" }).click();
  await page.getByLabel("موضوع").fill("تهیه پیش‌نویس گزارش");
  await page.getByLabel("افزودن متولی").selectOption({ label: "دبیرخانه ستاد" });
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "همه حاضر" }).click();
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  const minutesUrl = editor.replace("/edit", "");
  await expect(page).toHaveURL(minutesUrl);

  // The editor is closed to final minutes, and the server refuses a save.
  const refused = await page.request.post(`${minutesUrl}/draft`, {
    data: { doc: {}, version: 99, saveId: "after-final-0001" },
  });
  expect(refused.status()).toBe(409);

  await page.getByRole("button", { name: "شروع اصلاح (ویرایش تازه)" }).click();
  await expect(page).toHaveURL(editor);
  await page.getByLabel("موضوع").fill("تهیه پیش‌نویس گزارش با روکش");
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page.getByText("دلیل اصلاح را بنویسید.")).toBeVisible();
  await page.getByLabel("دلیل اصلاح").fill("افزودن روکش به موضوع");
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(minutesUrl);
  await expect(page.locator("article.minutes")).toContainText("تهیه پیش‌نویس گزارش با روکش");
  await expect(page.getByText("دلیل: افزودن روکش به موضوع")).toBeVisible();
  // Each edition has its own PDF; the corrected one says so on its first page, in the official layout.
  const second = pdfText(await (await page.request.get(`${minutesUrl}/pdf`)).body());
  // (PDF text comes out in visual order, so a number may move within its line.)
  expect(second).toMatch(/ویرایش.{0,4}۲.{0,3}به دلیل افزودن روکش به موضوع/);
  expect(second).toContain("امضای حاضران");
  expect(second).toMatch(/شماره:?\s*\S+/);
  const first = pdfText(await (await page.request.get(`${minutesUrl}/pdf?edition=1`)).body());
  expect(first).not.toContain("با روکش");
  expect(first).not.toContain("ویرایش ۲");
  await page.getByRole("link", { name: "ویرایش ۱", exact: true }).click();
  await expect(page.getByText("ویرایش تازه‌تری وجود دارد")).toBeVisible();
  await expect(page.locator("article.minutes")).toContainText("تهیه پیش‌نویس گزارش");
  await expect(page.locator("article.minutes")).not.toContainText("با روکش");
});

test("a member cannot open the editor or save a draft", async ({ page, browser }) => {
  const secretary = await browser.newPage();
  await signInAs(secretary, "secretariat");
  const editor = await newMeeting(secretary, "کمیته تامین داده");
  await signInAs(page, "member");
  const response = await page.goto(editor);
  expect(response?.status()).toBe(403);
  const save = await page.request.post(`${editor.replace("/edit", "")}/draft`, {
    data: { doc: {}, version: 1, saveId: "member-try-0001" },
  });
  expect(save.status()).toBe(403);
  // The member (of this committee) may read the minutes.
  expect((await page.goto(editor.replace("/edit", "")))?.status()).toBe(200);
});

test("a correction that removes one resolution cancels it, and the next keeps its number and its progress note", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  const editor = await newMeeting(page, "دبیرخانه ستاد");
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("1404/07/02");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("پیگیری استان‌ها");
  const subjects = ["ترتیب نشست با پنج استان", "کمیته زیرساخت با همکاری مرکز آمار", "گزارش پایلوت گیلان"];
  for (const [i, subject] of subjects.entries()) {
    await page.getByRole("button", { name: "+ افزودن مصوبه" }).click();
    await page.locator(`#res-subject-${i}`).fill(subject);
    await page.getByLabel("افزودن متولی").nth(i).selectOption({ label: "دبیرخانه ستاد" });
  }
  page.on("dialog", (d) => d.accept());
  // Finalising asks for every member's attendance.
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page.getByText("وضعیت حضور این عضو را مشخص کنید.").first()).toBeVisible();
  await page.getByRole("button", { name: "همه حاضر" }).click();
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  const minutesUrl = editor.replace("/edit", "");
  await expect(page).toHaveURL(minutesUrl);

  // A progress note on the second resolution.
  const meetingId = Number(minutesUrl.split("/").at(-1));
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  const ids = db.prepare("select id from resolutions where meeting_id = ? order by number").all(meetingId) as {
    id: number;
  }[];
  db.close();
  const second = `/resolutions/${ids[1].id}`;
  await page.goto(second);
  const progress = page.getByRole("form", { name: "ثبت گزارش پیشرفت" });
  await progress.getByLabel("شرح اقدام").fill("۴۰ درصد کار انجام شد");
  await progress.getByLabel("درصد پیشرفت").fill("۴۰");
  await progress.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  await expect(page.getByText("۴۰ درصد کار انجام شد")).toBeVisible();
  const code = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";

  // The correction removes the first resolution.
  await page.goto(minutesUrl);
  await page.getByRole("button", { name: "شروع اصلاح (ویرایش تازه)" }).click();
  await expect(page).toHaveURL(editor);
  // The row's own «حذف» comes last, after the owner chips' and the moves.
  await page.getByRole("listitem", { name: "مصوبات ۱" }).getByRole("button", { name: "حذف" }).last().click();
  await page.getByLabel("دلیل اصلاح").fill("مصوبه نخست تکراری بود");
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(minutesUrl);

  // The second resolution is still the second, with its note; the first is cancelled with the reason.
  await page.goto(second);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  await expect(page.getByText("۴۰ درصد کار انجام شد")).toBeVisible();
  await expect(page.locator("main")).toContainText(subjects[1]);
  await page.goto(minutesUrl);
  const table = page
    .locator("article.minutes section")
    .filter({ has: page.getByRole("heading", { name: "مصوبات:" }) })
    .locator("table");
  await expect(table).not.toContainText(subjects[0]);
  await expect(table.getByRole("row").nth(1)).toContainText(`۲${subjects[1]}`);
  await expect(table.getByRole("row").nth(2)).toContainText(`۳${subjects[2]}`);
  await page.goto(`/resolutions/${ids[0].id}`);
  await expect(page.locator("main")).toContainText("لغو");
  await expect(page.locator("main")).toContainText("مصوبه نخست تکراری بود");
});

test("a table pasted from Word keeps a multi-line resolution one row with its vote; a table without timeframes asks first", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAs(page, "secretariat");
  const editor = await newMeeting(page, "کمیته زیرساخت و تبادل داده");
  await page.locator("summary", { hasText: "چسباندن جدول مصوبات" }).click();
  const area = page.getByLabel("متن چسبانده‌شده");
  const question = page.getByRole("group", { name: "این جدول ستون مهلت (بازه زمانی) ندارد. مهلت ردیف‌ها چه باشد؟" });

  // Resolutions whose cells ran over several lines, with vote lines under them: four rows, not eleven lines.
  await area.fill(fixture("word-multiline-resolutions.tsv"));
  await expect(page.getByText("۴ ردیف خوانده شد")).toBeVisible();
  await expect(question).toHaveCount(0);
  await page.getByRole("button", { name: "افزودن ۴ مصوبه به جدول" }).click();
  const rows = page.getByRole("listitem", { name: /^مصوبات / });
  await expect(rows).toHaveCount(4);
  const first = page.getByRole("listitem", { name: "مصوبات ۱" });
  await expect(first.getByLabel("موضوع")).toHaveValue(
    "تهیه گزارش پیشرفت کار کمیته‌ها\nبا تأکید بر زمان‌بندی آزمایش سرشماری ۱۴۰۰ و ارسال آن به اعضای ستاد.",
  );
  await expect(first.getByLabel("رأی‌گیری").locator("option:checked")).toHaveText("به اتفاق آراء");
  const second = page.getByRole("listitem", { name: "مصوبات ۲" });
  await expect(second.getByLabel("رأی‌گیری").locator("option:checked")).toHaveText("با اکثریت آراء");
  await expect(second.getByLabel("موافق")).toHaveValue("۵");
  await expect(second.getByLabel("مخالف")).toHaveValue("۱");
  await expect(second.getByLabel("ممتنع")).toHaveValue("۱");
  await expect(second.getByLabel("موضوع")).not.toHaveValue(/آراء/);

  // A table without a timeframe column: adding waits for an answer, and «later» leaves each row's timeframe unchosen.
  await area.fill(fixture("quoted-letter-resolutions.tsv"));
  await expect(page.getByText("۴ ردیف خوانده شد")).toBeVisible();
  await expect(question).toBeVisible();
  await page.getByRole("button", { name: "افزودن ۴ مصوبه به جدول" }).click();
  await expect(question.getByRole("alert")).toHaveText("پیش از افزودن، بگویید مهلت ردیف‌ها چه باشد.");
  await expect(rows).toHaveCount(4);
  await question.getByLabel("مهلت را بعداً برای هر ردیف وارد می‌کنم").check();
  await page.getByRole("button", { name: "افزودن ۴ مصوبه به جدول" }).click();
  await expect(rows).toHaveCount(8);
  // The quoted letter's own ۱) ۲) ۳) stayed in resolution ۵ of the table (the sixth row here).
  const letter = page.getByRole("listitem", { name: "مصوبات ۶" });
  await expect(letter.getByLabel("موضوع")).toHaveValue(/^متن نامه زیر.*\n۱\) فهرست.*\n۲\) نماینده.*\n۳\) زمان‌بندی/s);
  await expect(letter.getByLabel("بازه زمانی").locator("option:checked")).toHaveText("— انتخاب —");

  // Finalising asks for those rows' timeframe instead of taking them as standing.
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(letter.getByText("بازه زمانی را انتخاب کنید (هفته، روز، تاریخ یا مستمر).")).toBeVisible();
  await expect(page.getByRole("listitem", { name: "مصوبات ۱" }).getByText("بازه زمانی را انتخاب کنید")).toHaveCount(0);
  await expect(page).toHaveURL(editor);
});
