import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const GROUP = "کارگروه ویژه طرح آزمایش سرشماری ۱۴۰۰";
const COMMITTEE = "کمیته طراحی و روش‌شناسی";
const SUBJECT = "نقشه محدوده‌های آزمایش سرشماری ۱۴۰۰ تا پایان ماه به کارگروه ارائه شود.";

const saved = (page: import("@playwright/test").Page) =>
  expect(page.getByRole("status")).toContainText("ذخیره شد", { timeout: 10_000 });

test("a working group's own meeting: opened from the group's page with its members, finalised, titled and coded as the group's", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "secretariat");
  page.on("dialog", (d) => d.accept());

  // The group's page lists the meeting the demo already holds (its first) and opens the next.
  await page.goto("/organisation");
  await page.getByRole("link", { name: GROUP }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(GROUP);
  const meetings = page.locator("section[aria-labelledby=meetings-title]");
  await expect(meetings.getByRole("link", { name: `جلسه ۱ ${GROUP} (${COMMITTEE})` })).toBeVisible();
  await meetings.getByRole("button", { name: "جلسه تازه کارگروه" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  const editor = new URL(page.url()).pathname;
  const title = `جلسه ۲ ${GROUP} (${COMMITTEE})`;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Attendance is the group's four members (its chair first), not the committee's.
  const attendance = page.locator("section[aria-labelledby=sec-attendance]");
  const statuses = attendance.getByLabel(/^وضعیت: /);
  await expect(statuses).toHaveCount(4);
  for (const name of ["محزون", "غلامی", "پیرحسینی", "رحیمی"]) {
    await expect(attendance.getByLabel(new RegExp(`^وضعیت: .*${name}`))).toBeVisible();
  }
  await attendance.getByRole("button", { name: "همه حاضر" }).click();

  await page.getByLabel("تاریخ جلسه", { exact: true }).fill("۱۴۰۵/۹/۱۰");
  await page.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
  await page.getByLabel("دستور ۱").fill("نقشه محدوده‌های آزمایش");
  await page.getByRole("button", { name: "+ افزودن مصوبه" }).click();
  await page.getByLabel("موضوع", { exact: true }).fill(SUBJECT);
  await page.getByLabel("افزودن متولی").first().selectOption({ label: GROUP });
  await page.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await saved(page);
  await page.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
  const minutesUrl = editor.replace("/edit", "");
  await expect(page).toHaveURL(minutesUrl);

  // The minutes read as the group's, and the resolution's code names the group: design, group 1, meeting 2, no. 1.
  const minutes = page.locator("article.minutes");
  await expect(minutes.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(minutes).toContainText(SUBJECT);
  await expect(minutes.getByRole("link", { name: "طراحی/ک۱/۲/۱" })).toBeVisible();

  // The meetings list titles it and filters to the group.
  await page.goto("/meetings");
  await page.getByLabel("کارگروه", { exact: true }).selectOption({ label: `${GROUP} (${COMMITTEE})` });
  await page.getByRole("main").getByRole("button", { name: "اعمال" }).click();
  await expect(page).toHaveURL(/group=\d+/);
  const rows = page.getByRole("row").filter({ hasText: GROUP });
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // A member of other bodies (the council, data committee and another committee's group) cannot open it.
  const member = await browser.newPage();
  const signedIn = await member.request.post("/login", {
    form: { username: "member", password: "member-demo-1404", redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  expect((await member.goto(minutesUrl))?.status()).toBe(403);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("دسترسی ندارید");
  await expect(member.getByText(SUBJECT)).toHaveCount(0);
  await member.close();
});
