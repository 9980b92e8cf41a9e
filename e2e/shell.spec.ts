import { test, expect } from "./fixtures";
import { E2E } from "./env";

test.describe("shell", () => {
  test("switching to Hindi shows the Hindi shell, is saved for the user and on the sign-in page", async ({ as }) => {
    const page = await as("officer2");
    await page.goto("/queue");
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Queue");
    await page.getByRole("button", { name: "हिन्दी" }).click();
    await expect(page.getByRole("navigation", { name: "मुख्य नेविगेशन" })).toContainText("कतार");
    await expect(page.locator("html")).toHaveAttribute("lang", "hi");
    await page.reload();
    await expect(page.getByRole("navigation", { name: "मुख्य नेविगेशन" })).toContainText("कतार");

    // Saved on the user: a fresh browser (no cookie) gets Hindi after signing in.
    await page.getByTestId("user-menu").click();
    await page.getByRole("button", { name: "साइन आउट" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "साइन इन करें" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await page.getByLabel("Username").fill("officer2");
    await page.getByLabel("Password").fill("mukhbir-officer2");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "मुख्य नेविगेशन" })).toContainText("कतार");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Queue");
  });

  test("idle timeout signs the officer out", async ({ as }) => {
    const page = await as("officer");
    await page.clock.install();
    await page.goto("/queue");
    // The nav is server-rendered; wait until the page is hydrated (the live indicator is client-side)
    // so the idle guard has started counting before the clock jumps.
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");
    await page.clock.fastForward("31:00");
    await expect(page).toHaveURL(/\/login\?reason=idle/);
    await expect(page.getByRole("status")).toContainText("signed out after a period of inactivity");
    await page.goto("/queue");
    await expect(page).toHaveURL(/\/login/);
  });

  test("security headers: nonce CSP without unsafe-inline scripts, nosniff, no referrer, no framing", async ({
    request,
  }) => {
    for (const path of ["/login", "/api/health"]) {
      const res = await request.get(path);
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["referrer-policy"]).toBe("no-referrer");
    }
    const res = await request.get("/login");
    const csp = res.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every script tag Next renders carries this request's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  });

  test("health tells anonymous callers the status only; admins and the health token get the details", async ({
    request,
    as,
  }) => {
    const anonymous = await request.get("/api/health");
    expect(anonymous.status()).toBe(200);
    expect(await anonymous.json()).toEqual({ status: "ok" });
    expect(
      await (await request.get("/api/health", { headers: { authorization: "Bearer not-the-token-at-all" } })).json(),
    ).toEqual({ status: "ok" });
    const token = await request.get("/api/health", {
      headers: { authorization: `Bearer ${E2E.serverEnv.HEALTH_TOKEN}` },
    });
    const body = await token.json();
    expect(body).toMatchObject({ status: "ok", database: "up", engine: "pglite", migrations: { current: true } });
    expect(body.version).toBeTruthy();
    const officer = await as("officer");
    expect(await (await officer.request.get("/api/health")).json()).toEqual({ status: "ok" });
    const admin = await as("admin");
    expect(await (await admin.request.get("/api/health")).json()).toMatchObject({
      database: "up",
      migrations: { current: true },
    });
  });
});
