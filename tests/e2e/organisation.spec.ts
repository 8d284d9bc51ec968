import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The secretariat creates a committee under the council through the form; returns its URL. */
async function createCommittee(page: Page, name: string) {
  await page.goto("/bodies/new");
  await page.getByLabel("نام", { exact: true }).fill(name);
  await page.getByLabel("نوع").selectOption({ label: "کمیته" });
  await page.getByLabel("نهاد بالادستی").selectOption({ label: "شورای هماهنگی و تلفیق" });
  await page.getByLabel("شرح وظایف").fill("کمیته‌ای برای آزمون");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function createGroup(page: Page, committeeUrl: string, name: string) {
  await page.goto(committeeUrl);
  const form = page.getByRole("form", { name: "تشکیل کارگروه تازه" });
  await form.getByLabel("نام کارگروه").fill(name);
  await form.getByRole("button", { name: "تشکیل کارگروه" }).click();
}

test("the secretariat creates a committee and four groups; the fifth is refused with the limit named", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  const committee = await createCommittee(page, `کمیته آزمون ${unique()}`);
  for (const n of ["یکم", "دوم", "سوم", "چهارم"]) {
    await createGroup(page, committee, `کارگروه ${n}`);
    await expect(page.getByRole("heading", { level: 1, name: `کارگروه کارگروه ${n}` })).toBeVisible();
  }
  await createGroup(page, committee, "کارگروه پنجم");
  await expect(page.getByText("هر کمیته حداکثر ۴ کارگروه فعال می‌تواند داشته باشد")).toBeVisible();
  await expect(page).toHaveURL(committee);
  // Nothing was created, and the typed name is still there.
  await expect(page.getByText("۴ از ۴ کارگروه مجاز")).toBeVisible();
  await expect(page.getByLabel("نام کارگروه")).toHaveValue("کارگروه پنجم");
  await expect(page.getByRole("link", { name: "کارگروه پنجم" })).toHaveCount(0);

  // Closing a group frees its place.
  await page.getByRole("link", { name: "کارگروه یکم" }).click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "بستن کارگروه" }).click();
  await expect(page.getByText(/این کارگروه در .* بسته شده است/)).toBeVisible();
  await createGroup(page, committee, "کارگروه پنجم");
  await expect(page.getByRole("heading", { level: 1, name: "کارگروه کارگروه پنجم" })).toBeVisible();
});

test("a group fills to seven members and the eighth is refused; ending a membership frees the seat", {
  tag: "@night",
}, async ({ page }) => {
  await signInAs(page, "secretariat");
  const committee = await createCommittee(page, `کمیته اعضا ${unique()}`);
  await createGroup(page, committee, "کارگروه پرجمعیت");
  const people = page.getByLabel("شخص");
  const options = (await people.locator("option").allTextContents()).filter((o) => !o.includes("انتخاب"));
  expect(options.length).toBeGreaterThanOrEqual(8);
  const addMember = async (name: string) => {
    const form = page.getByRole("form", { name: "افزودن عضو" });
    await form.getByLabel("شخص").selectOption({ label: name });
    await form.getByRole("button", { name: "افزودن عضو" }).click();
  };
  for (let i = 0; i < 7; i++) {
    await addMember(options[i]);
    await expect(page.getByText(`${"۱۲۳۴۵۶۷"[i]} از ۷ عضو`).first()).toBeVisible();
  }
  await addMember(options[7]);
  await expect(page.getByText("هر کارگروه حداکثر ۷ عضو می‌تواند داشته باشد")).toBeVisible();
  await expect(page.getByRole("cell", { name: options[7] })).toHaveCount(0);

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `پایان عضویت: ${options[0]}` }).click();
  await expect(page.getByText("۶ از ۷ عضو").first()).toBeVisible();
  await addMember(options[7]);
  await expect(page.getByRole("link", { name: options[7] })).toBeVisible();
  await expect(page.getByText("۷ از ۷ عضو").first()).toBeVisible();
});

test("parallel requests for the fifth group and the eighth member: exactly the allowed number succeed", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  const committee = await createCommittee(page, `کمیته همزمان ${unique()}`);
  const origin = new URL(page.url()).origin;
  const groupAttempts = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      page.request.post(`${origin}${committee}`, {
        form: { intent: "create-group", name: `گروه موازی ${i}`, duties: "" },
        maxRedirects: 0,
      }),
    ),
  );
  const statuses = groupAttempts.map((r) => r.status());
  expect(statuses.filter((s) => s === 302)).toHaveLength(4);
  expect(statuses.filter((s) => s === 409)).toHaveLength(8);
  const groupUrl = groupAttempts.find((r) => r.status() === 302)!.headers().location;

  await page.goto(groupUrl);
  const ids = await page
    .getByLabel("شخص")
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const seatAttempts = await Promise.all(
    ids.slice(0, 15).map((personId) =>
      page.request.post(`${origin}${groupUrl}`, {
        form: { intent: "add-member", personId, role: "member" },
        maxRedirects: 0,
      }),
    ),
  );
  expect(seatAttempts.filter((r) => r.status() === 200)).toHaveLength(7);
  expect(seatAttempts.filter((r) => r.status() === 409)).toHaveLength(8);
  await page.reload();
  await expect(page.getByText("۷ از ۷ عضو").first()).toBeVisible();
  await page.goto(committee);
  await expect(page.getByText("۴ از ۴ کارگروه مجاز")).toBeVisible();
});

test("a member is refused on edit pages and edit actions, and sees no edit buttons", async ({ page }) => {
  await signInAs(page, "member");
  for (const url of ["/bodies/new", "/bodies/1/edit", "/people/new", "/people/1/edit"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "دسترسی ندارید" })).toBeVisible();
  }
  const origin = new URL(page.url()).origin;
  const attempts = [
    page.request.post(`${origin}/bodies/new`, { form: { name: "نفوذی", kind: "committee", parentId: "2" } }),
    page.request.post(`${origin}/bodies/3`, { form: { intent: "create-group", name: "نفوذی" } }),
    page.request.post(`${origin}/bodies/3`, { form: { intent: "add-member", personId: "1", role: "member" } }),
    page.request.post(`${origin}/groups/1`, { form: { intent: "close-group" } }),
    page.request.post(`${origin}/people/1/edit`, { form: { honorific: "mr", lastName: "نفوذی" } }),
  ];
  for (const response of await Promise.all(attempts)) expect(response.status()).toBe(403);
  await page.goto("/bodies/3");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "ویرایش" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "تشکیل کارگروه تازه" })).toHaveCount(0);
});

test("a committee's chair forms groups in their own committee only", async ({ page }) => {
  await signInAs(page, "chair");
  await page.goto("/bodies");
  await page.getByRole("link", { name: "کمیته طراحی و روش‌شناسی" }).click();
  await expect(page.getByRole("form", { name: "تشکیل کارگروه تازه" })).toBeVisible();
  const own = new URL(page.url()).pathname;
  await page.goto("/bodies");
  await page.getByRole("link", { name: "کمیته تامین داده" }).click();
  // The list has no such form either: wait for the committee's own page before looking.
  await expect(page.getByRole("heading", { level: 1, name: "کمیته تامین داده" })).toBeVisible();
  await expect(page.getByRole("form", { name: "تشکیل کارگروه تازه" })).toHaveCount(0);
  const other = new URL(page.url()).pathname;
  const origin = new URL(page.url()).origin;
  const refused = await page.request.post(`${origin}${other}`, { form: { intent: "create-group", name: "نفوذی" } });
  expect(refused.status()).toBe(403);
  expect(own).not.toBe(other);
});

test("the directory finds «کمیته» when searched as «كميته», sorted by last name", async ({ page }) => {
  await signInAs(page, "member");
  await page.goto("/people");
  // The directory's own search (the header has the search of everything).
  const main = page.getByRole("main");
  await main.getByRole("searchbox").fill("كميته");
  await main.getByRole("button", { name: "جستجو" }).click();
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("کمیته");
  // Read once the results have replaced the whole list (a search submitted before hydration reloads the document).
  const sortedOrNot = async () => {
    const lastNames = await page.getByRole("row").locator("td:first-child").allTextContents();
    const sorted = [...lastNames].sort((a, b) =>
      new Intl.Collator("fa").compare(a.split(" ").at(-1)!, b.split(" ").at(-1)!),
    );
    return { count: lastNames.length > 3, sorted: JSON.stringify(lastNames) === JSON.stringify(sorted) };
  };
  await expect.poll(sortedOrNot).toEqual({ count: true, sorted: true });
});

test("memberships take Jalali dates typed in any digits or picked from the calendar, and changes are audited", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  const committee = await createCommittee(page, `کمیته تاریخ ${unique()}`);
  await page.locator("summary", { hasText: "افزودن عضو" }).click();
  const form = page.getByRole("form", { name: "افزودن عضو" });
  await form.getByLabel("شخص").selectOption({ index: 1 });
  await form.getByLabel("نقش").selectOption({ label: "مسئول" });
  await form.getByLabel("تاریخ شروع").fill("1404-1-19");
  await form.getByLabel("شماره حکم").fill("۱۲۳/۴۵");
  // A wrong date gets a Persian message next to the field and nothing is saved.
  await form.getByLabel("تاریخ حکم").fill("۱۴۰۴/۱۲/۳۰");
  await form.getByRole("button", { name: "افزودن عضو" }).click();
  await expect(form.getByText("این تاریخ در تقویم وجود ندارد")).toBeVisible();
  // The calendar opens from the keyboard; weeks start on Saturday; arrows and Enter pick a day.
  await form.getByLabel("تاریخ حکم").fill("۱۴۰۴/۰۱/۱۶");
  await form.getByRole("button", { name: "باز کردن تقویم" }).last().click();
  const calendar = page.getByRole("dialog", { name: "تقویم" });
  await expect(calendar.getByText("فروردین ۱۴۰۴")).toBeVisible();
  await expect(calendar.locator(".calendar__weekday").first()).toHaveText("ش");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", "شنبه ۱۶ فروردین ۱۴۰۴");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(form.getByLabel("تاریخ حکم")).toHaveValue("۱۴۰۴/۰۱/۱۷");
  await form.getByRole("button", { name: "افزودن عضو" }).click();
  const row = page.getByRole("row").filter({ hasText: "مسئول" });
  await expect(row).toContainText("از ۱۴۰۴/۰۱/۱۹");
  await expect(row).toContainText("۱۲۳/۴۵");
  await expect(row).toContainText("۱۴۰۴/۰۱/۱۷");
  await expect(page.locator("#audit-title")).toBeVisible();
  await expect(page.getByRole("cell", { name: "افزودن عضو" })).toBeVisible();
  await expect(
    page.getByRole("cell", { name: /^۱۴۰۵\/\d|^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$/ }).first(),
  ).toBeVisible();
  expect(committee).toMatch(/^\/bodies\/\d+$/);
});

test("the organisation chart shows the tree with head counts", async ({ page }) => {
  await signInAs(page, "member");
  await page.getByRole("link", { name: "ساختار ستاد" }).click();
  const tree = page.getByRole("list", { name: "ساختار ستاد" });
  for (const name of ["ستاد ملی سرشماری ثبتی مبنا", "شورای هماهنگی و تلفیق", "کمیته فناوری اطلاعات", "دبیرخانه ستاد"]) {
    await expect(tree.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(tree.getByRole("link", { name: "کارگروه شبکه و امنیت" })).toBeVisible();
  await expect(tree.getByText("۱۴ عضو")).toBeVisible();
});
