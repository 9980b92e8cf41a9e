import { test, expect, DEMO, freshIp, signInRequest, signInError } from "./fixtures";
import { signInFrom } from "./from-address";
import { createUser, uniqueName } from "./users";

test.describe("sign-in", () => {
  test("signs in through the form and out again; the old cookie is dead on the server too", async ({
    page,
    browser,
  }) => {
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Username").fill(DEMO.officer.username);
    await page.getByLabel("Password").fill(DEMO.officer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/queue/);
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Queue");
    await expect(page.getByTestId("app-version")).not.toBeEmpty();
    const copied = await page.context().cookies();
    await page.getByTestId("user-menu").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
    // Someone who copied the cookie before the sign-out gets nothing with it.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/queue");
    await expect(stolen).toHaveURL(/\/login/);
    expect(await (await thief.request.get("/api/auth/session")).json()).toEqual({});
    await thief.close();
  });

  test("a wrong password shows a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Username").fill(DEMO.officer2.username);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Wrong username or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a forged X-Forwarded-For does not change the address used (TRUSTED_PROXY_HOPS=0): the lock holds", async ({
    page,
    as,
  }) => {
    const username = uniqueName("xff");
    await createUser(await as("admin"), { username, password: "xff-right-password", districtWide: true });
    // Five failures from this browser, each claiming another address: all count for 127.0.0.1.
    for (let i = 0; i < 5; i++)
      expect(await signInError(await signInRequest(page.request, username, `wrong-${i}`, freshIp()))).toMatch(
        /^(wrong|locked:15)$/,
      );
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.77" });
    await page.goto("/login");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("xff-right-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toContainText("Try again in 15 minutes");
    // From another address of this machine the right password still works (a slow-down at most).
    expect((await signInFrom("127.0.0.2", username, "xff-right-password")).error).toBeNull();
    // And that address cannot claim to be someone else either: a forged header from it changes nothing.
    expect((await signInFrom("127.0.0.2", username, "wrong-again", undefined, "127.0.0.1")).error).toBe("wrong");
  });

  test("unknown usernames are locked per address like real ones, and what was typed is not kept", async ({ page }) => {
    const typed = uniqueName("Hunter2-Password-Typed-As-Username-");
    for (let i = 0; i < 5; i++) await signInRequest(page.request, typed, "whatever-it-is");
    expect(await signInError(await signInRequest(page.request, typed, "whatever-it-is"))).toBe("locked:15");
    // The trail records the failures without the text: checked in lib/auth/sign-in.int.test.ts on the database itself.
  });
});
