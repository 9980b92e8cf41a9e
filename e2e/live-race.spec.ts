// No tip missed while a page loads (ADR 0150): a webhook committed 0–50 ms after the page's load
// event — before or while its live stream connects — appears without a reload, every time. The
// page renders from a live cursor and its stream starts from that cursor.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { postWhatsApp, whatsappText } from "./webhooks";
import { newTip, phone, token } from "./tip-helpers";

const TRIES = Number(process.env.LIVE_RACE_TRIES ?? 50);

test.describe.configure({ timeout: 30_000 + TRIES * 6_000 });

const markNoReload = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
const stillNoReload = (page: Page) =>
  page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
const jitter = () => new Promise((r) => setTimeout(r, crypto.randomInt(0, 51)));

test(`the queue shows a tip sent within 0–50 ms of its load, ${TRIES} of ${TRIES} tries`, async ({ as, request }) => {
  const page = await as("officer");
  const run = token();
  let shown = 0;
  for (let i = 0; i < TRIES; i++) {
    const text = `race ${run} ${i} kachchi sharab`;
    await page.goto(`/queue?view=all&q=${run}`, { waitUntil: "load" });
    await markNoReload(page);
    await jitter();
    expect((await postWhatsApp(request, whatsappText(phone(), text))).status()).toBe(200);
    await expect(page.getByTestId("queue-table").locator("tbody tr", { hasText: text })).toBeVisible({
      timeout: 5_000,
    });
    expect(await stillNoReload(page)).toBe(true);
    shown++;
  }
  expect(shown).toBe(TRIES);
});

test(`the tip page shows a message sent within 0–50 ms of its load, ${TRIES} of ${TRIES} tries`, async ({
  as,
  request,
}) => {
  const officer = await as("officer");
  const { from, ref } = await newTip(request, officer, `tip page race ${token()}`);
  let shown = 0;
  for (let i = 0; i < TRIES; i++) {
    const text = `aur ek baat ${i} ${token()}`;
    await officer.goto(`/tips/${ref}`, { waitUntil: "load" });
    await markNoReload(officer);
    await jitter();
    expect((await postWhatsApp(request, whatsappText(from, text))).status()).toBe(200);
    await expect(officer.getByTestId("message").filter({ hasText: text })).toBeVisible({ timeout: 5_000 });
    expect(await stillNoReload(officer)).toBe(true);
    shown++;
  }
  expect(shown).toBe(TRIES);
});
