import { expect, type Page, test } from "@playwright/test";
import { type DemoRole, signInAs } from "./helpers";

/** The pages people open on a phone, with a detail page of each kind the seed has. */
const PAGES = [
  "/",
  "/my-actions",
  "/overdue",
  "/meetings",
  "/meetings/1",
  "/resolutions/1",
  "/people",
  "/people/1",
  "/organisation",
  "/bodies",
  "/bodies/1",
  "/organisations",
  "/dashboard",
  "/supply",
  "/supply/weekly",
  "/reports",
  "/notifications",
  "/account/sessions",
  "/admin/users",
  "/admin/audit",
  "/admin/calendar",
  `/search?q=${encodeURIComponent("سرشماری")}`,
];

async function useLanguage(page: Page, lang: "fa" | "en") {
  const response = await page.request.post("/language", { form: { lang, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

for (const role of ["admin", "secretariat", "chair", "member"] as DemoRole[]) {
  for (const lang of ["fa", "en"] as const) {
    test(`on a 390 px phone no page scrolls sideways: ${role}, ${lang}`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width: 390, height: 800 });
      await signInAs(page, role);
      await useLanguage(page, lang);
      const wide: string[] = [];
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        if (scrollWidth > innerWidth) wide.push(`${path}: ${scrollWidth} px`);
      }
      expect(wide).toEqual([]);
    });
  }
}

for (const lang of ["fa", "en"] as const) {
  test(`on a 390 px phone my actions are cards: subject, code, deadline and status on screen (${lang})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signInAs(page, "secretariat");
    await useLanguage(page, lang);
    await page.goto("/my-actions");
    const card = page.getByRole("main").locator("table tbody tr").first();
    await card.scrollIntoViewIfNeeded();
    const subject = card.locator(".subject-link");
    const code = card.locator("td").first().getByRole("link");
    const label = lang === "fa" ? { deadline: "مهلت", status: "پیشرفت" } : { deadline: "Deadline", status: "Progress" };
    const deadline = card.locator(`td[data-label="${label.deadline}"]`);
    const status = card.locator(`td[data-label="${label.status}"]`);
    await expect(deadline).toContainText(/\d{4}\/\d{2}\/\d{2}|[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/);
    await expect(status).toContainText(lang === "fa" ? "باز" : "Open");
    for (const part of [subject, code, deadline, status]) {
      await expect(part).toBeInViewport({ ratio: 1 });
    }
    const box = await card.boundingBox();
    const subjectBox = await subject.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    // The subject has the card's width (a table column squeezed it to three or four words a line).
    expect(subjectBox?.width ?? 0).toBeGreaterThan(250);
    const fontSize = await subject.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    // Each cell but the title says what it is: the column's header, as on the wide table.
    await expect(card.locator("td[data-label]").first()).toHaveAttribute("data-label", lang === "fa" ? "کد" : "Code");
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `/tmp/my-actions-390-${lang}.png` });
  });
}
