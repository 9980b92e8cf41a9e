// The SP Crime dashboard against a real server: data in every chart from signed webhooks, refusal
// of officers at the server, a CSV that never carries the canary informant's number or name, the
// minute refresh, and the daily report.
import type { Page, APIRequestContext } from "@playwright/test";
import crypto from "node:crypto";
import { test, expect } from "./fixtures";
import { postWhatsApp, whatsappText } from "./webhooks";
import { istDay } from "../lib/time/ist";

const CANARY = { wa: "919876543219", name: "Canary Kumar" };
const CANARY_NEEDLES = ["919876543219", "9876543219", "98765 43219", "+91 98765", "Canary Kumar", "Canary"];
let seeded = false;

async function post(request: APIRequestContext, from: string, body: string, name?: string) {
  const res = await postWhatsApp(request, whatsappText(from, body, name));
  expect(res.status(), "webhook accepted").toBe(200);
}

/**
 * Once per server: four tips from different (fake) informants through the signed webhook; then,
 * through the queue's UI, an officer claims two (first responses) and closes two as duplicates
 * (outcomes), so every chart and the officers' table have data.
 */
async function seed(request: APIRequestContext, as: (who: "officer") => Promise<Page>) {
  if (seeded) return;
  const tag = `dash${crypto.randomBytes(4).toString("hex")}`;
  for (let i = 0; i < 4; i++)
    await post(
      request,
      `9170${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`,
      `${tag} tip ${i}: illegal liquor sold near the bus stand`,
    );
  const officer = await as("officer");
  await officer.goto(`/queue?q=${tag}`);
  const row = (i: number) => officer.getByTestId("queue-table").locator("tbody tr", { hasText: `${tag} tip ${i}` });
  for (const i of [0, 1]) {
    await row(i).getByTestId("claim").click();
    await expect(officer.getByTestId("queue-message")).toContainText("You claimed");
  }
  for (const i of [2, 3]) await row(i).getByRole("checkbox").check();
  await officer.getByTestId("bulk-outcome").selectOption("DUPLICATE");
  await officer.getByTestId("bulk-summary").fill("Same report as an earlier tip");
  await officer.getByTestId("bulk-close").click();
  await expect(officer.getByTestId("queue-message")).toContainText("2 updated");
  seeded = true;
}

async function tileValue(page: Page, key: string) {
  return Number((await page.getByTestId(`tile-${key}`).getByTestId("tile-value").innerText()).replace(/[^\d]/g, ""));
}

async function csvOf(page: Page, query: string) {
  const res = await page.request.get(`/api/reports/tips.csv?${query}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  return res.text();
}

test.describe("dashboard", () => {
  test("renders today's tips in every chart, each with a table view, and the officers' table", async ({
    as,
    request,
  }) => {
    await seed(request, as);
    const page = await as("supervisor");
    const res = await page.goto("/dashboard?range=today");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(await tileValue(page, "newTips")).toBeGreaterThanOrEqual(4);
    expect(await tileValue(page, "openNow")).toBeGreaterThanOrEqual(2); // two of the four were closed

    for (const id of ["perDay", "byCategory", "byStation", "outcomes", "buckets"]) {
      const card = page.getByTestId(`chart-${id}`);
      await expect(card.locator(".recharts-bar-rectangle").first(), `${id} draws bars`).toBeVisible();
      await card.getByText("Show as table").click();
      const counts = await card.locator("tbody td").allInnerTexts();
      expect(
        counts.map(Number).some((n) => n > 0),
        `${id} table has data`,
      ).toBe(true);
    }
    const heat = page.getByTestId("chart-heatmap");
    await expect(heat.locator("[data-count]")).toHaveCount(168);
    expect(await heat.locator("[data-count]:not([data-count='0'])").count()).toBeGreaterThan(0);

    const officer = page.getByTestId("officers-table").locator("tbody tr", { hasText: "SI Ramesh Yadav" });
    const [claimed, closed] = (await officer.locator("td").allInnerTexts()).slice(1, 3).map(Number);
    expect(claimed).toBeGreaterThanOrEqual(2);
    expect(closed).toBeGreaterThanOrEqual(2);
    await page
      .getByRole("columnheader", { name: /Open now/ })
      .getByRole("button")
      .click();
    await expect(page).toHaveURL(/osort=openNow/);
    await page.screenshot({ path: "test-results/dashboard-desk.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/dashboard-phone.png", fullPage: true });
  });

  test("filters live in the URL and survive a reload", async ({ as, request }) => {
    await seed(request, as);
    const page = await as("supervisor");
    await page.goto("/dashboard");
    await page.locator('select[name="category"]').selectOption("NARCOTICS");
    await expect(page).toHaveURL(/category=NARCOTICS/);
    await page.getByLabel("Date range").selectOption("30d");
    await expect(page).toHaveURL(/range=30d/);
    await page.reload();
    await expect(page.locator('select[name="category"]')).toHaveValue("NARCOTICS");
    await expect(page.getByLabel("Date range")).toHaveValue("30d");
    // The tile and the CSV agree for the filter, and the filter narrows the unfiltered count.
    const narcotics = await tileValue(page, "newTips");
    expect((await csvOf(page, "range=30d&category=NARCOTICS")).trimEnd().split("\r\n").length - 1).toBe(narcotics);
    await page.locator('select[name="category"]').selectOption("");
    await expect(page).not.toHaveURL(/category=NARCOTICS/);
    expect(await tileValue(page, "newTips")).toBeGreaterThanOrEqual(narcotics + 4); // the seeded tips are uncategorised
  });

  test("refreshes when a tip arrives on the live stream", async ({ as, request }) => {
    await seed(request, as);
    const page = await as("admin");
    await page.goto("/dashboard?range=today");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");
    const before = await tileValue(page, "newTips");
    await post(request, `9172${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`, "Dashboard live refresh check");
    // Debounced to one refresh per 5 s; no reload, no clock games.
    await expect.poll(() => tileValue(page, "newTips"), { timeout: 20_000 }).toBe(before + 1);
  });

  test("refreshes by itself each minute, also without the live stream", async ({ as, request }) => {
    await seed(request, as);
    const page = await as("admin");
    await page.route(/\/api\/live(\?|$)/, (route) => route.abort()); // only the minute timer is left
    await page.clock.install();
    await page.goto("/dashboard?range=today");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "false");
    const before = await tileValue(page, "newTips");
    await post(request, `9171${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`, "Dashboard minute refresh check");
    // Each poll jumps the page's clock a minute ahead, firing the minute timer.
    await expect
      .poll(async () => {
        await page.clock.fastForward("01:01");
        return tileValue(page, "newTips");
      })
      .toBe(before + 1);
  });

  test("an officer is refused at the server: page 404, CSV 403, report 404", async ({ as, request }) => {
    const page = await as("officer");
    expect((await page.goto("/dashboard"))?.status()).toBe(404);
    expect((await page.goto("/dashboard/report"))?.status()).toBe(404);
    expect((await page.request.get("/api/reports/tips.csv?range=today")).status()).toBe(403);
    await expect(page.getByTestId("chart-perDay")).toHaveCount(0);
    expect((await request.get("/api/reports/tips.csv")).status()).toBe(401);
  });

  test("the CSV of a range with the canary informant has no trace of their number or name", async ({ as, request }) => {
    await seed(request, as);
    const page = await as("supervisor");
    const before = await csvOf(page, "range=today");
    await post(request, CANARY.wa, "Canary tip: smack being sold behind the school", CANARY.name);
    const csv = await csvOf(page, "range=today");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = (s: string) => s.trimEnd().split("\r\n").length;
    expect(rows(csv)).toBe(rows(before) + 1); // the canary's tip is in it…
    for (const needle of CANARY_NEEDLES) expect(csv, needle).not.toContain(needle); // …but not who sent it
    expect(csv).not.toContain("smack being sold"); // nor message text
  });

  test("the daily report prints the day's figures in the reader's language", async ({ as, request }) => {
    await seed(request, as);
    const page = await as("supervisor");
    const today = istDay(new Date());
    await page.goto(`/dashboard/report?date=${today}`);
    await expect(page.getByTestId("daily-report")).toContainText("Tip line daily report");
    expect(await tileValue(page, "newTips")).toBeGreaterThanOrEqual(4);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(page.getByTestId("user-menu")).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("button", { name: "हिन्दी" }).click();
    await expect(page.getByTestId("daily-report")).toContainText("सूचना लाइन दैनिक रिपोर्ट");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByTestId("daily-report")).toContainText("Tip line daily report");
  });
});
