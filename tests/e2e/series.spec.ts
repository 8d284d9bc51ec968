import { expect, test } from "@playwright/test";
import { signInAs, waitForHydration } from "./helpers";

test("the secretariat sets the council's weekly meetings: the next draft is made ahead, a skipped week moves it on, bad times are said by the field", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAs(page, "secretariat");
  await page.goto("/bodies/2");
  await page.getByRole("main").getByRole("link", { name: "جلسات دوره‌ای" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "جلسات دوره‌ای شورای هماهنگی و تلفیق" })).toBeVisible();
  await expect(page.getByText("این نهاد جلسه دوره‌ای ندارد.")).toBeVisible();
  await waitForHydration(page);
  const form = page.getByRole("form", { name: "تعیین جلسات دوره‌ای" });
  await form.getByLabel("تناوب").selectOption({ label: "هفتگی" });
  await form.getByLabel("نخستین جلسه").fill("۱۴۰۵/۰۹/۲۱");
  await form.getByLabel("ساعت شروع").fill("۱۰:۰۰");
  await form.getByLabel("ساعت پایان").fill("۹:۳۰");
  await form.getByLabel("محل برگزاری").fill("سالن شورای مرکز آمار ایران");
  await form.getByRole("button", { name: "ذخیره" }).click();
  // An end before the start is refused beside its field, and nothing is set.
  await expect(form.getByText("ساعت پایان باید پس از ساعت شروع باشد.")).toBeVisible();
  await expect(form.getByLabel("ساعت پایان")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("این نهاد جلسه دوره‌ای ندارد.")).toBeVisible();
  await form.getByLabel("ساعت پایان").fill("۱۲:۰۰");
  await form.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("status")).toContainText("ترتیب جلسات ذخیره شد.");

  // The next meeting's draft is there, dated on the first Saturday, with the time and place of the series.
  const next = page.getByRole("link", { name: /صورتجلسه شماره .* — شنبه ۲۱ آذر ۱۴۰۵/ });
  await expect(next).toBeVisible();
  await page.screenshot({ path: "/tmp/series-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "/tmp/series-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await next.click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/edit$/);
  await expect(page.getByLabel("ساعت شروع")).toHaveValue(/۱۰:۰۰|10:00/);
  await expect(page.getByLabel("محل برگزاری")).toHaveValue("سالن شورای مرکز آمار ایران");

  // That week is not held: the draft moves on to the next Saturday and the week is listed as not held.
  await page.goto("/bodies/2/series");
  await page.getByRole("button", { name: "جلسه بعد برگزار نمی‌شود" }).click();
  await expect(page.getByRole("status")).toContainText("این نوبت برگزار نمی‌شود");
  await expect(page.getByRole("link", { name: /صورتجلسه شماره .* — شنبه ۲۸ آذر ۱۴۰۵/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "۲۱ آذر ۱۴۰۵" })).toContainText("برگزار نمی‌شود");

  // A member of the council reads the series but cannot change it.
  const member = await browser.newPage({ baseURL: new URL(page.url()).origin });
  await signInAs(member, "member");
  await member.goto("/bodies/2/series");
  await expect(member.getByText("هفتگی", { exact: false }).first()).toBeVisible();
  await expect(member.getByRole("button", { name: "جلسه بعد برگزار نمی‌شود" })).toHaveCount(0);
  const refused = await member.request.post("/bodies/2/series", { form: { intent: "stop" } });
  expect(refused.status()).toBe(403);
  await member.close();
});
