// A whole shift open: the server restarts under an open queue (PGlite, this spec's own server
// process). The page shows it is disconnected, reconnects by itself, and shows the tip that arrived
// while it was away.
import { test, expect, signIn } from "./fixtures";
import { whatsappText } from "./webhooks";
import { freePort, postWhatsAppTo, startServer, testPhone, type Server } from "./queue-servers";

let server: Server | undefined;

test.describe.configure({ timeout: 240_000 });
test.afterAll(async () => server?.stop());

test("the queue survives a server restart and catches up on what it missed", async ({ browser, request }) => {
  const port = await freePort();
  server = await startServer({ port, fresh: true });
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context, "officer");
  const page = await context.newPage();
  await page.goto("/queue");
  const live = page.getByTestId("live-status");
  await expect(live).toHaveAttribute("data-state", "live");
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await server.stop();
  await expect(live).toHaveAttribute("data-state", "disconnected", { timeout: 30_000 });
  await expect(live).toContainText("Disconnected");

  // Hold the page off until a tip has arrived, so it really is one the page missed.
  const liveRoute = /\/api\/live(\?|$)/;
  await page.route(liveRoute, (route) => route.abort());
  server = await startServer({ port });
  const text = `Arrived while away ${Date.now().toString(36)}`;
  expect((await postWhatsAppTo(request, server.url, whatsappText(testPhone(), text))).status()).toBe(200);
  await page.unroute(liveRoute);

  await expect(live).toHaveAttribute("data-state", "live", { timeout: 60_000 });
  await expect(page.getByTestId("queue-table").locator("tbody tr", { hasText: text })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await context.close();
});
