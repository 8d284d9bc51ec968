import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./helpers";

/** Opens a new meeting of a body from the meetings page; returns the editor's URL. */
async function newMeeting(page: Page, body: string) {
  await page.goto("/meetings");
  await page.getByLabel("جلسه تازه برای").selectOption({ label: body });
  await page.getByRole("button", { name: "ایجاد جلسه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  await expect(page.getByRole("heading", { level: 1, name: /صورتجلسه شماره/ })).toBeVisible();
  return new URL(page.url()).pathname;
}

// An owner no demo row knows: the paste dialog offers to create it as an outside organisation.
const OWNER = "سازمان نقشه‌برداری کشور";
const SUBJECT = "ارسال نقشه‌های رقومی محدوده‌های شهری برای چارچوب نمونه‌گیری";

test("an outside organisation as owner: created from the paste dialog, finalised, shown on the resolution and its page", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "secretariat");
  const editor = await newMeeting(page, "دبیرخانه ستاد");
  // An old date and a standing resolution: nothing overdue or in this quarter's figures for the specs after this one.
  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("1399/05/10");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("هماهنگی با دستگاه‌ها");

  await page.locator("summary", { hasText: "چسباندن جدول مصوبات" }).click();
  await page
    .getByLabel("متن چسبانده‌شده")
    .fill(`بازه زمانی\tمتولی\tموضوع\nمستمر\t${OWNER}\t${SUBJECT}\nمستمر\tدبیرخانه ستاد\tتهیه فهرست نمایندگان دستگاه‌ها`);
  await expect(page.getByText("۲ ردیف خوانده شد")).toBeVisible();
  const preview = page.locator(".paste-panel table");
  await expect(preview.getByText(`⚠ ${OWNER}`)).toBeVisible();

  await expect(page.getByLabel(`نوع «${OWNER}»`).locator("option:checked")).toHaveText("دستگاه اجرایی");
  await page.getByRole("button", { name: `ساختن سازمان بیرونی «${OWNER}»` }).click();
  // Created and assigned: the row's owner is no longer flagged, and both pasted rows are still there.
  await expect(preview.getByText(`⚠ ${OWNER}`)).toHaveCount(0);
  await expect(preview.getByText(OWNER, { exact: true })).toBeVisible();
  await expect(page.getByText("۲ ردیف خوانده شد")).toBeVisible();
  await expect(page.getByRole("button", { name: `ساختن سازمان بیرونی «${OWNER}»` })).toHaveCount(0);
  await page.getByRole("button", { name: "افزودن ۲ مصوبه به جدول" }).click();
  const first = page.getByRole("listitem", { name: "مصوبات ۱" });
  await expect(first.getByLabel("موضوع")).toHaveValue(SUBJECT);
  await expect(first.locator(".chip", { hasText: OWNER })).toBeVisible();
  await expect(first.getByText("پیدا نشد")).toHaveCount(0);

  // A guest came for the new organisation: the minutes name them «نام (سازمان)».
  await page.getByRole("button", { name: "+ افزودن مهمان" }).click();
  await page.getByLabel("نام 1", { exact: true }).fill("آقای مهندس کریمی");
  await page.getByLabel("سازمان 1", { exact: true }).selectOption({ label: OWNER });

  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "همه حاضر" }).click();
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  await expect(page).toHaveURL(editor.replace("/edit", ""));
  const minutes = page.locator("article.minutes");
  await expect(minutes.locator(".minutes__table").first()).toContainText(OWNER);
  await expect(minutes.getByRole("cell", { name: `آقای مهندس کریمی (${OWNER})` })).toBeVisible();

  // The organisation's page lists the resolution; the resolution's page names the organisation as its owner.
  await page.goto("/organisations?q=نقشه برداری");
  await page.getByRole("link", { name: OWNER }).click();
  await expect(page.getByRole("heading", { level: 1, name: OWNER })).toBeVisible();
  await expect(page.getByText("دستگاه اجرایی")).toBeVisible();
  const owned = page.getByRole("region", { name: "مصوباتی که متولی آن است" });
  await owned.getByRole("link", { name: SUBJECT }).click();
  await expect(page).toHaveURL(/\/resolutions\/\d+$/);
  await expect(page.getByRole("definition").filter({ hasText: OWNER })).toBeVisible();

  // Its name is unique: a second one with the same name gets a Persian message beside the field.
  await page.goto("/organisations/new");
  await page.getByLabel("نام", { exact: true }).fill(OWNER);
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByText("سازمانی با همین نام از قبل ثبت شده است.")).toBeVisible();
  await expect(page).toHaveURL(/\/organisations\/new$/);
});

test("a member reads outside organisations but cannot create one", async ({ page }) => {
  await signInAs(page, "member");
  await page.goto("/organisations");
  await expect(page.getByRole("heading", { level: 1, name: "سازمان‌های بیرونی" })).toBeVisible();
  await expect(page.getByRole("link", { name: "سازمان تازه" })).toHaveCount(0);
  const refused = await page.request.post("/organisations/new", { form: { name: "سازمان آزمون", kind: "agency" } });
  expect(refused.status()).toBe(403);
});
