// Sessions that can be revoked (ADR 0011): an admin's password reset ends an open queue page at its
// next request and closes its live stream; "sign out everywhere" ends another browser's session; the
// absolute lifetime ends a session however active it stays.
import { decode, encode } from "next-auth/jwt";
import type { BrowserContext } from "@playwright/test";
import { test, expect, signInRequest, signInError } from "./fixtures";
import { adminCreates, createUser, uniqueName } from "./users";
import { E2E } from "./env";

async function signedIn(context: BrowserContext, username: string, password: string) {
  expect(await signInError(await signInRequest(context.request, username, password))).toBeNull();
  return context.newPage();
}

test("an admin's password reset signs an open queue page out at its next request and closes its live stream", async ({
  as,
  browser,
}) => {
  const admin = await as("admin");
  const username = uniqueName("rs");
  const row = await createUser(admin, { username, password: "reset-me-password-1", districtWide: true });
  const context = await browser.newContext();
  const page = await signedIn(context, username, "reset-me-password-1");
  await page.goto("/queue");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");

  await row.getByLabel("New password").fill("a-brand-new-password-2");
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(row.getByText("Saved.")).toBeVisible();

  // The stream asks its lease at its next heartbeat (15 s) and ends; the reconnect is refused.
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "disconnected", { timeout: 30_000 });
  expect((await context.request.get("/api/live")).status()).toBe(401);
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("sign out everywhere ends the session in a second browser too", async ({ as, browser }) => {
  const { username } = await adminCreates(as, "so", "everywhere-pass-3", { districtWide: true });
  const laptop = await browser.newContext();
  const desk = await browser.newContext();
  const mine = await signedIn(laptop, username, "everywhere-pass-3");
  const other = await signedIn(desk, username, "everywhere-pass-3");
  await other.goto("/queue");
  await expect(other.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

  await mine.goto("/account");
  await mine.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(mine).toHaveURL(/\/login\?reason=signedOut/);
  await other.goto("/queue");
  await expect(other).toHaveURL(/\/login/);
  expect(await (await desk.request.get("/api/auth/session")).json()).toEqual({});
  await laptop.close();
  await desk.close();
});

test("the absolute lifetime ends a session that stays active", async ({ as, browser }) => {
  const { username } = await adminCreates(as, "lt", "lifetime-pass-5", { districtWide: true });
  const context = await browser.newContext();
  const page = await signedIn(context, username, "lifetime-pass-5");
  // Fake clock: the session's sign-in time moved back to 12 hours minus 8 seconds ago (the token is
  // signed with the e2e server's AUTH_SECRET, which the test holds); the server's own clock runs on.
  const secret = E2E.serverEnv.AUTH_SECRET;
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token")!;
  const token = (await decode({ token: cookie.value, secret }))!;
  const authAt = Math.floor(Date.now() / 1000) - 12 * 3600 + 8;
  await context.addCookies([
    { ...cookie, value: await encode({ token: { ...token, authAt }, secret, maxAge: 30 * 60 }) },
  ]);

  await page.goto("/queue");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  // Activity renews the cookie, but never past the end: the renewed token expires at sign-in + 12 h.
  await page.keyboard.press("Tab");
  const renewed = await context.request.get("/api/auth/session");
  expect((await renewed.json()).user?.username).toBe(username);
  const after = (await context.cookies()).find((c) => c.name === "next-auth.session-token")!;
  expect((await decode({ token: after.value, secret }))!.exp as number).toBeLessThanOrEqual(authAt + 12 * 3600);

  // Active all along, the session still ends at its absolute lifetime.
  await expect
    .poll(
      async () => {
        await page.mouse.move(10, 10);
        return (await context.request.get("/api/auth/session")).json();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toEqual({});
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
