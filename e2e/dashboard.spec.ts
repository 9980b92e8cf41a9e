// The SP Crime dashboard against a real server: data in every chart from signed webhooks, refusal
// of officers at the server, a CSV that never carries the canary informant's number or name, the
// minute refresh, and the daily report.
import type { Page, APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";
import { postWhatsApp, whatsappText } from "./webhooks";

const CANARY = { wa: "919876543219", name: "Canary Kumar" };
const CANARY_NEEDLES = ["919876543219", "9876543219", "98765 43219", "+91 98765", "Canary Kumar", "Canary"];
let seeded = false;

async function post(request: APIRequestContext, from: string, body: string, name?: string) {
  const res = await postWhatsApp(request, whatsappText(from, body, name));
  expect(res.status(), "webhook accepted").toBe(200);
}

/** A few tips from different (fake) informants, posted once per server. */
async function seed(request: APIRequestContext) {
  if (seeded) return;
  for (let i = 0; i < 4; i++) await post(request, `9170000000${i}${Date.now() % 10}`, `Dashboard seed ${i}: illegal liquor sold near the bus stand`);
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
  test("renders today's tips in every volume chart, each with a table view", async ({ as, request }) => {
    await seed(request);
    const page = await as("supervisor");
    const res = await page.goto("/dashboard?range=today");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(await tileValue(page, "newTips")).toBeGreaterThanOrEqual(4);
    expect(await tileValue(page, "openNow")).toBeGreaterThanOrEqual(4);

    for (const id of ["perDay", "byCategory", "byStation"]) {
      const card = page.getByTestId(`chart-${id}`);
      await expect(card.locator(".recharts-bar-rectangle").first(), `${id} draws bars`).toBeVisible();
      await card.getByText("Show as table").click();
      const counts = await card.locator("tbody td").allInnerTexts();
      expect(counts.map(Number).some((n) => n > 0), `${id} table has data`).toBe(true);
    }
    const heat = page.getByTestId("chart-heatmap");
    await expect(heat.locator("[data-count]")).toHaveCount(168);
    expect(await heat.locator("[data-count]:not([data-count='0'])").count()).toBeGreaterThan(0);
  });

  test("filters live in the URL and survive a reload", async ({ as, request }) => {
    await seed(request);
    const page = await as("supervisor");
    await page.goto("/dashboard");
    await page.getByLabel("Category").selectOption("NARCOTICS");
    await expect(page).toHaveURL(/category=NARCOTICS/);
    await page.getByLabel("Date range").selectOption("30d");
    await expect(page).toHaveURL(/range=30d/);
    await page.reload();
    await expect(page.getByLabel("Category")).toHaveValue("NARCOTICS");
    await expect(page.getByLabel("Date range")).toHaveValue("30d");
    expect(await tileValue(page, "newTips")).toBe(0); // webhook tips are uncategorised
  });

  test("refreshes by itself each minute", async ({ as, request }) => {
    await seed(request);
    const page = await as("admin");
    await page.clock.install();
    await page.goto("/dashboard?range=today");
    const before = await tileValue(page, "newTips");
    await post(request, `9171111111${Date.now() % 100}`, "Dashboard refresh check");
    await page.clock.fastForward("01:05");
    await expect.poll(() => tileValue(page, "newTips")).toBe(before + 1);
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
    await seed(request);
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
    await seed(request);
    const page = await as("supervisor");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
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
