import { test, expect, signInRequest, freshIp } from "./fixtures";
import { createUser } from "./users";

test.describe("admin", () => {
  test("admin creates, scopes, disables and resets a user", async ({ as }) => {
    const page = await as("admin");
    const username = `si${Date.now().toString(36)}`;
    const row = await createUser(page, {
      username,
      name: "SI Test Kumar",
      password: "first-password-1",
      station: "Kotwali",
    });
    await expect(row).toContainText("SI Test Kumar");
    await expect(row.getByLabel("Police station")).toHaveValue(/.+/);

    // The new officer can sign in (in a browser context of their own).
    const first = await page.context().browser()!.newContext();
    expect((await (await signInRequest(first.request, username, "first-password-1")).json()).url).not.toContain(
      "error=",
    );
    await first.close();

    // Reset the password: the old one stops working, the new one works.
    await row.getByLabel("New password").fill("second-password-2");
    await row.getByRole("button", { name: "Reset" }).click();
    await expect(row.getByText("Saved.")).toBeVisible();
    const fresh = await page.context().browser()!.newContext();
    const bad = await signInRequest(fresh.request, username, "first-password-1");
    expect((await bad.json()).url).toContain("error=");
    const good = await signInRequest(fresh.request, username, "second-password-2");
    expect((await good.json()).url).not.toContain("error=");

    // Disable: sign-in refused.
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.getByText("Disabled")).toBeVisible();
    const other = await page.context().browser()!.newContext();
    const refused = await signInRequest(other.request, username, "second-password-2");
    expect((await refused.json()).url).toContain("error=");
    await fresh.close();
    await other.close();
  });

  test("admin adds and renames a police station", async ({ as }) => {
    const page = await as("admin");
    const name = `Thana ${Date.now().toString(36)}`;
    await page.goto("/admin/stations");
    await page.getByLabel("Name", { exact: true }).first().fill(name);
    await page.getByLabel("Name in Hindi").first().fill("नया थाना");
    await page.getByRole("button", { name: "Add station" }).click();
    await expect(page.getByText("Station added.")).toBeVisible();
    const row = page.getByTestId(`station-${name}`);
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByRole("button", { name: "Activate" })).toBeVisible();
  });

  test("an officer can neither open Admin nor call its server action", async ({ as }) => {
    const officer = await as("officer");
    const res = await officer.goto("/admin/users");
    expect(res?.status()).toBe(404);
    await expect(officer.getByRole("navigation", { name: "Main navigation" })).not.toContainText("Admin");
    expect((await officer.goto("/admin"))?.status()).toBe(404);
    expect((await officer.goto("/admin/stations"))?.status()).toBe(404);

    // Capture the admin's real "create user" server-action request, then replay it with the officer's session.
    const admin = await as("admin");
    await admin.goto("/admin/users");
    const username = `intruder${Date.now().toString(36)}`;
    await admin.getByLabel("Username", { exact: true }).fill(username);
    await admin.getByLabel("Name", { exact: true }).first().fill("Should Not Exist");
    await admin.getByLabel("Initial password (12+ characters)").fill("intruder-password");
    await admin.getByLabel("Role").first().selectOption("ADMIN");
    // Block the admin's own request so only the officer's replay could create the user.
    await admin.route("**/admin/users", (route) =>
      route.request().headers()["next-action"] ? route.abort() : route.continue(),
    );
    const [captured] = await Promise.all([
      admin.waitForRequest((r) => !!r.headers()["next-action"]),
      admin.getByRole("button", { name: "Create user" }).click(),
    ]);
    const headers = captured.headers();
    const replay = await officer.context().request.post(captured.url(), {
      headers: {
        "next-action": headers["next-action"],
        "content-type": headers["content-type"],
        accept: "text/x-component",
      },
      data: captured.postDataBuffer() ?? undefined,
    });
    const body = await replay.text();
    expect(body).toContain('"forbidden"');
    await admin.unroute("**/admin/users");
    await admin.goto("/admin/users");
    await expect(admin.getByTestId(`user-${username}`)).toHaveCount(0);
  });

  test("a real user is locked at an address after 5 failures there, even with the right password", async ({
    as,
    page,
  }) => {
    const admin = await as("admin");
    const username = `lock${Date.now().toString(36)}`;
    await createUser(admin, { username, name: "Lock Test", password: "right-password-1", districtWide: true });

    for (let i = 0; i < 5; i++) await signInRequest(page.request, username, `wrong-${i}`);
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
    await page.goto("/login");
    await page.getByLabel("Username", { exact: true }).fill(username);
    await page.getByLabel("Password").fill("right-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toContainText("Try again in 15 minutes");
    await expect(page).toHaveURL(/\/login/);
  });
});
