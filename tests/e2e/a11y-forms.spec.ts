/**
 * Issue 21, forms for a screen reader: each error is tied to its field (aria-invalid, aria-describedby naming the
 * message), the first invalid field takes focus after a failed submit, the result of an action is said in a live
 * region that was in the page before, and moving to another page puts focus on its heading.
 */
import { expect, type Locator, test } from "@playwright/test";
import Database from "better-sqlite3";
import { DATABASE_PATH } from "../playwright.config";
import { signInAs, waitForHydration } from "./helpers";

/** The text of the elements a control's aria-describedby names. */
async function description(control: Locator): Promise<string> {
  return control.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `#${id} missing`)
      .join(" "),
  );
}

test("the resolution page ties each error to its field, focuses the first, and says «ثبت شد.» in a live region", async ({
  page,
}) => {
  const db = new Database(new URL(`../../${DATABASE_PATH}`, import.meta.url).pathname, { readonly: true });
  const { id } = db
    .prepare("select id from resolutions where status in ('open', 'in_progress') order by id desc limit 1")
    .get() as { id: number };
  db.close();
  await signInAs(page, "secretariat");
  await page.goto(`/resolutions/${id}`);
  await waitForHydration(page);
  const form = page.getByRole("main").locator("#form-progress");
  // The live region is there, empty, before anything is said in it.
  const status = form.locator('[role="status"]');
  await expect(status).toBeAttached();
  await expect(status).toHaveText("");

  await form.getByLabel("درصد پیشرفت").fill("۱۵۰");
  await form.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  const note = form.getByLabel("شرح اقدام");
  await expect(note).toBeFocused();
  await expect(note).toHaveAttribute("aria-invalid", "true");
  expect(await description(note)).toBe("شرح را بنویسید.");
  const percent = form.getByLabel("درصد پیشرفت");
  await expect(percent).toHaveAttribute("aria-invalid", "true");
  expect(await description(percent)).toBe("درصد را عددی بین ۰ و ۱۰۰ بنویسید.");
  await expect(form.locator('input[type="file"]')).not.toHaveAttribute("aria-invalid", "true");

  await note.fill("پیش‌نویس دستورالعمل به کمیته فرستاده شد.");
  await percent.fill("۴۰");
  await form.getByRole("button", { name: "ثبت گزارش پیشرفت" }).click();
  await expect(status).toHaveText("ثبت شد.");
  await expect(note).not.toHaveAttribute("aria-invalid", "true");
});

test("a person form refused in the browser focuses its first invalid field, its message named by aria-describedby", async ({
  page,
}) => {
  await signInAs(page, "secretariat");
  await page.goto("/people/new");
  await waitForHydration(page);
  await page.getByRole("main").getByRole("button", { name: "ذخیره" }).click();
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("aria-invalid", "true");
  const first = page.getByRole("main").locator('[aria-invalid="true"]').first();
  expect(await focused.getAttribute("id")).toBe(await first.getAttribute("id"));
  const message = await description(focused);
  expect(message.trim().length).toBeGreaterThan(3);
  await expect(page.getByRole("main").getByText(message.trim(), { exact: true }).first()).toBeVisible();
});

test("moving to another page puts focus on its main heading; paging within one leaves it", async ({ page }) => {
  await signInAs(page, "secretariat");
  await waitForHydration(page);
  await page.getByRole("navigation").getByRole("link", { name: "مصوبات معوق" }).click();
  await expect(page).toHaveURL(/\/overdue$/);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle("مصوبات معوق — دبیرخانه ستاد");
});
