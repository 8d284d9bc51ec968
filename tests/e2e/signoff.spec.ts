import { expect, type Page, test } from "@playwright/test";
import { pdfText, signInAs, waitForHydration } from "./helpers";

const COUNCIL = "شورای هماهنگی و تلفیق";

/** The secretariat finalises a council meeting at which Mr Seifi, Mr Mahzoun and one other member were present. */
async function finaliseCouncilMeeting(page: Page): Promise<string> {
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: COUNCIL });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  await waitForHydration(page);
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("۱۴۰۵/۰۹/۰۳");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("گزارش پیشرفت دریافت ریزداده‌ها");
  await page.getByRole("button", { name: "+ افزودن مصوبه" }).click();
  await page.getByLabel("موضوع").fill("پیگیری تفاهم‌نامه عدم افشا با ثبت احوال");
  await page.getByLabel("افزودن متولی").selectOption({ label: "دبیرخانه ستاد" });
  await page.getByRole("button", { name: "همه حاضر" }).click();
  const statuses = page.locator('select[aria-label^="وضعیت: "]');
  let others = 0;
  for (const select of await statuses.all()) {
    const label = (await select.getAttribute("aria-label")) ?? "";
    if (/سیفی|محزون/.test(label)) continue;
    // One member without an account stays present: three were there, and the rule decides how many must confirm.
    if (others++ > 0) await select.selectOption("absent");
  }
  // Three of fourteen is short of the council's quorum: the secretariat records why the meeting stands.
  await page.getByLabel("دلیل رسمی بودن جلسه بدون حد نصاب").fill("جلسه فوق‌العاده به دعوت رئیس شورا");
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  return new URL(page.url()).pathname;
}

test("those present sign the minutes off in their own browsers; the signed PDF is verified and a changed one is not", async ({
  page,
  browser,
}) => {
  test.slow();
  const origin = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1").origin;
  await signInAs(page, "secretariat");
  // The council's rule: more than half of those present (set in the body's form).
  await page.goto("/bodies/2/edit");
  await waitForHydration(page);
  await page.getByLabel("تأیید صورتجلسه").selectOption({ label: "قاعده: تأیید بیش از نیمی از حاضران" });
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("heading", { level: 1, name: COUNCIL })).toBeVisible();

  const minutes = await finaliseCouncilMeeting(page);
  const panel = page.locator("#signoff");
  await panel.getByRole("button", { name: "ارسال برای تأیید حاضران" }).click();
  await expect(panel).toContainText("۰ از ۳ نفر تأیید کرده‌اند");
  await expect(panel).toContainText("قاعده: تأیید بیش از نیمی از حاضران");

  // The member, in a browser of their own, finds it waiting on their home page and confirms.
  const member = await browser.newPage({ baseURL: origin });
  await signInAs(member, "member");
  await expect(member.getByRole("heading", { name: /صورتجلسه در انتظار تأیید شما/ })).toBeVisible();
  await member.goto(minutes);
  await member.locator("#signoff").getByRole("button", { name: "تأیید صورتجلسه" }).click();
  await expect(member.locator("#signoff")).toContainText("۱ از ۳ نفر تأیید کرده‌اند");

  // The chair sees who has signed; asking for a change needs a comment; then they confirm, and the minutes are signed.
  const chair = await browser.newPage({ baseURL: origin });
  await signInAs(chair, "chair");
  await chair.goto(minutes);
  const chairPanel = chair.locator("#signoff");
  await expect(chairPanel.getByRole("row", { name: /سیفی/ })).toContainText("تأیید در");
  await expect(chairPanel.getByRole("row", { name: /محزون/ })).toContainText("در انتظار");
  await chairPanel.getByRole("button", { name: "درخواست اصلاح" }).click();
  await expect(chairPanel.getByText("بنویسید چه اصلاحی لازم است.")).toBeVisible();
  await chairPanel.getByRole("button", { name: "تأیید صورتجلسه" }).click();
  await expect(chairPanel).toContainText("امضا شد");
  await expect(chairPanel).toContainText("۲ از ۳ نفر تأیید کرده‌اند");

  // The PDF carries the signers and the times; the verification page accepts it and refuses a changed copy.
  const pdf = await (await page.request.get(`${minutes}/pdf`)).body();
  const text = pdfText(pdf);
  expect(text).toContain("تأیید الکترونیکی");
  expect(text).toMatch(/سیفی/);
  expect(text).toMatch(/محزون/);
  await page.goto("/verify");
  await page
    .getByLabel("فایل PDF صورتجلسه")
    .setInputFiles({ name: "minutes.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "سنجش فایل" }).click();
  await expect(page.getByText("این فایل همان نسخهٔ امضاشدهٔ صورتجلسه است.")).toBeVisible();
  const changed = Buffer.from(pdf);
  changed[Math.floor(changed.length / 2)] ^= 1;
  await page.getByLabel("فایل PDF صورتجلسه").setInputFiles({
    name: "minutes.pdf",
    mimeType: "application/pdf",
    buffer: changed,
  });
  await page.getByRole("button", { name: "سنجش فایل" }).click();
  await expect(page.getByText(/این فایل نسخهٔ امضاشده نیست/)).toBeVisible();
  await member.close();
  await chair.close();
});
