// Redirects after sign-in go only to same-origin paths, parsed as URLs (ADR 0016); a disabled
// officer's live cookie shows the sign-in page instead of looping between it and the start page.
import { test, expect, DEMO } from "./fixtures";
import { createUser, uniqueName } from "./users";
import { E2E } from "./env";
import type { Page } from "@playwright/test";

const ORIGIN = new URL(E2E.baseUrl).origin;
const EVIL = [
  "/\\evil.com",
  "/%5Cevil.com",
  "/%09/evil.com",
  "//evil.com",
  "https://evil.com",
  "javascript:alert(document.domain)",
];

/** Nothing leaves this machine, whatever a redirect tries: other origins are aborted before any request. */
async function fence(page: Page) {
  const left: string[] = [];
  await page.context().route(/.*/, (route) => {
    const url = route.request().url();
    if (url.startsWith(ORIGIN)) return route.continue();
    left.push(url);
    return route.abort();
  });
  return left;
}

test("a signed-in officer sent to /login with a hostile callbackUrl stays on our origin", async ({ as }) => {
  const page = await as("officer");
  const left = await fence(page);
  for (const target of EVIL) {
    // As an attacker's link would carry it: the raw value in the query string.
    await page.goto(`/login?callbackUrl=${target}`);
    await expect(page).toHaveURL(/\/queue/);
    expect(new URL(page.url()).origin).toBe(ORIGIN);
  }
  expect(left).toEqual([]);
});

test("signing in through the form with a hostile callbackUrl ends on a same-origin page", async ({ page }) => {
  const left = await fence(page);
  for (const target of ["/%5Cevil.com", "/%09/evil.com", "javascript:alert(document.domain)"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Username").fill(DEMO.officer2.username);
    await page.getByLabel("Password").fill(DEMO.officer2.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/queue/);
    expect(new URL(page.url()).origin).toBe(ORIGIN);
  }
  // A same-origin path is kept.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/queue?view=mine")}`);
  await page.getByLabel("Username").fill(DEMO.officer2.username);
  await page.getByLabel("Password").fill(DEMO.officer2.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue\?view=mine/);
  expect(left).toEqual([]);
});

test("next-auth's own redirect answer is same-origin for any callbackUrl", async ({ request }) => {
  for (const callbackUrl of EVIL) {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const res = await request.post("/api/auth/callback/credentials", {
      form: {
        csrfToken,
        username: DEMO.officer2.username,
        password: DEMO.officer2.password,
        json: "true",
        callbackUrl,
      },
      maxRedirects: 0,
    });
    expect(new URL((await res.json()).url).origin).toBe(ORIGIN);
  }
});

test("a disabled officer with a live cookie gets the sign-in form, not a redirect loop", async ({ as, browser }) => {
  const admin = await as("admin");
  const username = uniqueName("dis");
  const row = await createUser(admin, { username, password: "disabled-pass-88", districtWide: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("disabled-pass-88");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue/);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  const res = await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await context.close();
});
