// Two app instances on one PostgreSQL (LISTEN/NOTIFY): a tip ingested through instance A appears
// on a queue open on instance B. Needs QUEUE_E2E_DATABASE_URL (a local database it may reset).
import { test, expect, signIn } from "./fixtures";
import { whatsappText } from "./webhooks";
import { freePort, postWhatsAppTo, resetPostgres, startServer, testPhone, type Server } from "./queue-servers";

const DB = process.env.QUEUE_E2E_DATABASE_URL;
const servers: Server[] = [];

test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => {
  if (!DB) throw new Error("set QUEUE_E2E_DATABASE_URL to a local PostgreSQL database this spec may reset (`npm test` sets a default)");
});
test.afterAll(async () => {
  for (const s of servers) await s.stop();
});

test("a tip ingested through instance A appears live on a queue open on instance B", async ({ browser, request }) => {
  await resetPostgres(DB!);
  servers.push(await startServer({ port: await freePort(), databaseUrl: DB }));
  servers.push(await startServer({ port: await freePort(), databaseUrl: DB }));
  const [a, b] = servers;
  const context = await browser.newContext({ baseURL: b.url });
  await signIn(context, "officer");
  const page = await context.newPage();
  await page.goto("/queue");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");
  const text = `Through instance A ${Date.now().toString(36)}`;
  expect((await postWhatsAppTo(request, a.url, whatsappText(testPhone(), text))).status()).toBe(200);
  await expect(page.getByTestId("queue-table").locator("tbody tr", { hasText: text })).toBeVisible();
  await context.close();
});
