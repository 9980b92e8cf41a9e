// The live queue in Chromium against the shared e2e server (PGlite): live rows without reload,
// claim race between two officers, URL state, keyboard, bulk close and shift hand-over.
import { test, expect, signIn } from "./fixtures";
import { postWhatsApp, whatsappText } from "./webhooks";
import { testPhone } from "./queue-servers";
import type { Page } from "@playwright/test";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Newest first, so a fresh tip is on the first page however many other specs left open. */
async function openQueue(page: Page, path = "/queue?dir=desc") {
  await page.goto(path);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");
}

const row = (page: Page, text: string) => page.getByTestId("queue-table").locator("tbody tr", { hasText: text });

test("a new WhatsApp tip appears in the open queue without a reload, with a badge in the tab title", async ({
  as,
  request,
}) => {
  const page = await as("officer");
  await openQueue(page);
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const text = unique("Naini ghat par avaidh sharab");
  const res = await postWhatsApp(request, whatsappText(testPhone(), text));
  expect(res.status()).toBe(200);
  await expect(row(page, text)).toBeVisible();
  await expect(row(page, text).getByTestId("sla")).toHaveAttribute("data-state", "ok");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(page).toHaveTitle(/^\(\d+\) /);
  await expect(page.getByTestId("unseen")).toBeVisible();
  await page.screenshot({ path: "test-results/queue-live.png", fullPage: true });
  // Touching the page clears the badge.
  await page.mouse.click(5, 5);
  await expect(page).not.toHaveTitle(/^\(\d+\) /);
});

test("two officers claim the same tip at once: exactly one wins, the other is told who has it", async ({
  as,
  request,
}) => {
  const text = unique("Claim race tip");
  expect((await postWhatsApp(request, whatsappText(testPhone(), text))).status()).toBe(200);
  const a = await as("officer");
  const b = await as("officer2");
  await openQueue(a);
  await openQueue(b);
  await expect(row(a, text)).toBeVisible();
  await expect(row(b, text)).toBeVisible();
  // Both clicks land before either page hears about the other's claim.
  await Promise.all(
    [a, b].map((p) =>
      row(p, text)
        .getByTestId("claim")
        .evaluate((el) => (el as HTMLButtonElement).click()),
    ),
  );
  const messages = await Promise.all(
    [a, b].map(async (p) => {
      const m = p.getByTestId("queue-message");
      await expect(m).toBeVisible();
      return m.innerText();
    }),
  );
  const wins = messages.filter((m) => /You claimed/.test(m));
  const losses = messages.filter((m) => /already claimed by/.test(m));
  expect(wins).toHaveLength(1);
  expect(losses).toHaveLength(1);
  const winnerName = /You claimed/.test(messages[0]) ? "SI Ramesh Yadav" : "HC Sunita Verma";
  expect(losses[0]).toContain(winnerName);
  // And the tip leaves both Unassigned lists.
  await expect(row(a, text)).toHaveCount(0);
  await expect(row(b, text)).toHaveCount(0);
});

test("filters, search and sort live in the URL: they survive a reload and a shared link", async ({
  as,
  browser,
  request,
}) => {
  const text = unique("URL state शराब तस्करी");
  expect((await postWhatsApp(request, whatsappText(testPhone(), text))).status()).toBe(200);
  const page = await as("officer");
  await openQueue(page, "/queue?view=open&dir=desc");
  await page.getByTestId("filter-channel").selectOption("WHATSAPP");
  await expect(page).toHaveURL(/channel=WHATSAPP/);
  await page.getByRole("searchbox").fill("शराब तस्करी");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await page
    .getByRole("columnheader", { name: /Last activity/ })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/sort=lastActivity/);
  await expect(row(page, text)).toBeVisible();
  const url = page.url();
  await page.reload();
  await expect(page.getByTestId("filter-channel")).toHaveValue("WHATSAPP");
  await expect(page.getByRole("searchbox")).toHaveValue("शराब तस्करी");
  await expect(page.getByRole("columnheader", { name: /Last activity/ })).toHaveAttribute(
    "aria-sort",
    /ascending|descending/,
  );
  await expect(row(page, text)).toBeVisible();
  // Someone else opens the same link.
  const other = await browser.newContext({ baseURL: new URL(url).origin });
  await signIn(other, "supervisor");
  const p2 = await other.newPage();
  await p2.goto(url);
  await expect(p2.getByTestId("filter-channel")).toHaveValue("WHATSAPP");
  await expect(p2.getByRole("columnheader", { name: /Last activity/ })).toHaveAttribute(
    "aria-sort",
    /ascending|descending/,
  );
  await expect(row(p2, text)).toBeVisible();
  await expect(p2.getByTestId("view-open")).toHaveAttribute("aria-current", "page");
  await other.close();
});

test("keyboard: j/k move between rows, c claims the focused row", async ({ as, request }) => {
  const text = unique("Keyboard tip");
  expect((await postWhatsApp(request, whatsappText(testPhone(), text))).status()).toBe(200);
  const page = await as("officer");
  await openQueue(page, `/queue?q=${encodeURIComponent(text)}`);
  await expect(row(page, text)).toBeVisible();
  await page.keyboard.press("j");
  await expect(row(page, text)).toBeFocused();
  await page.keyboard.press("c");
  await expect(page.getByTestId("queue-message")).toContainText("You claimed");
});

test("bulk close as duplicate records the outcome and empties the rows from Unassigned", async ({ as, request }) => {
  const tag = unique("Bulk dup");
  for (const n of [1, 2])
    expect((await postWhatsApp(request, whatsappText(testPhone(), `${tag} ${n}`))).status()).toBe(200);
  const page = await as("officer");
  await openQueue(page, `/queue?q=${encodeURIComponent(tag)}`);
  await expect(row(page, tag)).toHaveCount(2);
  const closedBefore = Number(await page.getByTestId("count-closedToday").innerText());
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
  await page.getByTestId("bulk-outcome").selectOption("DUPLICATE");
  await page.getByTestId("bulk-summary").fill("Same report as earlier tip");
  await page.getByTestId("bulk-close").click();
  await expect(page.getByTestId("queue-message")).toContainText("2 updated");
  await expect(row(page, tag)).toHaveCount(0);
  await expect(page.getByTestId("count-closedToday")).toHaveText(String(closedBefore + 2));
  await page.goto(`/queue?view=closedToday&q=${encodeURIComponent(tag)}`);
  await expect(row(page, tag)).toHaveCount(2);
});

test("a supervisor hands over a shift: all open tips of one officer move to another", async ({ as, request }) => {
  const tag = unique("Handover");
  for (const n of [1, 2])
    expect((await postWhatsApp(request, whatsappText(testPhone(), `${tag} ${n}`))).status()).toBe(200);
  const officer = await as("officer");
  await openQueue(officer, `/queue?q=${encodeURIComponent(tag)}`);
  for (let i = 0; i < 2; i++) {
    await row(officer, tag).first().getByTestId("claim").click();
    await expect(officer.getByTestId("queue-message")).toContainText("You claimed");
    // The claimed row leaves Unassigned before the next one is clicked (else .first() is stale).
    await expect(row(officer, tag)).toHaveCount(1 - i);
  }
  const sup = await as("supervisor");
  await openQueue(sup, `/queue?view=open&q=${encodeURIComponent(tag)}`);
  await expect(row(sup, tag).getByTestId("assignee")).toHaveText(["SI Ramesh Yadav", "SI Ramesh Yadav"]);
  await sup.getByText("Hand over a shift").click();
  await sup.getByTestId("handover-from").selectOption({ label: "SI Ramesh Yadav" });
  await sup.getByTestId("handover-to").selectOption({ label: "HC Sunita Verma" });
  await sup.getByTestId("handover-submit").click();
  await expect(sup.getByTestId("queue-message")).toContainText("tips moved");
  await expect(row(sup, tag).getByTestId("assignee")).toHaveText(["HC Sunita Verma", "HC Sunita Verma"]);
  await sup.screenshot({ path: "test-results/queue-handover.png", fullPage: true });
});
