import { expect, request, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("a member makes a private calendar address, a calendar app reads their meetings from it without a session, and revoking closes it", async ({
  page,
}) => {
  await signInAs(page, "member");
  await page.goto("/account/sessions");
  const section = page.getByRole("region", { name: "تقویم شخصی" });
  await expect(section.getByText("هنوز نشانی تقویمی نساخته‌اید.")).toBeVisible();
  await section.getByRole("button", { name: "ساختن نشانی تقویم" }).click();
  const address = section.getByLabel("نشانی تقویم");
  await expect(address).toHaveValue(/\/calendar\.ics\?key=[A-Za-z0-9_-]{43}$/);
  const url = await address.inputValue();

  // A calendar app: no cookie, only the address.
  const app = await request.newContext();
  const answer = await app.get(url);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("text/calendar");
  const ics = (await answer.text()).replace(/\r\n[ \t]/g, "");
  expect(ics).toContain("BEGIN:VEVENT");
  // The data-supply committee, on which the member sits, meets on 1405/09/13 at its Tehran time.
  expect(ics).toMatch(/SUMMARY:[^\r\n]*کمیته تامین داده/);
  expect(ics).not.toMatch(/SUMMARY:[^\r\n]*کمیته طراحی و روش‌شناسی/);

  // Shown once: after a reload the page says when it was made and read, not the address.
  await page.reload();
  await expect(section.getByLabel("نشانی تقویم")).toHaveCount(0);
  await expect(section.getByText(/نشانی تقویم ساخته شده در/)).toBeVisible();
  await section.getByRole("button", { name: "باطل کردن نشانی تقویم" }).click();
  await expect(section.getByText("نشانی تقویم باطل شد.")).toBeVisible();
  expect((await app.get(url)).status()).toBe(404);
  await app.dispose();
});
