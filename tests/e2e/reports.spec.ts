import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { demoPdf } from "../../db/demo-documents";
import { DATABASE_PATH } from "../playwright.config";
import { pdfText, signInAs } from "./helpers";

/** pdftotext splits the lam-alef ligature (لا comes back as ال): compare without those two letters. */
const unligate = (s: string) => s.replace(/[\u0644\u0627]/g, "");

test("the secretariat issues this quarter's report; the PDF holds committees, figures and the overdue annex; it cannot change", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAs(page, "secretariat");
  await page.getByRole("link", { name: "گزارش‌ها" }).click();
  await page.getByRole("button", { name: "پیش‌نویس گزارش" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  const reportUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: /گزارش سه‌ماهه/ }).first()).toBeVisible();
  // The preview reads like the report: cover letter, figures, a section per committee, the annex.
  const preview = page.locator("article.report");
  await expect(preview.getByRole("heading", { name: "خلاصه ارقام" })).toBeVisible();
  await expect(preview.getByRole("heading", { name: "کمیته طراحی و روش‌شناسی" })).toBeVisible();
  await expect(preview.getByRole("heading", { name: "پیوست: مصوبات معوق" })).toBeVisible();
  await expect(preview.getByRole("heading", { name: "تأمین داده", exact: true })).toBeVisible();
  // The two charts of the figures, and the data-supply part's chart by agency.
  await expect(preview.locator("svg[role=img]")).toHaveCount(3);
  // Each committee's total sits beside its bar, not over it.
  const overlaps = await preview
    .locator("svg[role=img]")
    .first()
    .evaluate((svg) =>
      [...svg.querySelectorAll(":scope > g:not([transform])")]
        .filter((g) => g.querySelector("rect"))
        .map((g) => {
          const label = [...g.querySelectorAll("text")].at(-1)!.getBoundingClientRect();
          return [...g.querySelectorAll("rect")].some((rect) => {
            const bar = rect.getBoundingClientRect();
            return label.left < bar.right - 0.5 && bar.left < label.right - 0.5;
          });
        }),
    );
  expect(overlaps.length).toBeGreaterThan(0);
  expect(overlaps).not.toContain(true);

  const edit = page.getByRole("form", { name: "ویرایش متن" });
  await edit.getByLabel("متن روکش").fill("جناب آقای دکتر نوبخت\nبا سلام و احترام، گزارش سه‌ماهه تقدیم می‌شود.");
  await edit.getByLabel("یادداشت دبیرخانه برای کمیته تامین داده").fill("دریافت ریزداده‌های ثبت احوال در جریان است.");
  await edit.getByRole("button", { name: "ذخیره متن" }).click();
  await expect(page.getByText("ذخیره شد.")).toBeVisible();
  await expect(preview).toContainText("دریافت ریزداده‌های ثبت احوال در جریان است.");

  // The default signer is the HQ's secretary; the report's own document goes into the documents annex.
  await expect(edit.getByLabel("امضاکننده نامه همراه")).toHaveValue(/\d+/);
  await expect(edit.getByLabel("امضاکننده نامه همراه").locator("option:checked")).toContainText("حسین‌زاده");
  await page.getByLabel("پیوست مستند (PDF، Word، Excel یا تصویر)").setInputFiles({
    name: "برنامه کار پاییز.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(demoPdf("Autumn work plan")),
  });
  await page.getByRole("button", { name: "بارگذاری" }).click();
  await expect(page.getByRole("link", { name: "برنامه کار پاییز.pdf" })).toBeVisible();
  await expect(preview).toContainText("برنامه کار پاییز.pdf");

  page.once("dialog", (d) => d.accept());
  await edit.getByRole("button", { name: "صدور گزارش (چاپ PDF)" }).click();
  // Issuing prints the PDF, the server's first print: Chromium starts cold (1.5–3.2 s on an idle host, measured by
  // the bench), longer while the other worker's pages load.
  await expect(page.getByText("این گزارش صادر شده و تغییرناپذیر است")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("form", { name: "ویرایش متن" })).toHaveCount(0);
  await expect(page.getByText(/^شماره: ۱۴۰۵\/س۳\/[۱-۹]$/)).toBeVisible();
  const hash = ((await page.locator("code").first().textContent()) ?? "").trim();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  const response = await page.request.get(`${reportUrl}/pdf`);
  expect(response.status()).toBe(200);
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { createHash } = await import("node:crypto");
  expect(createHash("sha256").update(pdf).digest("hex")).toBe(hash);
  const text = unligate(pdfText(pdf));
  for (const phrase of [
    "کمیته طراحی و روش‌شناسی",
    "کمیته تامین داده",
    "کمیته فناوری اطلاعات",
    "خلاصه ارقام",
    "مصوبات معوق",
    "جلسات برگزارشده",
  ]) {
    expect(text).toContain(unligate(phrase));
  }
  expect(text).toContain(unligate("دریافت ریزداده‌های ثبت احوال در جریان است"));
  // The council and the secretariat have sections of their own; the annex lists the documents.
  expect(text).toContain(unligate("فهرست مستندات"));
  expect(text).toContain(unligate("برنامه کار پاییز"));
  // The cover letter is signed by the HQ's secretary (the default signer), with his position.
  expect(text).toContain(unligate("حسین‌زاده"));
  expect(text).toContain(unligate("رئیس مرکز آمار ایران"));
  // The number has no Latin letter: year, period and sequence in Persian digits.
  expect(text.replace(/[\u200e\u200f\u202a-\u202e]/g, "")).toMatch(/س۳/);
  expect(text).not.toMatch(/\d{4}-Q\d/);
  // The design committee's figures row: 1 meeting, 100% attendance, 3 resolutions.
  expect(text).toMatch(/۳\s+۱۰۰٪\s+۱\s+کمیته طر/);
  expect(text).toMatch(/صفحه\s*۱\s*ز\s*[۱-۹]/);
  expect(text).toContain(unligate("پیش‌نویس طرح آزمایش سرشماری"));

  // The archive lists it; the action refuses any edit, not only the button.
  await page.goto("/reports");
  await expect(page.getByRole("row").filter({ hasText: hash.slice(0, 16) })).toBeVisible();
  const refused = await page.request.post(reportUrl, { form: { intent: "save", coverText: "تغییر پس از صدور" } });
  expect(refused.status()).toBe(409);
  const again = await page.request.post(reportUrl, { form: { intent: "issue" } });
  expect(again.status()).toBe(409);
  const unchanged = await page.request.get(`${reportUrl}/pdf`);
  expect(
    createHash("sha256")
      .update(await unchanged.body())
      .digest("hex"),
  ).toBe(hash);

  // A correction is a new report that names the one it replaces.
  await page.goto(reportUrl);
  await page.getByRole("button", { name: "صدور گزارش اصلاحی" }).click();
  await expect(page).not.toHaveURL(reportUrl);
  await expect(page.locator(".report__cover")).toContainText("جایگزین گزارش شماره");
});

test("members cannot open or download reports", async ({ page }) => {
  await signInAs(page, "member");
  for (const url of ["/reports", "/reports/1", "/reports/1/pdf"]) {
    expect((await page.request.get(url)).status(), url).toBe(403);
  }
  await expect(page.getByRole("link", { name: "گزارش‌ها" })).toHaveCount(0);
});

test("other requests are answered while a PDF prints", async ({ page }) => {
  await signInAs(page, "secretariat");
  let printed = false;
  const printing = page.request.get("/meetings/1/pdf").then((r) => {
    printed = true;
    return r;
  });
  const health = await page.request.get("/healthz");
  expect(health.status()).toBe(200);
  const home = await page.request.get("/");
  expect(home.status()).toBe(200);
  expect(printed).toBe(false);
  expect((await printing).status()).toBe(200);
});

test("a wrong year or period gets a Persian message next to the field and opens no draft", async ({ page }) => {
  await signInAs(page, "secretariat");
  await page.goto("/reports");
  const form = page.getByRole("form", { name: "گزارش تازه" });
  await form.getByLabel("سال").fill("۱۳۰۰");
  await form.getByRole("button", { name: "پیش‌نویس گزارش" }).click();
  await expect(form.getByText("سال را چهاررقمی و بین ۱۳۹۰ و ۱۵۰۰ بنویسید؛ مثلاً ۱۴۰۵.")).toBeVisible();
  await expect(form.getByLabel("سال")).toHaveValue("۱۳۰۰");
  await expect(form.getByLabel("سال")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("نوع گزارش").selectOption("half_year");
  await form.getByLabel("سال").fill("1405");
  await form.getByLabel("دوره").selectOption("4");
  await form.getByRole("button", { name: "پیش‌نویس گزارش" }).click();
  await expect(form.getByText(/گزارش شش‌ماهه فقط نیمه نخست یا نیمه دوم دارد/)).toBeVisible();
  await expect(page).toHaveURL(/\/reports(\?index)?$/);
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  const wrong = db.prepare("select count(*) n from reports where year = 1300 or (kind = 'half_year' and period > 2)");
  expect((wrong.get() as { n: number }).n).toBe(0);
  db.close();
});
