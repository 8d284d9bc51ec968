import { expect, type Page, test } from "@playwright/test";
import { demoPdf } from "../../db/demo-documents";
import { pdfText, signInAs, waitForHydration } from "./helpers";

/** A name of Persian letters only, so a PDF's text extraction keeps it in one piece. */
const persianTag = () =>
  Array.from({ length: 5 }, () => "بپتثجچحخدذرزسشصطظعغفقکگلمنوهی"[Math.floor(Math.random() * 29)]).join("");

/** The secretariat's own committee under the council, so no other journey's body gets letters. */
async function createCommittee(page: Page, name: string) {
  await page.goto("/bodies/new");
  await page.getByLabel("نام", { exact: true }).fill(name);
  await page.getByLabel("نوع").selectOption({ label: "کمیته" });
  await page.getByLabel("نهاد بالادستی").selectOption({ label: "شورای هماهنگی و تلفیق" });
  await page.getByLabel("شرح وظایف").fill("تهیه و تنظیم احکام آزمون");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** A row of the current members' table (the audit trail below has rows naming people too). */
const memberRow = (page: Page, person: string) =>
  page
    .getByRole("table", { name: "اعضا", exact: true })
    .getByRole("row")
    // By the person's own link: every row's signer list names the other people too.
    .filter({ has: page.getByRole("link", { name: person, exact: true }) });

async function addMember(page: Page, person: string, role: string, start = "") {
  const form = page.getByRole("form", { name: "افزودن عضو" });
  // The «افزودن عضو» section stays open after a member is added.
  if (!(await form.isVisible())) await page.locator("summary", { hasText: "افزودن عضو" }).click();
  await form.getByLabel("شخص").selectOption({ label: person });
  await form.getByLabel("نقش").selectOption({ label: role });
  if (start) await form.getByLabel("تاریخ شروع").fill(start);
  await form.getByRole("button", { name: "افزودن عضو" }).click();
  await expect(memberRow(page, person)).toBeVisible();
}

test("the secretariat issues a member's appointment letter from the body page and downloads its PDF", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAs(page, "secretariat");
  const name = `کمیته احکام ${persianTag()}`;
  const committee = await createCommittee(page, name);
  await addMember(page, "خانم دکتر بنی‌هاشمی", "عضو", "۱۴۰۵/۰۹/۰۱");
  await addMember(page, "آقای رحیمی", "دبیر");
  await waitForHydration(page);

  // One letter, signed by default by the council's head (the committee's body above).
  const row = memberRow(page, "خانم دکتر بنی‌هاشمی");
  await row.locator("summary", { hasText: "صدور حکم" }).click();
  const form = row.getByRole("form", { name: "صدور حکم: خانم دکتر بنی‌هاشمی" });
  await expect(form.getByLabel("امضاکننده")).toHaveValue(/\d+/);
  await expect(form.getByLabel("امضاکننده").locator("option:checked")).toHaveText("آقای دکتر حسین‌زاده");
  await form.getByRole("button", { name: "صدور حکم" }).click();
  const link = row.getByRole("link", { name: /^دریافت حکم ۱۴۰۵\/ح\/[۰-۹]+$/ });
  await expect(link).toBeVisible({ timeout: 20_000 });
  const number = (await link.textContent())!.replace("دریافت حکم ", "");
  await expect(row).toContainText("۱۴۰۵/۰۹/۱۵");

  const answer = await page.request.get((await link.getAttribute("href"))!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("application/pdf");
  const text = pdfText(await answer.body());
  for (const part of ["سرکار خانم دکتر بنی‌هاشمی", "«عضو»", name, "منصوب می‌شوید", "ثانوی", "آقای دکتر حسین‌زاده"])
    expect(text, part).toContain(part);
  expect(text).toContain("رئیس مرکز آمار ایران");
  // pdftotext reorders the parts of «۱۴۰۵/ح/۳» on the شماره line; each is there, in Persian digits.
  const [year, , seq] = number.split("/");
  const numberLine = text.split("\n").find((l) => l.includes("شماره")) ?? "";
  expect(numberLine).toContain(year);
  expect(numberLine).toContain("ح");
  expect(numberLine).toContain(seq);

  // Issuing it again needs a reason, given next to the field; nothing is issued without it.
  await row.locator("summary", { hasText: "صدور دوباره" }).click();
  const again = row.getByRole("form", { name: "صدور دوباره حکم: خانم دکتر بنی‌هاشمی" });
  await again.getByRole("button", { name: "صدور دوباره" }).click();
  await expect(again.getByRole("alert")).toHaveText(
    "برای این عضویت پیش‌تر حکم صادر شده است؛ برای «صدور دوباره» دلیل آن را بنویسید.",
  );
  await expect(link).toHaveText(`دریافت حکم ${number}`);

  // The rest in one batch: only the secretary, who had no letter, gets one.
  const batch = page.getByRole("form", { name: "صدور احکام همه اعضا" });
  await batch.getByRole("button", { name: "صدور احکام همه اعضا" }).click();
  await expect(batch.getByRole("status")).toHaveText("۱ حکم صادر شد.", { timeout: 20_000 });
  await expect(memberRow(page, "آقای رحیمی").getByRole("link", { name: /^دریافت حکم/ })).toBeVisible();
  await expect(link).toHaveText(`دریافت حکم ${number}`);

  // The person's page lists the letter with its body and role.
  await row.getByRole("link", { name: "خانم دکتر بنی‌هاشمی" }).click();
  const letters = page.getByRole("region", { name: "احکام", exact: true });
  await expect(letters.getByRole("link", { name: `دریافت حکم ${number}` })).toBeVisible();
  await expect(letters).toContainText(`${name}، عضو`);
  // The signed letter, scanned, goes with the membership's papers (the issued PDF is listed once, above).
  const papers = page.getByRole("region", { name: `مستندات عضویت در ${name} (عضو)` });
  await expect(papers).toContainText("مستندی پیوست نشده است.");
  await papers.getByLabel("پیوست مستند (PDF، Word، Excel یا تصویر)").setInputFiles({
    name: "حکم امضاشده.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(demoPdf("Signed letter")),
  });
  await papers.getByRole("button", { name: "بارگذاری" }).click();
  await expect(papers.getByRole("link", { name: "حکم امضاشده.pdf" })).toBeVisible();

  // A member can neither issue nor see the issuing forms.
  const member = await browser.newPage();
  await signInAs(member, "member");
  const origin = new URL(member.url()).origin;
  const attempts: Record<string, string>[] = [
    { intent: "issue-letters", signerId: "1" },
    { intent: "issue-letter", membershipId: "1", signerId: "1" },
  ];
  for (const form of attempts) {
    const refused = await member.request.post(`${origin}${committee}`, { form });
    expect(refused.status()).toBe(403);
  }
  await member.goto(committee);
  await expect(member.getByRole("form", { name: "صدور احکام همه اعضا" })).toHaveCount(0);
  await expect(member.locator("summary", { hasText: "صدور حکم" })).toHaveCount(0);
  await member.close();
});
