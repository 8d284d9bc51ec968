import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { type Received, startSmtp } from "../mail/smtp";
import { ACCOUNTS, signInAs, waitForHydration } from "./helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const COUNCIL = "شورای هماهنگی و تلفیق";

const SUBJECT = "سند عدم افشای اطلاعات";
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/mail-${name}.png`, fullPage: true });
};

test("an owner asks for more time, the secretariat rejects it from its home, the owner is told; the admin reads the mail in the outbox", async ({
  browser,
}) => {
  test.slow();
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, "member");
  // Mail goes out in the language the person last chose; earlier journeys may have left the member in English.
  await member.request.post("/language", { form: { lang: "fa", redirectTo: "/" } });
  await member.goto("/my-actions");
  await member
    .getByRole("main")
    .getByRole("link", { name: new RegExp(SUBJECT) })
    .first()
    .click();
  await waitForHydration(member);
  const ask = member.getByRole("form", { name: "درخواست تمدید" });
  await ask.getByLabel("مهلت پیشنهادی").fill("1406/02/15");
  await ask.getByLabel("دلیل").fill("سازمان ثبت احوال هنوز پاسخ نداده است");
  await ask.getByRole("button", { name: "درخواست تمدید" }).click();
  await expect(member.getByText(/درخواست تمدید تا ۱۴۰۶\/۰۲\/۱۵ در انتظار تصمیم است/)).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "secretariat");
  const pending = staff.getByRole("region", { name: "درخواست‌های تمدید در انتظار تصمیم" });
  await expect(pending).toContainText("۱۴۰۶/۰۲/۱۵");
  await expect(pending).toContainText("سیفی");
  await shot(staff, "home-pending");
  await pending.getByRole("link", { name: /۱۴۰۶\/۰۲\/۱۵/ }).click();
  await waitForHydration(staff);
  const decide = staff.getByRole("form", { name: "تصمیم درباره درخواست تمدید" });
  await decide.getByLabel(/توضیح برای درخواست‌کننده/).fill("مهلت فعلی کافی است");
  await decide.getByRole("button", { name: "رد درخواست" }).click();
  await expect(staff.locator(".timeline")).toContainText("مهلت فعلی کافی است");
  await expect(staff.getByRole("form", { name: "تصمیم درباره درخواست تمدید" })).toHaveCount(0);
  await staff.goto("/");
  await expect(staff.getByRole("region", { name: "درخواست‌های تمدید در انتظار تصمیم" })).toHaveCount(0);

  // The owner: a notice of the decision, and the form to ask again.
  await member.goto("/notifications");
  await expect(member.getByRole("main")).toContainText("تمدید مهلت پذیرفته نشد");
  await expect(member.getByRole("main")).toContainText(SUBJECT);

  // The admin: the request to the committee's chair and secretary and the answer to the owner, queued (no SMTP).
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.getByRole("link", { name: "صندوق نامه‌ها" }).first().click();
  const main = admin.getByRole("main");
  await expect(main.getByRole("heading", { name: "صندوق پیام‌های خروجی" })).toBeVisible();
  await expect(main).toContainText("SMTP_URL");
  await expect(main).toContainText(/کارهای روزانه .* آخرین بار/);
  const decision = main.getByRole("row").filter({ hasText: "پذیرفته نشد" }).filter({ hasText: "seifi@example.org" });
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText("در صف");
  await decision
    .getByText(/پذیرفته نشد/)
    .first()
    .click();
  await expect(decision).toContainText("مهلت فعلی کافی است");
  await expect(
    main.getByRole("row").filter({ hasText: "درخواست تمدید مهلت مصوبه" }).filter({ hasNotText: "seifi@example.org" }),
  ).toHaveCount(2);
  await shot(admin, "outbox-1366");
  await admin.setViewportSize({ width: 390, height: 800 });
  await shot(admin, "outbox-390");
  await admin.setViewportSize({ width: 1280, height: 800 });

  // The reminder days: a Persian message for a wrong list, kept when right.
  const days = main.getByRole("textbox", { name: "یادآوری چند روز پیش از مهلت" });
  await days.fill("هفت");
  await main.getByRole("button", { name: "ذخیره" }).click();
  await expect(main.getByText("روزها باید عددهای ۱ تا ۶۰ باشند، با ویرگول جدا.")).toBeVisible();
  await days.fill("۱۴، ۷، ۱");
  await main.getByRole("button", { name: "ذخیره" }).click();
  await expect(main.getByText("روزهای یادآوری ذخیره شد.")).toBeVisible();
  await admin.reload();
  await expect(days).toHaveValue("۱۴، ۷، ۱");

  // Filtered by status, the decision is among the queued.
  await main.getByLabel("وضعیت").selectOption("queued");
  await main.getByRole("button", { name: "نمایش" }).click();
  await expect(admin).toHaveURL(/status=queued/);
  await expect(main.getByRole("row").filter({ hasText: "seifi@example.org" }).first()).toBeVisible();
});

test("a member turns reminder mail off on their account page, and it stays off", async ({ page }) => {
  await signInAs(page, "member");
  await page.goto("/account/sessions");
  await page.getByRole("main").getByRole("link", { name: "نامه‌های الکترونیکی" }).click();
  const main = page.getByRole("main");
  await expect(main).toContainText("seifi@example.org");
  const reminders = main.getByRole("checkbox", { name: "یادآوری مهلت‌ها" });
  await expect(reminders).toBeChecked();
  await reminders.uncheck();
  await main.getByRole("button", { name: "ذخیره تنظیم نامه‌ها" }).click();
  await expect(main.getByText("تنظیم نامه‌ها ذخیره شد.")).toBeVisible();
  await page.reload();
  await expect(main.getByRole("checkbox", { name: "یادآوری مهلت‌ها" })).not.toBeChecked();
  await expect(main.getByRole("checkbox", { name: "مصوبات سپرده‌شده" })).toBeChecked();
  await shot(page, "prefs-1280");
  await main.getByRole("checkbox", { name: "یادآوری مهلت‌ها" }).check();
  await main.getByRole("button", { name: "ذخیره تنظیم نامه‌ها" }).click();
  await expect(main.getByText("تنظیم نامه‌ها ذخیره شد.")).toBeVisible();
});

/**
 * Delivers the e2e server's outbox with the app's sender (tests/mail/deliver-outbox.ts) to a real SMTP server on
 * loopback; the server under test runs without SMTP_URL, so its mail waits in the outbox until then. The clock is
 * set past the settle time of whatever was written.
 */
async function deliver(smtpUrl: string) {
  const { stdout } = await promisify(execFile)("npx", ["tsx", "tests/mail/deliver-outbox.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_PATH: "data/e2e/app.db",
      TEST_CLOCK: "2026-12-20T00:00:00Z",
      SMTP_URL: smtpUrl,
    },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { sent: number };
}

/** The mails that link to a page (`/meetings/12`, not `/meetings/123`). */
const aboutMeeting = (received: Received[], path: string) =>
  received.filter((m) => new RegExp(`${path}(?![0-9])`).test(m.text ?? ""));
const recipients = (mails: Received[]) => mails.flatMap((m) => m.envelopeTo).sort();

/** One property of an .ics, its lines unfolded. */
const icsProp = (ics: string, name: string) => {
  const line = ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":") + 1);
};

test("a council meeting scheduled invites each member once with an .ics, its deletion cancels it; minutes sent for sign-off mail a link that leads through sign-in to «تأیید صورتجلسه»", async ({
  browser,
}) => {
  test.slow();
  const smtp = await startSmtp();
  try {
    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, "secretariat");
    // The member reads Persian mail (the first journey set it).

    // A meeting scheduled: date, time and place typed in the editor and saved.
    await staff.goto("/meetings");
    await staff.getByLabel("جلسه تازه برای").selectOption({ label: COUNCIL });
    await staff.getByRole("button", { name: "ایجاد جلسه" }).click();
    await expect(staff).toHaveURL(/\/meetings\/\d+\/edit$/);
    const invited = new URL(staff.url()).pathname.replace("/edit", "");
    await waitForHydration(staff);
    await staff.getByLabel("تاریخ جلسه", { exact: true }).fill("۱۴۰۵/۰۹/۱۸");
    await staff.getByLabel("ساعت شروع").fill("۰۹:۰۰");
    await staff.getByLabel("محل برگزاری").fill("سالن شورای مرکز آمار ایران");
    await staff.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
    await staff.getByLabel("دستور ۱").fill("برنامه زمانی دریافت ریزداده‌های ثبت احوال");
    await staff.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
    await expect(staff.getByRole("status")).toContainText("ذخیره شد", { timeout: 10_000 });

    // Minutes of a meeting held, finalised with everyone present, and sent for sign-off.
    await staff.goto("/meetings");
    await staff.getByLabel("جلسه تازه برای").selectOption({ label: COUNCIL });
    await staff.getByRole("button", { name: "ایجاد جلسه" }).click();
    await expect(staff).toHaveURL(/\/meetings\/\d+\/edit$/);
    await waitForHydration(staff);
    await staff.getByLabel("تاریخ جلسه", { exact: true }).fill("۱۴۰۵/۰۹/۰۴");
    await staff.getByRole("button", { name: "+ افزودن دستور", exact: true }).click();
    await staff.getByLabel("دستور ۱").fill("گزارش کمیته تامین داده");
    await staff.getByRole("button", { name: "+ افزودن مصوبه" }).click();
    await staff.getByLabel("موضوع").fill("تهیه برنامه زمانی دریافت ریزداده‌ها");
    await staff.getByLabel("افزودن متولی").selectOption({ label: "دبیرخانه ستاد" });
    await staff.getByRole("button", { name: "همه حاضر" }).click();
    staff.on("dialog", (d) => d.accept());
    await staff.getByRole("button", { name: "نهایی کردن صورتجلسه" }).click();
    await expect(staff).toHaveURL(/\/meetings\/\d+$/);
    const signed = new URL(staff.url()).pathname;
    await staff.locator("#signoff").getByRole("button", { name: "ارسال برای تأیید حاضران" }).click();
    await expect(staff.locator("#signoff")).toContainText("نفر تأیید کرده‌اند");

    await deliver(smtp.url);
    const invitations = aboutMeeting(smtp.received, invited);
    const members = recipients(invitations);
    expect(members.length).toBeGreaterThanOrEqual(3);
    expect(new Set(members).size, "one invitation each").toBe(members.length);
    expect(members).toContain("seifi@example.org");
    const seifi = invitations.find((m) => m.envelopeTo.includes("seifi@example.org"))!;
    expect(seifi.subject).toMatch(/^دعوت به جلسه .* شورای هماهنگی و تلفیق — ۱۴۰۵\/۰۹\/۱۸$/);
    expect(seifi.text).toContain("چهارشنبه ۱۸ آذر ۱۴۰۵، ساعت ۰۹:۰۰");
    expect(seifi.text).toContain("سالن شورای مرکز آمار ایران");
    expect(seifi.text).toContain("برنامه زمانی دریافت ریزداده‌های ثبت احوال");
    expect(seifi.html).toContain('dir="rtl"');
    for (const mail of invitations) {
      const [ics] = mail.attachments;
      expect(ics?.filename).toBe("invite.ics");
      expect(ics?.contentType).toBe("text/calendar");
      const text = ics!.content.toString("utf8");
      expect(icsProp(text, "METHOD")).toBe("REQUEST");
      // 09:00 in Tehran on 1405/09/18 (2026-12-09) is 05:30 UTC.
      expect(icsProp(text, "DTSTART")).toBe("20261209T053000Z");
      expect(icsProp(text, "SEQUENCE")).toBe("0");
    }
    const uid = icsProp(seifi.attachments[0]!.content.toString("utf8"), "UID");

    const requests = smtp.received.filter((m) => (m.text ?? "").includes(`${signed}/signoff`));
    const asked = recipients(requests);
    expect(asked).toContain("seifi@example.org");
    expect(new Set(asked).size, "one request each").toBe(asked.length);
    for (const a of asked) expect(members).toContain(a);
    const request = requests.find((m) => m.envelopeTo.includes("seifi@example.org"))!;
    expect(request.subject).toMatch(/در انتظار تأیید شما$/);

    // The member follows the mail's link signed out: sign-in, then straight to the sign-off panel.
    const link = new URL(/https?:\/\/\S+\/signoff/.exec(request.text ?? "")![0]);
    const member = await (await browser.newContext()).newPage();
    await member.goto(link.pathname);
    await expect(member).toHaveURL(/\/login\?redirectTo=%2Fmeetings%2F\d+%2Fsignoff/);
    await member.getByLabel("نام کاربری").fill(ACCOUNTS.member.username);
    await member.getByLabel("رمز عبور").fill(ACCOUNTS.member.password);
    await member.getByRole("button", { name: "ورود" }).click();
    await expect(member).toHaveURL(new RegExp(`${signed}#signoff$`));
    await member.locator("#signoff").getByRole("button", { name: "تأیید صورتجلسه" }).click();
    await expect(member.locator("#signoff")).toContainText(/۱ از [۰-۹]+ نفر تأیید کرده‌اند/);

    // The draft deleted: one cancellation each, under the invitation's UID; nobody invited twice.
    await staff.goto(invited);
    await staff.getByRole("button", { name: "حذف پیش‌نویس" }).click();
    await expect(staff).toHaveURL(/\/meetings$/);
    const before = smtp.received.length;
    await deliver(smtp.url);
    const cancels = smtp.received.slice(before).filter((m) => m.subject?.startsWith("لغو جلسه"));
    expect(recipients(cancels)).toEqual(members);
    const cancel = cancels.find((m) => m.envelopeTo.includes("seifi@example.org"))!;
    const cancelIcs = cancel.attachments[0]!.content.toString("utf8");
    expect(icsProp(cancelIcs, "METHOD")).toBe("CANCEL");
    expect(icsProp(cancelIcs, "UID")).toBe(uid);
    expect(icsProp(cancelIcs, "SEQUENCE")).toBe("1");
    expect(recipients(aboutMeeting(smtp.received, invited).filter((m) => m.subject?.startsWith("دعوت به")))).toEqual(
      members,
    );
    expect(recipients(smtp.received.filter((m) => (m.text ?? "").includes(`${signed}/signoff`)))).toEqual(asked);
  } finally {
    await smtp.close();
  }
});
