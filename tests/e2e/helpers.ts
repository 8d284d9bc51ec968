import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const ACCOUNTS = {
  admin: { username: "admin", password: "admin-demo-1404" },
  secretariat: { username: "secretariat", password: "secretariat-demo-1404" },
  chair: { username: "chair", password: "chair-demo-1404" },
  member: { username: "member", password: "member-demo-1404" },
} as const;

export type DemoRole = keyof typeof ACCOUNTS;

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, role: DemoRole) {
  await page.goto("/login");
  await page.getByLabel("نام کاربری").fill(ACCOUNTS[role].username);
  await page.getByLabel("رمز عبور").fill(ACCOUNTS[role].password);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
}

/**
 * Signs in over HTTP in the page's own cookie jar, then opens the home page: for journeys whose subject is not the
 * sign-in form (which `signIn` and foundation.spec.ts exercise). It spares each journey the form's round trips, about
 * two seconds on two busy cores.
 */
export async function signInAs(page: Page, role: DemoRole) {
  const response = await page.request.post("/login", { form: { ...ACCOUNTS[role], redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("خوش آمدید");
}

/** Waits until React has hydrated the page, so in-place controls answer clicks. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Text of a PDF as pdftotext reads it (layout kept), with the bidi controls it adds stripped. */
export function pdfText(buffer: Buffer): string {
  const file = path.join(tmpdir(), `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, buffer);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[\u202A-\u202E]/g, "");
}
