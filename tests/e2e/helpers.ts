import { type APIRequestContext, expect, type Page } from "@playwright/test";

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

/** Signs in over HTTP only (no browser), returning the request context with its session cookie. */
export async function signInApi(request: APIRequestContext, role: DemoRole) {
  const response = await request.post("/login", {
    form: { ...ACCOUNTS[role], redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response;
}
