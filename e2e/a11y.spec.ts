// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every page for every role, in English and
// in Hindi, against a real server with real data (a tip with a photo, a voice note and a note; closed
// tips so the dashboard's charts have bars; a failed media fetch, a canned reply and an inactive
// station so every admin list has rows). Every <details> is opened first, so what a disclosure
// hides (chart tables, history, edit forms) is checked too. Any violation fails the test and names
// the rule, the page and the elements. Screenshots go to test-results/a11y/ for a person to look at.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, type DemoUser } from "./fixtures";
import { newTip, postMedia, phone, token } from "./tip-helpers";
import { releasedRequest, reportWithPhoto, samplePhoto } from "./request-helpers";
import { LOCALE_COOKIE } from "../lib/i18n/locales";
import { E2E } from "./env";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const LOCALES = ["en", "hi"] as const;

/** Runs axe on the page as it is now and returns readable violations (rule, impact, where). */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`).join("\n")}`,
  );
}

async function check(page: Page, path: string, label: string, found: string[]) {
  const res = await page.goto(path);
  expect(res?.status(), `${label} loads`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.screenshot({ path: `test-results/a11y/${label.replace(/[^a-z0-9-]+/gi, "_")}.png`, fullPage: true });
  for (const v of await violations(page)) found.push(`[${label}] ${v}`);
}

async function setLocale(page: Page, locale: string) {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }]);
}

let seeded: { ref: string; requestId: string } | null = null;

/** One tip with a photo, a voice note, a reply and a note, and two closed tips (outcomes and response times on the dashboard). */
async function seed(as: (who: DemoUser) => Promise<Page>, request: Parameters<typeof newTip>[0]) {
  if (seeded) return seeded;
  const officer = await as("officer");
  const from = phone();
  const { ref } = await newTip(
    request,
    officer,
    `a11y ${token()} sharab ki bhatti near the canal, photo and voice note attached`,
    from,
  );
  await postMedia(request, from, {
    type: "image",
    image: { id: `photo-${crypto.randomInt(1e9, 9e9)}`, mime_type: "image/jpeg", caption: "Yahi jagah hai" },
  });
  await postMedia(request, from, {
    type: "audio",
    audio: { id: `voice-${crypto.randomInt(1e9, 9e9)}`, mime_type: "audio/ogg; codecs=opus", voice: true },
  });
  await officer.goto(`/tips/${ref}`);
  await officer.getByRole("button", { name: "Claim" }).click();
  await expect(officer.getByText("Assigned to you")).toBeVisible();
  await officer.getByTestId("note-form").locator("textarea").fill("Beat constable informed");
  await officer.getByRole("button", { name: "Add note" }).click();
  await expect(officer.getByTestId("timeline")).toContainText("Beat constable informed");
  await expect(officer.getByTestId("media-audio")).toBeVisible({ timeout: 20_000 });
  // A media id the provider no longer knows: a row in Admin → Webhooks' failed fetches.
  await postMedia(request, from, {
    type: "audio",
    audio: { id: `expired-${crypto.randomInt(1e9, 9e9)}`, mime_type: "audio/ogg; codecs=opus", voice: true },
  });
  for (let i = 0; i < 2; i++) {
    const other = await newTip(request, officer, `a11y ${token()} closed tip ${i}`);
    await officer.goto(`/tips/${other.ref}`);
    await officer.getByRole("button", { name: "Claim" }).click();
    await expect(officer.getByText("Assigned to you")).toBeVisible();
    await officer.getByTestId("close-panel").locator("select").selectOption("ACTIONED");
    await officer.getByTestId("close-panel").locator("textarea").fill("Raid conducted by the station");
    await officer.getByTestId("close-panel").getByRole("button", { name: "Close tip" }).click();
    await expect(officer.getByRole("button", { name: "Reopen" })).toBeVisible();
  }
  // An action request released to a station, with the tip's photo and a reported field photo (the station's pages).
  await officer.goto(`/tips/${ref}`);
  await officer.getByTestId("station-select").selectOption({ label: "Kareli" });
  await expect(officer.getByTestId("tip-station")).toHaveText("Kareli");
  const imageId = (await officer
    .getByTestId("attachment")
    .and(officer.locator('[data-mime^="image/"]'))
    .first()
    .getAttribute("data-id"))!;
  const supervisor = await as("supervisor");
  const requestId = await releasedRequest(
    officer.request,
    supervisor.request,
    ref,
    await officer.getByTestId("station-select").inputValue(),
    [imageId],
  );
  await reportWithPhoto(officer.request, requestId, await samplePhoto(request));
  seeded = { ref, requestId };
  return seeded;
}

/** A canned reply and an inactive station, so those lists show rows (dimmed ones too). */
async function seedAdminLists(admin: Page) {
  await admin.goto("/admin/canned-replies");
  const form = admin.getByTestId("canned-create");
  await form.getByLabel("Title (shown to officers)").fill(`Jagah ${token()}`);
  await form.getByLabel("Text in English").fill("Please share the exact location.");
  await form.getByLabel("Text in Hindi").fill("कृपया सही जगह बताइए।");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  const name = `Thana ${token()}`;
  await admin.goto("/admin/stations");
  await admin.getByLabel("Name", { exact: true }).first().fill(name);
  await admin.getByRole("button", { name: "Add station" }).click();
  await expect(admin.getByText("Station added.")).toBeVisible();
  await admin.getByTestId(`station-${name}`).getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByTestId(`station-${name}`).getByRole("button", { name: "Activate" })).toBeVisible();
}

const PAGES: Record<DemoUser | "anonymous", (ref: string, requestId: string) => string[]> = {
  anonymous: () => ["/login", "/login?reason=idle", "/no-such-page"],
  officer: (ref, requestId) => [
    "/queue",
    "/queue?view=all",
    `/tips/${ref}`,
    `/tips/${ref}/requests/new`,
    "/station",
    `/station/requests/${requestId}`,
    "/account",
    "/watchlist",
    "/queue?view=watched",
    "/queue?view=all&q=sharab",
    "/queue?view=all&source=none&intel=none",
    `/network?tip=${ref}`,
  ],
  officer2: () => [],
  supervisor: (ref) => [
    "/queue?view=all",
    `/tips/${ref}`,
    "/watchlist",
    "/dashboard?range=today",
    "/dashboard?range=30d",
    "/dashboard/report",
    "/account",
    `/network?tip=${ref}`,
    "/network?entity=place:Kareli",
  ],
  admin: (ref) => [
    "/admin",
    "/admin/users",
    "/admin/stations",
    "/admin/contacts",
    "/admin/requests",
    "/admin/webhooks",
    "/admin/canned-replies",
    "/admin/gazetteer",
    "/queue?view=all",
    `/tips/${ref}`,
    "/dashboard?range=today",
    "/account",
  ],
};

test.describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  test.describe.configure({ timeout: 240_000 });

  test("the sign-in and not-found pages, signed out", async ({ browser }) => {
    const found: string[] = [];
    for (const locale of LOCALES) {
      const context = await browser.newContext({ baseURL: E2E.baseUrl });
      const page = await context.newPage();
      await setLocale(page, locale);
      for (const path of PAGES.anonymous("", "")) await check(page, path, `anonymous-${locale}-${path}`, found);
      await context.close();
    }
    expect(found, found.join("\n")).toEqual([]);
  });

  for (const who of ["officer", "supervisor", "admin"] as const) {
    test(`every page of the ${who}, in English and Hindi`, async ({ as, request }) => {
      const { ref, requestId } = await seed(as, request);
      const page = await as(who);
      if (who === "admin") await seedAdminLists(page);
      const found: string[] = [];
      for (const locale of LOCALES) {
        await setLocale(page, locale);
        for (const path of PAGES[who](ref, requestId)) await check(page, path, `${who}-${locale}-${path}`, found);
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  test("the queue with rows selected (bulk bar) and the second-factor set-up screen", async ({ as, request }) => {
    await seed(as, request);
    const page = await as("supervisor");
    const found: string[] = [];
    await page.goto("/queue?view=all");
    await page.getByTestId("queue-table").locator("tbody tr").first().getByRole("checkbox").check();
    await expect(page.getByTestId("bulk-bar")).toBeVisible();
    for (const v of await violations(page)) found.push(`[queue with selection] ${v}`);
    const officer = await as("officer2");
    await officer.goto("/account");
    await officer.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(officer.getByTestId("totp-qr")).toBeVisible();
    await officer.screenshot({ path: "test-results/a11y/officer2-enrolment.png", fullPage: true });
    for (const v of await violations(officer)) found.push(`[two-factor set-up] ${v}`);
    expect(found, found.join("\n")).toEqual([]);
  });
});
