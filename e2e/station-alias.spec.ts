// The per-station "may see the informant alias" switch (ADR 0606), in Chromium against a real server:
// an admin adds a station (switch off by default) and a station-bound officer on it; a tip routed
// there gets a released brief. Every response of every page the officer opens (the station list and
// request page, the desk's tip page and brief editor, the queue and its JSON rows) is kept and
// searched: no alias while the switch is off; after the admin turns it on in Admin → Stations, the
// tip page and the station's request page carry it. Then the desk tells the informant that action
// was taken: the fake WhatsApp API receives the fixed text, once, with no detail of the report.
import crypto from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { test, expect, signInRequest } from "./fixtures";
import { adminCreates } from "./users";
import { fakeCalls, newTip, token } from "./tip-helpers";
import { releasedRequest, serverAction } from "./request-helpers";
import { E2E } from "./env";

/** A signed-in phone-sized context whose every same-origin response body is kept. */
async function recordingOfficer(browser: import("@playwright/test").Browser, username: string, password: string) {
  const context: BrowserContext = await browser.newContext({
    baseURL: E2E.baseUrl,
    viewport: { width: 390, height: 844 },
  });
  const page: Page = await context.newPage();
  const bodies: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (res) => {
    if (!res.url().startsWith(E2E.baseUrl) || res.url().includes("/_next/static/")) return;
    // A live stream's body never ends (it carries ids only, ADR 0600); what it points at is re-read
    // through the page's own responses, which are kept.
    if ((res.headers()["content-type"] ?? "").startsWith("text/event-stream")) return;
    pending.push(
      res.body().then(
        (b) => void bodies.push({ url: res.url(), body: b.toString("utf8") }),
        () => undefined,
      ),
    );
  });
  expect((await signInRequest(context.request, username, password)).status()).toBeLessThan(400);
  /** Waits for every response so far and hands them over (then starts afresh). */
  const take = async () => {
    await Promise.all(pending.splice(0));
    return bodies.splice(0);
  };
  return { context, page, take };
}

test("a station officer reads the informant alias only when the station is configured to allow it", async ({
  as,
  browser,
  request,
}) => {
  test.setTimeout(360_000);
  const station = `Thana ${token()}`;
  const password = `alias-${crypto.randomBytes(6).toString("hex")}`;
  const admin = await as("admin");
  await admin.goto("/admin/stations");
  await admin.getByLabel("Name", { exact: true }).first().fill(station);
  await admin.getByRole("button", { name: "Add station" }).click();
  await expect(admin.getByText("Station added.")).toBeVisible();
  const aliasSwitch = admin.getByTestId(`station-${station}`).getByTestId("station-alias-switch");
  await expect(aliasSwitch).not.toBeChecked();
  const { username } = await adminCreates(as, "aliasthana", password, { station });

  // A tip routed to the new station, with a brief released to it.
  const desk = await as("officer");
  const word = token();
  const { ref, from } = await newTip(request, desk, `${word} ganja bikta hai school ke peeche`);
  await desk.goto(`/tips/${ref}`);
  await desk.getByTestId("station-select").selectOption({ label: station });
  await expect(desk.getByTestId("tip-station")).toHaveText(station);
  const alias = (await desk.getByTestId("informant-alias").textContent())!.trim();
  expect(alias).toMatch(/^M-/);
  const stationId = await desk.getByTestId("station-select").inputValue();
  const supervisor = await as("supervisor");
  const requestId = await releasedRequest(desk.request, supervisor.request, ref, stationId);

  const officer = await recordingOfficer(browser, username, password);
  const pages = async () => {
    const p = officer.page;
    await p.goto("/station");
    await expect(p.getByTestId("station-card").filter({ hasText: ref })).toBeVisible();
    await p.goto(`/station/requests/${requestId}`);
    await expect(p.getByTestId("station-request")).toBeVisible();
    await p.goto(`/tips/${ref}`);
    await expect(p.getByTestId("tip-page")).toBeVisible();
    await p.goto(`/tips/${ref}/requests/new`);
    await expect(p.getByTestId("brief-page")).toBeVisible();
    await p.goto("/queue?view=all");
    await expect(p.getByTestId("queue-table").getByText(ref)).toBeVisible();
    const rows = await p.request.get(`/api/queue/rows?view=all&q=${word}`);
    return [...(await officer.take()), { url: rows.url(), body: await rows.text() }];
  };

  // Off (the default): the alias is in no response at all, and the tip page says it is hidden.
  const off = await pages();
  expect(off.length).toBeGreaterThan(5);
  for (const { url, body } of off) expect(body.includes(alias), `alias in ${url}`).toBe(false);
  await officer.page.goto(`/tips/${ref}`);
  await expect(officer.page.getByTestId("informant-alias-hidden")).toHaveText("hidden from this station");
  await officer.take();

  // The admin allows it for this station (audited): now the tip page and the station's page carry it.
  await aliasSwitch.check();
  await expect(aliasSwitch).toBeChecked();
  await admin.reload();
  await expect(admin.getByTestId(`station-${station}`).getByTestId("station-alias-switch")).toBeChecked();
  const on = await pages();
  const carrying = (path: string) => on.filter((r) => new URL(r.url).pathname === path && r.body.includes(alias));
  expect(carrying(`/tips/${ref}`).length).toBeGreaterThan(0);
  expect(carrying(`/station/requests/${requestId}`).length).toBeGreaterThan(0);
  await officer.page.goto(`/station/requests/${requestId}`);
  await expect(officer.page.getByTestId("station-alias")).toHaveText(alias);

  // Off again: gone again.
  await admin.getByTestId(`station-${station}`).getByTestId("station-alias-switch").uncheck();
  await expect(admin.getByTestId(`station-${station}`).getByTestId("station-alias-switch")).not.toBeChecked();
  await officer.take();
  await officer.page.goto(`/tips/${ref}`);
  await expect(officer.page.getByTestId("informant-alias-hidden")).toBeVisible();
  await officer.page.goto(`/station/requests/${requestId}`);
  await expect(officer.page.getByTestId("station-request")).toBeVisible();
  for (const { url, body } of await officer.take()) expect(body.includes(alias), `alias in ${url}`).toBe(false);

  // The station reports action; the desk tells the informant, once, in the fixed words.
  expect(
    await serverAction(
      officer.context.request,
      `/station/requests/${requestId}`,
      "lib/requests/actions.ts",
      "reportRequestAction",
      { fields: { requestId, kind: "FIR_REGISTERED", firNumber: "0789/2026", details: "Seized 2 kg near the school" } },
    ),
  ).toMatchObject({ ok: true });
  await officer.context.close();
  await desk.goto(`/tips/${ref}`);
  const req = desk.locator(`[data-testid="request"][data-id="${requestId}"]`);
  const to = from.replace(/^\+/, "");
  // The informant's own earlier messages (the automatic acknowledgement) are counted first.
  const sendsTo = async () =>
    (await fakeCalls(request)).filter((c) => c.route === "meta.send" && (c.body as { to?: string }).to === to);
  const before = (await sendsTo()).length;
  desk.once("dialog", (d) => void d.accept());
  await req.getByTestId("tell-informant").click();
  await expect(req.getByTestId("informant-told")).toBeVisible({ timeout: 20_000 });
  await expect(req.getByTestId("tell-informant")).toHaveCount(0);
  await expect.poll(async () => (await sendsTo()).length, { timeout: 20_000 }).toBe(before + 1);
  const sent = (await sendsTo()).slice(before);
  expect(sent[0].body).toEqual({
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "text",
    text: {
      preview_url: false,
      body: `आपकी सूचना ${ref} पर कार्रवाई की गई है। धन्यवाद।\n\nAction has been taken on your information ${ref}. Thank you.`,
    },
  });
  for (const secret of ["0789/2026", "2 kg", "school", station])
    expect(JSON.stringify(sent[0].body)).not.toContain(secret);
  // A second try (another officer's stale page) is refused with the reason.
  expect(
    await serverAction(desk.request, `/tips/${ref}`, "lib/requests/actions.ts", "tellInformantAction", [requestId]),
  ).toMatchObject({ ok: false, code: "informantAlreadyTold" });
});

test("an admin sets the per-priority request rules; bad input is refused with a message and changes nothing", async ({
  as,
}) => {
  const admin = await as("admin");
  await admin.goto("/admin/requests");
  const form = admin.getByTestId("request-settings-form");
  const urgent = form.getByLabel("Due in hours for Urgent");
  const original = await urgent.inputValue();
  // 721 h passes the browser's own check only without it: the server's message is what counts.
  await form.evaluate((f) => f.setAttribute("novalidate", ""));
  await urgent.fill("721");
  await form.getByRole("button", { name: "Save rules" }).click();
  await expect(form.getByText("Each due time must be a number of hours above 0 and at most 720")).toBeVisible();
  await admin.reload();
  await expect(form.getByLabel("Due in hours for Urgent")).toHaveValue(original);
  // A valid change is saved and shown after a reload; then put back.
  await form.getByLabel("Due in hours for Urgent").fill(original === "3" ? "2" : "3");
  await form.getByRole("button", { name: "Save rules" }).click();
  await expect(form.getByText("Rules saved.")).toBeVisible();
  await admin.reload();
  await expect(form.getByLabel("Due in hours for Urgent")).toHaveValue(original === "3" ? "2" : "3");
  await form.getByLabel("Due in hours for Urgent").fill(original);
  await form.getByRole("button", { name: "Save rules" }).click();
  await expect(form.getByText("Rules saved.")).toBeVisible();
});
