import { test, expect, DEMO, freshIp, signInRequest } from "./fixtures";

test.describe("sign-in", () => {
  test("signs in through the form and out again", async ({ page }) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Username").fill(DEMO.officer.username);
    await page.getByLabel("Password").fill(DEMO.officer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/queue/);
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Queue");
    await expect(page.getByTestId("app-version")).not.toBeEmpty();
    await page.getByTestId("user-menu").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password shows a clear message", async ({ page }) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
    await page.goto("/login");
    await page.getByLabel("Username").fill(DEMO.officer2.username);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Wrong username or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("locks a username after 5 failures, whatever the address", async ({ page, request }) => {
    const username = `ghost${Date.now()}`;
    for (let i = 0; i < 5; i++) await signInRequest(request, username, "wrong");
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
    await page.goto("/login");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toContainText("blocked for 15 minutes");
  });

  test("locks an address after 5 failures", async ({ page, request }) => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await signInRequest(request, `nobody${i}`, "wrong", ip);
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await page.goto("/login");
    await page.getByLabel("Username").fill(DEMO.officer.username);
    await page.getByLabel("Password").fill(DEMO.officer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toContainText("blocked for 15 minutes");
  });
});
