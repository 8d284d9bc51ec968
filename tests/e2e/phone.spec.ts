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

test("English pages read as English: plurals, English honorifics beside English words, Persian runs isolated", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "secretariat");
  await useLanguage(page, "en");
  for (const path of ["/", "/my-actions", "/overdue", "/meetings/1", "/meetings/2", "/resolutions/1", "/people"]) {
    await page.goto(path);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text, path).not.toMatch(/(^|\D)1 (days|weeks)\b/);
    expect(text, path).not.toMatch(/Mr Dr|Ms Dr/);
    // A Persian honorific straight after English words («Chair of the meeting: آقای …», «Welcome, خانم …»).
    expect(text, path).not.toMatch(/[A-Za-z][^\u0600-\u06FF\n]{0,3}(آقای|خانم)/);
  }
  await expect(page.getByRole("main").getByRole("link").filter({ hasText: /^Dr / }).first()).toBeVisible();
  // «Meeting 1 of <body> (date)»: the body's Persian name is isolated, so the date stays after it.
  await page.goto("/resolutions/1");
  const meeting = page
    .getByRole("main")
    .locator("a", { hasText: /Meeting \d+ of / })
    .first();
  await expect(meeting).toHaveText(
    /Meeting \d+ of \u2068[\u0600-\u06FF][^\u2069]*\u2069\u2069? \(\d{4}\/\d{2}\/\d{2}\)/,
  );
  // And on screen: the date's bracket stands to the right of the body's name, as an English line reads.
  const [bodyRight, dateLeft] = await meeting.evaluate((a) => {
    const node = a.firstChild as Text;
    const text = node.data;
    const rect = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      return range.getBoundingClientRect();
    };
    const start = text.search(/[\u0600-\u06FF]/);
    const end = text.indexOf("\u2069", start);
    const bracket = text.lastIndexOf("(");
    return [rect(start, end).right, rect(bracket, bracket + 1).left];
  });
  expect(dateLeft).toBeGreaterThanOrEqual(bodyRight - 1);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: "/tmp/resolution-en.png" });
});
