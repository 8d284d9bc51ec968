import { type Browser, expect, type Page, request, test } from "@playwright/test";
import Database from "better-sqlite3";
import { Secret, TOTP } from "otpauth";
import { DATABASE_PATH } from "../playwright.config";
import { signInAs } from "./helpers";

async function signInWith(browser: Browser, username: string, password: string) {
  const page = await browser.newPage();
  await fillSignIn(page, username, password);
  return page;
}

/** Signs out from the header and waits for the sign-in page, so the next navigation cannot cut the sign-out short. */
async function signOut(page: Page) {
  await page.getByRole("button", { name: "خروج" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function fillSignIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("نام کاربری").fill(username);
  await page.getByLabel("رمز عبور").fill(password);
  await page.getByRole("button", { name: "ورود" }).click();
}

/**
 * Another device signed in to the account: its own cookie jar over plain HTTP, since all it has to show is whether
 * its session still opens a page (a browser context costs a Chromium renderer, about a second here).
 */
async function otherDevice(username: string, password: string) {
  const device = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedIn = await device.post("/login", { form: { username, password, redirectTo: "/" }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);
  return {
    /** True while the device's session opens the home page (a signed-out one is sent to /login). */
    isSignedIn: async () => (await device.get("/", { maxRedirects: 0 })).status() === 200,
  };
}

const newAccount = (page: Page) => page.getByRole("form", { name: "حساب تازه" });

/** The admin signs in and creates a member account with no person. */
async function createAccount(page: Page, username: string, password: string) {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const form = newAccount(page);
  await form.getByLabel("نام کاربری").fill(username);
  await form.getByLabel("رمز عبور").fill(password);
  await form.getByRole("button", { name: "ساخت حساب" }).click();
  await expect(page.getByRole("status")).toHaveText("حساب ساخته شد.");
}

test("the admin creates an account for a person, who then signs in; a taken username is refused next to the field", async ({
  page,
  browser,
}) => {
  const username = `n${Date.now().toString(36)}`;
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "کاربران" }).click();
  const form = newAccount(page);

  // Bad input: a Persian message next to each field, and nothing is created.
  await form.getByLabel("نام کاربری").fill("ع");
  await form.getByLabel("رمز عبور").fill("short");
  await form.getByRole("button", { name: "ساخت حساب" }).click();
  await expect(form.getByText(/نام کاربری ۳ تا ۳۲ نویسه/)).toBeVisible();
  await expect(form.getByText("رمز عبور دست‌کم ۱۲ نویسه باشد.")).toBeVisible();

  await form.getByLabel("نام کاربری").fill(username.toUpperCase());
  await form.getByLabel("نقش").selectOption({ label: "دبیرخانه" });
  const person = form.getByLabel("شخص");
  const personName = (await person.locator("option").nth(1).textContent()) ?? "";
  await person.selectOption({ index: 1 });
  await form.getByLabel("رمز عبور").fill("a-long-password-1405");
  await form.getByRole("button", { name: "ساخت حساب" }).click();
  await expect(page.getByRole("status")).toHaveText("حساب ساخته شد.");
  const row = page.getByRole("row").filter({ hasText: username });
  await expect(row).toContainText(personName);
  await expect(row.getByLabel(`نقش: ${username}`)).toHaveValue("secretariat");
  // The person now has an account: no longer offered for another.
  await expect(form.getByLabel("شخص").locator("option", { hasText: personName })).toHaveCount(0);

  // The same username again: refused by the database, said next to the field, the typed text kept.
  await form.getByLabel("نام کاربری").fill(username);
  await form.getByLabel("رمز عبور").fill("another-password-1405");
  await form.getByRole("button", { name: "ساخت حساب" }).click();
  await expect(form.getByText("این نام کاربری پیش‌تر گرفته شده است؛ نام دیگری بنویسید.")).toBeVisible();
  await expect(form.getByLabel("نام کاربری")).toHaveValue(username);
  await expect(page.getByRole("row").filter({ hasText: username })).toHaveCount(1);

  const newcomer = await signInWith(browser, username, "a-long-password-1405");
  await expect(newcomer.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
  await expect(newcomer.getByRole("link", { name: "گزارش‌ها" })).toBeVisible();
});

test("a new password or a new role from the admin ends the account's sessions", async ({ page, browser }) => {
  const username = `r${Date.now().toString(36)}`;
  await createAccount(page, username, "first-password-1405");
  const row = page.getByRole("row").filter({ hasText: username });

  const owner = await otherDevice(username, "first-password-1405");
  expect(await owner.isSignedIn()).toBe(true);

  await row.getByLabel(`رمز عبور تازه: ${username}`).fill("short");
  await row.getByRole("button", { name: "تعیین رمز عبور" }).click();
  await expect(row.getByText("رمز عبور دست‌کم ۱۲ نویسه باشد.")).toBeVisible();
  expect(await owner.isSignedIn()).toBe(true);

  await row.getByLabel(`رمز عبور تازه: ${username}`).fill("second-password-1405");
  await row.getByRole("button", { name: "تعیین رمز عبور" }).click();
  await expect(row.getByRole("status")).toHaveText("رمز عبور تازه ثبت شد و نشست‌های این حساب پایان یافت.");
  expect(await owner.isSignedIn()).toBe(false);
  const again = await signInWith(browser, username, "second-password-1405");
  await expect(again.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
  await expect(again.getByRole("link", { name: "گزارش‌ها" })).toHaveCount(0);

  await row.getByLabel(`نقش: ${username}`).selectOption("secretariat");
  await row.getByRole("button", { name: "تغییر نقش" }).click();
  await expect(row.getByLabel(`نقش: ${username}`)).toHaveValue("secretariat");
  await again.reload();
  await expect(again).toHaveURL(/\/login/);
  await fillSignIn(again, username, "second-password-1405");
  await expect(again.getByRole("link", { name: "گزارش‌ها" })).toBeVisible();
});

test("a person changes their own password: the wrong current one changes nothing, the right one ends their other sessions", async ({
  page,
  browser,
}) => {
  const username = `p${Date.now().toString(36)}`;
  await createAccount(page, username, "given-by-admin-1405");

  const laptop = await signInWith(browser, username, "given-by-admin-1405");
  const phone = await otherDevice(username, "given-by-admin-1405");
  await laptop.getByRole("link", { name: "نشست‌ها" }).click();
  const change = laptop.getByRole("form", { name: "تغییر رمز عبور" });
  await change.getByLabel("رمز عبور کنونی").fill("not-my-password");
  await change.getByLabel("رمز عبور تازه").fill("chosen-by-me-1405");
  await change.getByRole("button", { name: "تغییر رمز عبور" }).click();
  await expect(change.getByText("رمز عبور کنونی درست نیست؛ چیزی تغییر نکرد.")).toBeVisible();
  expect(await phone.isSignedIn()).toBe(true);

  await change.getByLabel("رمز عبور کنونی").fill("given-by-admin-1405");
  await change.getByLabel("رمز عبور تازه").fill("chosen-by-me-1405");
  await change.getByRole("button", { name: "تغییر رمز عبور" }).click();
  await expect(change.getByRole("status")).toHaveText("رمز عبور تغییر کرد و نشست‌های دیگر شما پایان یافت.");
  await laptop.reload();
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("نشست‌های فعال شما");
  expect(await phone.isSignedIn()).toBe(false);

  // The old password no longer opens the account, the new one does (the admin's page signs out to try).
  await signOut(page);
  await fillSignIn(page, username, "given-by-admin-1405");
  await expect(page.getByRole("alert")).toHaveText("نام کاربری یا رمز عبور نادرست است.");
  await page.getByLabel("رمز عبور").fill("chosen-by-me-1405");
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
});

/**
 * The app's clock as the server reads it now (pinned in tests, and running on): the time of the last attempt it
 * counted (a code or a password, stamped by that clock), run on since.
 */
function serverNow(): () => number {
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  const { at } = db.prepare("select max(at) at from login_attempts").get() as { at: string };
  db.close();
  const read = Date.now();
  return () => Date.parse(at) + (Date.now() - read);
}

test("a member turns on two-step sign-in from the sessions page; then a code, or a recovery code once, finishes each sign-in; the admin resets it", async ({
  page,
  browser,
}) => {
  // Seven sign-ins, each a password hash: on a busy two-core machine this outlasts the default 30 s.
  test.slow();
  const username = `t${Date.now().toString(36)}`;
  const password = "two-step-member-1405";
  await createAccount(page, username, password);
  const member = await signInWith(browser, username, password);
  await member.getByRole("link", { name: "نشست‌ها" }).click();
  await member.getByRole("link", { name: "ورود دومرحله‌ای" }).click();
  await expect(member.getByRole("img", { name: /کد QR/ })).toBeVisible();
  const secret = ((await member.locator(".card code").first().textContent()) ?? "").replace(/\s/g, "");
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  const form = member.getByRole("form", { name: "فعال کردن ورود دومرحله‌ای" });

  // A wrong code sets nothing up (and gives the server's clock an audit row to read).
  await form.getByLabel("کد یک‌بارمصرف").fill("000000");
  await form.getByRole("button", { name: "فعال کردن ورود دومرحله‌ای" }).click();
  await expect(member.getByRole("alert")).toContainText("این کد درست نیست");
  const now = serverNow();
  await form.getByLabel("کد یک‌بارمصرف").fill(totp.generate({ timestamp: now() }));
  await form.getByRole("button", { name: "فعال کردن ورود دومرحله‌ای" }).click();
  await expect(member.getByRole("heading", { name: "کدهای بازیابی" })).toBeVisible();
  const recovery = await member.locator(".recovery-codes li").allTextContents();
  expect(recovery).toHaveLength(10);
  await member.screenshot({ path: "tests/.output/two-factor-codes.png" });

  // Signing in now asks for a code: a wrong one is refused next to the field, the app's next one lets them in.
  await member.getByRole("link", { name: "ادامه" }).click();
  await signOut(member);
  await fillSignIn(member, username, password);
  await expect(member).toHaveURL(/\/login\/code/);
  await member.getByLabel("کد یک‌بارمصرف").fill("۱۲۳۴۵۶");
  await member.getByRole("button", { name: "تأیید" }).click();
  await expect(member.getByRole("alert")).toContainText("این کد درست نیست");
  await member.getByLabel("کد یک‌بارمصرف").fill(totp.generate({ timestamp: now() + 30_000 }));
  await member.getByRole("button", { name: "تأیید" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");

  // A recovery code stands in for the phone, once.
  for (const expected of ["ok", "refused"]) {
    await signOut(member);
    await fillSignIn(member, username, password);
    await member.getByLabel("کد یک‌بارمصرف").fill(recovery[0]);
    await member.getByRole("button", { name: "تأیید" }).click();
    if (expected === "ok") await expect(member.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
    else await expect(member.getByRole("alert")).toContainText("این کد درست نیست");
  }

  // A lost phone: the admin resets it; the password alone signs in again.
  await page.goto("/admin/users");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `بازنشانی ورود دومرحله‌ای: ${username}` }).click();
  await expect(page.getByRole("button", { name: `بازنشانی ورود دومرحله‌ای: ${username}` })).toHaveCount(0);
  await fillSignIn(member, username, password);
  await expect(member.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
  await member.close();
});
