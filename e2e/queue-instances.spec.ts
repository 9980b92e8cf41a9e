// Two app instances on one PostgreSQL (LISTEN/NOTIFY): a tip ingested through instance A appears
// on a queue open on instance B. Needs QUEUE_E2E_DATABASE_URL (a local database it may reset, as a
// superuser): the instances run as a least-privilege runtime role and migrate as an owner role (ADR 0014).
import { test, expect, signIn } from "./fixtures";
import { whatsappText } from "./webhooks";
import { freePort, postWhatsAppTo, startServer, testPhone, type Server } from "./queue-servers";
import { ensureSplitRoles } from "../lib/testing/split-roles";

const DB = process.env.QUEUE_E2E_DATABASE_URL;
const servers: Server[] = [];

test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => {
  if (!DB)
    throw new Error(
      "set QUEUE_E2E_DATABASE_URL to a local PostgreSQL database this spec may reset (`npm test` sets a default)",
    );
});
test.afterAll(async () => {
  for (const s of servers) await s.stop();
});

test("a tip ingested through instance A appears live on a queue open on instance B", async ({ browser, request }) => {
  // Fresh schemas owned by the owner role; the servers connect as the runtime role.
  const { owner, app } = await ensureSplitRoles(DB!);
  servers.push(
    await startServer({ port: await freePort(), databaseUrl: app.url, env: { MIGRATION_DATABASE_URL: owner.url } }),
  );
  servers.push(
    await startServer({ port: await freePort(), databaseUrl: app.url, env: { MIGRATION_DATABASE_URL: owner.url } }),
  );
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
