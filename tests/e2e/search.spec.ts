import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { toPersianDigits } from "../../app/utils/digits";
import { DATABASE_PATH } from "../playwright.config";
import { signInAs } from "./helpers";

const dbFile = new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname;
function read<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The first three words of a subject, written with Arabic ي and ك as a pasted text might be. */
const arabicWords = (subject: string) =>
  subject.split(/\s+/).slice(0, 3).join(" ").replace(/ی/g, "ي").replace(/ک/g, "ك");

test("the header's search finds a resolution by its code and by its words, grouped, with the words marked", async ({
  page,
}) => {
  const r = read(
    (db) =>
      db
        .prepare(
          `select r.id, r.number, r.subject, m.number meetingNumber, b.code from resolutions r
           join meetings m on m.id = r.meeting_id join bodies b on b.id = m.body_id
           where b.code <> '' and b.resolution_numbering = 'per_meeting' and m.working_group_id is null
             and m.status = 'final' order by r.id limit 1`,
        )
        .get() as { id: number; number: number; subject: string; meetingNumber: number; code: string },
  );
  await signInAs(page, "secretariat");
  const box = page.getByRole("searchbox", { name: "جستجو" }).first();
  await box.fill(toPersianDigits(`${r.code}/${r.meetingNumber}/${r.number}`));
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const resolutions = page.getByRole("region", { name: "مصوبات" });
  const first = resolutions.getByRole("link").first();
  await expect(first).toContainText(r.subject.slice(0, 20));
  await expect(first.locator("mark").first()).toBeVisible();

  await box.fill(arabicWords(r.subject));
  await box.press("Enter");
  const found = page.getByRole("region", { name: "مصوبات" }).locator(`a[href="/resolutions/${r.id}"]`);
  await expect(found.locator("mark").first()).toBeVisible();
  await found.click();
  await expect(page).toHaveURL(new RegExp(`/resolutions/${r.id}$`));

  await page.goto("/search?q=%D8%A7");
  await expect(page.getByRole("status")).toContainText("دست‌کم دو حرف");
});

test("a member's search lacks the resolutions and meetings they may not read", async ({ page }) => {
  const candidates = read(
    (db) =>
      db
        .prepare(
          `select r.id, r.subject from resolutions r join meetings m on m.id = r.meeting_id
           where m.status = 'final' and length(r.subject) > 20 order by r.id desc limit 40`,
        )
        .all() as { id: number; subject: string }[],
  );
  await signInAs(page, "member");
  // A resolution the member may not open, found by the secretariat's search (below) but not by theirs.
  let hidden: { id: number; subject: string } | undefined;
  for (const c of candidates) {
    const status = (await page.request.get(`/resolutions/${c.id}`)).status();
    if (status === 403 || status === 404) {
      hidden = c;
      break;
    }
  }
  expect(hidden, "the demo data has a resolution the member may not read").toBeTruthy();
  const q = encodeURIComponent(arabicWords(hidden!.subject));
  await page.goto(`/search?q=${q}`);
  await expect(page.getByRole("heading", { level: 1, name: "جستجو" })).toBeVisible();
  await expect(page.locator(`a[href="/resolutions/${hidden!.id}"]`)).toHaveCount(0);

  const staff = await page
    .context()
    .browser()!
    .newPage({ baseURL: new URL(page.url()).origin });
  await signInAs(staff, "secretariat");
  await staff.goto(`/search?q=${q}`);
  await expect(staff.locator(`a[href="/resolutions/${hidden!.id}"]`)).toHaveCount(1);
  await staff.close();
});

test("a kind with more hits than the overview shows opens on its own page, and leads back", async ({ page }) => {
  await signInAs(page, "secretariat");
  await page.goto(`/search?q=${encodeURIComponent("سرشماري")}`);
  const overview = page.getByRole("region", { name: "مصوبات" });
  await expect(overview.getByRole("listitem")).toHaveCount(5);
  // Every resolution holding the word (the secretariat reads all): more than the overview's five.
  const total = read(
    (db) =>
      db
        .prepare(`select count(*) from search_resolutions where search_resolutions match '"سرشماری"'`)
        .pluck()
        .get() as number,
  );
  expect(total, "the demo data has more resolutions with the word than the overview shows").toBeGreaterThan(5);
  await overview.getByRole("link", { name: "همهٔ نتایج در مصوبات" }).click();
  await expect(page).toHaveURL(/kind=resolution/);
  const own = page.getByRole("region", { name: "مصوبات: «سرشماري»" });
  await expect(own.getByRole("listitem")).toHaveCount(Math.min(total, 20));
  await expect(own.locator("mark").first()).toBeVisible();
  // Only that kind is shown; the way back is the overview of every kind.
  await expect(page.getByRole("region", { name: "جلسات" })).toHaveCount(0);
  // A new word typed here is looked for in the same kind, until one asks for everywhere.
  const form = page.getByRole("main").getByRole("search");
  await expect(form.getByLabel("جستجو در")).toHaveValue("resolution");
  await form.getByRole("searchbox").fill("سرشماری");
  await form.getByRole("searchbox").press("Enter");
  await expect(page.getByRole("region", { name: "مصوبات: «سرشماری»" })).toBeVisible();
  await expect(page).toHaveURL(/kind=resolution/);
  await form.getByLabel("جستجو در").selectOption({ label: "همه‌جا" });
  await form.getByRole("button", { name: "جستجو" }).click();
  await expect(page.getByRole("region", { name: "مصوبات" })).toBeVisible();
  await expect(page.getByRole("region", { name: "جلسات" })).toBeVisible();
  await page.goBack();
  await page.goBack();
  // The form shows what the page shows, after the back button too.
  await expect(form.getByRole("searchbox")).toHaveValue("سرشماري");
  await expect(form.getByLabel("جستجو در")).toHaveValue("resolution");
  await page.getByRole("link", { name: "همهٔ نتایج «سرشماري»" }).click();
  await expect(page.getByRole("region", { name: "مصوبات" })).toBeVisible();
  await expect(page).not.toHaveURL(/kind=/);
});

test("the meetings list finds minutes by their words in any spelling, narrowed by status and dates kept in the URL", async ({
  page,
}) => {
  const council = read(
    (db) =>
      db
        .prepare(
          `select m.id, m.number from meetings m join bodies b on b.id = m.body_id
           where b.kind = 'council' and m.date = '2021-04-19' and m.status = 'final'`,
        )
        .get() as { id: number; number: number },
  );
  await signInAs(page, "secretariat");
  await page.goto("/meetings");
  const main = page.getByRole("main");
  // Words of the minutes' discussion, typed with Arabic «ي» and «ك».
  await main.getByLabel("جستجو", { exact: true }).fill("محدوده جغرافيايي آزمايش");
  await main.getByLabel("وضعیت").selectOption({ label: "نهایی" });
  await main.getByLabel("برگزارشده از").fill("۱۴۰۰/۰۱/۰۱");
  await main.getByLabel("تا", { exact: true }).fill("1400/12/29");
  await main.getByRole("button", { name: "اعمال" }).click();
  await expect(page).toHaveURL(/[?&]q=.*&status=final/);
  const link = main.locator(`a[href="/meetings/${council.id}"]`);
  await expect(link).toBeVisible();
  // The count says what the list holds, and only final minutes are in it (the imported draft of the same text is not).
  const rows = main.locator("tbody tr");
  const n = await rows.count();
  await expect(main.getByRole("status")).toHaveText(`${toPersianDigits(String(n))} جلسه یافت شد`);
  await expect(rows.filter({ hasText: "پیش‌نویس" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/meetings-filtered-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "/tmp/meetings-filtered-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  // A shared link opens the same view; the dates come back as typed.
  await page.reload();
  await expect(link).toBeVisible();
  await expect(main.getByLabel("برگزارشده از")).toHaveValue("۱۴۰۰/۰۱/۰۱");

  // Another year finds none, and says so.
  await page.goto(`/meetings?q=${encodeURIComponent("محدوده جغرافیایی")}&from=${encodeURIComponent("۱۴۰۳/۰۱/۰۱")}`);
  await expect(main.getByText("جلسه‌ای با این پالایه‌ها یافت نشد.")).toBeVisible();

  // A Gregorian date is said beside its field, marked invalid, and the list is not narrowed by it.
  await page.goto("/meetings?from=2021-04-19");
  await expect(main.getByText("این تاریخ میلادی است", { exact: false }).first()).toBeVisible();
  await expect(main.getByLabel("برگزارشده از")).toHaveAttribute("aria-invalid", "true");
  await expect(main.locator(`a[href="/meetings/${council.id}"]`)).toBeVisible();
  // An end before the start is said too.
  await page.goto(`/meetings?from=${encodeURIComponent("۱۴۰۰/۰۶/۰۱")}&to=${encodeURIComponent("۱۴۰۰/۰۱/۰۱")}`);
  await expect(main.getByText("تاریخ پایان پیش از تاریخ آغاز است.").first()).toBeVisible();
});
