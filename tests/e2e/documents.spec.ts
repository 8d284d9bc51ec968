import { expect, type Page, test } from "@playwright/test";
import { demoPdf } from "../../db/demo-documents";
import { signInAs } from "./helpers";

const html = Buffer.from("<!doctype html><h1>not a report</h1><script>alert(1)</script>");

async function newDraft(page: Page, body: string) {
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: body });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  return new URL(page.url()).pathname.replace(/\/edit$/, "");
}

test("the secretariat attaches a committee's written report to a meeting; a disguised file is refused beside the field", async ({
  page,
  browser,
}) => {
  // It sends a 21 MB file through the browser: slow on a busy machine.
  test.slow();
  await signInAs(page, "secretariat");
  const meeting = await newDraft(page, "کمیته طراحی و روش‌شناسی");
  await page.goto(meeting);
  const panel = page.getByRole("region", { name: "مستندات" });
  await expect(panel).toContainText("مستندی پیوست نشده است.");
  const field = panel.getByLabel("پیوست مستند (PDF، Word، Excel یا تصویر)");

  // An HTML page named like a PDF: refused by its contents, nothing attached.
  await field.setInputFiles({ name: "گزارش کمیته.pdf", mimeType: "application/pdf", buffer: html });
  await panel.getByRole("button", { name: "بارگذاری" }).click();
  await expect(panel.getByRole("alert")).toHaveText(
    "«گزارش کمیته.pdf» از نوع‌های پذیرفته (PDF، Word، Excel، PNG یا JPEG) نیست.",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(panel).toContainText("مستندی پیوست نشده است.");

  // Over the limit of a file (20 MB): refused with the limit named.
  const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
  Buffer.from(demoPdf("big")).copy(big);
  await field.setInputFiles({ name: "نقشه‌ها.pdf", mimeType: "application/pdf", buffer: big });
  await panel.getByRole("button", { name: "بارگذاری" }).click();
  await expect(panel.getByRole("alert")).toHaveText("«نقشه‌ها.pdf» بزرگ‌تر از ۲۰ مگابایت است.");

  // The real report: listed with its name, type, size, who attached it.
  await field.setInputFiles({
    name: "گزارش مکتوب کمیته طراحی.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(demoPdf("Design committee report")),
  });
  await panel.getByRole("button", { name: "بارگذاری" }).click();
  await expect(panel.getByRole("status")).toHaveText("۱ مستند پیوست شد.");
  const link = panel.getByRole("link", { name: "گزارش مکتوب کمیته طراحی.pdf" });
  await expect(link).toBeVisible();
  await expect(panel).toContainText("PDF، ۱ کیلوبایت");

  // A download, never shown inline, only to those who may read the meeting.
  const href = (await link.getAttribute("href"))!;
  const answer = await page.request.get(href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("application/pdf");
  expect(answer.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await answer.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const member = await browser.newPage();
  await signInAs(member, "member");
  const refused = await member.request.get(href);
  expect(refused.status()).toBe(403);
  await member.close();

  // Removed by the secretariat: gone from the list, and from its address.
  page.once("dialog", (d) => d.accept());
  await panel.getByRole("button", { name: "حذف گزارش مکتوب کمیته طراحی.pdf" }).click();
  await expect(panel).toContainText("مستندی پیوست نشده است.");
  expect((await page.request.get(href)).status()).toBe(404);
});

test("while minutes are open, a document is attached to one of their agenda items and says so", async ({ page }) => {
  await signInAs(page, "secretariat");
  const meeting = await newDraft(page, "کمیته طراحی و روش‌شناسی");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("شیوه‌نامه پایلوت گیلان");
  await expect(page.getByRole("status")).toContainText("ذخیره شد", { timeout: 10_000 });
  await page.goto(meeting);
  const panel = page.getByRole("region", { name: "مستندات" });
  await panel.getByLabel("پیوست به").selectOption({ label: "بند: شیوه‌نامه پایلوت گیلان" });
  await panel.getByLabel("پیوست مستند (PDF، Word، Excel یا تصویر)").setInputFiles({
    name: "پیش‌نویس شیوه‌نامه.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(demoPdf("Pilot guideline")),
  });
  await panel.getByRole("button", { name: "بارگذاری" }).click();
  await expect(panel.getByRole("status")).toHaveText("۱ مستند پیوست شد.");
  const item = panel.getByRole("listitem").filter({ hasText: "پیش‌نویس شیوه‌نامه.pdf" });
  await expect(item).toContainText("بند: شیوه‌نامه پایلوت گیلان");
});

test("the reference meeting's documents are there on a first run, frozen with its final minutes", async ({ page }) => {
  await signInAs(page, "member");
  // The seed's first meeting is the reference council meeting (shared/reference/004_…).
  await page.goto("/meetings/1");
  await expect(page.getByRole("main")).toContainText("شورای هماهنگی و تلفیق");
  const panel = page.getByRole("region", { name: "مستندات" });
  await expect(panel.getByRole("link", { name: "گزارش مکتوب کمیته فناوری اطلاعات ۱۳۹۹.pdf" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "نامه دبیرخانه به کمیته‌ها درباره نماینده آموزشی.docx" })).toBeVisible();
  await expect(panel).toContainText("مستندات آن همراهش قفل است");
  await expect(panel.getByRole("button", { name: "بارگذاری" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: /^حذف/ })).toHaveCount(0);
  const href = (await panel.getByRole("link", { name: /\.docx$/ }).getAttribute("href"))!;
  const answer = await page.request.get(href);
  expect(answer.headers()["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
});

test("an owner's progress report carries its evidence; a disguised file refuses the report with the reason", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  // The reference meeting's last resolution (its 14 resolutions are the seed's first).
  await page.goto("/resolutions/14");
  const form = page.getByRole("form", { name: "ثبت گزارش پیشرفت" });
  await form.getByLabel("شرح اقدام").fill("پیش‌نویس شیوه‌نامه به کمیته‌ها فرستاده شد");
  const evidence = form.getByLabel("مستند اقدام (اختیاری؛ PDF، Word، Excel یا تصویر)");
  await evidence.setInputFiles({ name: "شیوه‌نامه.pdf", mimeType: "application/pdf", buffer: html });
  await form.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "«شیوه‌نامه.pdf» از نوع‌های پذیرفته (PDF، Word، Excel، PNG یا JPEG) نیست.",
  );
  const timeline = page.getByRole("region", { name: "سابقه پیگیری" });
  await expect(timeline).not.toContainText("پیش‌نویس شیوه‌نامه به کمیته‌ها فرستاده شد");

  await evidence.setInputFiles({
    name: "شیوه‌نامه.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(demoPdf("Guideline draft")),
  });
  await form.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  await expect(timeline).toContainText("پیش‌نویس شیوه‌نامه به کمیته‌ها فرستاده شد");
  await expect(timeline.getByRole("link", { name: "شیوه‌نامه.pdf" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "مستندات اقدام (شواهد انجام کار)" }).getByRole("link", { name: "شیوه‌نامه.pdf" }),
  ).toBeVisible();
});
