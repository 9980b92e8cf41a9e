// Must-show (issue 16): a supervisor watches a vehicle and "कच्ची शराब"; a signed webhook carrying
// "kachchi sharab" and the vehicle in another spelling raises the alert on an open queue without a
// reload and tags the tip. Also: a bad watch value is refused; cross-script search marks the match.
import crypto from "node:crypto";
import { test, expect } from "./fixtures";
import { postWhatsApp, whatsappText } from "./webhooks";
import { testPhone } from "./queue-servers";

const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + crypto.randomInt(26))).join("");

test("a supervisor's watch on a vehicle and on कच्ची शराब alerts an open queue without reload and tags the tip", async ({
  as,
  request,
}) => {
  const sup = await as("supervisor");
  const series = letters(2).toUpperCase();
  const num = String(crypto.randomInt(1000, 9999));
  const plate = `UP70${series}${num}`;

  await sup.goto("/watchlist");
  // A value that is not the kind it claims is refused with the reason, and nothing is added.
  await sup.getByTestId("watch-kind").selectOption("ENTITY");
  await sup.getByTestId("watch-entity-kind").selectOption("vehicle");
  await sup.getByTestId("watch-value").fill("kachchi sharab");
  await sup.getByTestId("watch-add").click();
  await expect(sup.getByTestId("action-error")).toContainText("not a valid value");
  await expect(sup.locator('[data-testid="watch-row"][data-value="kachchi sharab"]')).toHaveCount(0);

  await sup.getByTestId("watch-value").fill(`up 70 ${series.toLowerCase()} ${num}`);
  await sup.getByTestId("watch-add").click();
  await expect(sup.locator(`[data-testid="watch-row"][data-value="${plate}"]`)).toBeVisible();

  await sup.getByTestId("watch-kind").selectOption("PHRASE");
  await sup.getByTestId("watch-value").fill("कच्ची शराब");
  await sup.getByTestId("watch-add").click();
  // Watched already by an earlier run of this spec (same supervisor) is fine too.
  await expect(sup.locator('[data-testid="watch-row"][data-value="kCi srb"]')).toBeVisible();
  await sup.screenshot({ path: "test-results/watchlist.png", fullPage: true });

  // An open queue, then the webhook.
  await sup.goto("/queue?view=all&dir=desc");
  await expect(sup.getByTestId("live-status")).toHaveAttribute("data-state", "live");
  await sup.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const text = `Kareli mein kachchi sharab ki bhatti, gaadi UP-70-${series}-${num} raat ko aati hai ${letters(6)}`;
  expect((await postWhatsApp(request, whatsappText(testPhone(), text))).status()).toBe(200);

  const alert = sup.getByTestId("watch-alert");
  await expect(alert).toBeVisible();
  const ref = (await alert.getByTestId("watch-alert-ref").first().innerText()).trim();
  expect(ref).toMatch(/^[A-Z]/);
  expect(await sup.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await sup.screenshot({ path: "test-results/watch-alert.png", fullPage: true });

  // The Watched view lists it; the tip carries both tags.
  await sup.goto("/queue?view=watched");
  await expect(sup.getByTestId("queue-table").locator("tbody tr", { hasText: ref })).toBeVisible();
  await sup.goto(`/tips/${ref}`);
  const tags = sup.getByTestId("watch-tag");
  await expect(tags.filter({ hasText: "कच्ची शराब" })).toBeVisible();
  await expect(tags.filter({ hasText: `up 70 ${series.toLowerCase()} ${num}` })).toBeVisible();
  await sup.screenshot({ path: "test-results/watch-tags.png", fullPage: true });

  // Connected tips: a later tip naming the same vehicle (spelled differently, in a Hindi message).
  const later = `झूँसी में ${plate.slice(0, 4)} ${series} ${num} वाली गाड़ी फिर दिखी ${letters(6)}`;
  expect((await postWhatsApp(request, whatsappText(testPhone(), later))).status()).toBe(200);
  await expect(async () => {
    await sup.reload();
    await expect(sup.getByTestId("connected-tip")).not.toHaveCount(0, { timeout: 1000 });
  }).toPass();
  await expect(
    sup.getByTestId("connected-tip").first().getByTestId("connected-shared").filter({ hasText: plate }),
  ).toBeVisible();
  await sup.getByTestId("connected-tips").screenshot({ path: "test-results/connected-tips.png" });
});

test("cross-script search: 'sharab' finds a tip written शराब, marks the word in the row and on the tip page", async ({
  as,
  request,
}) => {
  const officer = await as("officer");
  const tag = `zq${letters(6)}`;
  expect((await postWhatsApp(request, whatsappText(testPhone(), `मोहल्ले में अवैध शराब बिक रही है ${tag}`))).status()).toBe(
    200,
  );
  await officer.goto(`/queue?view=all&q=${encodeURIComponent(`sharab ${tag}`)}`);
  const row = officer.getByTestId("queue-table").locator("tbody tr", { hasText: tag });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("search-mark").filter({ hasText: "शराब" })).toBeVisible();
  await officer.screenshot({ path: "test-results/search-marks.png", fullPage: true });
  await row.locator("a").first().click();
  await expect(
    officer.getByTestId("message-body").getByTestId("search-mark").filter({ hasText: "शराब" }),
  ).toBeVisible();
  // A one-letter query is refused with a message.
  await officer.goto("/queue?view=all&q=a");
  await expect(officer.getByTestId("search-error")).toBeVisible();
});
